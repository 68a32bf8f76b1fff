/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The risk register, system by system: threat, score and rank, treatment, the actions that carry
 * it out (owner, due), the residual rank, and where the guideline asks for it. */
#include <config.h>

#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "export/report_ctx.h"

static const struct az_book *sort_book;

static int by_risk(const void *a, const void *b)
{
	const struct az_action *x = &sort_book->actions[*(const size_t *)a], *y = &sort_book->actions[*(const size_t *)b];
	if (x->risk_id != y->risk_id)
		return x->risk_id < y->risk_id ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

static int by_system(const void *a, const void *b)
{
	const struct az_risk *x = &sort_book->risks[*(const size_t *)a], *y = &sort_book->risks[*(const size_t *)b];
	if (x->system_id != y->system_id)
		return x->system_id < y->system_id ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

/* First index in acts (sorted by risk) of risk id, or n. */
static size_t first_action(const struct az_book *b, const size_t *acts, size_t n, long long id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (b->actions[acts[mid]].risk_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Text grows by pieces; a risk's cells are built here and freed after its row. */
struct sbuf {
	char *s;
	size_t n, cap;
};

static void put(struct sbuf *b, const char *s)
{
	size_t k = strlen(s);
	if (b->n + k + 1 > b->cap) {
		size_t cap = (b->n + k + 1) * 2;
		char *p = realloc(b->s, cap);
		if (!p)
			return;
		b->s = p, b->cap = cap;
	}
	memcpy(b->s + b->n, s, k + 1);
	b->n += k;
}

static const char *treatment_cell(struct rp *r, const struct az_risk *k)
{
	const char *t = rp_treatment(r, k->treatment);
	switch (k->treatment) {
	case AZ_TRANSFER:
		return rp_fmt(r, "%s\n%s %s", t, R_("to:"), rp_or_dash(k->transfer_to));
	case AZ_ACCEPT:
		return rp_fmt(r, "%s\n%s %s\n%s", t, R_("accepted by"), rp_or_dash(k->accepted_by),
			      rp_date_cell(r, k->accepted_at));
	default:
		return t;
	}
}

/* The first max references of the threat (0: all). */
static const char *refs_cell(struct rp *r, const char *threat, size_t max)
{
	const struct az_threat *t = rp_find_threat(r, threat);
	return t ? rp_refs(r, t->refs, max && t->nrefs > max ? max : t->nrefs) : "—";
}

/* One row's cells: the threat, its rank and score, the treatment and the controls that carry it out
 * (who and by when are in the action plan), the residual rank; full (the appendix): also why, and
 * the references. b holds the controls' text. */
static void risk_cells(struct rp *r, const struct az_risk *k, const size_t *acts, size_t nacts, struct sbuf *b,
		       int full, struct az_cell *c)
{
	const struct az_book *bk = r->book;
	b->n = 0;
	put(b, "");
	size_t open = 0, done = 0;
	for (size_t i = first_action(bk, acts, nacts, k->id); i < nacts && bk->actions[acts[i]].risk_id == k->id; i++) {
		const struct az_action *a = &bk->actions[acts[i]];
		if (a->status == 2)
			done++;
		else if (a->status != 3)
			open++;
		if (b->n)
			put(b, R_(", "));
		put(b, a->control && *a->control ? rp_control(r, a->control) : rp_or_dash(a->description));
	}
	memset(c, 0, 5 * sizeof *c);
	const char *threat = rp_threat(r, k->threat);
	if (k->title && *k->title)
		threat = rp_fmt(r, "%s\n%s", threat, k->title);
	if (k->rationale && *k->rationale && full)
		threat = rp_fmt(r, "%s\n%s %s", threat, R_("Reason:"), k->rationale);
	c[0].text = threat;
	c[1].text = rp_rank_cell(r, k->likelihood, k->severity, &c[1].fill);
	/* the treatment, then its controls: "低減: 管理策, 管理策" */
	const char *t = treatment_cell(r, k);
	c[2].text = b->n ? rp_fmt(r, "%s%s%s", t, strchr(t, '\n') ? "\n" : R_(": "), b->s) : t;
	c[3].text = rp_residual_cell(r, k, open, done, &c[3].fill);
	c[1].style = c[3].style = AZ_STRONG;
	c[4].text = full ? refs_cell(r, k->threat, 0) : "";
}

/* 1 if the risk is printed in full among those that need action: S, A, B, or not scored yet. */
static int needs_action(const struct rp *r, const struct az_risk *k)
{
	int i = az_rank_index(r->cat, k->likelihood, k->severity);
	return i < 0 || i < 3;
}

/* The risks for which want() holds (NULL: all), one table per system, the system named again on
 * every page a table continues on; full: with the reasons and references (the appendix). */
static void register_tables(struct rp *r, int (*want)(const struct rp *, const struct az_risk *), int full)
{
	const struct az_book *bk = r->book;
	size_t *acts = malloc((bk->n_actions + 1) * sizeof *acts), *risks = malloc(bk->n_risks * sizeof *risks);
	if (!acts || !risks) {
		free(acts), free(risks);
		az_doc_paragraph(r->doc, "out of memory");
		return;
	}
	for (size_t i = 0; i < bk->n_actions; i++)
		acts[i] = i;
	for (size_t i = 0; i < bk->n_risks; i++)
		risks[i] = i;
	sort_book = bk;
	qsort(acts, bk->n_actions, sizeof *acts, by_risk);
	qsort(risks, bk->n_risks, sizeof *risks, by_system);
	static const struct az_doc_column src[] = {
		{ N_("Threat"), 3.1, AZ_LEFT }, { N_("Rank (L×S)"), 1.5, AZ_LEFT },
		{ N_("Treatment and controls (owners and due dates in the action plan)"), 5.0, AZ_LEFT },
		{ N_("Residual"), 1.5, AZ_LEFT }, { N_("References"), 2.6, AZ_LEFT },
	};
	size_t ncols = full ? 5 : 4;
	struct az_doc_column cols[5];
	for (size_t i = 0; i < ncols; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title);
	struct sbuf b = { 0 };
	struct az_cell c[5], keep[10] = { { 0 } };
	long long sys = -1;
	r->rank_one_line = 1;
	for (size_t i = 0; i < bk->n_risks && az_doc_page_count(r->doc) > 0; i++) {
		const struct az_risk *k = &bk->risks[risks[i]];
		if (k->dismissed >= 0 || (want && !want(r, k))) /* dismissed: listed with its reason in the basis */
			continue;
		if (k->system_id != sys) {
			if (sys != -1)
				az_doc_table_end(r->doc);
			sys = k->system_id;
			/* the system's name kept with its first two rows (each copied at once) */
			size_t nkeep = 0;
			for (size_t j = i; j < bk->n_risks && nkeep < 2; j++) {
				const struct az_risk *x = &bk->risks[risks[j]];
				if (x->system_id != sys)
					break;
				if (x->dismissed >= 0 || (want && !want(r, x)))
					continue;
				risk_cells(r, x, acts, bk->n_actions, &b, full, c);
				rp_cells_keep(keep + ncols * nkeep++, c, ncols);
			}
			const struct az_system *s = az_book_system(bk, sys);
			const char *name = s ? rp_or_dash(s->name) : R_("(no system)");
			rp_heading_keep(r, 2, name, NULL, cols, ncols, keep, nkeep);
			rp_cells_free(keep, 10);
			if (az_doc_table_begin(r->doc, cols, ncols) != AZ_OK)
				break;
			az_doc_table_continued(r->doc, rp_fmt(r, "%s %s", name, R_("(continued)")));
		}
		risk_cells(r, k, acts, bk->n_actions, &b, full, c);
		az_doc_table_row(r->doc, c);
	}
	if (sys != -1)
		az_doc_table_end(r->doc);
	r->rank_one_line = 0;
	free(b.s);
	free(acts);
	free(risks);
}

/* C and D: how many per system, listed in full in the appendix. */
static void low_counts(struct rp *r)
{
	const struct az_book *bk = r->book;
	size_t nsys = bk->n_systems, total = 0;
	size_t *n = calloc(2 * (nsys + 1), sizeof *n);
	if (!n)
		return;
	for (size_t i = 0; i < bk->n_risks; i++) {
		const struct az_risk *k = &bk->risks[i];
		int rank = az_rank_index(r->cat, k->likelihood, k->severity);
		if (rank < 3 || rank > 4)
			continue;
		size_t s = nsys;
		for (size_t j = 0; j < nsys; j++)
			if (bk->systems[j].id == k->system_id)
				s = j;
		n[2 * s + (size_t)(rank - 3)]++;
		total++;
	}
	az_doc_heading(r->doc, 2, R_("Low risks (C, D) per system"));
	if (!total) {
		az_doc_paragraph(r->doc, R_("None."));
		free(n);
		return;
	}
	/* one paragraph, "System: C 10, D 0, ...": a table of two numbers a row took a third of a page */
	const struct az_rank *c = r->cat->nranks > 4 ? &r->cat->ranks[3] : NULL, *d = c ? &r->cat->ranks[4] : NULL;
	struct sbuf b = { 0 };
	put(&b, "");
	for (size_t j = 0; j <= nsys; j++) {
		if (!n[2 * j] && !n[2 * j + 1])
			continue;
		if (b.n)
			put(&b, R_(", "));
		put(&b, rp_fmt(r, R_("%s: %s %zu, %s %zu"), j < nsys ? rp_or_dash(bk->systems[j].name) : R_("(no system)"),
			       c ? c->id : "C", n[2 * j], d ? d->id : "D", n[2 * j + 1]));
	}
	az_doc_paragraph_names(r->doc, b.s ? b.s : "");
	free(b.s);
	const char *at = rp_page_of(r, RP_AT_REGISTER);
	az_doc_paragraph_refs(r->doc, *at ? rp_fmt(r, R_("They are listed in full in the appendix (%s)."), at)
					  : R_("They are listed in full in the appendix."));
	free(n);
}

/* 1 if name is one of the items of list (joined by sep). */
static int listed(const char *list, const char *name, const char *sep)
{
	size_t k = strlen(name), ks = strlen(sep);
	for (const char *p = list; p && (p = strstr(p, name)); p++)
		if ((p == list || (p - list >= (ptrdiff_t)ks && !strncmp(p - ks, sep, ks))) && (!p[k] || !strncmp(p + k, sep, ks)))
			return 1;
	return 0;
}

/* A risk that needs action with what its row says, so equal rows of several systems become one. */
struct decision {
	const struct az_risk *k;
	char *controls; /* the controls that carry out the treatment, joined */
	int rank;       /* az_rank_index; unscored last */
	signed int threat : 31; /* its place in the catalogue (INT_MAX >> 1: not in it), looked up once */
	unsigned expected : 1; /* its residual is expected, not reached */
};


static int str_or_empty_cmp(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

/* What makes two rows the same decision: threat, score, treatment, controls, residual. */
static int same_decision(const struct decision *x, const struct decision *y)
{
	const struct az_risk *a = x->k, *b = y->k;
	int c;
	if ((c = str_or_empty_cmp(a->threat, b->threat)) || (c = a->likelihood - b->likelihood) ||
	    (c = a->severity - b->severity) || (c = a->treatment - b->treatment) ||
	    (c = str_or_empty_cmp(x->controls, y->controls)) || (c = a->residual_likelihood - b->residual_likelihood) ||
	    (c = a->residual_severity - b->residual_severity) || (c = x->expected - y->expected) ||
	    (c = str_or_empty_cmp(a->transfer_to, b->transfer_to)) || (c = str_or_empty_cmp(a->accepted_by, b->accepted_by)))
		return c;
	return 0;
}

/* Most severe first, then by threat as the catalogue lists them, equal decisions together. */
static int by_decision(const void *pa, const void *pb)
{
	const struct decision *x = pa, *y = pb;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->threat != y->threat)
		return x->threat < y->threat ? -1 : 1;
	int c = same_decision(x, y);
	if (c)
		return c;
	return (x->k->system_id > y->k->system_id) - (x->k->system_id < y->k->system_id);
}

/* The systems of d[0..n) as listed, or, when they are nearly all the workbook's, "all N systems"
 * and the few they leave out: the list of seven names took three lines a row. */
static const char *every_system(struct rp *r, const char *list, const struct decision *d, size_t n)
{
	const struct az_book *bk = r->book;
	size_t missing = 0;
	const char *except = "";
	if (bk->n_systems < 4 || n + 2 < bk->n_systems)
		return list; /* (and list stays valid: no rp_fmt call before it is used) */
	for (size_t s = 0; s < bk->n_systems; s++) {
		size_t i = 0;
		while (i < n && d[i].k->system_id != bk->systems[s].id)
			i++;
		if (i < n)
			continue;
		except = rp_fmt(r, "%s%s%s", except, missing++ ? R_(", ") : "", rp_or_dash(bk->systems[s].name));
	}
	if (missing * 2 > bk->n_systems || missing > 2)
		return list;
	return missing ? rp_fmt(r, R_("the %zu systems other than %s"), bk->n_systems - missing, except)
		       : rp_fmt(r, R_("all %zu systems"), bk->n_systems);
}

/* The cells of the row of the decision d[i] and those equal to it: returns the index after them. */
static size_t decision_cells(struct rp *r, const struct decision *d, size_t i, size_t n, struct az_cell *c)
{
	size_t j;
	const char *systems = "";
	for (j = i; j < n && (j == i || !same_decision(&d[i], &d[j])); j++) {
		const struct az_system *s = az_book_system(r->book, d[j].k->system_id);
		systems = rp_fmt(r, "%s%s%s", systems, j > i ? R_(", ") : "", s ? rp_or_dash(s->name) : "—");
	}
	systems = every_system(r, systems, d + i, j - i);
	const struct az_risk *k = d[i].k;
	memset(c, 0, 4 * sizeof *c);
	c[0].text = rp_fmt(r, "%s\n%s %s", rp_threat(r, k->threat), R_("Systems:"), systems);
	c[1].text = rp_rank_cell(r, k->likelihood, k->severity, &c[1].fill);
	const char *t = treatment_cell(r, k);
	c[2].text = *d[i].controls ? rp_fmt(r, "%s%s%s", t, strchr(t, '\n') ? "\n" : R_(": "), d[i].controls) : t;
	c[3].text = rp_residual_cell(r, k, (size_t)d[i].expected, 1, &c[3].fill);
	c[0].style = AZ_NAME; /* the threat's title and the systems' names, broken at their words */
	c[1].style = c[3].style = AZ_STRONG;
	return j;
}

/* Rows of d in full, one per decision with the systems it is made for; heading (or NULL): the
 * section's, placed first, kept with the first two rows. */
static void full_rows(struct rp *r, const struct decision *d, size_t n, const char *heading)
{
	/* the ranks just wide enough for 「S !!! 5×5」 and 「(見込み)」 on one line; the threat with its
	 * systems and the treatment with its controls share the rest as their texts need */
	static const struct az_doc_column src[] = {
		{ N_("Threat and the systems it concerns"), 4.3, AZ_LEFT }, { N_("Rank (L×S)"), 1.1, AZ_LEFT },
		{ N_("Treatment and controls (owners and due dates in the action plan)"), 4.9, AZ_LEFT },
		{ N_("Residual"), 1.1, AZ_LEFT },
	};
	double unit = az_doc_body_width(r->doc) / 11.4; /* the weights' sum */
	struct az_doc_column cols[4];
	for (size_t i = 0; i < 4; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title), cols[i].weight *= unit;
	if (!n) {
		if (heading) {
			az_doc_heading(r->doc, 1, heading);
			rp_anchor(r, RP_AT_RISKS);
		}
		return;
	}
	struct rp_split split;
	struct az_cell c[4];
	rp_split_init(&split, cols[0].weight + cols[2].weight, 4.3 / 9.2);
	for (size_t i = 0; i < n && split.rows < RP_SPLIT_ROWS;) {
		i = decision_cells(r, d, i, n, c);
		rp_split_add(r, &split, &c[0], &c[2]);
	}
	cols[0].weight = rp_split_first(&split);
	cols[2].weight = split.width - cols[0].weight;
	if (heading) {
		/* the first two rows, each copied from the scratch buffers at once */
		struct az_cell keep[8] = { { 0 } };
		size_t nkeep = 0;
		for (size_t i = 0; i < n && nkeep < 2; nkeep++) {
			i = decision_cells(r, d, i, n, c);
			rp_cells_keep(keep + 4 * nkeep, c, 4);
		}
		rp_heading_keep(r, 1, heading, NULL, cols, 4, keep, nkeep);
		rp_cells_free(keep, 8);
		rp_anchor(r, RP_AT_RISKS);
	}
	if (az_doc_table_begin(r->doc, cols, 4) != AZ_OK)
		return;
	az_doc_table_continued(r->doc, rp_fmt(r, "%s %s", R_("Risks that need action (S, A, B)"), R_("(continued)")));
	for (size_t i = 0; i < n;) {
		i = decision_cells(r, d, i, n, c);
		az_doc_table_row(r->doc, c);
	}
	az_doc_table_end(r->doc);
}

/* B (d sorted, all B): one line per threat with its systems; each row in full is in the appendix. */
static void b_lines(struct rp *r, const struct decision *d, size_t n)
{
	if (!n)
		return;
	static const struct az_doc_column src[] = {
		{ N_("Threat"), 4.3, AZ_LEFT }, { N_("Systems"), 6.8, AZ_LEFT },
	};
	struct az_doc_column cols[2];
	for (size_t i = 0; i < 2; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title);
	const char *at = rp_page_of(r, RP_AT_REGISTER);
	az_doc_heading(r->doc, 2, R_("Rank B, one line per threat"));
	az_doc_paragraph_refs(r->doc, *at ? rp_fmt(r, R_("Each with its treatment and controls in the appendix (%s)."), at)
					  : R_("Each with its treatment and controls in the appendix."));
	if (az_doc_table_begin(r->doc, cols, 2) != AZ_OK)
		return;
	az_doc_table_continued(r->doc, rp_fmt(r, "%s %s", R_("Rank B, one line per threat"), R_("(continued)")));
	for (size_t i = 0, j; i < n; i = j) {
		const char *systems = "";
		for (j = i; j < n && !str_or_empty_cmp(d[i].k->threat, d[j].k->threat); j++) {
			const struct az_system *s = az_book_system(r->book, d[j].k->system_id);
			const char *name = s ? rp_or_dash(s->name) : "—";
			/* a system with two B rows of one threat is named once */
			size_t m = i;
			while (m < j && d[m].k->system_id != d[j].k->system_id)
				m++;
			if (m == j)
				systems = rp_fmt(r, "%s%s%s", systems, j > i ? R_(", ") : "", name);
		}
		systems = every_system(r, systems, d + i, j - i);
		struct az_cell c[2] = { { 0 } };
		c[0].text = rp_threat(r, d[i].k->threat);
		c[1].text = systems;
		c[1].style = AZ_NAME;
		az_doc_table_row(r->doc, c);
	}
	az_doc_table_end(r->doc);
}

/* The risks that need action, one row per threat and decision, with the systems it is made for
 * (one decision per threat, as the clinic takes it): the register by system is in the appendix. */
static void decisions(struct rp *r, const char *heading)
{
	const struct az_book *bk = r->book;
	size_t n = 0, *acts = malloc((bk->n_actions + 1) * sizeof *acts);
	struct decision *d = calloc(bk->n_risks + 1, sizeof *d);
	if (!acts || !d) {
		free(acts), free(d);
		az_doc_heading(r->doc, 1, heading);
		rp_anchor(r, RP_AT_RISKS);
		return;
	}
	for (size_t i = 0; i < bk->n_actions; i++)
		acts[i] = i;
	sort_book = bk;
	qsort(acts, bk->n_actions, sizeof *acts, by_risk);
	struct sbuf b = { 0 };
	for (size_t i = 0; i < bk->n_risks; i++) {
		const struct az_risk *k = &bk->risks[i];
		if (k->dismissed >= 0 || !needs_action(r, k))
			continue;
		size_t open = 0, done = 0;
		b.n = 0;
		put(&b, "");
		for (size_t j = first_action(bk, acts, bk->n_actions, k->id);
		     j < bk->n_actions && bk->actions[acts[j]].risk_id == k->id; j++) {
			const struct az_action *a = &bk->actions[acts[j]];
			if (a->status == 2)
				done++;
			else if (a->status != 3)
				open++;
			const char *name = a->control && *a->control ? rp_control(r, a->control) : rp_or_dash(a->description);
			if (listed(b.s, name, R_(", ")))
				continue; /* one control for two actions: named once */
			if (b.n)
				put(&b, R_(", "));
			put(&b, name);
		}
		int rank = az_rank_index(r->cat, k->likelihood, k->severity);
		const struct az_threat *t = rp_find_threat(r, k->threat);
		d[n++] = (struct decision){ k, strdup(b.s ? b.s : ""), rank < 0 ? 1000 : rank,
					    t ? (int)(t - r->cat->threats) : INT_MAX >> 1, open || !done };
	}
	free(b.s);
	qsort(d, n, sizeof *d, by_decision);
	r->rank_one_line = 1;
	/* S and A in full, B one line per threat, then unscored ones in full */
	size_t sa = 0, nb = 0;
	while (sa < n && d[sa].rank < 2)
		sa++;
	while (sa + nb < n && d[sa + nb].rank == 2)
		nb++;
	full_rows(r, d, sa, heading);
	b_lines(r, d + sa, nb);
	full_rows(r, d + sa + nb, n - sa - nb, NULL);
	if (!n)
		az_doc_paragraph(r->doc, R_("None."));
	r->rank_one_line = 0;
	for (size_t i = 0; i < n; i++)
		free(d[i].controls);
	free(d);
	free(acts);
}

int rp_risks(struct rp *r)
{
	const char *heading = R_("Risks that need action (S, A, B)");
	if (!r->book->n_risks) {
		az_doc_heading(r->doc, 1, heading);
		rp_anchor(r, RP_AT_RISKS);
		az_doc_paragraph(r->doc, R_("No risks recorded."));
		return az_doc_status(r->doc);
	}
	decisions(r, heading); /* the heading kept with the first rows, and the anchor */
	low_counts(r);
	return az_doc_status(r->doc);
}

int rp_full_register(struct rp *r)
{
	az_doc_heading(r->doc, 1, R_("Appendix: risk register by system"));
	rp_anchor(r, RP_AT_REGISTER);
	if (!r->book->n_risks) {
		az_doc_paragraph(r->doc, R_("No risks recorded."));
		return az_doc_status(r->doc);
	}
	register_tables(r, NULL, 1);
	return az_doc_status(r->doc);
}
