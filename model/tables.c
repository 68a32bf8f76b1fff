#include <config.h>

#include <string.h>

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

#define ID { "id", AZ_T_INT, AZ_C_REQUIRED, 1, 2147483647L, NULL, NULL }
#define SHORT(n) { n, AZ_T_TEXT, 0, 0, 200, NULL, NULL }
#define LONG(n) { n, AZ_T_TEXT, 0, 0, 4000, NULL, NULL }
#define DATE(n) { n, AZ_T_DATE, AZ_C_NULL, 0, 0, NULL, NULL }
#define ENUM(n, v, f) { n, AZ_T_ENUM, f, 0, 0, v, NULL }
#define SCORE(n) { n, AZ_T_INT, AZ_C_NULL, 1, 5, NULL, NULL }
#define NCOLS(a) (sizeof a / sizeof a[0])

static const struct az_column actions[] = {
	{ "control", AZ_T_TEXT, AZ_C_NULL, 1, 64, NULL, NULL },
	LONG("description"),
	DATE("done_at"),
	DATE("due"),
	ID,
	SHORT("owner"),
	{ "risk_id", AZ_T_REF, AZ_C_REQUIRED, 0, 0, NULL, "risks" },
	ENUM("status", az_action_status_values, 0),
};

static const struct az_column assessment[] = {
	DATE("approved_at"),
	SHORT("approved_by"),
	{ "checklist_version", AZ_T_TEXT, 0, 1, 40, NULL, NULL },
	{ "fiscal_year", AZ_T_INT, AZ_C_REQUIRED, 2000, 2100, NULL, NULL },
	{ "guideline_version", AZ_T_TEXT, 0, 1, 20, NULL, NULL },
	LONG("policy"),
};

static const struct az_column changelog[] = {
	{ "at", AZ_T_TEXT, AZ_C_REQUIRED, 1, 40, NULL, NULL },
	{ "field", AZ_T_TEXT, AZ_C_REQUIRED, 1, 64, NULL, NULL },
	ID,
	{ "new", AZ_T_TEXT, AZ_C_NULL, 0, 4000, NULL, NULL },
	{ "old", AZ_T_TEXT, AZ_C_NULL, 0, 4000, NULL, NULL },
	{ "row_key", AZ_T_TEXT, AZ_C_REQUIRED, 1, 200, NULL, NULL },
	{ "tbl", AZ_T_TEXT, AZ_C_REQUIRED, 1, 64, NULL, NULL },
};

static const struct az_column checklist_answers[] = {
	ENUM("answer", az_checklist_answer_values, AZ_C_NULL),
	DATE("checked_at"),
	{ "checklist", AZ_T_TEXT, AZ_C_REQUIRED, 1, 40, NULL, NULL },
	ENUM("device", az_device_values, 0),
	{ "item", AZ_T_TEXT, AZ_C_REQUIRED, 1, 40, NULL, NULL },
	LONG("note"),
	DATE("target_at"),
};

static const struct az_column clinic[] = {
	SHORT("address"),
	SHORT("administrator"),
	SHORT("name"),
	SHORT("phone"),
	SHORT("security_deputy"),
	SHORT("security_officer"),
};

static const struct az_column contacts[] = {
	ID,
	ENUM("kind", az_contact_kind_values, 0),
	SHORT("name"),
	SHORT("organisation"),
	SHORT("phone"),
	{ "position", AZ_T_INT, 0, 0, 1000000, NULL, NULL },
	SHORT("role"),
};

static const struct az_column facts[] = {
	ENUM("answer", az_answer3_values, AZ_C_NULL),
	{ "fact", AZ_T_TEXT, AZ_C_REQUIRED, 1, 64, NULL, NULL },
	ID,
	{ "system_id", AZ_T_REF, AZ_C_NULL, 0, 0, NULL, "systems" },
	DATE("value"),
	{ "vendor_id", AZ_T_REF, AZ_C_NULL, 0, 0, NULL, "vendors" },
};
/* A snapshot is a whole earlier year's export: up to 64 MiB. */
static const struct az_column history[] = {
	{ "fiscal_year", AZ_T_INT, AZ_C_REQUIRED, 2000, 2100, NULL, NULL },
	{ "snapshot", AZ_T_TEXT, AZ_C_REQUIRED, 2, 67108864L, NULL, NULL },
	DATE("taken_at"),
};

static const struct az_column risks[] = {
	DATE("accepted_at"),
	SHORT("accepted_by"),
	DATE("confirmed_at"),
	SHORT("confirmed_by"),
	LONG("dismiss_note"),
	ENUM("dismissed", az_dismiss_values, AZ_C_NULL),
	{ "exception", AZ_T_BOOL, 0, 0, 1, NULL, NULL },
	ID,
	SCORE("likelihood"),
	LONG("rationale"),
	SCORE("residual_likelihood"),
	SCORE("residual_severity"),
	ENUM("score_basis", az_score_basis_values, AZ_C_NULL),
	SCORE("severity"),
	{ "system_id", AZ_T_REF, AZ_C_REQUIRED, 0, 0, NULL, "systems" },
	{ "threat", AZ_T_TEXT, AZ_C_REQUIRED, 1, 64, NULL, NULL },
	SHORT("title"),
	SHORT("transfer_to"),
	ENUM("treatment", az_treatment_values, AZ_C_NULL),
};

static const struct az_column systems[] = {
	{ "category", AZ_T_TEXT, AZ_C_REQUIRED, 1, 64, NULL, NULL },
	ENUM("connection", az_connection_values, 0),
	SHORT("device_make"),
	SHORT("device_model"),
	SHORT("firmware"),
	{ "holds_patient_data", AZ_T_BOOL, 0, 0, 1, NULL, NULL },
	ENUM("hosting", az_hosting_values, 0),
	ID,
	{ "importance", AZ_T_INT, 0, 1, 3, NULL, NULL },
	{ "name", AZ_T_TEXT, AZ_C_REQUIRED, 1, 200, NULL, NULL },
	LONG("note"),
	ENUM("remote_maintenance", az_remote_values, 0),
	{ "vendor_id", AZ_T_REF, AZ_C_NULL, 0, 0, NULL, "vendors" },
};

static const struct az_column vendor_answers[] = {
	ENUM("answer", az_answer3_values, AZ_C_NULL),
	DATE("confirmed_at"),
	LONG("note"),
	{ "question", AZ_T_TEXT, AZ_C_REQUIRED, 1, 64, NULL, NULL },
	SHORT("value"),
	{ "vendor_id", AZ_T_REF, AZ_C_REQUIRED, 0, 0, NULL, "vendors" },
};

static const struct az_column vendors[] = {
	ENUM("certification", az_certification_values, 0),
	DATE("certification_target"),
	SHORT("contact"),
	ID,
	DATE("mds_sds_received"),
	{ "name", AZ_T_TEXT, AZ_C_REQUIRED, 1, 200, NULL, NULL },
	LONG("note"),
};

#define TABLE(n, single, max, order) { #n, n, NCOLS(n), single, max, order }

const struct az_table az_tables[] = {
	TABLE(actions, 0, 100000, "id"),
	TABLE(assessment, 1, 1, "id"),
	TABLE(changelog, 0, 1000000, "id"),
	TABLE(checklist_answers, 0, 5000, "checklist, item, device"),
	TABLE(clinic, 1, 1, "id"),
	TABLE(contacts, 0, 500, "id"),
	TABLE(facts, 0, 100000, "id"),
	TABLE(history, 0, 101, "fiscal_year"),
	TABLE(risks, 0, 100000, "id"),
	TABLE(systems, 0, 5000, "id"),
	TABLE(vendor_answers, 0, 20000, "vendor_id, question"),
	TABLE(vendors, 0, 1000, "id"),
};
const size_t az_ntables = NCOLS(az_tables);

/* clinic, assessment, contacts, vendors, systems, facts, risks, actions, vendor_answers,
 * checklist_answers, changelog, history */
const struct az_table *const az_tables_load_order[] = {
	&az_tables[4], &az_tables[1], &az_tables[5], &az_tables[11], &az_tables[9], &az_tables[6],
	&az_tables[8], &az_tables[0], &az_tables[10], &az_tables[3], &az_tables[2], &az_tables[7], NULL,
};

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
