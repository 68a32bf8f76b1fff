/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/edit.h"
#include "model/risk_edit.h"
#include "model/tables.h"

static const struct az_book *sort_book; /* qsort has no context argument in C11 */

static int by_risk(const void *a, const void *b)
{
	const struct az_action *x = &sort_book->actions[*(const size_t *)a];
	const struct az_action *y = &sort_book->actions[*(const size_t *)b];
	if (x->risk_id != y->risk_id)
		return x->risk_id < y->risk_id ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* The actions in (risk id, id) order in linear time: the book holds them in id order, so counting
 * them by risk id keeps that order within a risk. -1 (order unset) when the risk ids are spread
 * too far for a table of them or the actions are out of order: then a sort does it. */
static int by_risk_counting(const struct az_book *b, size_t *order)
{
	size_t n = b->n_actions;
	long long lo = n ? b->actions[0].risk_id : 0, hi = lo;
	for (size_t i = 0; i < n; i++) {
		long long r = b->actions[i].risk_id;
		lo = r < lo ? r : lo;
		hi = r > hi ? r : hi;
		if (i && b->actions[i - 1].id >= b->actions[i].id)
			return -1;
	}
	if (!n || hi - lo >= (long long)(4 * n + 64))
		return -1;
	size_t span = (size_t)(hi - lo) + 1, *start = calloc(span + 1, sizeof *start);
	if (!start)
		return -1;
	for (size_t i = 0; i < n; i++)
		start[b->actions[i].risk_id - lo + 1]++;
	for (size_t k = 0; k < span; k++)
		start[k + 1] += start[k];
	for (size_t i = 0; i < n; i++)
		order[start[b->actions[i].risk_id - lo]++] = i;
	free(start);
	return 0;
}

int az_risk_index_build(const struct az_book *b, struct az_risk_index *ix)
{
	memset(ix, 0, sizeof *ix);
	size_t n = b->n_actions;
	size_t *order = malloc((n ? n : 1) * sizeof *order);
	ix->facts = malloc((n ? n : 1) * sizeof *ix->facts);
	ix->risk_ids = malloc((n ? n : 1) * sizeof *ix->risk_ids);
	if (!order || !ix->facts || !ix->risk_ids) {
		free(order);
		az_risk_index_free(ix);
		return -1;
	}
	if (by_risk_counting(b, order) != 0) {
		for (size_t i = 0; i < n; i++)
			order[i] = i;
		sort_book = b;
		qsort(order, n, sizeof *order, by_risk);
		sort_book = NULL;
	}
	for (size_t i = 0; i < n; i++) {
		const struct az_action *a = &b->actions[order[i]];
		ix->facts[i] = (struct az_action_facts){ a->owner, a->due, a->status };
		ix->risk_ids[i] = a->risk_id;
	}
	ix->n = n;
	free(order);
	return 0;
}

void az_risk_index_free(struct az_risk_index *ix)
{
	free(ix->facts);
	free(ix->risk_ids);
	memset(ix, 0, sizeof *ix);
}

void az_risk_facts_of(const struct az_risk_index *ix, const struct az_risk *r, struct az_risk_facts *out)
{
	/* the first action of the risk, by binary search */
	size_t lo = 0, hi = ix->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ix->risk_ids[mid] < r->id)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < ix->n && ix->risk_ids[end] == r->id)
		end++;
	*out = (struct az_risk_facts){
		.likelihood = r->likelihood,
		.severity = r->severity,
		.dismissed = r->dismissed >= 0,
		.treatment = r->treatment,
		.residual_likelihood = r->residual_likelihood,
		.residual_severity = r->residual_severity,
		.rationale = r->rationale,
		.transfer_to = r->transfer_to,
		.accepted_by = r->accepted_by,
		.accepted_at = r->accepted_at,
		.actions = end > lo ? &ix->facts[lo] : NULL,
		.nactions = end - lo,
	};
}

struct az_system_facts az_system_facts_of(const struct az_system *s)
{
	return (struct az_system_facts){ s->category, s->hosting, s->remote_maintenance, s->connection,
					 s->holds_patient_data ? 1 : 0 };
}

int az_risk_rows(const struct az_catalogue *cat, const struct az_book *b, const struct az_system *sys,
		 struct az_risk_row **out, size_t *n)
{
	size_t cap = b->n_risks + (sys && cat ? cat->nthreats : 0);
	struct az_risk_row *rows = malloc((cap ? cap : 1) * sizeof *rows);
	*out = NULL;
	*n = 0;
	if (!rows)
		return -1;
	size_t k = 0;
	if (!sys) {
		for (size_t i = 0; i < b->n_risks; i++) {
			const struct az_risk *r = &b->risks[i];
			rows[k++] = (struct az_risk_row){ az_catalogue_threat(cat, r->threat), r,
							  az_book_system(b, r->system_id) };
		}
	} else {
		/* this system's risks, once, so the catalogue walk does not rescan the whole book */
		size_t nmine = 0;
		const struct az_risk **mine = malloc((b->n_risks ? b->n_risks : 1) * sizeof *mine);
		char *used = calloc(b->n_risks ? b->n_risks : 1, 1);
		if (!mine || !used) {
			free(mine);
			free(used);
			free(rows);
			return -1;
		}
		for (size_t i = 0; i < b->n_risks; i++)
			if (b->risks[i].system_id == sys->id)
				mine[nmine++] = &b->risks[i];
		struct az_system_facts f = az_system_facts_of(sys);
		for (size_t t = 0; cat && t < cat->nthreats; t++) {
			const struct az_threat *th = &cat->threats[t];
			const struct az_risk *r = NULL;
			for (size_t i = 0; i < nmine; i++)
				if (!strcmp(mine[i]->threat, th->id)) {
					r = mine[i];
					used[i] = 1;
				}
			if (r || az_threat_applies(th, &f))
				rows[k++] = (struct az_risk_row){ th, r, sys };
		}
		for (size_t i = 0; i < nmine; i++)
			if (!used[i])
				rows[k++] = (struct az_risk_row){ az_catalogue_threat(cat, mine[i]->threat), mine[i], sys };
		free(mine);
		free(used);
	}
	*out = rows;
	*n = k;
	return 0;
}

size_t az_system_open_risks(const struct az_catalogue *cat, const struct az_book *b,
			    const struct az_risk_index *ix, const struct az_system *sys)
{
	struct az_risk_row *rows;
	size_t n, open = 0;
	if (az_risk_rows(cat, b, sys, &rows, &n) != 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		struct az_risk_facts rf;
		if (rows[i].risk) {
			az_risk_facts_of(ix, rows[i].risk, &rf);
			az_risk_facts_rank(cat, &rf);
		}
		open += !rows[i].risk || az_risk_state(&rf) != AZ_RISK_COMPLETE;
	}
	free(rows);
	return open;
}

void az_systems_open_risks(const struct az_catalogue *cat, const struct az_book *b, const struct az_risk_index *ix,
			   size_t *out)
{
	/* open = applicable threats - those with a risk row + risk rows that lack something */
	for (size_t i = 0; i < b->n_systems; i++) {
		struct az_system_facts f = az_system_facts_of(&b->systems[i]);
		out[i] = az_threats_for_system(cat, &f, NULL, 0);
	}
	for (size_t i = 0; i < b->n_risks; i++) {
		const struct az_risk *r = &b->risks[i];
		const struct az_system *sys = az_book_system(b, r->system_id);
		if (!sys)
			continue;
		size_t k = (size_t)(sys - b->systems);
		const struct az_threat *t = az_catalogue_threat(cat, r->threat);
		struct az_system_facts f = az_system_facts_of(sys);
		if (t && az_threat_applies(t, &f) && out[k] > 0)
			out[k]--;
		struct az_risk_facts rf;
		az_risk_facts_of(ix, r, &rf);
		az_risk_facts_rank(cat, &rf);
		out[k] += az_risk_state(&rf) != AZ_RISK_COMPLETE;
	}
}

static int scored(int l, int s) { return l >= 1 && l <= AZ_LEVELS && s >= 1 && s <= AZ_LEVELS; }

int az_risk_residual_effective(const struct az_risk *r, int *l, int *s, int *fallback)
{
	int fb = 0;
	if (scored(r->residual_likelihood, r->residual_severity)) {
		*l = r->residual_likelihood;
		*s = r->residual_severity;
	} else if (scored(r->likelihood, r->severity)) {
		*l = r->likelihood;
		*s = r->severity;
		fb = 1;
	} else {
		return 0;
	}
	if (fallback)
		*fallback = fb;
	return 1;
}

static const char *const score_columns[] = {
	[AZ_SCORE_LIKELIHOOD] = AZ_COL(risks, likelihood),
	[AZ_SCORE_SEVERITY] = AZ_COL(risks, severity),
	[AZ_SCORE_RESIDUAL_LIKELIHOOD] = AZ_COL(risks, residual_likelihood),
	[AZ_SCORE_RESIDUAL_SEVERITY] = AZ_COL(risks, residual_severity),
};
_Static_assert(sizeof score_columns / sizeof score_columns[0] == AZ_SCORE_RESIDUAL_SEVERITY + 1, "a column per score");

const char *az_score_column(enum az_score_kind k)
{
	return (unsigned)k < sizeof score_columns / sizeof score_columns[0] ? score_columns[k] : "likelihood";
}

int az_risk_set_score(struct az_store *s, long long risk_id, long long system_id, const char *threat,
		      enum az_score_kind k, int level, long long *id, struct az_error *err)
{
	if (level < 0 || level > AZ_LEVELS)
		return az_fail(err, AZ_DATAERR, _("a score is 1 to %d"), AZ_LEVELS);
	char v[8], sys[32];
	snprintf(v, sizeof v, "%d", level);
	const char *value = level ? v : NULL;
	if (risk_id > 0) {
		if (id)
			*id = risk_id;
		return az_edit_set(s, AZ_TABLE(risks), risk_id, az_score_column(k), value, err);
	}
	if (!threat || !*threat || system_id <= 0)
		return az_fail(err, AZ_USAGE, "%s", _("a new risk needs its system and threat"));
	snprintf(sys, sizeof sys, "%lld", system_id);
	const char *pairs[] = { AZ_COL(risks, system_id), sys, AZ_COL(risks, threat), threat, az_score_column(k), value, NULL };
	return az_edit_insert(s, AZ_TABLE(risks), pairs, id, err);
}
