/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "model/rules.h"
#include "model/risk_edit.h"
#include "model/score_suggest.h"

enum { ANSWER_YES, ANSWER_NO, ANSWER_UNKNOWN }; /* az_answer3_values */

static int applies_to(const struct az_fact *f, const struct az_system *sys)
{
	if (!f->applies.pos.line)
		return 1;
	struct az_system_facts sf = az_system_facts_of(sys);
	return az_applies_hold(&f->applies, &sf);
}

int az_fact_asked_for_system(const struct az_fact *f, const struct az_system *sys)
{
	return f->scope == AZ_SCOPE_SYSTEM && applies_to(f, sys);
}

int az_fact_asked_for_vendor(const struct az_fact *f, const struct az_book *b, long long vendor_id)
{
	if (f->scope != AZ_SCOPE_VENDOR)
		return 0;
	for (size_t i = 0; i < b->n_systems; i++)
		if (b->systems[i].vendor_id == vendor_id && applies_to(f, &b->systems[i]))
			return 1;
	return 0;
}

size_t az_facts_asked(const struct az_catalogue *cat, const struct az_book *b, enum az_fact_scope scope,
		      long long id, const struct az_fact **out, size_t max)
{
	const struct az_system *sys = scope == AZ_SCOPE_SYSTEM ? az_book_system(b, id) : NULL;
	size_t n = 0;
	for (size_t i = 0; i < cat->nfacts; i++) {
		const struct az_fact *f = &cat->facts[i];
		int asked = scope == AZ_SCOPE_CLINIC   ? f->scope == AZ_SCOPE_CLINIC
			    : scope == AZ_SCOPE_SYSTEM ? sys && az_fact_asked_for_system(f, sys)
						       : az_fact_asked_for_vendor(f, b, id);
		if (!asked)
			continue;
		if (n < max)
			out[n] = f;
		n++;
	}
	return n;
}

int az_fact_answered(const struct az_book *b, const struct az_fact *f, long long system_id, long long vendor_id)
{
	const struct az_fact_row *r = az_fact_find(b, f->id, system_id, vendor_id);
	return r && r->answer >= 0;
}

int az_threat_uses_fact(const struct az_threat *t, const struct az_fact *f)
{
	for (size_t i = 0; t->scoring && i < t->scoring->nrules; i++)
		if (t->scoring->rules[i].f == f)
			return 1;
	return 0;
}

size_t az_facts_unanswered(const struct az_catalogue *cat, const struct az_book *b, const struct az_threat *t)
{
	size_t n = 0;
	for (size_t i = 0; i < cat->nfacts; i++) {
		const struct az_fact *f = &cat->facts[i];
		if (t && !az_threat_uses_fact(t, f))
			continue;
		if (f->scope == AZ_SCOPE_CLINIC)
			n += !az_fact_answered(b, f, 0, 0);
		for (size_t k = 0; f->scope == AZ_SCOPE_SYSTEM && k < b->n_systems; k++)
			if (az_fact_asked_for_system(f, &b->systems[k]))
				n += !az_fact_answered(b, f, b->systems[k].id, 0);
		for (size_t k = 0; f->scope == AZ_SCOPE_VENDOR && k < b->n_vendors; k++)
			if (az_fact_asked_for_vendor(f, b, b->vendors[k].id))
				n += !az_fact_answered(b, f, 0, b->vendors[k].id);
	}
	return n;
}

/* The book's facts are sorted by (fact, system_id, vendor_id): a binary search. */
static int cmp_key(const struct az_fact_row *r, const char *fact, long long sys, long long ven)
{
	int c = strcmp(r->fact, fact);
	if (c)
		return c;
	if (r->system_id != sys)
		return r->system_id < sys ? -1 : 1;
	return r->vendor_id == ven ? 0 : r->vendor_id < ven ? -1 : 1;
}

const struct az_fact_row *az_fact_find(const struct az_book *b, const char *fact, long long system_id,
				       long long vendor_id)
{
	size_t lo = 0, hi = b->n_facts;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_key(&b->facts[mid], fact, system_id, vendor_id);
		if (c == 0)
			return &b->facts[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* A date is recent when it is on or after 1 April of the fiscal year before the assessment's. */
static int date_state(const struct az_book *b, const char *value)
{
	if (!value || strlen(value) != 10)
		return AZ_WHEN_UNKNOWN;
	int fy = b->assessment.fiscal_year;
	char since[32];
	snprintf(since, sizeof since, "%04d-04-01", (fy > 2000 ? fy : 2000) - 1);
	return strcmp(value, since) >= 0 ? AZ_WHEN_YES : AZ_WHEN_OLD;
}

int az_fact_state(const struct az_book *b, const struct az_fact *f, const struct az_system *sys)
{
	const struct az_fact_row *r = NULL;
	switch (f->scope) {
	case AZ_SCOPE_CLINIC:
		r = az_fact_find(b, f->id, 0, 0);
		break;
	case AZ_SCOPE_SYSTEM:
		r = az_fact_find(b, f->id, sys->id, 0);
		break;
	case AZ_SCOPE_VENDOR:
		r = sys->vendor_id ? az_fact_find(b, f->id, 0, sys->vendor_id) : NULL;
		break;
	}
	if (!r)
		return AZ_WHEN_UNKNOWN;
	if (f->answer == AZ_FACT_DATE)
		return r->answer == ANSWER_UNKNOWN ? AZ_WHEN_UNKNOWN : date_state(b, r->value);
	switch (r->answer) {
	case ANSWER_YES:
		return AZ_WHEN_YES;
	case ANSWER_NO:
		return AZ_WHEN_NO;
	default:
		return AZ_WHEN_UNKNOWN;
	}
}

/* A fact about another device (the VPN router's firmware for the receipt computer's VPN risk) is
 * taken from the systems it is asked for: a rule that raises a level holds if it holds for any of
 * them, one that lowers it only if it holds for all (and there is one). */
static int elsewhere(const struct az_book *b, const struct az_score_rule *r)
{
	int raise = r->likelihood > 0 || r->severity > 0, any = 0, all = 1, asked = 0;
	for (size_t k = 0; k < b->n_systems; k++) {
		const struct az_system *o = &b->systems[k];
		int ok = r->f->scope == AZ_SCOPE_SYSTEM ? applies_to(r->f, o) : o->vendor_id && applies_to(r->f, o);
		if (!ok)
			continue;
		asked = 1;
		int hold = (r->when >> az_fact_state(b, r->f, o)) & 1u;
		any |= hold;
		all &= hold;
	}
	return asked && (raise ? any : all);
}

static int rule_holds(const struct az_book *b, const struct az_score_rule *r, const struct az_system *sys)
{
	if (r->f->scope != AZ_SCOPE_CLINIC && !applies_to(r->f, sys))
		return elsewhere(b, r);
	return (r->when >> az_fact_state(b, r->f, sys)) & 1u;
}

static int clamp(int v) { return v < 1 ? 1 : v > AZ_LEVELS ? AZ_LEVELS : v; }

void az_suggest_score(const struct az_book *b, const struct az_threat *t, const struct az_system *sys,
		      struct az_suggestion *out)
{
	memset(out, 0, sizeof *out);
	int l = t->likelihood, s = t->severity;
	out->base_likelihood = l;
	out->base_severity = s;
	const struct az_scoring *sc = t->scoring;
	for (size_t i = 0; sc && i < sc->nrules; i++) {
		const struct az_score_rule *r = &sc->rules[i];
		if (!r->f || !rule_holds(b, r, sys))
			continue;
		l += r->likelihood;
		s += r->severity;
		if (out->nrules < AZ_SUGGEST_REASONS)
			out->rules[out->nrules++] = r;
	}
	out->likelihood = clamp(l);
	out->severity = clamp(s);
}

void az_suggestion_reason(const struct az_suggestion *sg, int which, char *buf, size_t size)
{
	int level = which ? sg->severity : sg->likelihood;
	size_t len = 0, n = 0;
	if (!size)
		return;
	int w = snprintf(buf, size, "%d: ", level);
	len = w > 0 && (size_t)w < size ? (size_t)w : size - 1;
	for (size_t i = 0; i < sg->nrules && len + 1 < size; i++) {
		const struct az_score_rule *r = sg->rules[i];
		if (!(which ? r->severity : r->likelihood))
			continue;
		w = snprintf(buf + len, size - len, "%s%s", n++ ? _("; ") : "", az_text_get(&r->reason));
		len = w > 0 && len + (size_t)w < size ? len + (size_t)w : size - 1;
	}
	if (!n)
		snprintf(buf + len, size - len, "%s", _("usual for this threat"));
}
