/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Files under the user's cache directory ($XDG_CACHE_HOME/anzen, else ~/.cache/anzen): what can be
 * thrown away at any time and made again (the parsed catalogue, the workbooks already checked). */
#ifndef ANZEN_CACHE_H
#define ANZEN_CACHE_H

#include <stddef.h>

/* The path of the cache file name in out; 0, or -1 (no cache directory, too long, or
 * ANZEN_NO_CACHE set: then nothing is cached). */
int az_cache_file(char *out, size_t size, const char *name);

/* Opens the cache file path for reading: a regular file, never blocking (a FIFO put there is
 * refused); -1 if there is none. */
int az_cache_open(const char *path);
/* Up to size bytes of the cache file path into buf: how many, or -1. */
long az_cache_get(const char *path, void *buf, size_t size);

/* One part of a cache file: n bytes at p, or n zero bytes when p is NULL. */
struct az_cache_part {
	const void *p;
	size_t n;
};
/* Replaces the file path by the parts, written beside it and renamed, so that a reader finds the
 * old file or the whole new one; creates the directory (private to the user). 0 or -1. */
int az_cache_put(const char *path, const struct az_cache_part *parts, size_t nparts);

#endif
