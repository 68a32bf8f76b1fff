/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "model/decide.h"
#include "model/risk_edit.h"
#include "model/rule_check.h"
#include "model/rules.h"

static size_t check_risks(const struct az_catalogue *cat, const struct az_book *b, int approved, az_rule_break_fn fn,
			  void *arg)
{
	struct az_risk_index ix;
	size_t n = 0;
	if (az_risk_index_build(b, &ix) != 0)
		return 0;
	for (size_t i = 0; i < b->n_risks; i++) {
		const struct az_risk *r = &b->risks[i];
		struct az_risk_facts f;
		az_risk_facts_of(&ix, r, &f);
		az_risk_facts_rank(cat, &f);
		const char *why = az_risk_rule_break(&f, approved);
		if (!why)
			continue;
		const struct az_system *sys = az_book_system(b, r->system_id);
		const struct az_threat *t = az_catalogue_threat(cat, r->threat);
		char where[512];
		snprintf(where, sizeof where, _("risk %lld (%s, %s)"), r->id, sys ? sys->name : "?",
			 t ? az_text_get(&t->name) : r->threat);
		if (fn)
			fn(arg, where, why);
		n++;
	}
	az_risk_index_free(&ix);
	return n;
}

static size_t check_facts(const struct az_catalogue *cat, const struct az_book *b, az_rule_break_fn fn, void *arg)
{
	size_t n = 0;
	for (size_t i = 0; i < b->n_facts; i++) {
		const struct az_fact_row *r = &b->facts[i];
		const struct az_fact *f = az_catalogue_fact(cat, r->fact);
		char where[256];
		snprintf(where, sizeof where, _("fact %lld (%s)"), r->id, f ? az_text_get(&f->question) : r->fact);
		const char *why = !f ? _("no such question in the catalogue")
			: az_fact_answer_invalid(f, r->answer, r->value);
		if (!why && f && ((f->scope == AZ_SCOPE_CLINIC) != (!r->system_id && !r->vendor_id) ||
				  (f->scope == AZ_SCOPE_SYSTEM && !r->system_id) ||
				  (f->scope == AZ_SCOPE_VENDOR && !r->vendor_id)))
			why = _("answered for the clinic, a system or a vendor where the question is not asked");
		if (!why)
			continue;
		if (fn)
			fn(arg, where, why);
		n++;
	}
	return n;
}

size_t az_book_rule_breaks(const struct az_catalogue *cat, const struct az_book *b, az_rule_break_fn fn, void *arg)
{
	int approved = b->assessment.approved_at && *b->assessment.approved_at;
	return check_risks(cat, b, approved, fn, arg) + check_facts(cat, b, fn, arg);
}

static void first_break(void *arg, const char *where, const char *rule)
{
	struct az_error *err = arg;
	if (err->code == AZ_OK)
		az_fail(err, AZ_DATAERR, _("Not approved: %s: %s"), where, rule);
}

int az_book_approval_check(const struct az_catalogue *cat, const struct az_book *b, struct az_error *err)
{
	err->code = AZ_OK;
	/* the rules an approved assessment obeys, which import checks too */
	check_risks(cat, b, 1, first_break, err);
	return err->code;
}
