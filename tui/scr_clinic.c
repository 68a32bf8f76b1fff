/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The clinic profile with its responsible people. */
#include <config.h>

#include "base/i18n.h"
#include "tui/editform.h"
#include "tui/help_text.h"
#include "tui/wb.h"

#define T(l, h, m) { .label = l, .help = h, .kind = TUI_FIELD_TEXT, .max = m }

static const struct tui_form_item clinic_items[] = {
	T(N_("Clinic name"), N_("The name of the clinic as the health centre knows it (up to 200 characters)."), 200),
	T(N_("Address"), N_("The clinic's address, as on the opening notification."), 200),
	T(N_("Phone"), N_("The clinic's main phone number."), 200),
	T(N_("Administrator (管理者)"), N_("The clinic's administrator (管理者), usually the director: answers for "
					  "the whole of the safety management."), 200),
	T(N_("Security officer"), N_("The person responsible for information security (安全管理責任者); in a "
				     "small clinic often the administrator too."), 200),
	T(N_("Deputy"), N_("Who acts for the security officer when they are away (may be empty)."), 200),
};
static const struct tui_form_col clinic_cols[] = {
	{ AZ_COL(clinic, name), NULL }, { AZ_COL(clinic, address), NULL }, { AZ_COL(clinic, phone), NULL },
	{ AZ_COL(clinic, administrator), NULL }, { AZ_COL(clinic, security_officer), NULL },
	{ AZ_COL(clinic, security_deputy), NULL },
};

static struct tui_editform_spec clinic_spec = {
	.title = N_("Clinic and roles"),
	.help = tui_help_clinic,
	.items = clinic_items,
	.cols = clinic_cols,
	.n = sizeof clinic_items / sizeof clinic_items[0],
	.table = AZ_TABLE(clinic),
	.stay = 1,
	.facts = 1 + AZ_SCOPE_CLINIC,
};

int tui_clinic_open(void)
{
	const struct az_clinic *c = &tui_wb->book.clinic;
	const char *v[] = { c->name, c->address, c->phone, c->administrator, c->security_officer, c->security_deputy };
	return tui_editform_open(&clinic_spec, 1, NULL, tui_editform_load_texts, (void *)v);
}
