/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "base/i18n.h"
#include "model/json_escape.h"
#include "model/json_strict.h"

#define MAX_DEPTH 200

/* Keys of the open objects, decoded, one after the other in one buffer. */
struct key {
	size_t off, len;
};

struct frame {
	int object;
	long index;     /* arrays: the element being read */
	size_t nkeys0;  /* objects: first of this object's keys in keys[] */
	long cur;       /* objects: the key being read, in keys[], or -1 */
};

struct scan {
	const unsigned char *s;
	size_t n, i;
	char *kbuf;
	size_t klen, kcap;
	struct key *keys;
	size_t nkeys, kcapn;
	struct frame fr[MAX_DEPTH];
	int depth;
	const char *why;
};

static void ws(struct scan *c)
{
	while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == '\t' || c->s[c->i] == '\n' || c->s[c->i] == '\r'))
		c->i++;
}

static int kput(struct scan *c, const void *p, size_t len)
{
	if (c->klen + len > c->kcap) {
		size_t cap = (c->kcap + len) * 2 + 64;
		char *b = realloc(c->kbuf, cap);
		if (!b)
			return -1;
		c->kbuf = b, c->kcap = cap;
	}
	memcpy(c->kbuf + c->klen, p, len);
	c->klen += len;
	return 0;
}

/* A string at c->i (the opening quote); a key is appended decoded to kbuf. */
static int string(struct scan *c, int key)
{
	c->i++;
	while (c->i < c->n) {
		unsigned char ch = c->s[c->i];
		if (ch == '"') {
			c->i++;
			return 0;
		}
		if (ch < 0x20)
			return -1; /* not JSON: SQLite reports it */
		if (ch != '\\') {
			if (key && kput(c, &ch, 1))
				return -1;
			c->i++;
			continue;
		}
		if (++c->i >= c->n)
			return -1;
		ch = c->s[c->i++];
		if (ch != 'u') {
			static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
			const char *e = memchr(from, ch, 8);
			if (!e)
				return -1;
			if (key && kput(c, &to[e - from], 1))
				return -1;
			continue;
		}
		unsigned u;
		size_t used;
		switch (az_json_u_escape((const char *)c->s + c->i, (const char *)c->s + c->n, &u, &used)) {
		case AZ_JSON_U_OK:
			break;
		case AZ_JSON_U_NUL:
			c->why = _("contains \\u0000 (a NUL character), which a workbook cannot keep");
			return -1;
		case AZ_JSON_U_LOW:
			c->why = _("contains a lone UTF-16 surrogate (\\udc00 to \\udfff), not a character");
			return -1;
		case AZ_JSON_U_HIGH:
			c->why = _("contains a lone UTF-16 surrogate (\\ud800 to \\udbff), not a character");
			return -1;
		default:
			return -1;
		}
		c->i += used;
		if (key) {
			uint8_t b[6];
			int n = u8_uctomb(b, u, sizeof b);
			if (n < 1 || kput(c, b, (size_t)n))
				return -1;
		}
	}
	return -1;
}

static const char *kbase; /* qsort has no context argument in C11 */

static int by_key(const void *a, const void *b)
{
	const struct key *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int r = memcmp(kbase + x->off, kbase + y->off, n);
	return r ? r : (x->len > y->len) - (x->len < y->len);
}

/* At the end of an object: two equal keys? Sorting its keys keeps this n log n in the keys. */
static int unique_keys(struct scan *c, size_t first)
{
	size_t n = c->nkeys - first;
	if (n < 2)
		return 0;
	struct key *v = malloc(n * sizeof *v);
	if (!v)
		return -1;
	memcpy(v, c->keys + first, n * sizeof *v);
	kbase = c->kbuf;
	qsort(v, n, sizeof *v, by_key);
	int dup = 0;
	for (size_t k = 1; k < n && !dup; k++)
		if ((dup = by_key(&v[k - 1], &v[k]) == 0)) {
			c->why = _("is a key given twice in the same object");
			/* the path then names the key */
			for (size_t j = first; j < c->nkeys; j++)
				if (c->keys[j].off == v[k].off)
					c->fr[c->depth - 1].cur = (long)j;
		}
	free(v);
	return dup ? -1 : 0;
}

static int push_key(struct scan *c, size_t off)
{
	if (c->nkeys == c->kcapn) {
		size_t cap = c->kcapn * 2 + 16;
		struct key *k = realloc(c->keys, cap * sizeof *k);
		if (!k)
			return -1;
		c->keys = k, c->kcapn = cap;
	}
	c->keys[c->nkeys].off = off;
	c->keys[c->nkeys].len = c->klen - off;
	c->nkeys++;
	return 0;
}

static void describe(const struct scan *c, char *where, size_t wsize)
{
	size_t o = (size_t)snprintf(where, wsize, "$");
	for (int d = 0; d < c->depth && o < wsize; d++) {
		const struct frame *f = &c->fr[d];
		if (!f->object) {
			o += (size_t)snprintf(where + o, wsize - o, "[%ld]", f->index);
		} else if (f->cur >= 0) {
			const struct key *k = &c->keys[f->cur];
			int len = k->len > 64 ? 64 : (int)k->len;
			o += (size_t)snprintf(where + o, wsize - o, ".%.*s", len, c->kbuf + k->off);
		}
	}
}

static int scan(struct scan *c)
{
	for (;;) {
		/* a value */
		ws(c);
		if (c->i >= c->n)
			return -1;
		unsigned char ch = c->s[c->i];
		if (ch == '{' || ch == '[') {
			if (c->depth == MAX_DEPTH) {
				c->why = _("is nested too deeply");
				return -1;
			}
			struct frame *f = &c->fr[c->depth++];
			f->object = ch == '{', f->index = 0, f->nkeys0 = c->nkeys, f->cur = -1;
			c->i++;
			ws(c);
			if (c->i < c->n && c->s[c->i] == (f->object ? '}' : ']')) {
				c->i++;
				c->depth--;
				goto after_value;
			}
			if (f->object)
				goto key;
			continue;
		}
		if (ch == '"') {
			if (string(c, 0))
				return -1;
		} else {
			while (c->i < c->n && strchr("0123456789+-.eEtruefalsn", c->s[c->i]))
				c->i++;
		}
	after_value:
		if (c->depth == 0)
			return 0;
		ws(c);
		if (c->i >= c->n)
			return -1;
		struct frame *f = &c->fr[c->depth - 1];
		ch = c->s[c->i++];
		if (ch == ',') {
			if (!f->object) {
				f->index++;
				continue;
			}
			ws(c);
			goto key;
		}
		if (ch != (f->object ? '}' : ']'))
			return -1;
		if (f->object) {
			if (unique_keys(c, f->nkeys0))
				return -1;
			/* this object's keys are no longer needed */
			c->klen = f->nkeys0 < c->nkeys ? c->keys[f->nkeys0].off : c->klen;
			c->nkeys = f->nkeys0;
		}
		c->depth--;
		goto after_value;
	key:
		if (c->i >= c->n || c->s[c->i] != '"')
			return -1;
		{
			size_t off = c->klen;
			if (string(c, 1) || push_key(c, off))
				return -1;
			c->fr[c->depth - 1].cur = (long)c->nkeys - 1;
		}
		ws(c);
		if (c->i >= c->n || c->s[c->i] != ':')
			return -1;
		c->i++;
	}
}

int az_json_strict(const char *json, size_t len, char *where, size_t wsize, const char **why)
{
	struct scan c;
	memset(&c, 0, sizeof c);
	c.s = (const unsigned char *)json, c.n = len;
	int rc = scan(&c);
	if (rc != 0 && c.why) {
		/* a duplicate is reported at its object; anything else at the value being read */
		describe(&c, where, wsize);
		*why = c.why;
	} else {
		rc = 0;
	}
	free(c.kbuf);
	free(c.keys);
	return rc;
}
