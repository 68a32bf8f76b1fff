/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/ddl.h"
#include "model/schema.h"
#include "model/store_check.h"

/* VM instructions per progress call, and calls allowed per page of the file: integrity_check of the
 * hospital-scale workbook needs about 3 calls a page; far more means a hostile or damaged file. */
#define STEPS_PER_CALL 1000
#define CALLS_PER_PAGE 200
#define CALLS_MIN 100000

struct budget {
	long left;
};

static int over_budget(void *arg)
{
	struct budget *b = arg;
	return --b->left < 0;
}

/* The schema as rows "type name tbl sql", one a line, in name order; the SQL spaced alike
 * (az_sql_normal), since a new workbook is written at once and an older one migrated. */
static char *schema_text(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name, type", -1, &st,
			       NULL) != SQLITE_OK)
		return NULL;
	sqlite3_str *s = sqlite3_str_new(NULL);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *sql = (const char *)sqlite3_column_text(st, 3);
		char *norm = sql && *sql ? az_sql_normal(sql) : NULL;
		sqlite3_str_appendf(s, "%s %s %s %s\n", sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
				    sqlite3_column_text(st, 2), norm ? norm : sql);
		sqlite3_free(norm);
	}
	sqlite3_finalize(st);
	char *out = sqlite3_str_finish(s);
	if (rc != SQLITE_DONE) {
		sqlite3_free(out);
		return NULL;
	}
	return out ? out : sqlite3_mprintf("%s", "");
}

/* What a fresh workbook of this version holds; computed once per version. */
static const char *reference_schema(int version)
{
	static char *ref[AZ_SCHEMA_VERSION + 1];
	if (version < 0 || version > AZ_SCHEMA_VERSION)
		return NULL;
	if (!ref[version]) {
		sqlite3 *m = NULL;
		struct az_error e = { 0 };
		if (sqlite3_open_v2(":memory:", &m, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK &&
		    az_schema_migrate_to(m, 0, version, &e) == 0)
			ref[version] = schema_text(m);
		sqlite3_close(m);
	}
	return ref[version];
}

/* The first line of a that b lacks, as "type name" in buf. */
static int first_missing(const char *a, const char *b, char *buf, size_t size)
{
	for (const char *l = a; *l;) {
		const char *e = strchr(l, '\n');
		size_t n = e ? (size_t)(e - l) + 1 : strlen(l);
		const char *h = b;
		int found = 0;
		while (*h) {
			const char *he = strchr(h, '\n');
			size_t hn = he ? (size_t)(he - h) + 1 : strlen(h);
			if (hn == n && memcmp(h, l, n) == 0) {
				found = 1;
				break;
			}
			h += hn;
		}
		if (!found) {
			/* "type name": the first two words */
			const char *sp = memchr(l, ' ', n);
			const char *sp2 = sp ? memchr(sp + 1, ' ', n - (size_t)(sp + 1 - l)) : NULL;
			int len = sp2 ? (int)(sp2 - l) : (int)n - 1;
			snprintf(buf, size, "%.*s", len > 200 ? 200 : len, l);
			return 1;
		}
		l += n;
	}
	return 0;
}

static int check_schema(sqlite3 *db, const char *path, int version, struct az_error *err)
{
	const char *ref = reference_schema(version);
	char *have = schema_text(db);
	int rc = AZ_OK;
	char what[256];
	if (!ref)
		rc = az_fail(err, AZ_DATAERR, _("%s: not an anzen workbook, or damaged (schema version %d)"), path, version);
	else if (!have)
		rc = az_store_explain(db, sqlite3_extended_errcode(db), path, _("cannot read"), AZ_IOERR, err);
	else if (strcmp(ref, have) == 0)
		rc = AZ_OK;
	else if (first_missing(have, ref, what, sizeof what))
		rc = az_fail(err, AZ_DATAERR,
			     _("%s: not an anzen workbook, or changed by another program: it has %s, which anzen "
			       "does not create; it was not opened"), path, what);
	else if (first_missing(ref, have, what, sizeof what))
		rc = az_fail(err, AZ_DATAERR, _("%s: not an anzen workbook, or damaged: %s is missing"), path, what);
	else
		rc = az_fail(err, AZ_DATAERR, _("%s: not an anzen workbook, or damaged"), path);
	sqlite3_free(have);
	return rc;
}

/* Runs a check pragma: "ok" (integrity) or no row at all (foreign keys) means intact. */
static int run_check(sqlite3 *db, const char *path, const char *sql, int want_ok, struct budget *b,
		     struct az_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	int bad = want_ok ? rc != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0
			  : rc != SQLITE_DONE;
	if (bad && b->left < 0)
		az_fail(err, AZ_DATAERR, _("%s: the workbook check did not finish in its time budget; the file is "
					   "damaged or not an anzen workbook; it was not changed"), path);
	else if (bad && want_ok && rc == SQLITE_ROW)
		az_fail(err, AZ_DATAERR, _("%s: the workbook is damaged (integrity check: %s); it was not changed"),
			path, (const char *)sqlite3_column_text(st, 0));
	else if (bad && rc == SQLITE_ROW)
		az_fail(err, AZ_DATAERR,
			_("%s: the workbook is damaged: a row of %s refers to a row of %s that does not exist; "
			  "it was not changed"), path, (const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 2));
	else if (bad)
		az_store_explain(db, rc, path, _("cannot check the workbook"), AZ_IOERR, err);
	sqlite3_finalize(st);
	return bad ? err->code : AZ_OK;
}

int az_store_check(sqlite3 *db, const char *path, int version, struct az_error *err)
{
	int rc = check_schema(db, path, version, err);
	if (rc != AZ_OK)
		return rc;
	/* only now, with no view or trigger of a stranger left, may SQLite read the tables */
	sqlite3_stmt *st = NULL;
	long pages = 0;
	if (sqlite3_prepare_v2(db, "PRAGMA page_count", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		pages = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	struct budget b = { CALLS_MIN + pages * CALLS_PER_PAGE };
	sqlite3_progress_handler(db, STEPS_PER_CALL, over_budget, &b);
	rc = run_check(db, path, "PRAGMA integrity_check(1)", 1, &b, err);
	if (rc == AZ_OK)
		rc = run_check(db, path, "PRAGMA foreign_key_check", 0, &b, err);
	sqlite3_progress_handler(db, 0, NULL, NULL);
	return rc;
}

int az_store_explain(sqlite3 *db, int rc, const char *path, const char *what, int fallback, struct az_error *err)
{
	int ext = rc, base = rc & 0xff;
	if (base == SQLITE_FULL || ext == SQLITE_IOERR_WRITE || ext == SQLITE_IOERR_FSYNC)
		return az_fail(err, AZ_IOERR, _("%s: %s: the disk is full or cannot be written (%s); nothing was "
						"lost: free some space and try again"), path, what, sqlite3_errstr(rc));
	if (base == SQLITE_READONLY || base == SQLITE_PERM || base == SQLITE_AUTH)
		return az_fail(err, AZ_CANTCREAT, _("%s: %s: no permission to write the workbook or its folder (%s)"),
			       path, what, sqlite3_errstr(rc));
	if (base == SQLITE_BUSY || base == SQLITE_LOCKED)
		return az_fail(err, AZ_TEMPFAIL, _("%s: %s: the workbook is in use by another program; close it there "
						   "first"), path, what);
	if (base == SQLITE_CORRUPT || base == SQLITE_NOTADB)
		return az_fail(err, AZ_DATAERR, _("%s: %s: not an anzen workbook, or damaged (%s)"), path, what,
			       sqlite3_errstr(rc));
	if (base == SQLITE_CANTOPEN)
		return az_fail(err, AZ_NOINPUT, _("%s: %s: the file or its folder cannot be opened (%s)"), path, what,
			       sqlite3_errstr(rc));
	if (base == SQLITE_NOMEM)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	if (base == SQLITE_INTERRUPT)
		return az_fail(err, AZ_DATAERR, _("%s: %s: took too long; the workbook is damaged or not an anzen "
						  "workbook"), path, what);
	return az_fail(err, fallback, _("%s: %s: %s"), path, what, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}
