/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* A catalogue array indexed by its ids, for the rules that look an id up per risk or per action
 * of a hospital-scale workbook (the catalogue's own lookups scan the array). */
#ifndef ANZEN_IDMAP_H
#define ANZEN_IDMAP_H

#include <stddef.h>

struct az_idmap {
	const char *const *ids; /* the id of entry i is at ids + i * stride bytes */
	size_t stride;
	unsigned *slot; /* entry + 1, 0 empty; a power of two of them */
	size_t mask;
};

/* Indexes the n entries of the array at base whose const char *id lies at byte offset id_off of
 * each entry of stride bytes (NULL ids are left out). Returns 0, or -1 when out of memory. */
int az_idmap_init(struct az_idmap *m, const void *base, size_t n, size_t stride, size_t id_off);
/* The index of the first entry with that id, or -1. */
long az_idmap_find(const struct az_idmap *m, const char *id);
void az_idmap_free(struct az_idmap *m);

#endif
