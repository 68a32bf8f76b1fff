/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/book.h"
#include "model/catalogue_open.h"
#include "model/changes_digest.h"
#include "model/import.h"
#include "model/json_strict.h"
#include "model/rule_check.h"
#include "model/schema.h"
#include "model/tables.h"
#include "base/date.h"
#include "base/text.h"

#define MAX_ERRORS 20
#define MAX_TABLES 16

#define CACHED 8

/* Statements kept for one table's rows: most rows of a file have the same keys. */
struct row_cache {
	sqlite3_stmt *members;
	struct {
		uint32_t mask;
		sqlite3_stmt *st;
	} ins[CACHED];
};

struct loader {
	struct az_store *s;
	sqlite3 *db;
	const char *name;
	sqlite3_str *errs;
	int nerr;
	struct row_cache cache;
};

static void cache_clear(struct row_cache *c)
{
	sqlite3_finalize(c->members);
	for (int i = 0; i < CACHED; i++)
		sqlite3_finalize(c->ins[i].st);
	memset(c, 0, sizeof *c);
}

static void bad(struct loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void bad(struct loader *L, const char *fmt, ...)
{
	va_list ap;
	if (L->nerr++ >= MAX_ERRORS)
		return;
	va_start(ap, fmt);
	char *m = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	sqlite3_str_appendf(L->errs, "%s%s: %s", L->nerr > 1 ? "\n" : "", L->name, m ? m : "?");
	sqlite3_free(m);
}

static sqlite3_stmt *prepare(struct loader *L, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(L->db, sql, -1, &st, NULL) != SQLITE_OK) {
		bad(L, "%s", sqlite3_errmsg(L->db));
		return NULL;
	}
	return st;
}

static const char *type_word(const char *jt)
{
	if (!strcmp(jt, "integer") || !strcmp(jt, "real"))
		return _("a number");
	if (!strcmp(jt, "text"))
		return _("a string");
	if (!strcmp(jt, "true") || !strcmp(jt, "false"))
		return _("true/false");
	if (!strcmp(jt, "null"))
		return "null";
	if (!strcmp(jt, "array"))
		return _("an array");
	return _("an object");
}

/* Checks one JSON member against its column and binds it at index idx; 0 if it is valid. */
static int check_bind(struct loader *L, sqlite3_stmt *ins, int idx, const struct az_column *c,
		      const char *path, sqlite3_stmt *m)
{
	const char *jt = (const char *)sqlite3_column_text(m, 1);
	if (!strcmp(jt, "null")) {
		if (!(c->flags & AZ_C_NULL)) {
			bad(L, _("%s: may not be null"), path);
			return -1;
		}
		sqlite3_bind_null(ins, idx);
		return 0;
	}
	switch (c->type) {
	case AZ_T_INT:
	case AZ_T_REF: {
		if (strcmp(jt, "integer") != 0) {
			bad(L, _("%s: must be an integer, not %s"), path, type_word(jt));
			return -1;
		}
		sqlite3_int64 v = sqlite3_column_int64(m, 2);
		long min = c->type == AZ_T_REF ? 1 : c->min, max = c->type == AZ_T_REF ? 2147483647L : c->max;
		if (v < min || v > max) {
			bad(L, _("%s: must be from %ld to %ld, not %lld"), path, min, max, (long long)v);
			return -1;
		}
		sqlite3_bind_int64(ins, idx, v);
		return 0;
	}
	case AZ_T_BOOL:
		if (strcmp(jt, "true") && strcmp(jt, "false")) {
			bad(L, _("%s: must be true or false, not %s"), path, type_word(jt));
			return -1;
		}
		sqlite3_bind_int(ins, idx, jt[0] == 't');
		return 0;
	default:
		break;
	}
	if (strcmp(jt, "text") != 0) {
		bad(L, _("%s: must be a string, not %s"), path, type_word(jt));
		return -1;
	}
	const char *v = (const char *)sqlite3_column_text(m, 2);
	size_t bytes = (size_t)sqlite3_column_bytes(m, 2);
	if (strlen(v) != bytes) {
		bad(L, _("%s: contains a NUL character"), path);
		return -1;
	}
	switch (c->type) {
	case AZ_T_DATE:
		if (!az_date_valid(v)) {
			bad(L, _("%s: \"%.40s\" is not a date (YYYY-MM-DD)"), path, v);
			return -1;
		}
		break;
	case AZ_T_ENUM:
		if (az_enum_index(c->values, v) < 0) {
			sqlite3_str *w = sqlite3_str_new(NULL);
			for (int i = 0; c->values[i]; i++)
				sqlite3_str_appendf(w, "%s%s", i ? ", " : "", c->values[i]);
			char *list = sqlite3_str_finish(w);
			bad(L, _("%s: \"%.40s\" is not one of: %s"), path, v, list ? list : "");
			sqlite3_free(list);
			return -1;
		}
		break;
	default: {
		size_t n = az_utf8_count(v, bytes);
		if (n < (size_t)c->min || n > (size_t)c->max) {
			bad(L, _("%s: text of %llu characters; it must have %ld to %ld"), path, (unsigned long long)n, c->min, c->max);
			return -1;
		}
	}
	}
	sqlite3_bind_text(ins, idx, v, (int)bytes, SQLITE_TRANSIENT);
	return 0;
}

/* Validates one row object and inserts it with the members it has; absent columns take their defaults. */
static sqlite3_stmt *insert_for(struct loader *L, const struct az_table *t, uint32_t present)
{
	int slot;
	for (slot = 0; slot < CACHED && L->cache.ins[slot].st; slot++)
		if (L->cache.ins[slot].mask == present) {
			sqlite3_reset(L->cache.ins[slot].st);
			sqlite3_clear_bindings(L->cache.ins[slot].st);
			return L->cache.ins[slot].st;
		}
	if (slot == CACHED) { /* many shapes: start over */
		for (int i = 0; i < CACHED; i++)
			sqlite3_finalize(L->cache.ins[i].st), L->cache.ins[i].st = NULL;
		slot = 0;
	}
	sqlite3_str *q = sqlite3_str_new(NULL), *v = sqlite3_str_new(NULL);
	sqlite3_str_appendf(q, "INSERT INTO %s (", t->name);
	if (t->singleton)
		sqlite3_str_appendall(q, "id"), sqlite3_str_appendall(v, "1");
	int n = t->singleton;
	for (size_t i = 0; i < t->ncols; i++)
		if (present & (1u << i)) {
			sqlite3_str_appendf(q, "%s%s", n ? ", " : "", t->cols[i].name);
			sqlite3_str_appendf(v, "%s?%d", n ? ", " : "", (int)i + 1);
			n++;
		}
	char *vals = sqlite3_str_finish(v);
	sqlite3_str_appendf(q, ") VALUES (%s)", vals ? vals : "");
	sqlite3_free(vals);
	char *sql = sqlite3_str_finish(q);
	sqlite3_stmt *ins = sql ? prepare(L, sql) : NULL;
	sqlite3_free(sql);
	L->cache.ins[slot].mask = present;
	L->cache.ins[slot].st = ins;
	return ins;
}

static void load_row(struct loader *L, const struct az_table *t, const char *obj, const char *where)
{
	if (!L->cache.members)
		L->cache.members = prepare(L, "SELECT key, type, atom FROM json_each(?1)");
	sqlite3_stmt *m = L->cache.members;
	if (!m)
		return;
	sqlite3_reset(m);
	sqlite3_bind_text(m, 1, obj, -1, SQLITE_STATIC);
	uint32_t present = 0;
	int ok = 1;
	/* first pass: keys known? */
	while (sqlite3_step(m) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(m, 0);
		const struct az_column *c = az_column_find(t, k);
		if (!c) {
			bad(L, _("%s.%s: unknown key"), where, k);
			ok = 0;
		} else {
			present |= 1u << (c - t->cols);
		}
	}
	for (size_t i = 0; i < t->ncols; i++)
		if ((t->cols[i].flags & AZ_C_REQUIRED) && !(present & (1u << i))) {
			bad(L, _("%s: missing required key \"%s\""), where, t->cols[i].name);
			ok = 0;
		}
	if (!ok)
		return;
	sqlite3_stmt *ins = insert_for(L, t, present);
	if (!ins)
		return;
	sqlite3_reset(m);
	while (sqlite3_step(m) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(m, 0);
		const struct az_column *c = az_column_find(t, k);
		char *path = sqlite3_mprintf("%s.%s", where, k);
		if (check_bind(L, ins, (int)(c - t->cols) + 1, c, path ? path : where, m))
			ok = 0;
		sqlite3_free(path);
	}
	if (ok && sqlite3_step(ins) != SQLITE_DONE) {
		int ext = sqlite3_extended_errcode(L->db);
		if (ext == SQLITE_CONSTRAINT_PRIMARYKEY || ext == SQLITE_CONSTRAINT_UNIQUE)
			bad(L, _("%s: duplicates another row (%s)"), where, sqlite3_errmsg(L->db));
		else
			bad(L, _("%s: refused: %s"), where, sqlite3_errmsg(L->db));
	}
	sqlite3_reset(ins);
}

/* value is this table's own JSON text (an object, an array or null), already cut from the document. */
static void load_table(struct loader *L, const struct az_table *t, const char *value, const char *jtype)
{
	char root[80];
	snprintf(root, sizeof root, "$.%s", t->name);
	cache_clear(&L->cache);
	if (t->singleton) {
		if (!strcmp(jtype, "null") && strcmp(t->name, "clinic") != 0)
			return;
		if (strcmp(jtype, "object") != 0) {
			bad(L, _("%s: must be an object, not %s"), root, type_word(jtype));
			return;
		}
		if (!strcmp(t->name, "clinic"))
			sqlite3_exec(L->db, "DELETE FROM clinic", NULL, NULL, NULL);
		load_row(L, t, value, root);
		return;
	}
	if (strcmp(jtype, "array") != 0) {
		bad(L, _("%s: must be an array, not %s"), root, type_word(jtype));
		return;
	}
	sqlite3_stmt *st = prepare(L, "SELECT json_array_length(?1)");
	if (!st)
		return;
	sqlite3_bind_text(st, 1, value, -1, SQLITE_STATIC);
	sqlite3_int64 count = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if ((size_t)count > t->max_rows) {
		bad(L, _("%s: %lld elements; a workbook holds at most %llu"), root, (long long)count,
		    (unsigned long long)t->max_rows);
		return;
	}
	st = prepare(L, "SELECT key, type, value FROM json_each(?1)");
	if (!st)
		return;
	sqlite3_bind_text(st, 1, value, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW && L->nerr < MAX_ERRORS) {
		char where[96];
		snprintf(where, sizeof where, "%s[%lld]", root, (long long)sqlite3_column_int64(st, 0));
		const char *et = (const char *)sqlite3_column_text(st, 1);
		if (strcmp(et, "object") != 0) {
			bad(L, _("%s: must be an object, not %s"), where, type_word(et));
			continue;
		}
		load_row(L, t, (const char *)sqlite3_column_text(st, 2), where);
	}
	sqlite3_finalize(st);
}

/* References are checked after the load, with foreign keys deferred, to name the row at fault. */
static void check_references(struct loader *L)
{
	for (size_t i = 0; i < az_ntables; i++) {
		const struct az_table *t = &az_tables[i];
		for (size_t c = 0; c < t->ncols; c++) {
			if (t->cols[c].type != AZ_T_REF)
				continue;
			int has_id = az_column_find(t, "id") != NULL;
			char *sql = sqlite3_mprintf(
				"SELECT %s, %s FROM %s WHERE %s IS NOT NULL AND NOT EXISTS "
				"(SELECT 1 FROM %s WHERE id = %s.%s) LIMIT %d",
				has_id ? "id" : "NULL", t->cols[c].name, t->name, t->cols[c].name,
				t->cols[c].ref, t->name, t->cols[c].name, MAX_ERRORS);
			sqlite3_stmt *st = sql ? prepare(L, sql) : NULL;
			sqlite3_free(sql);
			if (!st)
				return;
			while (sqlite3_step(st) == SQLITE_ROW) {
				if (has_id)
					bad(L, _("$.%s (id %lld): %s %lld does not exist in $.%s"), t->name,
					    (long long)sqlite3_column_int64(st, 0), t->cols[c].name,
					    (long long)sqlite3_column_int64(st, 1), t->cols[c].ref);
				else
					bad(L, _("$.%s: %s %lld does not exist in $.%s"), t->name, t->cols[c].name,
					    (long long)sqlite3_column_int64(st, 1), t->cols[c].ref);
			}
			sqlite3_finalize(st);
		}
	}
}

/* An earlier year must itself be an export that imports cleanly, or `status`, the year-over-year diff
 * and the PDF could not read it later: each snapshot is loaded like a workbook, in memory. */
static void check_history(struct loader *L)
{
	sqlite3_stmt *st = prepare(L, "SELECT fiscal_year, snapshot FROM history ORDER BY fiscal_year");
	if (!st)
		return;
	while (sqlite3_step(st) == SQLITE_ROW && L->nerr < MAX_ERRORS) {
		int year = sqlite3_column_int(st, 0);
		const char *snap = (const char *)sqlite3_column_text(st, 1);
		size_t len = (size_t)sqlite3_column_bytes(st, 1);
		struct az_store *m = NULL;
		struct az_error e = { 0 };
		struct az_book b;
		/* read back whole: its change digest (model/changes_digest.h) comes from its book */
		if (az_store_create_memory(&m, &e) == AZ_OK && snap && az_import_json(m, snap, len, "snapshot", &e) == AZ_OK &&
		    az_book_load(m, &b, &e) == AZ_OK) {
			struct az_error we = { 0 };
			if (az_changes_digest_save(L->s, year, &b, snap, len, &we) != AZ_OK)
				bad(L, "%s", we.msg);
			az_book_free(&b);
		} else if (!snap)
			az_fail(&e, AZ_DATAERR, "%s", _("the snapshot is not an anzen workbook export"));
		az_store_close(m);
		if (e.code)
			bad(L, _("$.history (fiscal year %d): the snapshot is not an anzen workbook export: %s"), year,
			    e.msg);
	}
	sqlite3_finalize(st);
}

static void rule_broken(void *arg, const char *where, const char *rule)
{
	bad(arg, "%s: %s", where, rule);
}

/* The treatment and facts rules (model/rule_check.h), as the screens keep them. Without a catalogue the
 * rules cannot be known; the data checks above still hold. */
static void check_rules(struct loader *L)
{
	struct az_catalogue *cat = NULL;
	struct az_error e = { 0 };
	struct az_book b;
	if (az_catalogue_open(&cat, &e) != AZ_OK)
		return;
	if (az_book_load(L->s, &b, &e) == AZ_OK) {
		az_book_rule_breaks(cat, &b, rule_broken, L);
		az_book_free(&b);
	} else {
		bad(L, "%s", e.msg);
	}
	az_catalogue_free(cat);
}

static void check_top(struct loader *L, const char *json)
{
	sqlite3_stmt *st = prepare(L, "SELECT key, type, atom FROM json_each(?1)");
	int have_format = 0, have_version = 0;
	if (!st)
		return;
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		const char *jt = (const char *)sqlite3_column_text(st, 1);
		if (!strcmp(k, "format")) {
			have_format = 1;
			const char *v = (const char *)sqlite3_column_text(st, 2);
			if (strcmp(jt, "text") || !v || strcmp(v, "anzen-workbook"))
				bad(L, "%s", _("$.format: must be \"anzen-workbook\"; this is not an anzen workbook export"));
		} else if (!strcmp(k, "version")) {
			have_version = 1;
			sqlite3_int64 v = sqlite3_column_int64(st, 2);
			if (strcmp(jt, "integer") || v < 1)
				bad(L, "%s", _("$.version: must be a positive integer"));
			else if (v > AZ_JSON_VERSION)
				bad(L, _("$.version: written by a newer anzen (version %lld, this program knows up to %d)"),
				    (long long)v, AZ_JSON_VERSION);
		} else if (!az_table_find(k)) {
			bad(L, _("$.%s: unknown key"), k);
		}
	}
	sqlite3_finalize(st);
	if (!have_format)
		bad(L, "%s", _("$: missing required key \"format\""));
	if (!have_version)
		bad(L, "%s", _("$: missing required key \"version\""));
}

int az_import_json(struct az_store *s, const char *json, size_t len, const char *name, struct az_error *err)
{
	struct loader L = { s, az_store_db(s), name, sqlite3_str_new(NULL), 0, { 0 } };
	size_t at = az_utf8_invalid_at(json, len);
	if (at != (size_t)-1) {
		sqlite3_free(sqlite3_str_finish(L.errs));
		return az_fail(err, AZ_DATAERR, _("%s: byte %zu: invalid UTF-8"), name, at + 1);
	}
	if (memchr(json, '\0', len)) {
		sqlite3_free(sqlite3_str_finish(L.errs));
		return az_fail(err, AZ_DATAERR, _("%s: contains a NUL byte; not JSON"), name);
	}
	char where[256];
	const char *why;
	if (az_json_strict(json, len, where, sizeof where, &why) != 0) {
		sqlite3_free(sqlite3_str_finish(L.errs));
		return az_fail(err, AZ_DATAERR, "%s: %s: %s", name, where, why);
	}
	sqlite3_stmt *st = prepare(&L, "SELECT json_valid(?1), json_type(?1)");
	int valid = 0;
	char top[16] = "";
	if (st) {
		sqlite3_bind_text(st, 1, json, (int)len, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW && (valid = sqlite3_column_int(st, 0)))
			snprintf(top, sizeof top, "%s", (const char *)sqlite3_column_text(st, 1));
		sqlite3_finalize(st);
	}
	if (!valid)
		bad(&L, "%s", _("not valid JSON"));
	else if (strcmp(top, "object") != 0)
		bad(&L, "%s", _("$: the top level must be an object"));
	else
		check_top(&L, json);

	if (L.nerr == 0) {
		if (az_store_begin(s, err) != AZ_OK) {
			sqlite3_free(sqlite3_str_finish(L.errs));
			return err->code;
		}
		sqlite3_exec(L.db, "PRAGMA defer_foreign_keys = ON", NULL, NULL, NULL);
		if (az_store_set_logging(s, 0, err) != AZ_OK) {
			az_store_rollback(s);
			sqlite3_free(sqlite3_str_finish(L.errs));
			return err->code;
		}
		/* one parse of the document; each table then parses only its own text */
		char *parts[MAX_TABLES] = { 0 }, types[MAX_TABLES][8] = { { 0 } };
		st = prepare(&L, "SELECT key, type, value FROM json_each(?1)");
		if (st)
			sqlite3_bind_text(st, 1, json, (int)len, SQLITE_STATIC);
		while (st && sqlite3_step(st) == SQLITE_ROW) {
			const struct az_table *t = az_table_find((const char *)sqlite3_column_text(st, 0));
			if (!t)
				continue;
			size_t i = (size_t)(t - az_tables);
			if (i >= MAX_TABLES)
				continue;
			sqlite3_free(parts[i]);
			parts[i] = sqlite3_mprintf("%s", (const char *)sqlite3_column_text(st, 2));
			snprintf(types[i], sizeof types[i], "%s", (const char *)sqlite3_column_text(st, 1));
		}
		sqlite3_finalize(st);
		for (const struct az_table *const *t = az_tables_load_order; *t && L.nerr < MAX_ERRORS; t++) {
			size_t i = (size_t)(*t - az_tables);
			if (i < MAX_TABLES && types[i][0])
				load_table(&L, *t, parts[i] ? parts[i] : "null", types[i]);
		}
		for (size_t i = 0; i < MAX_TABLES; i++)
			sqlite3_free(parts[i]);
		cache_clear(&L.cache);
		if (L.nerr == 0)
			check_references(&L);
		if (L.nerr == 0)
			check_history(&L);
		if (L.nerr == 0)
			check_rules(&L);
		if (L.nerr == 0 && (az_store_set_logging(s, 1, err) != AZ_OK || az_store_commit(s, err) != AZ_OK)) {
			az_store_rollback(s);
			sqlite3_free(sqlite3_str_finish(L.errs));
			return err->code;
		}
		if (L.nerr)
			az_store_rollback(s);
	}
	if (L.nerr > MAX_ERRORS)
		sqlite3_str_appendf(L.errs, _("\n%s: ... and %d more errors"), name, L.nerr - MAX_ERRORS);
	char *msg = sqlite3_str_finish(L.errs);
	if (L.nerr)
		az_fail(err, AZ_DATAERR, "%s", msg ? msg : name);
	sqlite3_free(msg);
	return L.nerr ? AZ_DATAERR : AZ_OK;
}
