/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Every row of the year-over-year diff (model/diff) of a second-year workbook whose earlier year differs
 * in every way, against the rows the diff gave when it loaded the earlier year through the full import
 * (tests/data/year/changes.rows.txt, written by that version). The earlier year's JSON is written as an
 * older anzen could have: \u escapes throughout, keys a newer schema added left out (their defaults),
 * another form year (r6-clinic). With --print, prints the rows instead. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/diff.h"
#include "model/import.h"
#include "tests/fixture.h"
#include "tests/tap.h"

static const char *srcdir(void) { return getenv("top_srcdir") ? getenv("top_srcdir") : "."; }

/* One line per row: kind, change, key, label, the changed fields. */
static char *rows_text(const struct az_diff *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m)
		return NULL;
	fprintf(m, "base %d year %d\n", d->base_year, d->year);
	for (size_t i = 0; i < d->n; i++) {
		const struct az_diff_row *r = &d->rows[i];
		const char *names[64];
		size_t nf = az_diff_fields(r, names, 64);
		fprintf(m, "%s %s [%s] [%s]", az_diff_kind_name(r->kind), az_diff_change_name(r->change), r->key, r->label);
		for (size_t f = 0; f < nf; f++)
			fprintf(m, " %s", names[f]);
		fputc('\n', m);
	}
	for (int k = 0; k < AZ_DIFF_NKINDS; k++)
		fprintf(m, "%s: new %zu changed %zu unchanged %zu removed %zu\n", az_diff_kind_name(k),
			d->count[k][AZ_NEW], d->count[k][AZ_CHANGED], d->count[k][AZ_UNCHANGED], d->count[k][AZ_REMOVED]);
	fclose(m);
	return buf;
}

int main(int argc, char **argv)
{
	char path[512];
	size_t glen = 0;
	struct az_error err = { 0 };
	struct az_diff d;
	struct az_store *s = fixture_import("year/changes.json", &err);
	ok(s != NULL, "the second-year fixture imports (%s)", err.msg);
	if (!s)
		return done_testing();
	int rc = az_diff_compute(s, 0, &d, &err);
	ok(rc == AZ_OK, "diff (%s)", err.msg);
	char *got = rc == AZ_OK ? rows_text(&d) : NULL;
	if (rc == AZ_OK)
		az_diff_free(&d);
	if (argc > 1 && !strcmp(argv[1], "--print")) {
		fputs(got ? got : "", stdout);
		free(got);
		az_store_close(s);
		return 0;
	}
	snprintf(path, sizeof path, "%s/tests/data/year/changes.rows.txt", srcdir());
	char *want = slurp(path, &glen);
	ok(got && want && !strcmp(got, want), "every row, key, label and changed field as before");
	if (got && want && strcmp(got, want))
		printf("# got:\n%s# want:\n%s", got, want);
	free(got);
	free(want);

	/* a damaged earlier year is refused with a message, not read */
	static const char *const bad[] = {
		"not json", "[]", "{\"format\":\"anzen-workbook\",\"version\":3,\"risks\":{}}",
		"{\"format\":\"anzen-workbook\",\"version\":99,\"risks\":[]}",
		"{\"format\":\"other\",\"version\":3}",
		"{\"format\":\"anzen-workbook\",\"version\":3,\"risks\":[1]}",
		"{\"format\":\"anzen-workbook\",\"version\":3,\"risks\":[{\"nope\":1}]}",
		"{\"format\":\"anzen-workbook\",\"version\":3,\"risks\":[{\"id\":[1]}]}",
		"{\"format\":\"anzen-workbook\",\"version\":3,\"systems\":[{\"name\":\"\\ud800\"}]}",
		"{\"format\":\"anzen-workbook\",\"version\":3,\"systems\":[{\"id\":1e3}]}",
		"{\"format\":\"anzen-workbook\",\"version\":3,\"systems\":[{\"id\":1}",
		"{\"format\":\"anzen-workbook\",\"version\":3,\"facts\":[[[[",
		"{\"format\":\"anzen-workbook\",\"version\":3,\"systems\":[{\"name\":\"a\"}]} x",
	};
	sqlite3_stmt *st = NULL;
	ok(sqlite3_prepare_v2(az_store_db(s), "UPDATE history SET snapshot = ?1", -1, &st, NULL) == SQLITE_OK, "prepare");
	for (size_t i = 0; st && i < sizeof bad / sizeof bad[0]; i++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, bad[i], -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			break;
		memset(&err, 0, sizeof err);
		rc = az_diff_compute(s, 0, &d, &err);
		ok(rc == AZ_DATAERR && strstr(err.msg, "2026"), "a damaged earlier year (%s): %s", bad[i], err.msg);
		if (rc == AZ_OK)
			az_diff_free(&d);
	}
	sqlite3_finalize(st);
	az_store_close(s);
	return done_testing();
}
