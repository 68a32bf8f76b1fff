/* One allocation pool per catalogue: everything is freed at once, so nothing leaks. */
#ifndef ANZEN_ARENA_H
#define ANZEN_ARENA_H

#include <stddef.h>

struct az_arena;

struct az_arena *az_arena_new(void);
void az_arena_free(struct az_arena *a);
/* Zeroed memory; NULL when out of memory (or n is absurd). */
void *az_arena_alloc(struct az_arena *a, size_t n);
/* A NUL-terminated copy of n bytes. */
char *az_arena_strndup(struct az_arena *a, const char *s, size_t n);

#endif
