/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <errno.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "model/json_write.h"
#include "base/i18n.h"
#include "model/schema.h"
#include "model/tables.h"
#include "base/text.h"

/* The text is built in a buffer by hand, not by stdio a value at a time (the clinic's 43 KB took
 * 4.1 M instructions with fprintf and putc, 2.0 M so, 1.5 M of them SQLite's), and handed to the
 * sink 64 KiB at a time; without a sink the buffer grows and is the result. */
#define PIECE 65536

struct jout {
	char *buf;
	size_t len, cap;
	az_json_sink *sink; /* NULL: keep everything */
	void *ctx;
	int sink_failed; /* else a failure is out of memory */
};

/* The full buffer goes to the sink, or grows, to make room for n more bytes. */
static int make_room(struct jout *o, size_t n)
{
	if (o->sink && o->len) {
		if (o->sink(o->ctx, o->buf, o->len) != 0)
			return o->sink_failed = 1, -1;
		o->len = 0;
		if (o->cap >= n)
			return 0;
	}
	size_t cap = o->cap ? o->cap : PIECE;
	while (cap - o->len < n)
		cap *= 2;
	char *b = realloc(o->buf, cap);
	if (!b)
		return -1;
	o->buf = b, o->cap = cap;
	return 0;
}

static inline int room(struct jout *o, size_t n)
{
	return o->cap - o->len >= n ? 0 : make_room(o, n);
}

static int put(struct jout *o, const char *s, size_t n)
{
	if (room(o, n))
		return -1;
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	return 0;
}

#define PUT(o, lit) put(o, lit, sizeof lit - 1)

static char *put_u(char *w, unsigned c)
{
	static const char hex[] = "0123456789abcdef";
	memcpy(w, "\\u00", 4);
	w[4] = hex[c >> 4 & 15];
	w[5] = hex[c & 15];
	return w + 6;
}

/* Invalid UTF-8 (only possible if another program wrote the file) becomes U+FFFD; C0 controls and DEL
 * are escaped, and for a terminal the C1 controls U+0080..U+009F too, which some terminals obey. At
 * most 6 bytes out for each byte in (a control as \u00XX). */
static int put_string(struct jout *o, const unsigned char *s, size_t len, unsigned flags)
{
	if (len > (SIZE_MAX - 2) / 6 || room(o, 6 * len + 2))
		return -1;
	char *w = o->buf + o->len;
	*w++ = '"';
	for (size_t i = 0; i < len;) {
		unsigned char c = s[i];
		if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
			*w++ = (char)c;
			i++;
			continue;
		}
		if (c >= 0x80) {
			/* the well-formed two- and three-byte sequences here (Japanese is three), others as
			 * libunistring decides */
			size_t n = 0;
			unsigned c1 = i + 1 < len ? s[i + 1] : 0;
			if (c >= 0xC2 && c < 0xE0 && (c1 ^ 0x80) < 0x40)
				n = 2;
			else if (c >= 0xE0 && c < 0xF0 && i + 2 < len && (c1 ^ 0x80) < 0x40 && (s[i + 2] ^ 0x80) < 0x40 &&
				 (c != 0xE0 || c1 >= 0xA0) && (c != 0xED || c1 < 0xA0))
				n = 3;
			else {
				ucs4_t uc;
				int k = u8_mbtoucr(&uc, s + i, len - i);
				if (k <= 0) {
					memcpy(w, "\xEF\xBF\xBD", 3);
					w += 3;
					i++;
					continue;
				}
				n = (size_t)k;
			}
			if ((flags & AZ_JSON_FOR_TERMINAL) && c == 0xC2 && c1 <= 0x9F)
				w = put_u(w, c1);
			else {
				memcpy(w, s + i, n);
				w += n;
			}
			i += n;
			continue;
		}
		switch (c) {
		case '"': memcpy(w, "\\\"", 2), w += 2; break;
		case '\\': memcpy(w, "\\\\", 2), w += 2; break;
		case '\n': memcpy(w, "\\n", 2), w += 2; break;
		case '\t': memcpy(w, "\\t", 2), w += 2; break;
		case '\r': memcpy(w, "\\r", 2), w += 2; break;
		default: w = put_u(w, c); /* the other C0 controls and DEL */
		}
		i++;
	}
	*w++ = '"';
	o->len = (size_t)(w - o->buf);
	return 0;
}

static int put_int(struct jout *o, long long v)
{
	char d[24], *e = d + sizeof d, *p = e;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	return put(o, p, (size_t)(e - p));
}

static int put_value(struct jout *o, const struct az_column *c, sqlite3_stmt *st, int i, unsigned flags)
{
	if (c->type != AZ_T_INT && c->type != AZ_T_REF && c->type != AZ_T_BOOL) {
		/* text is NULL only for NULL (its type then asked) or an empty BLOB, written "" as ever */
		const unsigned char *t = sqlite3_column_text(st, i);
		if (t)
			return put_string(o, t, (size_t)sqlite3_column_bytes(st, i), flags);
		return sqlite3_column_type(st, i) == SQLITE_NULL ? PUT(o, "null") : PUT(o, "\"\"");
	}
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return PUT(o, "null");
	if (c->type == AZ_T_BOOL)
		return sqlite3_column_int(st, i) ? PUT(o, "true") : PUT(o, "false");
	return put_int(o, (long long)sqlite3_column_int64(st, i));
}

/* The widest table's columns and longest key; each key is written as `, "name": ` (the first
 * without ", "), made once per table. */
#define MAX_COLS 32
#define KEY_BYTES 64
#define CHECK_KEY_(a, col, field, type, flags, min, max, values, ref, label, def, pos) \
	_Static_assert(sizeof #col + 5 <= KEY_BYTES, #col " is longer than KEY_BYTES allows");
#define CHECK_COLS_(a, name, single, max, order, constraints) \
	_Static_assert(AZ_NCOLS_##name <= MAX_COLS, #name " has more columns than MAX_COLS"); \
	AZ_COLUMNS_##name(CHECK_KEY_, ~)
AZ_TABLE_LIST(CHECK_COLS_, ~)

static int put_rows(struct jout *o, const struct az_table *t, sqlite3_stmt *st, unsigned flags, int *rows)
{
	char keys[MAX_COLS][KEY_BYTES];
	size_t klen[MAX_COLS];
	for (size_t c = 0; c < t->ncols; c++) {
		size_t n = strlen(t->cols[c].name);
		memcpy(keys[c], ", \"", 3);
		memcpy(keys[c] + 3, t->cols[c].name, n);
		memcpy(keys[c] + 3 + n, "\": ", 3);
		klen[c] = n + 6;
	}
	int rc, n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (t->singleton ? PUT(o, "{") : n ? PUT(o, ",\n    {") : PUT(o, "\n    {"))
			return -1;
		for (size_t c = 0; c < t->ncols; c++)
			if (put(o, keys[c] + (c ? 0 : 2), klen[c] - (c ? 0 : 2)) ||
			    put_value(o, &t->cols[c], st, (int)c, flags))
				return -1;
		if (PUT(o, "}"))
			return -1;
		n++;
	}
	*rows = n;
	return rc == SQLITE_DONE ? 0 : -2;
}

/* 0, -1: out of memory or the sink failed (err not set), or the error code of SQLite's failure. */
static int put_table(struct az_store *s, const struct az_table *t, struct jout *o, unsigned flags,
		     struct az_error *err)
{
	/* +col, the same value: a result column that is an expression has no origin, which SQLite
	 * otherwise looks up and copies for each column (as model/book.c reads them) */
	sqlite3_str *q = sqlite3_str_new(NULL);
	for (size_t c = 0; c < t->ncols; c++) {
		sqlite3_str_appendall(q, c ? ", +" : "SELECT +");
		sqlite3_str_appendall(q, t->cols[c].name);
	}
	sqlite3_str_appendf(q, " FROM %s ORDER BY %s", t->name, t->order);
	char *sql = sqlite3_str_finish(q);
	sqlite3_stmt *st = NULL;
	if (!sql || sqlite3_prepare_v2(az_store_db(s), sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_free(sql);
		az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
		return err->code;
	}
	sqlite3_free(sql);
	int n = 0;
	int rc = PUT(o, "  \"") || put(o, t->name, strlen(t->name)) ||
			 (t->singleton ? PUT(o, "\": ") : PUT(o, "\": ["))
		 ? -1
		 : put_rows(o, t, st, flags, &n);
	if (rc == -2) {
		az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
		rc = err->code;
	}
	sqlite3_finalize(st);
	if (rc)
		return rc;
	if (t->singleton && n == 0)
		return PUT(o, "null");
	if (!t->singleton)
		return n ? PUT(o, "\n  ]") : PUT(o, "]");
	return 0;
}

static int put_all(struct az_store *s, struct jout *o, unsigned omit, struct az_error *err)
{
	if (PUT(o, "{\n"))
		return -1;
	for (size_t i = 0; i < az_ntables; i++) {
		const char *n = az_tables[i].name;
		int rc;
		if (((omit & AZ_JSON_NO_CHANGELOG) && i == AZ_TBL_changelog) ||
		    ((omit & AZ_JSON_NO_HISTORY) && i == AZ_TBL_history))
			rc = PUT(o, "  \"") || put(o, n, strlen(n)) || PUT(o, "\": []") ? -1 : 0;
		else
			rc = put_table(s, &az_tables[i], o, omit, err);
		if (rc || PUT(o, ",\n"))
			return rc ? rc : -1;
		/* "format" sorts between "facts" and "history" */
		if (i == AZ_TBL_facts && PUT(o, "  \"format\": \"anzen-workbook\",\n"))
			return -1;
	}
	return PUT(o, "  \"version\": ") || put_int(o, AZ_JSON_VERSION) || PUT(o, "\n}\n") ? -1 : 0;
}

/* Every table read in one transaction, unless the caller has one open: the text is one state of the
 * workbook even if another program writes to it meanwhile, and SQLite takes its lock and checks
 * the file once (8 system calls a table before). */
static int put_all_at_once(struct az_store *s, struct jout *o, unsigned omit, struct az_error *err)
{
	sqlite3 *db = az_store_db(s);
	int own = sqlite3_get_autocommit(db);
	if (own && sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
		return err->code;
	}
	int rc = put_all(s, o, omit, err);
	if (own && sqlite3_exec(db, rc ? "ROLLBACK" : "COMMIT", NULL, NULL, NULL) != SQLITE_OK && !rc) {
		az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
		rc = err->code;
	}
	return rc;
}

int az_export_json_to(struct az_store *s, az_json_sink *sink, void *ctx, unsigned omit, struct az_error *err)
{
	struct jout o = { .sink = sink, .ctx = ctx };
	int rc = put_all_at_once(s, &o, omit, err);
	if (rc == 0 && o.len && sink(ctx, o.buf, o.len) != 0)
		rc = -1, o.sink_failed = 1;
	free(o.buf);
	if (rc == -1 && o.sink_failed)
		return az_fail(err, AZ_IOERR, _("write failed: %s"), strerror(errno));
	if (rc == -1)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	return rc;
}

static int to_file(void *f, const char *bytes, size_t n)
{
	return fwrite(bytes, 1, n, f) == n ? 0 : -1;
}

int az_export_json(struct az_store *s, FILE *out, struct az_error *err)
{
	return az_export_json_omit(s, out, 0, err);
}

int az_export_json_omit(struct az_store *s, FILE *out, unsigned omit, struct az_error *err)
{
	int rc = az_export_json_to(s, to_file, out, omit, err);
	if (rc == AZ_OK && ferror(out))
		return az_fail(err, AZ_IOERR, _("write failed: %s"), strerror(errno));
	return rc;
}

int az_export_json_string(struct az_store *s, char **out, size_t *len, struct az_error *err)
{
	return az_export_json_string_omit(s, out, len, 0, err);
}

int az_export_json_string_omit(struct az_store *s, char **out, size_t *len, unsigned omit, struct az_error *err)
{
	struct jout o = { 0 };
	int rc = put_all_at_once(s, &o, omit, err);
	if (rc == 0 && room(&o, 1) == 0) {
		o.buf[o.len] = '\0'; /* as open_memstream did */
		*out = o.buf, *len = o.len;
		return AZ_OK;
	}
	free(o.buf);
	*out = NULL;
	return rc == -1 ? az_fail(err, AZ_IOERR, "%s", _("out of memory")) : rc;
}
