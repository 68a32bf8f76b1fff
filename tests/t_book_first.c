/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The first screen's book (az_book_load_first): the home screen's progress and findings from it
 * are those of the whole book, and az_book_complete makes it the whole book, on a workbook whose
 * columns left for later are all filled. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "guideline/catalogue.h"
#include "model/book.h"
#include "model/edit.h"
#include "model/findings.h"
#include "model/import.h"
#include "model/progress.h"
#include "model/workbook.h"
#include "tests/fixture.h"
#include "tests/tap.h"

#define TODAY "2027-06-01" /* the fixture's actions due before it are overdue */

/* Every column the first load leaves out given on many rows, and findings that name risks and
 * actions by those texts: S and A risks undecided or accepted without approval, overdue actions. */
static const char fill_sql[] =
	"UPDATE risks SET title = 'リスク' || id, confirmed_by = '院長', confirmed_at = '2026-05-01',"
	"  score_basis = CASE id % 3 WHEN 0 THEN 'suggested' WHEN 1 THEN 'changed' ELSE NULL END,"
	"  exception = id % 2;"
	"UPDATE risks SET dismissed = 'other', dismiss_note = '使っていない' WHERE id % 7 = 0;"
	"UPDATE risks SET likelihood = 5, severity = 5, treatment = NULL WHERE id % 5 = 0;"
	"UPDATE risks SET likelihood = 5, severity = 5, treatment = 'accept', accepted_by = '' WHERE id % 11 = 0;"
	"UPDATE actions SET status = 'done', done_at = '2026-04-01' WHERE id % 4 = 0;"
	"UPDATE actions SET description = '' WHERE id % 6 = 0;";

struct src {
	char *text;
	size_t len;
};

static int fill(struct az_store *s, void *arg, struct az_error *err)
{
	struct src *j = arg;
	int rc = az_import_json(s, j->text, j->len, "clinic.json", err);
	if (rc == AZ_OK && sqlite3_exec(az_store_db(s), fill_sql, NULL, NULL, NULL) != SQLITE_OK)
		rc = az_store_sqlfail(s, err, AZ_IOERR, "fill");
	return rc;
}

/* Each field of two rows of a table compared, from the table's description. */
#define SAME_S_(col) same = same && !strcmp(x->col ? x->col : "(null)", y->col ? y->col : "(null)");
#define SAME_L_(col) same = same && x->col == y->col;
#define SAME_I_(col) SAME_L_(col)
#define SAME_E_(col) SAME_L_(col)
#define SAME_N_(col)
#define SAME_(t, col, field, ...) SAME_##field##_(col)
#define SAME_ROWS(type, table, arr)                                                   \
	static int same_##arr(const struct az_book *a, const struct az_book *b)      \
	{                                                                             \
		int same = a->n_##arr == b->n_##arr;                                  \
		for (size_t i = 0; same && i < a->n_##arr; i++) {                     \
			const struct type *x = &a->arr[i], *y = &b->arr[i];           \
			AZ_COLUMNS_##table(SAME_, table)                              \
		}                                                                     \
		return same;                                                          \
	}
SAME_ROWS(az_risk, risks, risks)
SAME_ROWS(az_action, actions, actions)
SAME_ROWS(az_system, systems, systems)
SAME_ROWS(az_vendor, vendors, vendors)

static int same_progress(const struct az_progress *a, const struct az_progress *b)
{
	for (int i = 0; i < AZ_NSTEPS; i++) {
		const struct az_step_progress *x = &a->step[i], *y = &b->step[i];
		if (x->done != y->done || x->total != y->total || x->nmissing != y->nmissing)
			return 0;
		for (size_t k = 0; k < AZ_PROGRESS_KEPT && k < x->nmissing; k++)
			if (strcmp(x->missing[k] ? x->missing[k] : "", y->missing[k] ? y->missing[k] : ""))
				return 0;
	}
	return 1;
}

/* The same findings in the same order: rule, level, step and row (the wording may differ). */
static int same_findings(const struct az_findings *a, const struct az_findings *b)
{
	if (a->n != b->n)
		return 0;
	for (size_t i = 0; i < a->n; i++) {
		const struct az_finding *x = &a->v[i], *y = &b->v[i];
		if (strcmp(x->id, y->id) || x->level != y->level || x->step != y->step || x->row != y->row ||
		    strcmp(x->check_item ? x->check_item : "", y->check_item ? y->check_item : ""))
			return 0;
	}
	return 1;
}

static size_t count_of(const struct az_findings *f, const char *id)
{
	size_t n = 0;
	for (size_t i = 0; i < f->n; i++)
		n += !strcmp(f->v[i].id, id);
	return n;
}

int main(void)
{
	char dir[] = "/tmp/anzen-t_book_first-XXXXXX", path[256], fx[512], gdir[512];
	struct az_error err = { 0 };
	struct az_store *s = NULL;
	struct az_catalogue *cat = NULL;
	struct az_diags d;
	struct az_book whole, first;
	struct src j;
	const char *top = getenv("top_srcdir") ? getenv("top_srcdir") : ".";
	snprintf(gdir, sizeof gdir, "%s/guideline", top);
	az_diags_init(&d);
	az_catalogue_load(gdir, &cat, &d);
	az_diags_free(&d);
	if (!ok(cat != NULL, "catalogue loaded") || !ok(mkdtemp(dir) != NULL, "temporary directory"))
		return done_testing();
	snprintf(path, sizeof path, "%s/w.anzen", dir);
	snprintf(fx, sizeof fx, "%s/tests/data/clinic.json", top);
	j.text = slurp(fx, &j.len);
	if (!ok(j.text && az_workbook_write_new(path, 0, fill, &j, &err) == AZ_OK, "fixture written (%s)", err.msg))
		return done_testing();
	free(j.text);
	if (!ok(az_store_open(path, 0, &s, &err) == AZ_OK, "opened (%s)", err.msg) ||
	    !ok(az_book_load(s, &whole, &err) == AZ_OK, "the whole book loaded (%s)", err.msg) ||
	    !ok(az_book_load_first(s, &first, &err) == AZ_OK, "the first screen's book loaded (%s)", err.msg))
		return done_testing();

	ok(!whole.partial && first.partial, "the first screen's book is partial, the whole book is not");
	ok(same_systems(&whole, &first) && same_vendors(&whole, &first), "systems and vendors are read whole");
	const struct az_risk *r = az_book_risk(&first, 7);
	ok(r && r->title == NULL && r->dismiss_note == NULL && r->confirmed_by == NULL && r->confirmed_at == NULL,
	   "a risk's title, dismissal note and confirmation are left for later (NULL)");
	ok(r && r->score_basis == -1 && r->exception == 0, "its score basis reads -1 and its exception 0 until then");
	ok(r && r->dismissed >= 0 && r->rationale && r->rationale[0], "what the rules read is there");
	ok(first.n_actions && first.actions[0].description == NULL && first.actions[0].done_at == NULL,
	   "an action's description and date done are left for later");

	struct az_progress pw, pf;
	ok(az_progress_compute(&whole, cat, &pw) == 0 && az_progress_compute(&first, cat, &pf) == 0, "progress computed");
	ok(same_progress(&pw, &pf), "progress of the first book is that of the whole book");
	ok(pw.step[AZ_STEP_RISKS].done < pw.step[AZ_STEP_RISKS].total, "(the risk step is not done: a real test)");
	az_progress_free(&pw);
	az_progress_free(&pf);
	struct az_findings fw, ff;
	ok(az_findings_compute(&whole, cat, TODAY, &fw) == 0 && az_findings_compute(&first, cat, TODAY, &ff) == 0,
	   "findings computed");
	ok(same_findings(&fw, &ff), "the findings of the first book are those of the whole book (%zu)", fw.n);
	ok(count_of(&fw, "risk-undecided") && count_of(&fw, "risk-unapproved") && count_of(&fw, "action-overdue"),
	   "(findings on risks and actions are among them: a real test)");
	is_int((long long)az_findings_count(&ff, AZ_FINDING_MUST), (long long)az_findings_count(&fw, AZ_FINDING_MUST),
	       "the home screen's count of must-fix findings");
	is_int((long long)az_findings_count(&ff, AZ_FINDING_CHECK), (long long)az_findings_count(&fw, AZ_FINDING_CHECK),
	       "the home screen's count of findings to check");
	az_findings_free(&fw);
	az_findings_free(&ff);

	/* a field saved before the rest is read stays as saved */
	const char *const pairs[] = { "title", "新しい題", NULL };
	ok(az_edit_set(s, "risks", 9, "title", "新しい題", &err) == AZ_OK && az_book_set(&first, "risks", 9, pairs) == 0,
	   "a later column saved in the first book");
	ok(az_edit_set(s, "risks", 9, "title", "新しい題", &err) == AZ_OK &&
		   az_book_set(&whole, "risks", 9, pairs) == 0,
	   "and in the whole book");
	is_int(az_book_complete(s, &first, &err), AZ_OK, "the rest read (%s)", err.msg);
	ok(!first.partial, "the book is no longer partial");
	ok(same_risks(&whole, &first) && same_actions(&whole, &first), "every field of every risk and action as loaded whole");
	is_str(az_book_risk(&first, 9)->title, "新しい題", "the saved field as saved");
	is_int(az_book_complete(s, &first, &err), AZ_OK, "completing a complete book reads nothing");
	az_book_free(&first);

	/* rows that are no longer the workbook's are said, not mixed */
	ok(az_book_load_first(s, &first, &err) == AZ_OK && az_edit_delete(s, "risks", 9, &err) == AZ_OK,
	   "a risk deleted after the first load");
	memset(&err, 0, sizeof err);
	is_int(az_book_complete(s, &first, &err), AZ_DATAERR, "completing it is refused: load again (%s)", err.msg);
	ok(first.partial, "the book stays partial");
	az_book_free(&first);
	az_book_free(&whole);
	az_store_close(s);
	az_catalogue_free(cat);
	unlink(path);
	rmdir(dir);
	return done_testing();
}
