/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* What the layout knows of each text it met, by its bytes and a mode: the report lays a text out
 * more than once (a table measured before it is placed, a column split tried at several widths, a
 * header on every page it continues on, the passes that settle the checklist's page numbers), and
 * cleaning and breaking it are the costliest parts of the layout. A text's record holds its width
 * on one line, its break opportunities once classified, the lines it took at the last few widths
 * and whatever the caller keeps after it (a cleaned copy). Bounded: records go into the newer of
 * two generations of half the budget each, and the older is dropped when the newer is full, so a
 * hospital's register keeps only what was met lately. */
#ifndef ANZEN_WRAPCACHE_H
#define ANZEN_WRAPCACHE_H

#include <stddef.h>
#include <stdint.h>

#include "base/linebreak.h"

struct az_wrapcache;

struct az_wrapcache *az_wrapcache_new(size_t budget);
void az_wrapcache_free(struct az_wrapcache *c);
void az_wrapcache_budget(struct az_wrapcache *c, size_t budget);

/* A text, its mode and their hash: computed once for a look-up and the insertion after a miss. */
struct az_wrapkey {
	const char *s;
	size_t len;
	int mode;
	uint64_t hash;
};
struct az_wrapkey az_wrapcache_key(const char *s, size_t len, int mode);

/* The lines of a text at one width; lines NULL: only their number is known. */
struct az_wrapmemo {
	long max;
	size_t n;
	struct az_line *lines;
};
#define AZ_WRAP_MEMO 2

/* One text in one mode. natural, one: the caller's (typeset.c: the width on one line and that
 * line); breaks: its break opportunities, freed with it. */
struct az_wraptext {
	uint64_t hash;
	size_t len, extra;
	int mode;
	long natural;
	struct az_line one;
	struct az_breaks *breaks;
	struct az_wrapmemo memo[AZ_WRAP_MEMO];
	unsigned next; /* the memo slot taken next */
	unsigned ring; /* where the cache keeps its breaks */
	/* then the text's len bytes and extra bytes for the caller */
};
static inline char *az_wraptext_extra(struct az_wraptext *t) { return (char *)(t + 1) + t->len; }

/* The record of the key, or NULL. */
struct az_wraptext *az_wrapcache_find(struct az_wrapcache *c, const struct az_wrapkey *k);
/* A new record for the key (not there yet), its fields zeroed, with extra bytes for the caller;
 * NULL without a cache or memory. It may drop the older records first: any found before may be
 * gone. */
struct az_wraptext *az_wrapcache_add(struct az_wrapcache *c, const struct az_wrapkey *k, size_t extra);
/* The breaks of t's text, kept with it while it is among the latest texts broken (then freed:
 * t->breaks NULL again). Without a cache, t->breaks is the caller's to free. */
void az_wrapcache_breaks(struct az_wrapcache *c, struct az_wraptext *t, struct az_breaks *b);

/* What t took at max, or NULL. */
const struct az_wrapmemo *az_wrapcache_memo(const struct az_wraptext *t, long max);
/* Remembers that t takes n lines at max (lines NULL: only their number; else a copy of them);
 * a failed allocation only leaves them out. */
void az_wrapcache_remember(struct az_wrapcache *c, struct az_wraptext *t, long max, const struct az_line *lines,
			   size_t n);

#endif
