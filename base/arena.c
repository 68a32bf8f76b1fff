/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "base/arena.h"

#define BLOCK 65536
#define ALIGN alignof(max_align_t)

struct block {
	struct block *next;
	size_t used, cap;
	alignas(max_align_t) unsigned char data[];
};

struct az_arena {
	struct block *head;
	struct block *mapped; /* az_arena_alloc_filled's own mappings (cap: the mapping's length) */
	unsigned char *region; /* or NULL: one mapping instead of blocks (az_arena_new_at, az_arena_map) */
	size_t used, cap;
};

struct az_arena *az_arena_new(void) { return calloc(1, sizeof(struct az_arena)); }

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0 /* then addr is a hint, and a mapping elsewhere is refused below */
#endif

/* A mapping exactly at addr, or NULL. */
static struct az_arena *region(void *addr, size_t cap, int prot, int flags, int fd, off_t off)
{
	struct az_arena *a = calloc(1, sizeof *a);
	if (!a)
		return NULL;
	void *p = mmap(addr, cap, prot, flags | MAP_FIXED_NOREPLACE, fd, off);
	if (p == MAP_FAILED || p != addr) {
		if (p != MAP_FAILED)
			munmap(p, cap);
		free(a);
		return NULL;
	}
	a->region = p;
	a->cap = cap;
	return a;
}

struct az_arena *az_arena_new_at(void *addr, size_t cap)
{
	return region(addr, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
}

struct az_arena *az_arena_map(void *addr, size_t len, int fd, off_t off)
{
	struct az_arena *a = region(addr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, off);
	if (a)
		a->used = a->cap; /* full: a mapped image is read, never added to */
	return a;
}

void az_arena_seal(struct az_arena *a)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE), keep = (a->used + page - 1) / page * page;
	if (a->region && keep < a->cap && munmap(a->region + keep, a->cap - keep) == 0)
		a->cap = keep;
}

const void *az_arena_image(const struct az_arena *a, size_t *used)
{
	*used = a->region ? a->used : 0;
	return a->region;
}

void az_arena_free(struct az_arena *a)
{
	if (!a)
		return;
	if (a->region)
		munmap(a->region, a->cap);
	for (struct block *b = a->head, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	for (struct block *b = a->mapped, *next; b; b = next) {
		next = b->next;
		munmap(b, b->cap);
	}
	free(a);
}

/* n bytes at a multiple of align (a power of two, at most ALIGN), not cleared. */
static void *take(struct az_arena *a, size_t n, size_t align)
{
	if (n > SIZE_MAX / 2)
		return NULL;
	if (n == 0)
		n = 1;
	if (a->region) {
		size_t at = (a->used + align - 1) & ~(align - 1);
		if (at > a->cap || a->cap - at < n)
			return NULL;
		a->used = at + n;
		return a->region + at;
	}
	struct block *b = a->head;
	size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
	if (!b || at > b->cap || b->cap - at < n) {
		size_t cap = n > BLOCK ? n : BLOCK;
		b = malloc(sizeof *b + cap);
		if (!b)
			return NULL;
		b->used = 0;
		b->cap = cap;
		at = 0;
		/* a big allocation goes behind the current block, which stays open */
		if (a->head && cap > BLOCK) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	b->used = at + n;
	return b->data + at;
}

void *az_arena_alloc(struct az_arena *a, size_t n)
{
	void *p = take(a, n, ALIGN);
	if (p)
		memset(p, 0, n ? n : 1);
	return p;
}

#ifndef MAP_POPULATE
#define MAP_POPULATE 0 /* then the pages are made as they are first written */
#endif

void *az_arena_alloc_filled(struct az_arena *a, size_t n)
{
	if (a->region || n < (1u << 20) || n > SIZE_MAX / 2)
		return az_arena_alloc(a, n);
	size_t len = sizeof(struct block) + n;
	/* a new anonymous mapping is zero already */
	struct block *b = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (b == MAP_FAILED)
		return az_arena_alloc(a, n);
	b->next = a->mapped;
	b->used = n;
	b->cap = len;
	a->mapped = b;
	return b->data;
}

char *az_arena_strndup(struct az_arena *a, const char *s, size_t n)
{
	/* texts need no alignment and no clearing: most of a workbook's memory is its texts */
	char *p = n < SIZE_MAX ? take(a, n + 1, 1) : NULL;
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}
