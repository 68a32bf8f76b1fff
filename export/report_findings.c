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

static int same_finding(const struct az_finding *a, const struct az_finding *b)
{
	return a->level == b->level && !strcmp(a->message, b->message);
}

/* 1 if j's item is already named among i and the findings before j that say the same as i */
static int named_before(const struct az_findings *f, size_t i, size_t j)
{
	for (size_t m = i; m < j; m++)
		if (same_finding(&f->v[i], &f->v[m]) && !strcmp(rp_or_dash(f->v[m].item), rp_or_dash(f->v[j].item)))
			return 1;
	return 0;
}

int rp_findings(struct rp *r)
{
	struct az_findings f;
	az_doc_heading(r->doc, 1, R_("Points to check (要確認事項)"));
	if (compute(r, &f) != 0)
		return az_doc_paragraph(r->doc, R_("The self-check could not be run (out of memory)."));
	if (!f.n) {
		az_findings_free(&f);
		return az_doc_paragraph(r->doc, R_("None: the workbook's self-check found no contradiction and nothing "
						   "missing."));
	}
	az_doc_paragraph(r->doc, rp_fmt(r, R_("The workbook's self-check found %zu points that must be fixed "
					      "(要対応) and %zu to check (要確認)."),
					az_findings_count(&f, AZ_FINDING_MUST), az_findings_count(&f, AZ_FINDING_CHECK)));
	static const struct az_doc_column src[] = {
		{ N_("Level"), 1.0, AZ_LEFT }, { N_("Concerns"), 3.3, AZ_LEFT }, { N_("What to do"), 5.7, AZ_LEFT },
	};
	struct az_doc_column cols[3];
	for (int i = 0; i < 3; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title);
	az_doc_table_begin(r->doc, cols, 3);
	/* findings of one level saying the same (an action overdue for each risk it treats, a form not
	 * back from each vendor) are one row naming each thing once */
	unsigned char *done = calloc(f.n + 1, 1);
	for (size_t i = 0; i < f.n; i++) {
		if (done && done[i])
			continue;
		const char *items = rp_or_dash(f.v[i].item);
		size_t nitems = 1;
		for (size_t j = i + 1; done && j < f.n; j++) {
			if (done[j] || !same_finding(&f.v[i], &f.v[j]))
				continue;
			done[j] = 1;
			if (named_before(&f, i, j))
				continue;
			if (nitems < MAX_NAMED)
				items = rp_fmt(r, "%s%s%s", items, R_(", "), rp_or_dash(f.v[j].item));
			nitems++;
		}
		struct az_cell c[3] = { { 0 } };
		c[0].text = f.v[i].level == AZ_FINDING_MUST ? R_("Must fix (要対応)") : R_("Check (要確認)");
		if (nitems > MAX_NAMED)
			items = rp_fmt(r, R_("%s and %zu more"), items, nitems - MAX_NAMED);
		/* many things: counted in the narrow column, named in the wide one */
		c[1].text = nitems > 3 ? rp_fmt(r, R_("%zu items"), nitems) : items;
		c[2].text = nitems > 3 ? rp_fmt(r, "%s\n%s %s", f.v[i].message, R_("Concerns:"), items) : f.v[i].message;
		az_doc_table_row(r->doc, c);
	}
	free(done);
	az_doc_table_end(r->doc);
	az_findings_free(&f);
	return az_doc_status(r->doc);
}
