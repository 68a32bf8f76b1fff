/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export/wrapcache.h"

struct entry {
	uint64_t hash;
	long max;
	size_t len, n;
	int name;
	struct az_line *lines; /* then the text, in the same block */
};

struct az_wrapcache {
	struct entry **slot; /* open addressing, a power of two, at most half full */
	size_t nslots, used, bytes, budget;
};

struct az_wrapcache *az_wrapcache_new(size_t budget)
{
	struct az_wrapcache *c = calloc(1, sizeof *c);
	if (c)
		c->budget = budget;
	return c;
}

static void clear(struct az_wrapcache *c)
{
	for (size_t i = 0; i < c->nslots; i++) {
		free(c->slot[i]);
		c->slot[i] = NULL;
	}
	c->used = 0, c->bytes = 0;
}

void az_wrapcache_free(struct az_wrapcache *c)
{
	if (!c)
		return;
	clear(c);
	free(c->slot);
	free(c);
}

void az_wrapcache_budget(struct az_wrapcache *c, size_t budget)
{
	if (!c)
		return;
	c->budget = budget;
	if (c->bytes > budget)
		clear(c);
}

/* The text eight bytes at a time (a multiply-xorshift mix), then the width and the mode: the
 * key of every text laid out, so it must cost less than a byte-by-byte hash. */
static uint64_t mix(uint64_t h, uint64_t v)
{
	h = (h ^ v) * 0x9E3779B97F4A7C15u;
	return h ^ (h >> 29);
}

static uint64_t hash_of(const char *s, size_t len, long max, int name)
{
	uint64_t h = 0x243F6A8885A308D3u ^ len;
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t v;
		memcpy(&v, s + i, 8);
		h = mix(h, v);
	}
	if (i < len) {
		uint64_t v = 0;
		memcpy(&v, s + i, len - i);
		h = mix(h, v);
	}
	h = mix(h, (uint64_t)max);
	return mix(h, (uint64_t)name);
}

static const char *text_of(const struct entry *e) { return (const char *)(e->lines + e->n); }

/* The slot holding the key, or the empty one where it would go. */
static size_t find(const struct az_wrapcache *c, uint64_t h, const char *s, size_t len, long max, int name)
{
	size_t m = c->nslots - 1, i = (size_t)h & m;
	for (const struct entry *e; (e = c->slot[i]); i = (i + 1) & m)
		if (e->hash == h && e->len == len && e->max == max && e->name == name && !memcmp(text_of(e), s, len))
			break;
	return i;
}

struct az_wrapkey az_wrapcache_key(const char *s, size_t len, long max_width, int name)
{
	return (struct az_wrapkey){ s, len, max_width, name, hash_of(s, len, max_width, name) };
}

const struct az_line *az_wrapcache_get(struct az_wrapcache *c, const struct az_wrapkey *k, size_t *n)
{
	if (!c || !c->used)
		return NULL;
	const struct entry *e = c->slot[find(c, k->hash, k->s, k->len, k->max_width, k->name)];
	if (!e)
		return NULL;
	*n = e->n;
	return e->lines;
}

static int grow(struct az_wrapcache *c)
{
	size_t cap = c->nslots ? c->nslots * 2 : 1024;
	struct entry **old = c->slot, **v = calloc(cap, sizeof *v);
	if (!v)
		return 0;
	size_t nold = c->nslots;
	c->slot = v, c->nslots = cap;
	for (size_t i = 0; i < nold; i++)
		if (old[i]) {
			size_t j = (size_t)old[i]->hash & (cap - 1);
			while (v[j])
				j = (j + 1) & (cap - 1);
			v[j] = old[i];
		}
	free(old);
	return 1;
}

void az_wrapcache_put(struct az_wrapcache *c, const struct az_wrapkey *k, const struct az_line *lines, size_t n)
{
	if (!c || n == 0)
		return;
	size_t len = k->len, size = sizeof(struct entry) + n * sizeof *lines + len;
	if (c->bytes + size > c->budget)
		clear(c);
	if (size > c->budget || ((c->used + 1) * 2 > c->nslots && !grow(c)))
		return;
	size_t i = find(c, k->hash, k->s, len, k->max_width, k->name);
	if (c->slot[i])
		return;
	struct entry *e = malloc(size);
	if (!e)
		return;
	*e = (struct entry){ k->hash, k->max_width, len, n, k->name, (struct az_line *)(e + 1) };
	memcpy(e->lines, lines, n * sizeof *lines);
	memcpy(e->lines + n, k->s, len);
	c->slot[i] = e;
	c->used++, c->bytes += size;
}
