/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export/wrapcache.h"

/* Two generations: records are added to the newer; when it holds half the budget, the older is
 * dropped and the newer takes its place. What was met lately always stays (a row measured and then
 * placed, a header on each page), and the bytes held stay below the budget (and one record). */
struct gen {
	struct az_wraptext **slot; /* open addressing, a power of two, at most half full */
	size_t nslots, used, bytes;
};

/* The records holding breaks, the latest up to AZ_WRAP_BREAKS and BREAKS_BYTES of them: a text's
 * breaks are larger than all the rest of its record (12 bytes a byte of Japanese) and needed only
 * while it is measured and placed. Keeping all of a clinic's cost more in fresh pages than it saved. */
#define AZ_WRAP_BREAKS 1024
#define BREAKS_BYTES (128u << 10)

struct az_wrapcache {
	struct gen g[2]; /* g[cur] the newer */
	int cur;
	size_t budget;
	struct az_wraptext *ring[AZ_WRAP_BREAKS]; /* from ring[first], nring of them (NULL: forgotten) */
	size_t first, nring, ring_bytes;
};

struct az_wrapcache *az_wrapcache_new(size_t budget)
{
	struct az_wrapcache *c = calloc(1, sizeof *c);
	if (c)
		c->budget = budget;
	return c;
}

static void forget(struct az_wrapcache *c, struct az_wraptext *t)
{
	for (int i = 0; i < AZ_WRAP_MEMO; i++)
		free(t->memo[i].lines);
	if (t->breaks)
		c->ring[t->ring] = NULL, c->ring_bytes -= az_breaks_size(t->breaks);
	az_breaks_free(t->breaks);
	free(t);
}

static void clear(struct az_wrapcache *c, struct gen *g)
{
	for (size_t i = 0; i < g->nslots; i++) {
		if (g->slot[i])
			forget(c, g->slot[i]);
		g->slot[i] = NULL;
	}
	g->used = 0, g->bytes = 0;
}

void az_wrapcache_free(struct az_wrapcache *c)
{
	if (!c)
		return;
	for (int i = 0; i < 2; i++) {
		clear(c, &c->g[i]);
		free(c->g[i].slot);
	}
	free(c);
}

void az_wrapcache_budget(struct az_wrapcache *c, size_t budget)
{
	if (!c)
		return;
	c->budget = budget;
	for (int i = 0; i < 2; i++)
		if (c->g[i].bytes > budget / 2)
			clear(c, &c->g[i]);
}

/* The text eight bytes at a time (a multiply-xorshift mix), then the mode: the key of every text
 * laid out, so it must cost less than a byte-by-byte hash. */
static uint64_t mix(uint64_t h, uint64_t v)
{
	h = (h ^ v) * 0x9E3779B97F4A7C15u;
	return h ^ (h >> 29);
}

struct az_wrapkey az_wrapcache_key(const char *s, size_t len, int mode)
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
	return (struct az_wrapkey){ s, len, mode, mix(h, (uint64_t)(int64_t)mode) };
}

/* The slot holding the key, or the empty one where it would go. */
static size_t find(const struct gen *g, const struct az_wrapkey *k)
{
	size_t m = g->nslots - 1, i = (size_t)k->hash & m;
	for (const struct az_wraptext *t; (t = g->slot[i]); i = (i + 1) & m)
		if (t->hash == k->hash && t->len == k->len && t->mode == k->mode && !memcmp(t + 1, k->s, k->len))
			break;
	return i;
}

struct az_wraptext *az_wrapcache_find(struct az_wrapcache *c, const struct az_wrapkey *k)
{
	if (!c)
		return NULL;
	struct az_wraptext *t = NULL;
	for (int i = 0; i < 2 && !t; i++) {
		const struct gen *g = &c->g[c->cur ^ i];
		t = g->used ? g->slot[find(g, k)] : NULL;
	}
	return t;
}

static int grow(struct gen *g)
{
	size_t cap = g->nslots ? g->nslots * 2 : 1024;
	struct az_wraptext **old = g->slot, **v = calloc(cap, sizeof *v);
	if (!v)
		return 0;
	size_t nold = g->nslots;
	g->slot = v, g->nslots = cap;
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

struct az_wraptext *az_wrapcache_add(struct az_wrapcache *c, const struct az_wrapkey *k, size_t extra)
{
	if (!c || k->len > SIZE_MAX / 4 || extra > SIZE_MAX / 4)
		return NULL;
	size_t size = sizeof(struct az_wraptext) + k->len + extra;
	struct gen *g = &c->g[c->cur];
	if (g->bytes + size > c->budget / 2) {
		c->cur ^= 1, g = &c->g[c->cur];
		clear(c, g);
	}
	if (size > c->budget / 2 || ((g->used + 1) * 2 > g->nslots && !grow(g)))
		return NULL;
	struct az_wraptext *t = malloc(size);
	if (!t)
		return NULL;
	*t = (struct az_wraptext){ .hash = k->hash, .len = k->len, .extra = extra, .mode = k->mode };
	memcpy(t + 1, k->s, k->len);
	g->slot[find(g, k)] = t;
	g->used++, g->bytes += size;
	return t;
}

void az_wrapcache_breaks(struct az_wrapcache *c, struct az_wraptext *t, struct az_breaks *b)
{
	if (!c || !b || t->breaks) { /* the caller's, or nothing to keep */
		if (!t->breaks)
			t->breaks = b;
		else
			az_breaks_free(b);
		return;
	}
	/* the oldest go first */
	while (c->nring && (c->nring == AZ_WRAP_BREAKS || c->ring_bytes + az_breaks_size(b) > BREAKS_BYTES)) {
		struct az_wraptext *old = c->ring[c->first];
		if (old) {
			c->ring_bytes -= az_breaks_size(old->breaks);
			az_breaks_free(old->breaks), old->breaks = NULL;
		}
		c->first = (c->first + 1) % AZ_WRAP_BREAKS, c->nring--;
	}
	size_t i = (c->first + c->nring++) % AZ_WRAP_BREAKS;
	c->ring[i] = t, t->breaks = b, t->ring = (unsigned)i;
	c->ring_bytes += az_breaks_size(b);
}

static int slot_of(const struct az_wraptext *t, long max)
{
	for (int i = 0; i < AZ_WRAP_MEMO; i++)
		if (t->memo[i].n && t->memo[i].max == max)
			return i;
	return -1;
}

const struct az_wrapmemo *az_wrapcache_memo(const struct az_wraptext *t, long max)
{
	int i = slot_of(t, max);
	return i < 0 ? NULL : &t->memo[i];
}

void az_wrapcache_remember(struct az_wrapcache *c, struct az_wraptext *t, long max, const struct az_line *lines,
			   size_t n)
{
	if (!c || n == 0)
		return;
	int i = slot_of(t, max);
	struct az_wrapmemo *m = &t->memo[i < 0 ? (int)t->next : i];
	if (i < 0) {
		t->next = (t->next + 1) % AZ_WRAP_MEMO;
		free(m->lines);
		*m = (struct az_wrapmemo){ max, n, NULL };
	}
	if (lines && !m->lines && (m->lines = malloc(n * sizeof *lines))) {
		memcpy(m->lines, lines, n * sizeof *lines);
		c->g[c->cur].bytes += n * sizeof *lines;
	}
}
