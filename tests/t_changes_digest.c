/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The change counts of `status` from the earlier year's digest (model/changes_digest) are model/diff's
 * counts: on the second-year fixture whose earlier year differs in every way, after edits of every
 * kind, without a digest (an older workbook), with a damaged one, after the snapshot changed, and for
 * an earlier year whose keys repeat (which gets no digest). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/changes_digest.h"
#include "model/import.h"
#include "tests/fixture.h"
#include "tests/tap.h"


static int exec(struct az_store *s, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(az_store_db(s), sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		printf("# %s: %s\n", sql, msg ? msg : "?");
	sqlite3_free(msg);
	return rc == SQLITE_OK;
}

static int digests(struct az_store *s)
{
	sqlite3_stmt *st = NULL;
	int n = -1;
	if (sqlite3_prepare_v2(az_store_db(s), "SELECT count(*) FROM meta WHERE key GLOB 'changes *'", -1, &st, NULL) ==
		    SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The digest kept is the mark of a year that has none. */
static int marked(struct az_store *s)
{
	sqlite3_stmt *st = NULL;
	int yes = 0;
	if (sqlite3_prepare_v2(az_store_db(s), "SELECT value = X'415A434400000000' FROM meta WHERE key GLOB 'changes *'", -1,
			       &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		yes = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return yes;
}

static void print_counts(const char *which, const struct az_diff *d)
{
	printf("# %s: base %d year %d", which, d->base_year, d->year);
	for (int k = 0; k < AZ_DIFF_NKINDS; k++)
		printf(" | %zu %zu %zu %zu", d->count[k][AZ_NEW], d->count[k][AZ_CHANGED], d->count[k][AZ_UNCHANGED],
		       d->count[k][AZ_REMOVED]);
	putchar('\n');
}

/* az_changes_count against az_diff_compute on the workbook as it is now. */
static void same_counts(struct az_store *s, const char *what)
{
	struct az_book b;
	struct az_diff full, fast;
	struct az_error e1 = { 0 }, e2 = { 0 }, e3 = { 0 };
	int book = az_book_load(s, &b, &e1) == AZ_OK;
	int rc1 = az_diff_compute(s, 0, &full, &e2);
	int rc2 = book ? az_changes_count(s, &b, &fast, &e3) : -1;
	int same = book && rc1 == AZ_OK && rc2 == AZ_OK && full.base_year == fast.base_year && full.year == fast.year &&
		   !memcmp(full.count, fast.count, sizeof full.count);
	ok(same, "%s: the counts of model/diff (%s%s%s)", what, e1.msg, e2.msg, e3.msg);
	if (!same && rc1 == AZ_OK && rc2 == AZ_OK) {
		print_counts("diff", &full);
		print_counts("digest", &fast);
	}
	if (rc1 == AZ_OK)
		az_diff_free(&full);
	if (rc2 == AZ_OK)
		az_diff_free(&fast);
	if (book)
		az_book_free(&b);
}

/* The counts from the digest alone: the snapshot is made unreadable for model/diff meanwhile. */
static void digest_alone(struct az_store *s, const char *what)
{
	struct az_book b;
	struct az_diff d;
	struct az_error err = { 0 };
	ok(exec(s, "CREATE TEMP TABLE kept AS SELECT * FROM history; UPDATE history SET snapshot = '{\"x\": 1}'"),
	   "the snapshot set aside");
	int rc = az_book_load(s, &b, &err);
	if (rc == AZ_OK) {
		rc = az_changes_count(s, &b, &d, &err);
		az_book_free(&b);
	}
	ok(rc == AZ_OK && d.base_year == 2026, "%s: counted from the digest alone (%s)", what, err.msg);
	if (rc == AZ_OK)
		az_diff_free(&d);
	ok(exec(s, "UPDATE history SET snapshot = (SELECT snapshot FROM kept WHERE kept.fiscal_year = history.fiscal_year);"
		   "DROP TABLE kept"),
	   "the snapshot back");
}

int main(void)
{
	struct az_error err = { 0 };
	struct az_store *s = fixture_import("year/changes.json", &err);
	ok(s != NULL, "the second-year fixture imports (%s)", err.msg);
	if (!s)
		return done_testing();
	ok(digests(s) == 1, "the import keeps a digest of the earlier year");
	same_counts(s, "the fixture");
	digest_alone(s, "the fixture");

	/* edits of every kind, in columns compared and not */
	static const char *const edits[] = {
		"UPDATE risks SET rationale = rationale || ' more' WHERE id = (SELECT min(id) FROM risks)",
		"UPDATE risks SET likelihood = NULL, severity = NULL WHERE id = (SELECT max(id) FROM risks)",
		"UPDATE risks SET accepted_by = 'someone', accepted_at = '2027-05-01'", /* cleared yearly: not compared */
		"UPDATE risks SET treatment = 'accept' WHERE treatment IS NULL",
		"DELETE FROM actions WHERE id = (SELECT min(id) FROM actions)",
		"UPDATE actions SET description = '', control = 'backup_offline' WHERE id = (SELECT max(id) FROM actions)",
		"INSERT INTO systems (category, name) VALUES ('pc', 'もう一台')",
		"UPDATE systems SET firmware = firmware || '.1', holds_patient_data = 1 - holds_patient_data",
		"UPDATE vendors SET note = 'ノート'",
		"UPDATE checklist_answers SET note = 'n', checked_at = '2027-06-01'",
		"UPDATE checklist_answers SET checklist = 'r6-clinic' WHERE item = '0'",
		"DELETE FROM risks WHERE id IN (SELECT id FROM risks ORDER BY id LIMIT 2)",
	};
	for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
		ok(exec(s, edits[i]), "edit %zu", i + 1);
		same_counts(s, edits[i]);
	}
	digest_alone(s, "after the edits");

	/* damaged digests are not used: the counts come from the snapshot */
	static const char *const damaged[] = {
		"UPDATE meta SET value = substr(value, 1, 100) WHERE key GLOB 'changes *'",
		"UPDATE meta SET value = X'00' WHERE key GLOB 'changes *'",
		"UPDATE meta SET value = 'AZCD' WHERE key GLOB 'changes *'",
		"UPDATE meta SET value = zeroblob(100000) WHERE key GLOB 'changes *'",
		/* its rows zeroed, the head whole: every key repeats */
		"UPDATE meta SET value = substr(value, 1, 60) || zeroblob(length(value) - 60) WHERE key GLOB 'changes *'",
		"DELETE FROM meta WHERE key GLOB 'changes *'", /* an older workbook */
	};
	for (size_t i = 0; i < sizeof damaged / sizeof damaged[0]; i++) {
		ok(az_changes_digests_rebuild(s, &err) == AZ_OK && digests(s) == 1, "made again (%s)", err.msg);
		ok(exec(s, damaged[i]), "damaged %zu", i + 1);
		same_counts(s, damaged[i]);
	}

	/* a snapshot changed after its digest: the digest is dropped, once */
	ok(az_changes_digests_rebuild(s, &err) == AZ_OK && digests(s) == 1, "made again (%s)", err.msg);
	ok(az_changes_digests_drop_stale(s, &err) == 0 && digests(s) == 1, "a digest of its snapshot is kept");
	ok(exec(s, "UPDATE history SET snapshot = replace(snapshot, '\"firmware\":\"', '\"firmware\":\"x')"),
	   "the snapshot changed");
	ok(az_changes_digests_drop_stale(s, &err) == 1 && digests(s) == 0, "its digest is dropped");
	ok(az_changes_digests_drop_stale(s, &err) == 0, "and nothing else");
	ok(az_changes_digests_rebuild(s, &err) == AZ_OK && digests(s) == 1, "made again (%s)", err.msg);
	ok(exec(s, "UPDATE meta SET value = substr(value, 1, 100) || X'FF' || substr(value, 102) WHERE key GLOB 'changes *'"),
	   "a byte of its rows changed in place");
	ok(az_changes_digests_drop_stale(s, &err) == 1 && digests(s) == 0, "that digest is dropped too");
	same_counts(s, "the changed snapshot, without its digest");

	/* an earlier year with a r6 and a r7 answer to one item: model/diff's match of a repeated key
	 * depends on its search, so that year gets no digest */
	ok(exec(s, "UPDATE history SET snapshot = json_insert(snapshot, '$.checklist_answers[#]', json_object("
		   "'answer', 'no', 'checked_at', NULL, 'checklist', 'r7-clinic', 'device', 'all', 'item', '0', 'note', '',"
		   " 'target_at', NULL))"),
	   "a repeated key in the earlier year");
	ok(az_changes_digests_rebuild(s, &err) == AZ_OK, "rebuilt (%s)", err.msg);
	ok(digests(s) == 1 && marked(s), "a year whose keys repeat is marked as having no digest");
	same_counts(s, "repeated keys");

	/* a workbook of an older anzen: a writer makes the digests it lacks, once */
	ok(exec(s, "DELETE FROM meta WHERE key GLOB 'changes *'"), "no digests");
	az_changes_digests_fill(s);
	ok(digests(s) == 1 && marked(s), "filled: the mark of a year whose keys repeat");
	ok(exec(s, "UPDATE history SET snapshot = json_remove(snapshot, '$.checklist_answers[#-1]');"
		   "DELETE FROM meta WHERE key GLOB 'changes *'"),
	   "the repeated key gone, no digests");
	az_changes_digests_fill(s);
	ok(digests(s) == 1 && !marked(s), "filled: a digest");
	digest_alone(s, "filled");
	same_counts(s, "filled");
	ok(exec(s, "UPDATE history SET snapshot = '{\"x\": 1}'; DELETE FROM meta WHERE key GLOB 'changes *'"),
	   "a snapshot that cannot be read, no digests");
	az_changes_digests_fill(s);
	ok(digests(s) == 1 && marked(s), "filled: the mark, not an error");
	ok(az_changes_digests_drop_stale(s, &err) == 0 && marked(s), "the check of a changed file keeps the mark");
	ok(exec(s, "INSERT INTO meta (key, value) VALUES ('changes 1999', X'00')"), "a digest of no earlier year");
	ok(az_changes_digests_drop_stale(s, &err) == 1 && digests(s) == 1, "the check drops it");

	/* no earlier year */
	ok(exec(s, "DELETE FROM history"), "no history");
	same_counts(s, "no earlier year");
	az_store_close(s);
	return done_testing();
}
