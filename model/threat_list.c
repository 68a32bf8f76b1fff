/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/rules.h"
#include "model/threat_list.h"

/* Position of a system in the book (systems are in id order), or -1. */
static long sys_index(const struct az_book *b, long long id)
{
	const struct az_system *s = az_book_system(b, id);
	return s ? (long)(s - b->systems) : -1;
}

static int rank_of(const struct az_catalogue *cat, int l, int s)
{
	int k = az_rank_index(cat, l, s);
	return k < 0 ? (int)cat->nranks : k;
}

static const struct az_catalogue *sort_cat;

static int by_rank(const void *a, const void *b)
{
	const struct az_threat_summary *x = a, *y = b;
	int rx = rank_of(sort_cat, x->suggestion.likelihood, x->suggestion.severity);
	int ry = rank_of(sort_cat, y->suggestion.likelihood, y->suggestion.severity);
	if (rx != ry)
		return rx - ry;
	return x->threat < y->threat ? -1 : x->threat > y->threat; /* catalogue order */
}

static const struct az_risk *sort_risks;

static int by_threat(const void *a, const void *b)
{
	return strcmp(sort_risks[*(const size_t *)a].threat, sort_risks[*(const size_t *)b].threat);
}

/* The book's risks of threat t, by the position of their system; order holds the risks sorted by threat. */
static void risks_of(const struct az_book *b, const size_t *order, const struct az_threat *t,
		     const struct az_risk **by_sys)
{
	size_t lo = 0, hi = b->n_risks;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(b->risks[order[mid]].threat, t->id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < b->n_risks && !strcmp(b->risks[order[lo]].threat, t->id); lo++) {
		long k = sys_index(b, b->risks[order[lo]].system_id);
		if (k >= 0)
			by_sys[k] = &b->risks[order[lo]];
	}
}

static void add_system(const struct az_catalogue *cat, const struct az_book *b, const struct az_risk_index *ix,
		       struct az_threat_summary *ts, const struct az_system *sys, const struct az_risk *r,
		       int *unscored, int *untreated)
{
	ts->nsystems++;
	if (r && r->dismissed >= 0) {
		ts->ndismissed++;
		return;
	}
	struct az_suggestion sg;
	az_suggest_score(b, ts->threat, sys, &sg);
	if (!ts->suggested_for || rank_of(cat, sg.likelihood, sg.severity) <
					  rank_of(cat, ts->suggestion.likelihood, ts->suggestion.severity)) {
		ts->suggested_for = sys;
		ts->suggestion = sg;
	}
	if (r && r->exception)
		ts->nexceptions++;
	if (r && !r->exception && r->likelihood && r->severity && !ts->likelihood) {
		ts->likelihood = r->likelihood;
		ts->severity = r->severity;
		ts->treatment = r->treatment;
	}
	if (!r || !r->likelihood || !r->severity) {
		(*unscored)++;
		return;
	}
	struct az_risk_facts f;
	az_risk_facts_of(ix, r, &f);
	az_risk_facts_rank(cat, &f);
	enum az_risk_state st = az_risk_state(&f);
	ts->ncomplete += st == AZ_RISK_COMPLETE;
	ts->nopen += st == AZ_RISK_COMPLETE && az_risk_actions_open(&f) > 0;
	*untreated += st == AZ_RISK_UNTREATED;
}

int az_threat_list(const struct az_catalogue *cat, const struct az_book *b, const struct az_risk_index *ix,
		   struct az_threat_summary **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct az_threat_summary *v = calloc(cat->nthreats ? cat->nthreats : 1, sizeof *v);
	const struct az_risk **by_sys = calloc(b->n_systems ? b->n_systems : 1, sizeof *by_sys);
	size_t *order = malloc((b->n_risks ? b->n_risks : 1) * sizeof *order);
	if (!v || !by_sys || !order) {
		free(v);
		free(by_sys);
		free(order);
		return -1;
	}
	for (size_t i = 0; i < b->n_risks; i++)
		order[i] = i;
	sort_risks = b->risks;
	qsort(order, b->n_risks, sizeof *order, by_threat);
	size_t k = 0;
	for (size_t i = 0; i < cat->nthreats; i++) {
		const struct az_threat *t = &cat->threats[i];
		struct az_threat_summary *ts = &v[k];
		memset(ts, 0, sizeof *ts);
		ts->threat = t;
		ts->treatment = -1;
		memset(by_sys, 0, b->n_systems * sizeof *by_sys);
		risks_of(b, order, t, by_sys);
		int unscored = 0, untreated = 0;
		for (size_t j = 0; j < b->n_systems; j++) {
			struct az_system_facts sf = az_system_facts_of(&b->systems[j]);
			if (by_sys[j] || az_threat_applies(t, &sf))
				add_system(cat, b, ix, ts, &b->systems[j], by_sys[j], &unscored, &untreated);
		}
		if (!ts->nsystems)
			continue;
		if (!ts->suggested_for) /* dismissed everywhere: the catalogue's levels */
			ts->suggestion.likelihood = t->likelihood, ts->suggestion.severity = t->severity;
		ts->status = ts->ndismissed == ts->nsystems ? AZ_THREAT_NOT_APPLICABLE
			     : ts->ncomplete + ts->ndismissed == ts->nsystems ? AZ_THREAT_COMPLETE
			     : unscored ? AZ_THREAT_TO_CONFIRM
			     : untreated ? AZ_THREAT_TO_DECIDE
					 : AZ_THREAT_INCOMPLETE;
		k++;
	}
	free(by_sys);
	free(order);
	sort_cat = cat;
	qsort(v, k, sizeof *v, by_rank);
	*out = v;
	*n = k;
	return 0;
}

const char *az_threat_status_name(int status)
{
	static const char *const names[] = { N_("To confirm"), N_("To decide"), N_("Incomplete"), N_("Complete"),
					     N_("Not applicable") };
	return status >= 0 && status <= AZ_THREAT_NOT_APPLICABLE ? _(names[status]) : "";
}

const char *az_threat_summary_status(const struct az_threat_summary *ts)
{
	if (ts->status == AZ_THREAT_COMPLETE && ts->nopen)
		return _("Decided, actions open");
	return az_threat_status_name(ts->status);
}
