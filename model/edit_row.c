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
	char *sql = sqlite3_str_finish(q);
	sqlite3_stmt *st = NULL;
	if (!sql || sqlite3_prepare_v2(az_store_db(s), sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_free(sql);
		return az_store_sqlfail(s, err, AZ_IOERR, _("not saved"));
	}
	sqlite3_free(sql);
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
