/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistr.h>

#include "base/i18n.h"
#include "base/text.h"
#include "model/json_escape.h"
#include "model/schema.h"
#include "model/snapshot_json.h"

#define MAX_DEPTH 64

struct rd {
	char *p, *end;
	struct az_arena *a;
	const char *why;
};

static int fail(struct rd *r, const char *why)
{
	if (!r->why)
		r->why = why;
	return -1;
}

static void ws(struct rd *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
		r->p++;
}

static int eat(struct rd *r, char c)
{
	ws(r);
	if (r->p < r->end && *r->p == c) {
		r->p++;
		return 1;
	}
	return 0;
}

/* A string at r->p, decoded in place (unless out is NULL: then only skipped): the decoded text is never
 * longer than its JSON, and its NUL goes at the latest where the closing quote was. */
static int string(struct rd *r, const char **out)
{
	if (!eat(r, '"'))
		return fail(r, _("not valid JSON"));
	char *s = r->p, *q = s;
	int escaped = 0;
	while (q < r->end && *q != '"') {
		if ((unsigned char)*q < 0x20)
			return fail(r, _("not valid JSON"));
		if (*q == '\\')
			escaped = 1, q++;
		q++;
	}
	if (q >= r->end)
		return fail(r, _("not valid JSON"));
	r->p = q + 1;
	if (!out)
		return 0;
	if (!escaped) { /* most text: already itself */
		*q = '\0';
		*out = s;
		return 0;
	}
	char *o = s, *start = o;
	for (const char *p = s; p < q;) {
		if (*p != '\\') {
			*o++ = *p++;
			continue;
		}
		char c = p[1];
		p += 2;
		unsigned cp;
		switch (c) {
		case '"': case '\\': case '/': *o++ = c; continue;
		case 'b': *o++ = '\b'; continue;
		case 'f': *o++ = '\f'; continue;
		case 'n': *o++ = '\n'; continue;
		case 'r': *o++ = '\r'; continue;
		case 't': *o++ = '\t'; continue;
		case 'u': break;
		default: return fail(r, _("not valid JSON"));
		}
		size_t used;
		if (az_json_u_escape(p, q, &cp, &used) != AZ_JSON_U_OK)
			return fail(r, _("not valid JSON"));
		p += used;
		/* never longer than its escape (6 or 12 bytes for at most 4) */
		int n = u8_uctomb((uint8_t *)o, cp, 4);
		if (n < 1)
			return fail(r, _("not valid JSON"));
		o += n;
	}
	*o = '\0';
	*out = start;
	return 0;
}

/* A JSON integer as SQLite's text of it; fractions and exponents are no column's value. With out, the
 * digits move one byte back, over the ':' or space before them (already read), to end in a NUL. */
static int integer(struct rd *r, const char **out, long long *value)
{
	char *p = r->p;
	int neg = p < r->end && *p == '-';
	p += neg;
	if (p >= r->end || *p < '0' || *p > '9' || (*p == '0' && p + 1 < r->end && p[1] >= '0' && p[1] <= '9'))
		return fail(r, _("not valid JSON"));
	unsigned long long v = 0;
	for (; p < r->end && *p >= '0' && *p <= '9'; p++) {
		if (v > (9223372036854775807ULL - (unsigned)(*p - '0')) / 10)
			return fail(r, _("not valid JSON"));
		v = v * 10 + (unsigned)(*p - '0');
	}
	if (p < r->end && (*p == '.' || *p == 'e' || *p == 'E'))
		return fail(r, _("not valid JSON"));
	char *start = r->p;
	r->p = p;
	if (value)
		*value = neg ? -(long long)v : (long long)v;
	if (out) {
		if (v == 0) { /* "-0" too */
			*out = "0";
			return 0;
		}
		memmove(start - 1, start, (size_t)(p - start));
		p[-1] = '\0';
		*out = start - 1;
	}
	return 0;
}

static int word(struct rd *r, const char *w)
{
	size_t n = strlen(w);
	if ((size_t)(r->end - r->p) < n || memcmp(r->p, w, n) != 0)
		return 0;
	r->p += n;
	return 1;
}

/* A scalar: *out its text, NULL for null. */
static int scalar(struct rd *r, const char **out)
{
	ws(r);
	if (r->p >= r->end)
		return fail(r, _("not valid JSON"));
	if (*r->p == '"')
		return string(r, out);
	if (word(r, "null")) {
		*out = NULL;
		return 0;
	}
	if (word(r, "true")) {
		*out = "1";
		return 0;
	}
	if (word(r, "false")) {
		*out = "0";
		return 0;
	}
	return integer(r, out, NULL);
}

/* Any value, not kept: the tables the caller did not ask for. */
static int skip(struct rd *r, int depth)
{
	ws(r);
	if (r->p >= r->end || depth > MAX_DEPTH)
		return fail(r, _("not valid JSON"));
	if (*r->p == '"')
		return string(r, NULL);
	char open = *r->p;
	if (open != '[' && open != '{') {
		const char *v;
		if (word(r, "null") || word(r, "true") || word(r, "false"))
			return 0;
		/* numbers with a fraction exist in no table, but the caller does not read these */
		v = r->p;
		while (r->p < r->end && strchr("+-.0123456789eE", *r->p) && *r->p)
			r->p++;
		return r->p > v ? 0 : fail(r, _("not valid JSON"));
	}
	char close = open == '[' ? ']' : '}';
	r->p++;
	if (eat(r, close))
		return 0;
	do {
		if (open == '{' && (string(r, NULL) || !eat(r, ':')))
			return fail(r, _("not valid JSON"));
		if (skip(r, depth + 1))
			return -1;
	} while (eat(r, ','));
	return eat(r, close) ? 0 : fail(r, _("not valid JSON"));
}

/* The text of a column's SQL default (model/table_defs.h: a quoted string or a number), as the import
 * gives an absent key; NULL for none. */
static const char *default_text(struct rd *r, const struct az_column *c)
{
	if (!c->def)
		return c->type == AZ_T_TEXT && !(c->flags & (AZ_C_NULL | AZ_C_REQUIRED)) ? "" : NULL;
	size_t n = strlen(c->def);
	if (n >= 2 && c->def[0] == '\'' && c->def[n - 1] == '\'')
		return az_arena_strndup(r->a, c->def + 1, n - 2);
	return c->def;
}

static int table(struct rd *r, const struct az_table *t, struct az_snap_rows *out)
{
	size_t cap = 0;
	const char **defs = az_arena_alloc(r->a, t->ncols * sizeof *defs);
	if (!defs)
		return fail(r, _("out of memory"));
	for (size_t c = 0; c < t->ncols; c++)
		defs[c] = default_text(r, &t->cols[c]);
	if (!eat(r, '['))
		return fail(r, _("a table is not an array"));
	if (eat(r, ']'))
		return 0;
	do {
		if (out->n >= t->max_rows)
			return fail(r, _("a table has more rows than a workbook holds"));
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			const char **nv = az_arena_alloc(r->a, ncap * t->ncols * sizeof *nv);
			if (!nv)
				return fail(r, _("out of memory"));
			if (out->n)
				memcpy(nv, out->vals, out->n * t->ncols * sizeof *nv);
			out->vals = nv;
			cap = ncap;
		}
		const char **row = out->vals + out->n * t->ncols;
		uint64_t present = 0;
		size_t next = 0;
		if (!eat(r, '{'))
			return fail(r, _("a row is not an object"));
		if (!eat(r, '}'))
			do {
				const char *key, *v;
				if (string(r, &key) || !eat(r, ':'))
					return fail(r, _("not valid JSON"));
				/* canonical JSON has the columns in t->cols order: try the next one first */
				const struct az_column *c = next < t->ncols && !strcmp(t->cols[next].name, key)
								    ? &t->cols[next]
								    : az_column_find(t, key);
				if (!c || c - t->cols >= 64)
					return fail(r, _("a row has an unknown key"));
				if (scalar(r, &v))
					return -1;
				row[c - t->cols] = v;
				next = (size_t)(c - t->cols) + 1;
				present |= 1ULL << (c - t->cols);
			} while (eat(r, ','));
		if (present && !eat(r, '}'))
			return fail(r, _("not valid JSON"));
		for (size_t c = 0; c < t->ncols; c++)
			if (!(present >> c & 1))
				row[c] = defs[c];
		out->n++;
	} while (eat(r, ','));
	return eat(r, ']') ? 0 : fail(r, _("not valid JSON"));
}

int az_snapshot_read(char *json, size_t len, const struct az_table *const *tables, size_t ntables,
		     struct az_arena *a, struct az_snap_rows *out, const char **why)
{
	struct rd r = { json, json + len, a, NULL };
	memset(out, 0, ntables * sizeof *out);
	*why = NULL;
	/* what model/json_strict.c guards the import against is refused here too: invalid UTF-8 and NUL
	 * here, \u0000 and lone surrogates in string(); of two equal keys the last counts (no harm here) */
	if (az_utf8_invalid_at(json, len) != (size_t)-1 || memchr(json, '\0', len))
		return *why = _("not valid JSON"), -1;
	int format = 0, version = 0;
	if (!eat(&r, '{'))
		return *why = _("$: the top level must be an object"), -1;
	if (!eat(&r, '}'))
		do {
			const char *key, *v;
			long long n = 0;
			if (string(&r, &key) || !eat(&r, ':'))
				return *why = r.why ? r.why : _("not valid JSON"), -1;
			size_t i = 0;
			while (i < ntables && strcmp(tables[i]->name, key) != 0)
				i++;
			int rc;
			if (i < ntables) {
				rc = table(&r, tables[i], &out[i]);
			} else if (!strcmp(key, "format")) {
				rc = scalar(&r, &v);
				format = !rc && v && !strcmp(v, "anzen-workbook");
			} else if (!strcmp(key, "version")) {
				ws(&r);
				rc = integer(&r, NULL, &n);
				version = !rc && n >= 1 && n <= AZ_SCHEMA_VERSION;
			} else {
				rc = skip(&r, 0);
			}
			if (rc)
				return *why = r.why ? r.why : _("not valid JSON"), -1;
		} while (eat(&r, ','));
	if (!eat(&r, '}'))
		return *why = _("not valid JSON"), -1;
	ws(&r);
	if (r.p != r.end)
		return *why = _("not valid JSON"), -1;
	if (!format || !version)
		return *why = _("the snapshot is not an anzen workbook export"), -1;
	return 0;
}
