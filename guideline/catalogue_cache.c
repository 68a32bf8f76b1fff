/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * The catalogue parsed once per catalogue version. The loader builds the catalogue in an arena
 * that is one mapping at a fixed address; its bytes are saved under $XDG_CACHE_HOME/anzen
 * (~/.cache/anzen) and later runs map the file again at the same address, so every pointer in it
 * is still right with nothing to fix up (as GCC's precompiled headers do). The key: this
 * executable (its struct layout) and every catalogue file's name, size, mtime and content hash.
 * A key that differs, a damaged cache, an address already taken or a cache that cannot be
 * written: the YAML is parsed as before, so the cache only ever saves time.
 */
#include <config.h>

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/cache.h"
#include "guideline/catalogue.h"

#define MAGIC "anzen catalogue cache 1"
#define IMAGE_OFFSET 65536        /* the image starts here in the file: a multiple of any page size */
#define IMAGE_CAP (1024ul << 20) /* address space only; a catalogue is tens of kB per file */
#define MAX_FILE (16L << 20)      /* bigger catalogue files are not hashed (nor cached) */

struct header {
	char magic[32];
	uint64_t key;  /* the catalogue files and this executable */
	uint64_t addr; /* where the image lives */
	uint64_t used; /* its bytes */
	uint64_t sum;  /* hash of those bytes */
	struct az_catalogue cat; /* the root, pointing into the image (arena unused) */
};
_Static_assert(sizeof(struct header) <= IMAGE_OFFSET, "the header fits before the image");

#if UINTPTR_MAX > 0xffffffffu && defined(__linux__)
/* Far from where Linux puts the program (0x55...), its heap and libraries (0x7f...), and in the
 * part of the address space AddressSanitizer leaves to the program. */
#define IMAGE_ADDR ((void *)(uintptr_t)0x6a5000000000ull)
#endif

static uint64_t hash(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	/* four independent lanes over 32-byte blocks, so the multiplications overlap: every run hashes
	 * the catalogue files and the cached image, about half a megabyte */
	uint64_t l[4] = { h, h ^ 0x9e3779b97f4a7c15ull, h ^ 0xc2b2ae3d27d4eb4full, h ^ 0x165667b19e3779f9ull };
	for (; n >= 32; n -= 32, b += 32)
		for (int i = 0; i < 4; i++) {
			uint64_t w;
			memcpy(&w, b + 8 * i, 8);
			l[i] = (l[i] ^ w) * 0x100000001b3ull;
			l[i] ^= l[i] >> 29;
		}
	h = l[0];
	for (int i = 1; i < 4; i++)
		h = (h ^ l[i]) * 0x100000001b3ull, h ^= h >> 29;
	for (; n >= 8; n -= 8, b += 8) {
		uint64_t w;
		memcpy(&w, b, 8);
		h = (h ^ w) * 0x100000001b3ull;
		h ^= h >> 29;
	}
	for (; n; n--, b++)
		h = (h ^ *b) * 0x100000001b3ull;
	return h;
}

/* Adds the name, size, mtime and contents of dir/name to *h; -1 if it cannot be read whole. */
static int hash_file(uint64_t *h, const char *dir, const char *name)
{
	char path[PATH_MAX];
	if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path)
		return -1;
	/* O_NONBLOCK: a FIFO in the catalogue must not hang here (the loader then says what it is) */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0)
		return -1;
	char *buf = NULL;
	int rc = -1;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= MAX_FILE &&
	    (buf = malloc((size_t)st.st_size + 1)) != NULL &&
	    read(fd, buf, (size_t)st.st_size + 1) == (ssize_t)st.st_size) {
		int64_t meta[3] = { st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec };
		*h = hash(*h, name, strlen(name) + 1);
		*h = hash(*h, meta, sizeof meta);
		*h = hash(*h, buf, (size_t)st.st_size);
		rc = 0;
	}
	free(buf);
	close(fd);
	return rc;
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Every *.yaml file of dir/sub (sub "" for dir itself), in name order. */
static int hash_dir(uint64_t *h, const char *dir, const char *sub)
{
	char path[PATH_MAX];
	if (snprintf(path, sizeof path, "%s/%s", dir, sub) >= (int)sizeof path)
		return -1;
	DIR *dp = opendir(path);
	if (!dp)
		return *sub ? 0 : -1;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	for (struct dirent *e; rc == 0 && (e = readdir(dp)) != NULL;) {
		size_t len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0)
			continue;
		char **more = n < cap ? names : realloc(names, (cap = cap * 2 + 16) * sizeof *names);
		char *name = more ? malloc(strlen(sub) + len + 2) : NULL;
		if (more)
			names = more;
		if (!name) {
			rc = -1;
			break;
		}
		sprintf(name, "%s%s%s", sub, *sub ? "/" : "", e->d_name);
		names[n++] = name;
	}
	closedir(dp);
	if (n) /* names is NULL when there are none */
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		if (rc == 0)
			rc = hash_file(h, dir, names[i]);
		free(names[i]);
	}
	free(names);
	return rc;
}

/* The key of the catalogue in dir as this executable reads it, and the cache file for it (-1:
 * nothing to cache, see base/cache.h). */
static int cache_key(const char *dir, uint64_t *key, char *path, size_t size)
{
	struct stat exe;
	char real[PATH_MAX], prog[PATH_MAX];
	ssize_t plen = readlink("/proc/self/exe", prog, sizeof prog);
	if (plen <= 0 || plen >= (ssize_t)sizeof prog || stat("/proc/self/exe", &exe) != 0 || !realpath(dir, real))
		return -1;
	/* one file per program and catalogue directory, replaced when either changes */
	int64_t version[5] = { (int64_t)exe.st_dev, (int64_t)exe.st_ino, exe.st_size, exe.st_mtim.tv_sec,
			       exe.st_mtim.tv_nsec };
	uint64_t where = hash(hash(0xcbf29ce484222325ull, prog, (size_t)plen), real, strlen(real) + 1);
	uint64_t h = hash(where, version, sizeof version);
	if (hash_dir(&h, real, "") != 0 || hash_dir(&h, real, "checklists") != 0)
		return -1;
	*key = h;
	char name[64];
	snprintf(name, sizeof name, "catalogue-%016llx", (unsigned long long)where);
	return az_cache_file(path, size, name);
}

#ifdef IMAGE_ADDR
static struct az_catalogue *cache_read(const char *path, uint64_t key)
{
	int fd = az_cache_open(path);
	if (fd < 0)
		return NULL;
	struct header h;
	struct stat st;
	struct az_catalogue *cat = NULL;
	struct az_arena *a = NULL;
	if (pread(fd, &h, sizeof h, 0) == (ssize_t)sizeof h && memcmp(h.magic, MAGIC, sizeof MAGIC) == 0 &&
	    h.key == key && h.addr == (uintptr_t)IMAGE_ADDR && h.used > 0 && h.used <= IMAGE_CAP &&
	    fstat(fd, &st) == 0 && (uint64_t)st.st_size >= IMAGE_OFFSET + h.used &&
	    (a = az_arena_map(IMAGE_ADDR, h.used, fd, IMAGE_OFFSET)) != NULL &&
	    hash(0, IMAGE_ADDR, h.used) == h.sum && (cat = malloc(sizeof *cat)) != NULL) {
		*cat = h.cat;
		cat->arena = a;
		a = NULL;
	}
	az_arena_free(a);
	close(fd);
	return cat;
}

static void cache_write(const char *path, uint64_t key, const struct az_catalogue *cat)
{
	size_t used;
	const void *image = az_arena_image(cat->arena, &used);
	if (!image || image != IMAGE_ADDR || !used)
		return;
	struct header h;
	memset(&h, 0, sizeof h);
	memcpy(h.magic, MAGIC, sizeof MAGIC);
	h.key = key;
	h.addr = (uintptr_t)IMAGE_ADDR;
	h.used = used;
	h.sum = hash(0, image, used);
	h.cat = *cat;
	h.cat.arena = NULL;
	const struct az_cache_part parts[] = { { &h, sizeof h }, { NULL, IMAGE_OFFSET - sizeof h }, { image, used } };
	az_cache_put(path, parts, sizeof parts / sizeof parts[0]);
}
#endif

int az_catalogue_load(const char *dir, struct az_catalogue **out, struct az_diags *d)
{
	struct az_catalogue_source src = { .dir = dir };
#ifdef IMAGE_ADDR
	char path[PATH_MAX];
	uint64_t key = 0;
	int cacheable = cache_key(dir, &key, path, sizeof path) == 0;
	if (cacheable && (*out = cache_read(path, key)) != NULL)
		return 0;
	/* NULL when the address is taken (a catalogue already mapped): then an ordinary arena */
	src.arena = cacheable ? az_arena_new_at(IMAGE_ADDR, IMAGE_CAP) : NULL;
	int rc = az_catalogue_load_from(&src, out, d);
	if (rc == 0 && src.arena) {
		az_arena_seal((*out)->arena);
		cache_write(path, key, *out);
	}
	return rc;
#else
	return az_catalogue_load_from(&src, out, d);
#endif
}
