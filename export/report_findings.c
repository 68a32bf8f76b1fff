/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* 要確認事項: the workbook's self-check (model/findings.h) printed after the checklist, or one line
 * saying it found nothing, so the inspector sees what the clinic still has to fix. */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "export/report_ctx.h"
#include "model/findings.h"

#ifdef ENABLE_NLS
extern int _nl_msg_cat_cntr; /* glibc/gettext: bump after changing LANGUAGE */
#endif

/* Runs fn in the report's language: model/ sentences come from gettext and the catalogue, which follow
 * the interface's, so LC_MESSAGES and LANGUAGE are switched around the call (one thread, restored). */
void rp_in_report_language(struct rp *r, void (*fn)(struct rp *r, void *arg), void *arg)
{
	const char *cur = setlocale(LC_MESSAGES, NULL), *env = getenv("LANGUAGE");
	char *loc = cur ? strdup(cur) : NULL, *language = env ? strdup(env) : NULL;
	int switched = loc && (!env || language) && setlocale(LC_MESSAGES, r->ja ? "C.UTF-8" : "C") != NULL;
	if (switched) {
		if (r->ja)
			setenv("LANGUAGE", "ja", 1);
#ifdef ENABLE_NLS
		++_nl_msg_cat_cntr;
#endif
	}
	fn(r, arg);
	if (switched) {
		setlocale(LC_MESSAGES, loc);
		if (language)
			setenv("LANGUAGE", language, 1);
		else
			unsetenv("LANGUAGE");
#ifdef ENABLE_NLS
		++_nl_msg_cat_cntr;
#endif
	}
	free(loc);
	free(language);
}

struct run {
	struct az_findings *f;
	int rc;
};

/* "today" is the printing date, so the PDF says what was overdue when it was printed */
static void run_findings(struct rp *r, void *arg)
{
	struct run *x = arg;
	x->rc = az_findings_compute(r->book, r->cat, r->date, x->f);
}

static int compute(struct rp *r, struct az_findings *f)
{
	struct run x = { f, -1 };
	rp_in_report_language(r, run_findings, &x);
	return x.rc;
}

#define MAX_NAMED 30 /* things a row of findings names; the others are counted */

/* A finding and where the self-check put it (its order is kept). */
struct entry {
	const struct az_finding *f;
	size_t at;
};

/* What a row says: the message, or for a rule whose findings differ only in their particulars, the
 * message without them. */
static const char *gist(const struct az_finding *f) { return f->general ? f->general : f->message; }

static int by_gist_item(const void *pa, const void *pb)
{
	const struct entry *x = pa, *y = pb;
	int c;
	if (x->f->level != y->f->level)
		return x->f->level < y->f->level ? -1 : 1;
	if ((c = strcmp(gist(x->f), gist(y->f))) || (c = strcmp(rp_or_dash(x->f->item), rp_or_dash(y->f->item))))
		return c;
	return (x->at > y->at) - (x->at < y->at);
}

static int by_at(const void *pa, const void *pb)
{
	const struct entry *x = pa, *y = pb;
	return (x->at > y->at) - (x->at < y->at);
}

static int same_gist(const struct az_finding *a, const struct az_finding *b)
{
	return a->level == b->level && !strcmp(gist(a), gist(b));
}

/* A run of e: the findings of one row, and where the first of them was found. */
struct group {
	size_t from, n, first;
};

static int by_first(const void *pa, const void *pb)
{
	const struct group *x = pa, *y = pb;
	return (x->first > y->first) - (x->first < y->first);
}

/* Findings of one level saying the same (an action overdue for each risk it treats, a form not back
 * from each vendor, answers the workbook disproves) as rows naming each thing once, in the order
 * the self-check found them. One sort, then runs: n log n for a hospital's thousands of findings,
 * where comparing each with every other took minutes. Fills e (f->n) and g; returns the rows. */
static size_t group_findings(const struct az_findings *f, struct entry *e, struct group *g)
{
	for (size_t i = 0; i < f->n; i++)
		e[i] = (struct entry){ &f->v[i], i };
	qsort(e, f->n, sizeof *e, by_gist_item);
	/* each thing once per row: its first finding */
	size_t m = 0;
	for (size_t i = 0; i < f->n; i++)
		if (!m || !same_gist(e[m - 1].f, e[i].f) || strcmp(rp_or_dash(e[m - 1].f->item), rp_or_dash(e[i].f->item)))
			e[m++] = e[i];
	size_t ng = 0;
	for (size_t i = 0, j; i < m; i = j) {
		for (j = i + 1; j < m && same_gist(e[i].f, e[j].f); j++)
			;
		qsort(e + i, j - i, sizeof *e, by_at); /* the things in the order found */
		g[ng++] = (struct group){ i, j - i, e[i].at };
	}
	qsort(g, ng, sizeof *g, by_first);
	return ng;
}

/* The cells of the row of findings e[0..n). */
static void finding_cells(struct rp *r, const struct entry *e, size_t n, struct az_cell *c)
{
	const struct az_finding *first = e[0].f;
	const char *items = "", *lines = "";
	for (size_t i = 0; i < n && i < MAX_NAMED; i++) {
		const char *item = rp_or_dash(e[i].f->item);
		items = rp_fmt(r, "%s%s%s", items, i ? R_(", ") : "", item);
		if (e[i].f->detail)
			lines = rp_fmt(r, "%s\n%s: %s", lines, item, e[i].f->detail);
	}
	if (n > MAX_NAMED) {
		items = rp_fmt(r, R_("%s and %zu more"), items, n - MAX_NAMED);
		if (*lines)
			lines = rp_fmt(r, "%s\n%s", lines, rp_fmt(r, R_("%zu more"), n - MAX_NAMED));
	}
	memset(c, 0, 3 * sizeof *c);
	c[0].text = first->level == AZ_FINDING_MUST ? R_("Must fix (要対応)") : R_("Check (要確認)");
	/* many things: counted in the narrow column, named in the wide one (with what each lacks) */
	c[1].text = n > 3 ? rp_fmt(r, R_("%zu items"), n) : items;
	/* the things' names (systems, vendors, items), broken as names; an action's sentence as text */
	c[1].style = n > 3 || first->item_prose ? 0 : AZ_NAME;
	if (n == 1)
		c[2].text = first->message;
	else if (*lines)
		c[2].text = rp_fmt(r, "%s%s", gist(first), lines);
	else if (n > 3) {
		c[2].text = rp_fmt(r, "%s\n%s %s", first->message, R_("Concerns:"), items);
		c[2].style = AZ_NAME_LEAD(strlen(items)) | AZ_NAMES_LAST;
	} else
		c[2].text = first->message;
}

int rp_findings(struct rp *r)
{
	const char *heading = R_("Points to check (要確認事項)");
	struct az_findings f;
	if (compute(r, &f) != 0) {
		az_doc_heading(r->doc, 1, heading);
		return az_doc_paragraph(r->doc, R_("The self-check could not be run (out of memory)."));
	}
	if (!f.n) {
		az_findings_free(&f);
		az_doc_heading(r->doc, 1, heading);
		return az_doc_paragraph(r->doc, R_("None: the workbook's self-check found no contradiction and nothing "
						   "missing."));
	}
	static const struct az_doc_column src[] = {
		{ N_("Level"), 1.0, AZ_LEFT }, { N_("Concerns"), 2.6, AZ_LEFT }, { N_("What to do"), 6.4, AZ_LEFT },
	};
	struct az_doc_column cols[3];
	for (int i = 0; i < 3; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title);
	struct entry *e = malloc(f.n * sizeof *e);
	struct group *g = malloc(f.n * sizeof *g);
	size_t ng = e && g ? group_findings(&f, e, g) : 0;
	/* the heading with the first two rows (each copied from the scratch buffers at once) */
	struct az_cell c[3], keep[6] = { { 0 } };
	size_t nkeep = ng < 2 ? ng : 2;
	for (size_t i = 0; i < nkeep; i++) {
		finding_cells(r, e + g[i].from, g[i].n, c);
		rp_cells_keep(keep + 3 * i, c, 3);
	}
	const char *said = rp_fmt(r, R_("The workbook's self-check found %zu points that must be fixed (要対応) and %zu "
					"to check (要確認)."),
				  az_findings_count(&f, AZ_FINDING_MUST), az_findings_count(&f, AZ_FINDING_CHECK));
	rp_heading_keep(r, 1, heading, said, cols, 3, keep, nkeep);
	rp_cells_free(keep, 6);
	if (!e || !g) {
		az_doc_paragraph(r->doc, R_("The self-check could not be run (out of memory)."));
	} else {
		az_doc_table_begin(r->doc, cols, 3);
		for (size_t i = 0; i < ng; i++) {
			finding_cells(r, e + g[i].from, g[i].n, c);
			az_doc_table_row(r->doc, c);
		}
		az_doc_table_end(r->doc);
	}
	free(e);
	free(g);
	az_findings_free(&f);
	return az_doc_status(r->doc);
}
