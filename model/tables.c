/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <string.h>

#include "base/i18n.h"
#include "model/tables.h"

const char *const az_hosting_values[] = { "onprem", "cloud", NULL };
const char *const az_remote_values[] = { "yes", "no", "unknown", NULL };
const char *const az_connection_values[] = { "internet_vpn", "closed_network", "leased_line", "lte", "internet",
					     "cloud", "none", NULL };
const char *const az_treatment_values[] = { "avoid", "reduce", "transfer", "accept", NULL };
const char *const az_certification_values[] = { "isms", "pmark", "both", "none", "unknown", NULL };
const char *const az_action_status_values[] = { "planned", "in_progress", "done", "dropped", NULL };
const char *const az_answer3_values[] = { "yes", "no", "unknown", NULL };
const char *const az_checklist_answer_values[] = { "yes", "no", "na", NULL };
const char *const az_device_values[] = { "all", "server", "terminal", "network", NULL };
const char *const az_contact_kind_values[] = { "internal", "vendor", "authority", "other", NULL };
const char *const az_score_basis_values[] = { "suggested", "changed", NULL };
const char *const az_dismiss_values[] = { "no_device", "not_used", "covered", "other", NULL };

#define COLUMN_(t, col, field, type, flags, min, max, values, ref, label, def, pos) \
	{ #col, AZ_T_##type, flags, min, max, values, ref, label, def, pos },
#define COLUMNS_(a, name, single, max, order, constraints) \
	static const struct az_column name##_cols[] = { AZ_COLUMNS_##name(COLUMN_, name) }; \
	_Static_assert(sizeof name##_cols / sizeof name##_cols[0] == AZ_NCOLS_##name, #name);
AZ_TABLE_LIST(COLUMNS_, ~)

#define TABLE_(a, name, single, max, order, constraints) \
	[AZ_TBL_##name] = { #name, name##_cols, AZ_NCOLS_##name, single, max, order, constraints },
const struct az_table az_tables[] = { AZ_TABLE_LIST(TABLE_, ~) };
const size_t az_ntables = AZ_NTABLES;
_Static_assert(sizeof az_tables / sizeof az_tables[0] == AZ_NTABLES, "one az_tables entry per table");

/* Parents before the rows that refer to them. */
const struct az_table *const az_tables_load_order[] = {
	&az_tables[AZ_TBL_clinic], &az_tables[AZ_TBL_assessment], &az_tables[AZ_TBL_contacts],
	&az_tables[AZ_TBL_vendors], &az_tables[AZ_TBL_systems], &az_tables[AZ_TBL_facts],
	&az_tables[AZ_TBL_risks], &az_tables[AZ_TBL_actions], &az_tables[AZ_TBL_vendor_answers],
	&az_tables[AZ_TBL_checklist_answers], &az_tables[AZ_TBL_changelog], &az_tables[AZ_TBL_history], NULL,
};
_Static_assert(sizeof az_tables_load_order / sizeof az_tables_load_order[0] == AZ_NTABLES + 1,
	       "every table in the load order");

const struct az_table *az_table_find(const char *name)
{
	for (size_t i = 0; i < az_ntables; i++)
		if (strcmp(az_tables[i].name, name) == 0)
			return &az_tables[i];
	return NULL;
}

const struct az_column *az_column_find(const struct az_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i].name, name) == 0)
			return &t->cols[i];
	return NULL;
}

int az_enum_index(const char *const *values, const char *v)
{
	for (int i = 0; values[i]; i++)
		if (strcmp(values[i], v) == 0)
			return i;
	return -1;
}
