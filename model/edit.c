/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/edit.h"
#include "model/vendor_rules.h"
#include "base/date.h"
#include "base/text.h"

static int parse_ll(const char *t, long long *v)
{
	char *end;
	errno = 0;
	*v = strtoll(t, &end, 10);
	return errno == 0 && end != t && *end == '\0';
}

const char *az_column_invalid(const struct az_column *c, const char *text)
{
	long long v;
	if (!text)
		return (c->flags & AZ_C_NULL) ? NULL : _("a value is required");
	switch (c->type) {
	case AZ_T_INT:
		if (!parse_ll(text, &v) || v < c->min || v > c->max)
			return _("not a whole number in the allowed range");
		return NULL;
	case AZ_T_REF:
		return parse_ll(text, &v) && v > 0 ? NULL : _("not a valid reference");
	case AZ_T_BOOL:
		return !strcmp(text, "0") || !strcmp(text, "1") ? NULL : _("must be yes or no");
	case AZ_T_DATE:
		return az_date_valid(text) ? NULL : _("not a date; write YYYY-MM-DD, e.g. 2026-04-01");
	case AZ_T_ENUM:
		return az_enum_index(c->values, text) >= 0 ? NULL : _("not one of the allowed choices");
	case AZ_T_TEXT: {
		size_t len = strlen(text);
		if (az_utf8_invalid_at(text, len) != (size_t)-1)
			return _("contains invalid UTF-8");
		size_t n = az_utf8_count(text, len);
		if (n < (size_t)c->min)
			return _("may not be empty");
		if (n > (size_t)c->max)
			return _("too long");
		return NULL;
	}
	}
	return _("unknown column type");
}

static void bind(sqlite3_stmt *st, int i, const struct az_column *c, const char *v)
{
	long long n;
	if (!v)
		sqlite3_bind_null(st, i);
	else if ((c->type == AZ_T_INT || c->type == AZ_T_REF || c->type == AZ_T_BOOL) && parse_ll(v, &n))
		sqlite3_bind_int64(st, i, n);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

static const struct az_column *column(const char *table, const char *col, const struct az_table **tp,
				      struct az_error *err)
{
	const struct az_table *t = az_table_find(table);
	const struct az_column *c = t ? az_column_find(t, col) : NULL;
	if (!c || !strcmp(table, "changelog") || !strcmp(col, "id"))
		az_fail(err, AZ_USAGE, _("%s.%s cannot be edited"), table, col);
	if (tp)
		*tp = t;
	return c && strcmp(table, "changelog") && strcmp(col, "id") ? c : NULL;
}

static int check(const struct az_column *c, const char *v, struct az_error *err)
{
	const char *why = az_column_invalid(c, v);
	if (why)
		return az_fail(err, AZ_DATAERR, "%s: %s", c->name, why);
	return AZ_OK;
}

static sqlite3_stmt *prep(struct az_store *s, char *sql, struct az_error *err)
{
	sqlite3_stmt *st = NULL;
	if (!sql || sqlite3_prepare_v2(az_store_db(s), sql, -1, &st, NULL) != SQLITE_OK)
		az_store_sqlfail(s, err, AZ_IOERR, _("not saved"));
	sqlite3_free(sql);
	return st;
}

int az_edit_set(struct az_store *s, const char *table, long long id, const char *col, const char *value,
		struct az_error *err)
{
	const struct az_column *c = column(table, col, NULL, err);
	if (!c)
		return err->code;
	if (check(c, value, err) != AZ_OK)
		return err->code;
	sqlite3_stmt *st = prep(s, sqlite3_mprintf("UPDATE %s SET %s = ?1 WHERE id = ?2", table, col), err);
	if (!st)
		return err->code;
	bind(st, 1, c, value);
	sqlite3_bind_int64(st, 2, id);
	return az_store_run_one(s, st, 1, err);
}

int az_edit_insert(struct az_store *s, const char *table, const char *const *pairs, long long *id,
		   struct az_error *err)
{
	const struct az_table *t = az_table_find(table);
	if (!t || t->singleton || !strcmp(table, "changelog"))
		return az_fail(err, AZ_USAGE, _("%s: rows cannot be added here"), table);
	sqlite3_str *q = sqlite3_str_new(NULL), *v = sqlite3_str_new(NULL);
	int n = 0;
	for (const char *const *p = pairs; p[0]; p += 2, n++) {
		const struct az_column *c = column(table, p[0], NULL, err);
		if (!c || check(c, p[1], err) != AZ_OK) {
			sqlite3_free(sqlite3_str_finish(q));
			sqlite3_free(sqlite3_str_finish(v));
			return err->code;
		}
		sqlite3_str_appendf(q, "%s%s", n ? ", " : "", p[0]);
		sqlite3_str_appendf(v, "%s?%d", n ? ", " : "", n + 1);
	}
	char *vals = sqlite3_str_finish(v), *cols = sqlite3_str_finish(q);
	sqlite3_stmt *st = prep(s, n ? sqlite3_mprintf("INSERT INTO %s (%s) VALUES (%s)", table, cols, vals)
				     : sqlite3_mprintf("INSERT INTO %s DEFAULT VALUES", table), err);
	sqlite3_free(vals);
	sqlite3_free(cols);
	if (!st)
		return err->code;
	n = 0;
	for (const char *const *p = pairs; p[0]; p += 2)
		bind(st, ++n, az_column_find(t, p[0]), p[1]);
	int rc = az_store_run_one(s, st, 0, err);
	if (rc == AZ_OK && id)
		*id = sqlite3_last_insert_rowid(az_store_db(s));
	return rc;
}

int az_edit_delete(struct az_store *s, const char *table, long long id, struct az_error *err)
{
	const struct az_table *t = az_table_find(table);
	if (!t || t->singleton || !az_column_find(t, "id") || !strcmp(table, "changelog"))
		return az_fail(err, AZ_USAGE, _("%s: rows cannot be deleted here"), table);
	sqlite3_stmt *st = prep(s, sqlite3_mprintf("DELETE FROM %s WHERE id = ?1", table), err);
	if (!st)
		return err->code;
	sqlite3_bind_int64(st, 1, id);
	return az_store_run_one(s, st, 1, err);
}

int az_edit_vendor_answer(struct az_store *s, const struct az_catalogue *cat, long long vendor_id,
			  const char *question, const char *col, const char *value, struct az_error *err)
{
	const struct az_column *c = column("vendor_answers", col, NULL, err);
	if (!c || !strcmp(col, "vendor_id") || !strcmp(col, "question"))
		return az_fail(err, AZ_USAGE, _("%s.%s cannot be edited"), "vendor_answers", col);
	if (check(c, value, err) != AZ_OK)
		return err->code;
	/* the kind of answer the question takes: no Yes/No to a question asking when or how */
	const struct az_question *q = cat ? az_catalogue_question(cat, question) : NULL;
	if (cat && !q)
		return az_fail(err, AZ_DATAERR, _("unknown vendor question '%s'"), question);
	if (q) {
		int answer = -1;
		if (!strcmp(col, "answer") && value)
			for (int k = 0; az_answer3_values[k]; k++)
				if (!strcmp(az_answer3_values[k], value))
					answer = k;
		const char *why = az_vendor_answer_invalid(q, answer, !strcmp(col, "value") ? value : NULL);
		if (why)
			return az_fail(err, AZ_DATAERR, "%s: %s", question, why);
	}
	sqlite3_stmt *st = prep(s, sqlite3_mprintf(
		"INSERT INTO vendor_answers (vendor_id, question, %s) VALUES (?1, ?2, ?3) "
		"ON CONFLICT (vendor_id, question) DO UPDATE SET %s = excluded.%s", col, col, col), err);
	if (!st)
		return err->code;
	sqlite3_bind_int64(st, 1, vendor_id);
	sqlite3_bind_text(st, 2, question, -1, SQLITE_TRANSIENT);
	bind(st, 3, c, value);
	return az_store_run_one(s, st, 0, err);
}

int az_edit_checklist_answer(struct az_store *s, const char *checklist, const char *item, const char *device,
			     const char *col, const char *value, struct az_error *err)
{
	const struct az_column *c = column("checklist_answers", col, NULL, err);
	if (!c || !strcmp(col, "checklist") || !strcmp(col, "item") || !strcmp(col, "device"))
		return az_fail(err, AZ_USAGE, _("%s.%s cannot be edited"), "checklist_answers", col);
	if (check(c, value, err) != AZ_OK || check(az_column_find(az_table_find("checklist_answers"), "device"),
						   device, err) != AZ_OK)
		return err->code;
	sqlite3_stmt *st = prep(s, sqlite3_mprintf(
		"INSERT INTO checklist_answers (checklist, item, device, %s) VALUES (?1, ?2, ?3, ?4) "
		"ON CONFLICT (checklist, item, device) DO UPDATE SET %s = excluded.%s", col, col, col), err);
	if (!st)
		return err->code;
	sqlite3_bind_text(st, 1, checklist, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, item, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, device, -1, SQLITE_TRANSIENT);
	bind(st, 4, c, value);
	return az_store_run_one(s, st, 0, err);
}
