/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* One allocation pool per catalogue: everything is freed at once, so nothing leaks. */
#ifndef ANZEN_ARENA_H
#define ANZEN_ARENA_H

#include <stddef.h>
#include <sys/types.h>

struct az_arena;

struct az_arena *az_arena_new(void);
void az_arena_free(struct az_arena *a);
/* An arena of at most cap bytes in one mapping at exactly addr (NULL if that address is taken):
 * its bytes, saved, can be mapped again by a later run at the same address with every pointer
 * inside still right (the catalogue cache, guideline/catalogue_cache.c). */
struct az_arena *az_arena_new_at(void *addr, size_t cap);
/* len bytes of file fd from offset off (page-aligned) at exactly addr, copy-on-write; or NULL. */
struct az_arena *az_arena_map(void *addr, size_t len, int fd, off_t off);
/* Gives back the address space an arena made by az_arena_new_at does not use; it takes no more. */
void az_arena_seal(struct az_arena *a);
/* The bytes of an arena made by az_arena_new_at and how many are used; NULL for other arenas. */
const void *az_arena_image(const struct az_arena *a, size_t *used);
/* Zeroed memory; NULL when out of memory (or n is absurd). */
void *az_arena_alloc(struct az_arena *a, size_t n);
/* The same for n bytes the caller fills at once (a table of rows): from a megabyte on, a mapping of
 * their own whose pages are made in one call (MAP_POPULATE) instead of a page fault every 4 KiB. */
void *az_arena_alloc_filled(struct az_arena *a, size_t n);
/* A NUL-terminated copy of n bytes. */
char *az_arena_strndup(struct az_arena *a, const char *s, size_t n);

#endif
