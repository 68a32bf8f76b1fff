/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* model/diff through model/edit, and the v1 -> v2 migration keeping every row. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/json_write.h"
#include "model/diff.h"
#include "model/edit.h"
#include "model/import.h"
#include "model/workbook.h"
#include "model/year.h"
#include "tests/fixture.h"
#include "tests/tap.h"

static const char *srcdir(void) { return getenv("top_srcdir") ? getenv("top_srcdir") : "."; }

struct src {
	char *text;
	size_t len;
};

static int fill(struct az_store *s, void *arg, struct az_error *err)
{
	struct src *j = arg;
	return az_import_json(s, j->text, j->len, "fixture", err);
}

static const struct az_diff_row *find(const struct az_diff *d, int kind, const char *key)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->rows[i].kind == kind && !strcmp(d->rows[i].key, key))
			return &d->rows[i];
	return NULL;
}

static int changed_field(const struct az_diff_row *r, const char *col)
{
	for (size_t c = 0; r && c < r->table->ncols; c++)
		if (!strcmp(r->table->cols[c].name, col))
			return (r->fields >> c) & 1;
	return 0;
}

static void diff_tests(const char *dir)
{
	char a[256], b[256], fx[512];
	struct az_error err = { 0 };
	struct az_store *s = NULL;
	struct src j;
	snprintf(a, sizeof a, "%s/a.anzen", dir);
	snprintf(b, sizeof b, "%s/b.anzen", dir);
	snprintf(fx, sizeof fx, "%s/tests/data/small.json", srcdir());
	j.text = slurp(fx, &j.len);
	ok(j.text && az_workbook_write_new(a, 0, fill, &j, &err) == AZ_OK, "small.json imported (%s)", err.msg);
	free(j.text);

	/* next-year as the CLI does it */
	struct az_next_year ny = { 0 };
	char *copy = NULL, *snap = NULL;
	ok(az_store_open(a, AZ_STORE_READONLY, &s, &err) == AZ_OK, "opened");
	ok(az_export_json_string_omit(s, &copy, &ny.copy_len, AZ_JSON_NO_CHANGELOG, &err) == AZ_OK &&
		   az_export_json_string_omit(s, &snap, &ny.snapshot_len, AZ_JSON_NO_CHANGELOG | AZ_JSON_NO_HISTORY,
					      &err) == AZ_OK,
	   "exports for next-year");
	struct az_diff d;
	ok(az_diff_compute(s, 0, &d, &err) == AZ_OK && d.base_year == 0 && d.n == 0, "no history: no diff");
	az_diff_free(&d);
	az_store_close(s);
	ny.copy = copy;
	ny.snapshot = snap;
	ny.name = a;
	ok(az_workbook_write_new(b, 0, az_year_fill_next, &ny, &err) == AZ_OK, "next-year (%s)", err.msg);
	is_int(ny.old_year, 2026, "old year");
	is_int(ny.new_year, 2027, "new year");
	free(copy);
	free(snap);

	ok(az_store_open(b, 0, &s, &err) == AZ_OK, "the new year opens");
	ok(az_diff_compute(s, 0, &d, &err) == AZ_OK, "diff");
	is_int(d.base_year, 2026, "compared with 2026");
	is_int(d.year, 2027, "the workbook's year");
	for (int k = 0; k < AZ_DIFF_NKINDS; k++)
		is_int(d.count[k][AZ_CHANGED] + d.count[k][AZ_NEW] + d.count[k][AZ_REMOVED], 0,
		       "%s: all unchanged right after next-year", az_diff_kind_name(k));
	az_diff_free(&d);

	/* edits as the screens make them */
	long long id = 0;
	const char *sys[] = { "category", "wifi", "name", "院内Wi-Fi", NULL };
	ok(az_edit_set(s, "systems", 1, "firmware", "Rev.23.01", &err) == AZ_OK, "edit a firmware");
	ok(az_edit_insert(s, "systems", sys, &id, &err) == AZ_OK, "add a system");
	ok(az_edit_delete(s, "systems", 3, &err) == AZ_OK, "delete a system (and its risk)");
	ok(az_edit_set(s, "risks", 1, "severity", "5", &err) == AZ_OK, "rescore a risk");
	ok(az_edit_set(s, "risks", 2, "accepted_at", "2027-06-01", &err) == AZ_OK, "re-confirm a date only");
	ok(az_edit_set(s, "vendors", 2, "certification", "isms", &err) == AZ_OK, "a vendor gets ISMS");
	ok(az_edit_set(s, "actions", 1, "status", "done", &err) == AZ_OK, "an action done");
	ok(az_edit_checklist_answer(s, "r7-clinic", "2-(3)", "all", "answer", "yes", &err) == AZ_OK, "a checklist answer");
	ok(az_edit_checklist_answer(s, "r7-clinic", "0", "all", "checked_at", "2027-06-01", &err) == AZ_OK, "a re-check");
	ok(az_diff_compute(s, 0, &d, &err) == AZ_OK, "diff after edits (%s)", err.msg);
	const struct az_diff_row *r = find(&d, AZ_DIFF_SYSTEMS, "1");
	ok(r && r->change == AZ_CHANGED && changed_field(r, "firmware") && !changed_field(r, "name"),
	   "system 1: Changed, firmware only");
	r = find(&d, AZ_DIFF_SYSTEMS, "3");
	ok(r && r->change == AZ_REMOVED, "system 3: Removed");
	char key[32];
	snprintf(key, sizeof key, "%lld", id);
	r = find(&d, AZ_DIFF_SYSTEMS, key);
	ok(r && r->change == AZ_NEW && !strcmp(r->label, "院内Wi-Fi"), "the new system: New, with its name");
	r = find(&d, AZ_DIFF_SYSTEMS, "2");
	ok(r && r->change == AZ_UNCHANGED, "system 2: Unchanged");
	r = find(&d, AZ_DIFF_RISKS, "1/ransomware");
	ok(r && r->change == AZ_CHANGED && changed_field(r, "severity"), "risk 1: Changed severity");
	ok(r && strstr(r->label, "ransomware") != NULL, "a risk's label names its threat (%s)", r ? r->label : "");
	r = find(&d, AZ_DIFF_RISKS, "2/ransomware");
	ok(r && r->change == AZ_UNCHANGED, "a re-confirmed acceptance date is no change");
	r = find(&d, AZ_DIFF_RISKS, "3/ransomware");
	ok(r && r->change == AZ_REMOVED, "the deleted system's risk: Removed");
	r = find(&d, AZ_DIFF_VENDORS, "2");
	ok(r && r->change == AZ_CHANGED && changed_field(r, "certification"), "vendor 2: Changed certification");
	r = find(&d, AZ_DIFF_ACTIONS, "1");
	ok(r && r->change == AZ_CHANGED && changed_field(r, "status"), "action 1: Changed status");
	r = find(&d, AZ_DIFF_CHECKLIST, "clinic/2-(3)/all");
	ok(r && r->change == AZ_CHANGED && changed_field(r, "answer"), "2-(3): Changed answer");
	r = find(&d, AZ_DIFF_CHECKLIST, "clinic/0/all");
	ok(r && r->change == AZ_UNCHANGED, "item 0 re-checked: Unchanged");
	is_int(d.count[AZ_DIFF_SYSTEMS][AZ_NEW], 1, "counts: 1 new system");
	is_int(d.count[AZ_DIFF_SYSTEMS][AZ_REMOVED], 1, "counts: 1 removed system");
	az_diff_free(&d);

	int years[4];
	is_int(az_history_years(s, years, 4, &err), 1, "one earlier year");
	struct az_store *h = NULL;
	ok(az_history_open(s, 2026, &h, &err) == AZ_OK, "the earlier year is readable");
	struct az_counts c;
	ok(h && az_workbook_counts(h, &c, &err) == AZ_OK && c.fiscal_year == 2026 && c.systems == 3,
	   "with its own year and rows");
	az_store_close(h);
	ok(az_history_open(s, 2020, &h, &err) == AZ_DATAERR, "a year that is not there: 65");
	az_store_close(s);
}

static void migration_tests(const char *dir)
{
	char fx[512], path[256], cmd[2048];
	struct az_error err = { 0 };
	struct az_store *s = NULL;
	snprintf(path, sizeof path, "%s/v1.anzen", dir);
	snprintf(fx, sizeof fx, "%s/tests/data/schema-v1.sql", srcdir());
	snprintf(cmd, sizeof cmd, "sqlite3 '%s' < '%s' && chmod 600 '%s'", path, fx, path);
	if (!ok(system(cmd) == 0, "the frozen v1 fixture builds"))
		return;
	ok(az_store_open(path, 0, &s, &err) == AZ_OK, "v1 opens and migrates (%s)", err.msg);
	char *json = NULL;
	size_t len = 0, wl = 0;
	ok(s && az_export_json_string(s, &json, &len, &err) == AZ_OK, "exported after the migration");
	/* the v1 rows of small.json as then generated, with the later columns at their defaults */
	snprintf(fx, sizeof fx, "%s/tests/data/schema-v1.json", srcdir());
	char *want = slurp(fx, &wl);
	ok(json && want && len == wl && !memcmp(json, want, len),
	   "every v1 row survives: the export equals the fixture it was made from");
	free(json);
	free(want);
	sqlite3_stmt *st = NULL;
	ok(sqlite3_prepare_v2(az_store_db(s), "SELECT count(*) FROM history", -1, &st, NULL) == SQLITE_OK &&
		   sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 0,
	   "the history table exists, empty");
	sqlite3_finalize(st);
	az_store_close(s);
}

int main(void)
{
	char dir[] = "/tmp/anzen-t_year-XXXXXX";
	if (!mkdtemp(dir))
		return 99;
	diff_tests(dir);
	migration_tests(dir);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return done_testing();
}
