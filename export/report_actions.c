/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The action plan: one row per action, by due date, with the risks it treats and its state. The
 * same action written for several risks (the same control or text, owner and due date) is one row. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "export/report_ctx.h"

static const struct az_book *sort_book;

static int by_id(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

static const char *what(const struct az_action *a)
{
	return a->description && *a->description ? a->description : a->control ? a->control : "";
}

static int str_cmp(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

/* One action's key: what it does, who, by when. */
static int same_key(const struct az_action *x, const struct az_action *y)
{
	return !str_cmp(x->control, y->control) && !strcmp(what(x), what(y)) && !str_cmp(x->owner, y->owner) &&
	       !str_cmp(x->due, y->due);
}

/* Due date (none last), then the key, then id: equal actions end up next to each other. */
static int by_due_key(const void *a, const void *b)
{
	const struct az_action *x = &sort_book->actions[*(const size_t *)a], *y = &sort_book->actions[*(const size_t *)b];
	int xd = x->due && *x->due, yd = y->due && *y->due, c;
	if (xd != yd)
		return yd - xd;
	if ((c = str_cmp(x->due, y->due)) || (c = str_cmp(x->control, y->control)) || (c = strcmp(what(x), what(y))) ||
	    (c = str_cmp(x->owner, y->owner)))
		return c;
	return (x->id > y->id) - (x->id < y->id);
}

static int same_text(const char *s, const struct az_text *t)
{
	return (t->ja && !strcmp(s, t->ja)) || (t->en && !strcmp(s, t->en));
}

/* 1 if the action's text only repeats its control's name or description from the catalogue. */
static int says_control(struct rp *r, const struct az_action *a)
{
	const struct az_control *c = rp_find_control(r, a->control);
	return c && (same_text(a->description, &c->name) || same_text(a->description, &c->description));
}

/* Days from 0000-03-01, to compare a due date with the report's date. */
static long day_number(const char *ymd)
{
	long y = atol(ymd), m = atol(ymd + 5), d = atol(ymd + 8);
	if (m <= 2)
		y--, m += 12;
	return 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d;
}

/* The cells of the row of the group acts[0..n): its state is the least advanced of its actions. */
static void group_cells(struct rp *r, const size_t *acts, size_t n, struct az_cell *c)
{
	const struct az_book *bk = r->book;
	const struct az_action *a = &bk->actions[acts[0]];
	int status = 3;
	for (size_t i = 0; i < n; i++) {
		const struct az_action *x = &bk->actions[acts[i]];
		if (x->status >= 0 && x->status < status)
			status = x->status; /* planned, in progress, done, dropped */
	}
	/* the risk it treats by system and threat; several: how many, on how many systems */
	const char *risks = "";
	size_t lead = 0; /* the system's name leading the cell, kept in words */
	if (n == 1) {
		for (size_t i = 0; i < n; i++) {
			const struct az_risk *k = az_book_risk(bk, bk->actions[acts[i]].risk_id);
			const struct az_system *s = k ? az_book_system(bk, k->system_id) : NULL;
			if (k)
				risks = rp_fmt(r, "%s%s%s: %s", risks, *risks ? "\n" : "", s ? rp_or_dash(s->name) : "—",
					       rp_threat(r, k->threat));
			if (k && !i)
				lead = strlen(s ? rp_or_dash(s->name) : "—");
		}
	} else {
		/* many: how many risks on how many systems (each is named in the risks section) */
		long long *sys = malloc(n * sizeof *sys);
		size_t m = 0, distinct = 0;
		for (size_t i = 0; sys && i < n; i++) {
			const struct az_risk *k = az_book_risk(bk, bk->actions[acts[i]].risk_id);
			if (k)
				sys[m++] = k->system_id;
		}
		if (sys)
			qsort(sys, m, sizeof *sys, by_id);
		for (size_t i = 0; sys && i < m; i++)
			distinct += !i || sys[i] != sys[i - 1];
		free(sys);
		risks = rp_fmt(r, R_("%zu risks on %zu systems"), n, distinct);
	}
	int overdue = status != 2 && status != 3 && a->due && *a->due && day_number(a->due) < day_number(r->date);
	memset(c, 0, 5 * sizeof *c);
	c[0].text = rp_date_cell(r, a->due);
	if (a->control && *a->control)
		c[1].text = a->description && *a->description && !says_control(r, a)
				    ? rp_fmt(r, "%s\n%s", rp_control(r, a->control), a->description)
				    : rp_control(r, a->control);
	else
		c[1].text = rp_or_dash(a->description);
	c[2].text = rp_or_dash(a->owner);
	c[2].style = AZ_NAME;
	c[3].text = status == 2 && a->done_at && *a->done_at
			    ? rp_fmt(r, "%s\n%s", rp_action_status(r, status), rp_date_cell(r, a->done_at))
		    : overdue ? rp_fmt(r, "%s %s", rp_action_status(r, status), R_("OVERDUE"))
			      : rp_action_status(r, status);
	c[3].style = overdue ? AZ_STRONG : 0;
	c[4].text = risks;
	c[4].style = AZ_NAME_LEAD(lead);
}

/* The row of the group acts[0..n), and the page the checklist points to for its control. */
static void group_row(struct rp *r, const size_t *acts, size_t n)
{
	const struct az_action *a = &r->book->actions[acts[0]];
	struct az_cell c[5];
	group_cells(r, acts, n, c);
	az_doc_table_row(r->doc, c);
	if (a->control && r->ctl_page) {
		const struct az_control *ctl = rp_find_control(r, a->control);
		if (ctl && !r->ctl_page[ctl - r->cat->controls])
			r->ctl_page[ctl - r->cat->controls] = az_doc_page_count(r->doc);
	}
}

/* The end of the group of equal actions that starts at order[i]. */
static size_t group_end(const struct az_book *bk, const size_t *order, size_t i, size_t n)
{
	size_t j = i + 1;
	while (j < n && same_key(&bk->actions[order[i]], &bk->actions[order[j]]))
		j++;
	return j;
}

int rp_action_plan(struct rp *r)
{
	const struct az_book *bk = r->book;
	const char *heading = R_("Action plan by due date");
	size_t n = bk->n_actions, *order = n ? malloc(n * sizeof *order) : NULL;
	if (!order) {
		az_doc_heading(r->doc, 1, heading);
		rp_anchor(r, RP_AT_ACTIONS);
		az_doc_paragraph(r->doc, R_("No actions recorded."));
		return az_doc_status(r->doc);
	}
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		const struct az_risk *k = az_book_risk(bk, bk->actions[i].risk_id);
		if (!k || k->dismissed < 0) /* a dismissed threat does not apply there */
			order[m++] = i;
	}
	n = m;
	sort_book = bk;
	qsort(order, n, sizeof *order, by_due_key);
	/* the due date just wide enough for 「令和8年12月31日」, the state for 「実施中 期限超過」 in bold
	 * (and a date done), the owner for nine characters (a company as owner took three lines a row
	 * at six); the action and the risks it treats share the rest as their texts need */
	static const struct az_doc_column src[] = {
		{ N_("Due"), 2.2, AZ_LEFT },    { N_("Action"), 4.4, AZ_LEFT },
		{ N_("Owner"), 2.45, AZ_LEFT }, { N_("Status"), 2.3, AZ_LEFT },
		{ N_("Risks it treats"), 2.25, AZ_LEFT },
	};
	double unit = az_doc_body_width(r->doc) / 13.6; /* the weights' sum */
	struct az_doc_column cols[5];
	for (int i = 0; i < 5; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title), cols[i].weight *= unit;
	struct rp_split split;
	struct az_cell c[5], keep[10] = { { 0 } };
	rp_split_init(&split, cols[1].weight + cols[4].weight, 4.4 / 6.65);
	for (size_t i = 0, j; i < n && split.rows < RP_SPLIT_ROWS; i = j) {
		j = group_end(bk, order, i, n);
		group_cells(r, order + i, j - i, c);
		rp_split_add(r, &split, &c[1], &c[4]);
	}
	cols[1].weight = rp_split_first(&split);
	cols[4].weight = split.width - cols[1].weight;
	/* the heading with the first two rows (each copied from the scratch buffers at once) */
	size_t nkeep = 0;
	for (size_t i = 0; i < n && nkeep < 2; i = group_end(bk, order, i, n), nkeep++) {
		group_cells(r, order + i, group_end(bk, order, i, n) - i, c);
		rp_cells_keep(keep + 5 * nkeep, c, 5);
	}
	rp_heading_keep(r, 1, heading, NULL, cols, 5, keep, nkeep);
	rp_cells_free(keep, 10);
	rp_anchor(r, RP_AT_ACTIONS);
	az_doc_table_begin(r->doc, cols, 5);
	az_doc_table_continued(r->doc, rp_fmt(r, "%s %s", heading, R_("(continued)")));
	for (size_t i = 0, j; i < n; i = j) {
		j = group_end(bk, order, i, n);
		group_row(r, order + i, j - i);
	}
	az_doc_table_end(r->doc);
	free(order);
	return az_doc_status(r->doc);
}
