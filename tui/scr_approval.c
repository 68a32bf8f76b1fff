/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The approval of the assessment: who approved it, when, and the clinic's policy. */
#include <config.h>

#include "base/i18n.h"
#include "model/rule_check.h"
#include "tui/editform.h"
#include "tui/help_text.h"
#include "tui/screen.h"
#include "tui/wb.h"

#define T(l, h, m) { .label = l, .help = h, .kind = TUI_FIELD_TEXT, .max = m }
#define D(l, h) { .label = l, .help = h, .kind = TUI_FIELD_DATE, .max = 10 }

static const struct tui_form_item approval_items[] = {
	T(N_("Approved by"), N_("Who approved this risk assessment, usually the administrator (管理者)."), 200),
	D(N_("Approved on"), N_("The day it was approved, as YYYY-MM-DD (for example 2026-11-23).")),
	T(N_("Policy"), N_("The clinic's security policy in a sentence or two (optional; up to 4,000 characters)."), 4000),
};
static const struct tui_form_col approval_cols[] = {
	{ AZ_COL(assessment, approved_by), NULL },
	{ AZ_COL(assessment, approved_at), NULL },
	{ AZ_COL(assessment, policy), NULL },
};

/* A date of approval is refused while a risk breaks a rule an approved assessment obeys (model). */
static int refuse_approval(struct tui_form *fm)
{
	struct az_error err = { 0 };
	if (!fm->fields[1].len || az_book_approval_check(tui_wb->cat, &tui_wb->book, &err) == AZ_OK)
		return 0;
	tui_error("%s", err.msg);
	return 1;
}

static struct tui_editform_spec approval_spec = {
	.title = N_("Approval"),
	.help = tui_help_approval,
	.items = approval_items,
	.cols = approval_cols,
	.n = sizeof approval_items / sizeof approval_items[0],
	.table = AZ_TABLE(assessment),
	.stay = 1,
	.refuse = refuse_approval,
};

int tui_approval_open(void)
{
	const struct az_assessment *a = &tui_wb->book.assessment;
	const char *v[] = { a->approved_by, a->approved_at, a->policy };
	return tui_editform_open(&approval_spec, 1, NULL, tui_editform_load_texts, (void *)v);
}
