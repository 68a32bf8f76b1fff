/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The workbook store: creation, refusal of bad files, locking, constraints, change log, migrations. */
#include <config.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "model/schema.h"
#include "model/store.h"
#include "model/tables.h"
#include "model/workbook.h"
#include "tests/fixture.h"
#include "tests/tap.h"

static char dir[] = "/tmp/anzen-t_store-XXXXXX";

static char *path(const char *name)
{
	static char buf[8][256];
	static int i;
	char *p = buf[i++ % 8];
	snprintf(p, 256, "%s/%s", dir, name);
	return p;
}

static int sql(const char *p, const char *q)
{
	sqlite3 *db;
	int rc = sqlite3_open(p, &db);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, q, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

/* A workbook's columns are the table descriptions' (model/table_defs.h); tests/t_schema compares the DDL. */
static int columns_described(struct az_store *s, const struct az_table *t)
{
	sqlite3_stmt *st = NULL;
	char *q = sqlite3_mprintf("SELECT name FROM pragma_table_info(%Q) ORDER BY name", t->name);
	size_t n = 0;
	int same = q && sqlite3_prepare_v2(az_store_db(s), q, -1, &st, NULL) == SQLITE_OK;
	while (same && sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		/* the singletons' id is the SQL key, not a field */
		if (t->singleton && !strcmp(name, "id"))
			continue;
		same = n < t->ncols && !strcmp(name, t->cols[n++].name);
	}
	sqlite3_finalize(st);
	sqlite3_free(q);
	return same && n == t->ncols;
}

static int exec(struct az_store *s, const char *q) { return sqlite3_exec(az_store_db(s), q, NULL, NULL, NULL); }

static long long one(struct az_store *s, const char *q)
{
	sqlite3_stmt *st;
	long long v = -1;
	if (sqlite3_prepare_v2(az_store_db(s), q, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Opening must refuse with `code` and leave the file byte-identical. */
static void refused(const char *p, int flags, int code, const char *what)
{
	size_t n1, n2;
	char *before = slurp(p, &n1);
	struct az_store *s = NULL;
	struct az_error err = { 0 };
	int rc = az_store_open(p, flags, &s, &err);
	if (s)
		az_store_close(s);
	char *after = slurp(p, &n2);
	is_int(rc, code, "%s: refused with exit code %d", what, code);
	ok(err.msg[0] && strstr(err.msg, p), "%s: the message names the file (%s)", what, err.msg);
	ok(before && after && n1 == n2 && memcmp(before, after, n1) == 0, "%s: file untouched", what);
	free(before);
	free(after);
}

static struct az_store *new_workbook(const char *p)
{
	struct az_store *s = NULL;
	struct az_error err = { 0 };
	if (az_workbook_write_new(p, 0, az_workbook_fill_empty, NULL, &err) != AZ_OK ||
	    az_store_open(p, 0, &s, &err) != AZ_OK)
		printf("# %s\n", err.msg);
	return s;
}

int main(void)
{
	struct az_error err = { 0 };
	struct az_store *s = NULL;
	struct stat st;
	if (!mkdtemp(dir))
		return 99;

	/* creation */
	s = new_workbook(path("w.anzen"));
	if (!ok(s != NULL, "a new workbook opens"))
		return done_testing();
	ok(stat(path("w.anzen"), &st) == 0 && (st.st_mode & 0777) == 0600, "a new workbook has mode 0600");
	is_int(one(s, "PRAGMA user_version"), AZ_SCHEMA_VERSION, "user_version is the current schema");
	is_int(one(s, "PRAGMA application_id"), AZ_APPLICATION_ID, "application_id marks an anzen workbook");
	is_int(one(s, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), 1,
	       "integrity_check is ok");
	is_int(one(s, "PRAGMA foreign_keys"), 1, "foreign keys are enforced");
	is_int(one(s, "PRAGMA synchronous"), 2, "synchronous = FULL, so a commit survives power loss");
	is_int(one(s, "SELECT count(*) FROM assessment WHERE fiscal_year >= 2024"), 1,
	       "the assessment for the current fiscal year exists");

	for (size_t t = 0; t < az_ntables; t++)
		ok(columns_described(s, &az_tables[t]), "the columns of %s are those of its description", az_tables[t].name);

	/* constraints */
	ok(exec(s, "INSERT INTO systems (id, category, name) VALUES (1, 'rececon', 'レセコン')") == SQLITE_OK,
	   "a system can be added");
	ok(exec(s, "INSERT INTO risks (system_id, threat, likelihood) VALUES (1, 't', 6)") != SQLITE_OK,
	   "likelihood 6 is refused");
	ok(exec(s, "INSERT INTO risks (system_id, threat, severity) VALUES (1, 't', 0)") != SQLITE_OK,
	   "severity 0 is refused");
	ok(exec(s, "INSERT INTO risks (system_id, threat, treatment) VALUES (1, 't', 'ignore')") != SQLITE_OK,
	   "an unknown treatment is refused");
	ok(exec(s, "INSERT INTO risks (system_id, threat, accepted_at) VALUES (1, 't', '2026-02-30')") != SQLITE_OK,
	   "the date 2026-02-30 is refused");
	ok(exec(s, "INSERT INTO risks (system_id, threat) VALUES (99, 't')") != SQLITE_OK,
	   "a risk of a missing system is refused");
	ok(exec(s, "INSERT INTO systems (category, name, connection) VALUES ('x', 'y', 'wifi')") != SQLITE_OK,
	   "an unknown connection type is refused");
	ok(exec(s, "INSERT INTO actions (risk_id) SELECT 1 WHERE 0") == SQLITE_OK &&
	   exec(s, "INSERT INTO risks (id, system_id, threat) VALUES (1, 1, 't')") == SQLITE_OK &&
	   exec(s, "INSERT INTO actions (risk_id, description) VALUES (1, '')") != SQLITE_OK,
	   "an action needs a control or a description");

	/* change log: its triggers are the connection's own, made by the first transaction of the store,
	 * in which every edit of anzen runs */
	is_int(one(s, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'log%'"), 0, "the file stores no log trigger");
	is_int(one(s, "SELECT count(*) FROM sqlite_temp_schema"), 0, "opened, not yet written: no trigger made");
	ok(az_store_begin(s, &err) == AZ_OK, "a transaction of the store (%s)", err.msg);
	is_int(one(s, "SELECT count(*) FROM sqlite_temp_schema WHERE type = 'trigger'"), 30,
	       "its first makes the log's triggers");
	long long before = one(s, "SELECT count(*) FROM changelog");
	exec(s, "UPDATE systems SET name = '電子カルテ', firmware = 'v2' WHERE id = 1");
	is_int(one(s, "SELECT count(*) FROM changelog") - before, 2, "an edit of two fields logs two lines");
	is_int(one(s, "SELECT count(*) FROM changelog WHERE tbl = 'systems' AND field = 'name' AND "
		      "old = 'レセコン' AND new = '電子カルテ'"), 1, "the log keeps the old and the new value");
	ok(exec(s, "DELETE FROM changelog") != SQLITE_OK, "the change log cannot be deleted");
	ok(exec(s, "UPDATE changelog SET new = 'x'") != SQLITE_OK, "the change log cannot be rewritten");
	exec(s, "DELETE FROM systems WHERE id = 1");
	is_int(one(s, "SELECT count(*) FROM risks"), 0, "deleting a system deletes its risks");
	is_int(one(s, "SELECT count(*) FROM changelog WHERE field = '-' AND tbl = 'systems'"), 1,
	       "a deletion is logged");
	ok(az_store_commit(s, &err) == AZ_OK, "committed (%s)", err.msg);

	/* locking: a second opener, in another process, is told the workbook is in use */
	pid_t pid = fork();
	if (pid == 0) {
		struct az_store *o = NULL;
		struct az_error e = { 0 };
		int a = az_store_open(path("w.anzen"), 0, &o, &e);
		int b = az_store_open(path("w.anzen"), AZ_STORE_READONLY, &o, &e);
		_exit(a == AZ_TEMPFAIL && b == AZ_TEMPFAIL && strstr(e.msg, "in use") ? 0 : 1);
	}
	int wst = 0;
	waitpid(pid, &wst, 0);
	ok(WIFEXITED(wst) && WEXITSTATUS(wst) == 0, "a second process gets 'in use' for writing and reading");
	az_store_close(s);
	s = NULL;
	ok(az_store_open(path("w.anzen"), AZ_STORE_READONLY, &s, &err) == AZ_OK, "closed, it opens again");
	struct az_store *s2 = NULL;
	ok(az_store_open(path("w.anzen"), AZ_STORE_READONLY, &s2, &err) == AZ_OK, "two readers may share it");
	az_store_close(s2);
	az_store_close(s);

	/* creation refuses an existing path and leaves no file behind on failure */
	memset(&err, 0, sizeof err);
	is_int(az_workbook_write_new(path("w.anzen"), 0, NULL, NULL, &err), AZ_CANTCREAT, "an existing path is refused");
	memset(&err, 0, sizeof err);
	is_int(az_workbook_write_new(path("nodir/w.anzen"), 0, NULL, NULL, &err), AZ_CANTCREAT,
	       "a missing directory is refused");

	/* bad files */
	FILE *f = fopen(path("text.anzen"), "w");
	fputs("this is not a workbook\n", f);
	fclose(f);
	refused(path("text.anzen"), 0, AZ_DATAERR, "not an SQLite file");
	close(open(path("empty.anzen"), O_CREAT | O_WRONLY, 0600));
	refused(path("empty.anzen"), 0, AZ_DATAERR, "an empty file");
	sql(path("other.db"), "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
	refused(path("other.db"), 0, AZ_DATAERR, "another program's database");

	s = new_workbook(path("newer.anzen"));
	az_store_close(s);
	sql(path("newer.anzen"), "PRAGMA user_version = 99");
	refused(path("newer.anzen"), 0, AZ_DATAERR, "a newer workbook");
	refused(path("newer.anzen"), AZ_STORE_READONLY, AZ_DATAERR, "a newer workbook, read-only");

	/* a workbook with enough rows to span many pages, then damaged two ways */
	s = new_workbook(path("big.anzen"));
	exec(s, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
		"INSERT INTO systems (category, name, note) SELECT 'nas', 'NAS ' || i, hex(randomblob(200)) FROM n");
	az_store_close(s);
	size_t n;
	char *img = slurp(path("big.anzen"), &n);
	f = fopen(path("trunc.anzen"), "wb");
	fwrite(img, 1, n / 2, f);
	fclose(f);
	refused(path("trunc.anzen"), 0, AZ_DATAERR, "a truncated workbook");
	/* scribble over a page in the middle: the header stays valid, the b-tree does not */
	memset(img + (n / 4096 / 2) * 4096, 0x55, 4096);
	f = fopen(path("damaged.anzen"), "wb");
	fwrite(img, 1, n, f);
	fclose(f);
	free(img);
	refused(path("damaged.anzen"), 0, AZ_DATAERR, "a workbook whose integrity check fails");

	/* migrations: every older version in tests/data opens and is brought forward */
	const char *srcdir = getenv("top_srcdir");
	for (int v = 0; v < AZ_SCHEMA_VERSION; v++) {
		char fx[512], *p = path("old.anzen");
		snprintf(fx, sizeof fx, "%s/tests/data/schema-v%d.sql", srcdir ? srcdir : ".", v);
		size_t fl;
		char *q = slurp(fx, &fl);
		unlink(p);
		ok(q && sql(p, q) == SQLITE_OK, "fixture for version %d builds", v);
		free(q);
		chmod(p, 0600);
		size_t n1, n2;
		char *b1 = slurp(p, &n1);
		memset(&err, 0, sizeof err);
		ok(az_store_open(p, AZ_STORE_READONLY, &s, &err) == AZ_OK, "version %d opens read-only (%s)", v, err.msg);
		is_int(one(s, "PRAGMA user_version"), AZ_SCHEMA_VERSION, "read-only: migrated in memory");
		az_store_close(s);
		char *b2 = slurp(p, &n2);
		ok(b1 && b2 && n1 == n2 && !memcmp(b1, b2, n1), "read-only: the file of version %d is untouched", v);
		free(b1);
		free(b2);
		ok(az_store_open(p, 0, &s, &err) == AZ_OK, "version %d opens for writing", v);
		is_int(one(s, "PRAGMA user_version"), AZ_SCHEMA_VERSION, "version %d is migrated to %d", v,
		       AZ_SCHEMA_VERSION);
		is_int(one(s, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), 1,
		       "the migrated workbook passes integrity_check");
		az_store_close(s);
	}

	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return done_testing();
}
