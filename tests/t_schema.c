/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The DDL written from the table descriptions (model/ddl.c) is what a new workbook has, and is the
 * schema the migrations from version 1 build, so that older workbooks still open and migrate. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/ddl.h"
#include "model/schema.h"
#include "model/store.h"
#include "model/tables.h"
#include "model/workbook.h"
#include "tests/tap.h"

static char dir[] = "/tmp/anzen-t_schema-XXXXXX";

/* Every row of a query, "a|b|c" a line; "" when there is none, NULL on error. */
static char *rows(sqlite3 *db, const char *q)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, q, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_str *s = sqlite3_str_new(db);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(st); i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);
			char *n = v && i == 3 && strstr(q, "sqlite_schema") ? az_sql_normal(v) : NULL;
			sqlite3_str_appendf(s, "%s%s", i ? "|" : "", n ? n : v ? v : "NULL");
			sqlite3_free(n);
		}
		sqlite3_str_appendall(s, "\n");
	}
	sqlite3_finalize(st);
	char *out = sqlite3_str_finish(s);
	if (rc != SQLITE_DONE) {
		sqlite3_free(out);
		return NULL;
	}
	return out ? out : sqlite3_mprintf("");
}

static int same_rows(sqlite3 *a, sqlite3 *b, const char *q, const char *what)
{
	char *ra = rows(a, q), *rb = rows(b, q);
	int same = ra && rb && strcmp(ra, rb) == 0;
	if (!ok(same, "%s", what))
		printf("# new:\n# %s\n# migrated:\n# %s\n", ra ? ra : "(error)", rb ? rb : "(error)");
	sqlite3_free(ra);
	sqlite3_free(rb);
	return same;
}

static sqlite3 *memory(void)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
		exit(99);
	return db;
}

/* A workbook as the program before the generated DDL made one: the steps from version 1 on. */
static int by_steps(sqlite3 *db, struct az_error *err)
{
	return az_schema_migrate_to(db, 0, 1, err) || az_schema_migrate(db, 1, err) ? -1 : 0;
}

static void normal_form(void)
{
	char *a = az_sql_normal("CREATE TABLE t (  a TEXT  NOT NULL ,b TEXT CHECK (b IN    ('x  y','it''s')))");
	char *b = az_sql_normal("CREATE TABLE t(a TEXT NOT NULL, b TEXT CHECK(b IN('x  y','it''s')))");
	ok(a && b && !strcmp(a, b), "spacing around ( ) , and runs of spaces do not count (%s)", a ? a : "");
	sqlite3_free(b);
	b = az_sql_normal("CREATE TABLE t (a TEXT NOT NULL, b TEXT CHECK (b IN ('x y','it''s')))");
	ok(a && b && strcmp(a, b) != 0, "spaces inside a string literal do");
	sqlite3_free(b);
	b = az_sql_normal("CREATE TABLE t (a TEXTNOT NULL, b TEXT CHECK (b IN ('x  y','it''s')))");
	ok(a && b && strcmp(a, b) != 0, "nor does a space between two words disappear");
	sqlite3_free(a);
	sqlite3_free(b);
}

int main(void)
{
	struct az_error err = { 0 };
	if (!mkdtemp(dir))
		return 99;
	normal_form();

	/* a workbook created today, as `anzen new` writes it */
	char p[300];
	snprintf(p, sizeof p, "%s/new.anzen", dir);
	struct az_store *s = NULL;
	if (!ok(az_workbook_write_new(p, 0, az_workbook_fill_empty, NULL, &err) == AZ_OK &&
		az_store_open(p, AZ_STORE_READONLY, &s, &err) == AZ_OK, "a new workbook (%s)", err.msg))
		return done_testing();
	sqlite3 *now = az_store_db(s);
	for (size_t t = 0; t < az_ntables; t++) {
		char *ddl = az_ddl_create_table(&az_tables[t]);
		char *q = sqlite3_mprintf("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = %Q",
					  az_tables[t].name);
		char *have = rows(now, q);
		ok(ddl && have && strlen(have) == strlen(ddl) + 1 && !strncmp(have, ddl, strlen(ddl)),
		   "%s: the generated CREATE TABLE is the new workbook's, letter for letter", az_tables[t].name);
		sqlite3_free(ddl);
		sqlite3_free(have);
		sqlite3_free(q);
	}

	/* the same schema as the migrations build from version 1 */
	sqlite3 *old = memory();
	ok(by_steps(old, &err) == 0, "the steps from version 1 run (%s)", err.msg);
	same_rows(now, old, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name",
		  "every table, index and trigger is the one the migrations make (SQL spaced alike)");
	same_rows(now, old, "PRAGMA user_version", "the same version");
	same_rows(now, old, "PRAGMA application_id", "the same application id");
	same_rows(now, old, "SELECT * FROM meta", "the same meta rows");
	same_rows(now, old, "SELECT id FROM clinic", "the clinic's one row");
	for (size_t t = 0; t < az_ntables; t++) {
		const char *n = az_tables[t].name;
		char what[200], *q;
		q = sqlite3_mprintf("SELECT * FROM pragma_table_xinfo(%Q)", n);
		snprintf(what, sizeof what, "%s: columns in the same order, types, NOT NULL, defaults and keys", n);
		same_rows(now, old, q, what);
		sqlite3_free(q);
		q = sqlite3_mprintf("SELECT * FROM pragma_foreign_key_list(%Q)", n);
		snprintf(what, sizeof what, "%s: the same foreign keys and their ON DELETE", n);
		same_rows(now, old, q, what);
		sqlite3_free(q);
		q = sqlite3_mprintf("SELECT name, \"unique\", origin, partial FROM pragma_index_list(%Q) ORDER BY name", n);
		snprintf(what, sizeof what, "%s: the same indexes", n);
		same_rows(now, old, q, what);
		sqlite3_free(q);
		q = sqlite3_mprintf("SELECT sql FROM sqlite_schema WHERE name = %Q", n);
		char *a = rows(now, q), *b = rows(old, q);
		ok(a && b && strcmp(a, b) != 0, "%s: the texts differ only in spacing (not compared raw)", n);
		sqlite3_free(a);
		sqlite3_free(b);
		sqlite3_free(q);
	}
	/* the CHECKs bite alike: a value each refuses */
	static const char *const bad[] = {
		"UPDATE clinic SET name = printf('%.201c', 'x')",
		"INSERT INTO systems (id, category, name, importance) VALUES (1, 'pc', 'PC', 4)",
		"INSERT INTO systems (id, category, name, hosting) VALUES (1, 'pc', 'PC', 'moon')",
		"INSERT INTO vendors (id, name, certification_target) VALUES (1, 'v', '2026-02-30')",
		"INSERT INTO risks (id, system_id, threat) VALUES (1, 99, 't')",
		"INSERT INTO actions (id, risk_id, control, description) VALUES (1, 1, NULL, '')",
		"INSERT INTO assessment (id, fiscal_year) VALUES (2, 2026)",
		"INSERT INTO history (fiscal_year, snapshot) VALUES (1999, '{}')",
		"INSERT INTO facts (id, fact, system_id, vendor_id) VALUES (1, 'f', 1, 1)",
	};
	sqlite3 *fresh = memory();
	ok(az_schema_migrate(fresh, 0, &err) == 0, "a new in-memory workbook (%s)", err.msg);
	sqlite3_exec(fresh, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	sqlite3_exec(old, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int a = sqlite3_exec(fresh, bad[i], NULL, NULL, NULL), b = sqlite3_exec(old, bad[i], NULL, NULL, NULL);
		ok(a == SQLITE_CONSTRAINT && b == SQLITE_CONSTRAINT, "both refuse: %s", bad[i]);
	}
	sqlite3_close(fresh);
	az_store_close(s);

	/* a workbook written by the steps, as every workbook made before this program, still opens */
	char p3[300];
	snprintf(p3, sizeof p3, "%s/steps.anzen", dir);
	sqlite3 *f = NULL;
	memset(&err, 0, sizeof err);
	ok(sqlite3_open(p3, &f) == SQLITE_OK && by_steps(f, &err) == 0, "a version-%d workbook made by the steps",
	   AZ_SCHEMA_VERSION);
	sqlite3_close(f);
	chmod(p3, 0600);
	s = NULL;
	ok(az_store_open(p3, 0, &s, &err) == AZ_OK, "opens for writing: its schema is the current one (%s)", err.msg);
	if (s)
		az_store_close(s);
	sqlite3_close(old);

	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return done_testing();
}
