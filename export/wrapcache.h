/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Lines already broken, by text, width and mode: the report lays a text out more than once (a
 * table measured before it is placed, a header on every page it continues on, the passes that
 * settle the checklist's page numbers), and breaking it is the costliest part of the layout.
 * Bounded: past its budget of bytes the cache empties and fills again, so a hospital's register
 * keeps only what was broken lately. */
#ifndef ANZEN_WRAPCACHE_H
#define ANZEN_WRAPCACHE_H

#include <stddef.h>
#include <stdint.h>

#include "base/linebreak.h"

struct az_wrapcache;

struct az_wrapcache *az_wrapcache_new(size_t budget);
void az_wrapcache_free(struct az_wrapcache *c);
void az_wrapcache_budget(struct az_wrapcache *c, size_t budget);

/* A text, its width and mode, and their hash: computed once for a look-up and the insertion
 * after a miss. */
struct az_wrapkey {
	const char *s;
	size_t len;
	long max_width;
	int name;
	uint64_t hash;
};
struct az_wrapkey az_wrapcache_key(const char *s, size_t len, long max_width, int name);

/* The lines of the key's text at its width in its mode, or NULL (*n untouched) if not cached. */
const struct az_line *az_wrapcache_get(struct az_wrapcache *c, const struct az_wrapkey *k, size_t *n);
/* Remembers them (a copy); a failed allocation only leaves them out. */
void az_wrapcache_put(struct az_wrapcache *c, const struct az_wrapkey *k, const struct az_line *lines, size_t n);

#endif
