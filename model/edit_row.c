/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Several fields of one row in one transaction. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/edit.h"
#include "model/edit_row.h"
#include "model/tables.h"

/* The statement q has built (and q freed), or NULL with err set. */
static sqlite3_stmt *prepare(struct az_store *s, sqlite3_str *q, const char *what, struct az_error *err)
{
	char *sql = sqlite3_str_finish(q);
	sqlite3_stmt *st = NULL;
	if (!sql || sqlite3_prepare_v2(az_store_db(s), sql, -1, &st, NULL) != SQLITE_OK) {
		az_store_sqlfail(s, err, AZ_IOERR, what);
		st = NULL;
	}
	sqlite3_free(sql);
	return st;
}

int az_edit_row(struct az_store *s, const char *table, long long id, const char *const *pairs,
		struct az_error *err)
{
	const struct az_table *t = az_table_find(table);
	if (!t || !strcmp(table, "changelog"))
		return az_fail(err, AZ_USAGE, _("%s: rows cannot be edited here"), table);
	if (!pairs[0])
		return AZ_OK;
	sqlite3_str *q = sqlite3_str_new(NULL);
	sqlite3_str_appendf(q, "UPDATE %s SET ", table);
	int n = 0;
	for (const char *const *p = pairs; p[0]; p += 2, n++) {
		const struct az_column *c = az_column_find(t, p[0]);
		int usage = !c || !strcmp(p[0], "id");
		const char *why = usage ? _("cannot be edited") : az_column_invalid(c, p[1]);
		if (why) {
			sqlite3_free(sqlite3_str_finish(q));
			return az_fail(err, usage ? AZ_USAGE : AZ_DATAERR, "%s: %s", p[0], why);
		}
		/* the name comes from the table description, never from the caller's text */
		sqlite3_str_appendf(q, "%s%s = ?%d", n ? ", " : "", c->name, n + 1);
	}
	sqlite3_str_appendf(q, " WHERE id = ?%d", n + 1);
	sqlite3_stmt *st = prepare(s, q, _("not saved"), err);
	if (!st)
		return err ? err->code : AZ_IOERR;
	n = 0;
	for (const char *const *p = pairs; p[0]; p += 2) {
		const struct az_column *c = az_column_find(t, p[0]);
		char *end;
		errno = 0;
		long long v = p[1] ? strtoll(p[1], &end, 10) : 0;
		n++;
		if (!p[1])
			sqlite3_bind_null(st, n);
		else if ((c->type == AZ_T_INT || c->type == AZ_T_REF || c->type == AZ_T_BOOL) && errno == 0 && *end == '\0')
			sqlite3_bind_int64(st, n, v);
		else
			sqlite3_bind_text(st, n, p[1], -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_int64(st, n + 1, id);
	return az_store_run_one(s, st, 1, err);
}

int az_row_texts(struct az_store *s, const char *table, long long id, const char *const *columns, size_t n,
		 char **values, struct az_error *err)
{
	const struct az_table *t = az_table_find(table);
	memset(values, 0, n * sizeof *values);
	if (!t)
		return az_fail(err, AZ_USAGE, _("%s: rows cannot be edited here"), table);
	sqlite3_str *q = sqlite3_str_new(NULL);
	for (size_t i = 0; i < n; i++) {
		const struct az_column *c = az_column_find(t, columns[i]);
		if (!c) {
			sqlite3_free(sqlite3_str_finish(q));
			return az_fail(err, AZ_USAGE, "%s: %s", columns[i], _("cannot be edited"));
		}
		/* the name comes from the table description, never from the caller's text */
		sqlite3_str_appendf(q, "%s%s", i ? ", " : "SELECT ", c->name);
	}
	sqlite3_str_appendf(q, " FROM %s WHERE id = ?1", t->name);
	sqlite3_stmt *st = prepare(s, q, _("cannot read"), err);
	if (!st)
		return err ? err->code : AZ_IOERR;
	sqlite3_bind_int64(st, 1, t->singleton ? 1 : id);
	int rc = sqlite3_step(st), code = AZ_OK;
	for (size_t i = 0; rc == SQLITE_ROW && i < n && code == AZ_OK; i++) {
		const char *v = (const char *)sqlite3_column_text(st, (int)i);
		if (v && !(values[i] = strdup(v)))
			code = az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	}
	if (rc == SQLITE_DONE)
		code = az_fail(err, AZ_DATAERR, "%s", _("the row no longer exists"));
	else if (rc != SQLITE_ROW)
		code = az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
	sqlite3_finalize(st);
	if (code != AZ_OK)
		for (size_t i = 0; i < n; i++) {
			free(values[i]);
			values[i] = NULL;
		}
	return code;
}
