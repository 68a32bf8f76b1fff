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

#include "base/linebreak.h"

struct az_wrapcache;

struct az_wrapcache *az_wrapcache_new(size_t budget);
void az_wrapcache_free(struct az_wrapcache *c);
void az_wrapcache_budget(struct az_wrapcache *c, size_t budget);

/* The lines of s[0, len) at max_width in mode name, or NULL (*n untouched) if not cached. */
const struct az_line *az_wrapcache_get(struct az_wrapcache *c, const char *s, size_t len, long max_width, int name,
				       size_t *n);
/* Remembers them (a copy); a failed allocation only leaves them out. */
void az_wrapcache_put(struct az_wrapcache *c, const char *s, size_t len, long max_width, int name,
		      const struct az_line *lines, size_t n);

#endif
