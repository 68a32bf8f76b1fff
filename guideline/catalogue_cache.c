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
 *
 * Hashing the files and the image (half a megabyte) took a third of the cache's cost, every run.
 * As git's index does, a second file remembers the stat data (device, inode, size, mtime, ctime) of
 * the program, of every catalogue file and of the cache itself when all were last found good; while
 * they are all the same, nothing is hashed. A change that keeps a file's size and mtime still
 * changes its ctime, which no program can set. A file changed in the second it was read could keep
 * all of them (the clock's tick): one changed within two seconds of the check is never taken on its
 * stat data (git's "racy" rule), only on its content.
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
#include <time.h>
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

/* The stat data that stands for a file's content while it is unchanged. */
struct stamp {
	int64_t dev, ino, size, sec, nsec, csec, cnsec;
};

static struct stamp stamp_of(const struct stat *st)
{
	return (struct stamp){ (int64_t)st->st_dev, (int64_t)st->st_ino, (int64_t)st->st_size,
			       (int64_t)st->st_mtim.tv_sec, (int64_t)st->st_mtim.tv_nsec,
			       (int64_t)st->st_ctim.tv_sec, (int64_t)st->st_ctim.tv_nsec };
}

/* What the catalogue's files are hashed for: their contents (the key), or their stat data only;
 * racy is set when a file changed too recently for its stat data to stand for its content. */
struct walk {
	uint64_t h;
	int stat_only, racy;
	time_t now;
};

/* Adds dir/name to w: its name, size, mtime and contents, or its name and stat data; -1 if it
 * cannot be read whole (or is not a regular file). */
static int hash_file(struct walk *w, const char *dir, const char *name)
{
	char path[PATH_MAX];
	struct stat st;
	if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path)
		return -1;
	if (w->stat_only) {
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > MAX_FILE)
			return -1;
		struct stamp t = stamp_of(&st);
		w->racy |= st.st_mtim.tv_sec >= w->now - 2 || st.st_ctim.tv_sec >= w->now - 2;
		w->h = hash(w->h, name, strlen(name) + 1);
		w->h = hash(w->h, &t, sizeof t);
		return 0;
	}
	/* O_NONBLOCK: a FIFO in the catalogue must not hang here (the loader then says what it is) */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -1;
	char *buf = NULL;
	int rc = -1;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= MAX_FILE &&
	    (buf = malloc((size_t)st.st_size + 1)) != NULL &&
	    read(fd, buf, (size_t)st.st_size + 1) == (ssize_t)st.st_size) {
		int64_t meta[3] = { st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec };
		w->h = hash(w->h, name, strlen(name) + 1);
		w->h = hash(w->h, meta, sizeof meta);
		w->h = hash(w->h, buf, (size_t)st.st_size);
		rc = 0;
	}
	free(buf);
	close(fd);
	return rc;
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Every *.yaml file of dir/sub (sub "" for dir itself), in name order. */
static int hash_dir(struct walk *w, const char *dir, const char *sub)
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
			rc = hash_file(w, dir, names[i]);
		free(names[i]);
	}
	free(names);
	return rc;
}

/* Where the cache of the catalogue in dir for this executable lies, and what it is checked by. */
struct place {
	char real[PATH_MAX];   /* the catalogue directory */
	char image[PATH_MAX];  /* the cache */
	char seen[PATH_MAX];   /* the stat data of everything when last found good */
	uint64_t where;
	struct stamp exe;
};

/* -1: nothing to cache (see base/cache.h). */
static int place_of(const char *dir, struct place *pl)
{
	struct stat exe;
	char prog[PATH_MAX], name[64];
	ssize_t plen = readlink("/proc/self/exe", prog, sizeof prog);
	if (plen <= 0 || plen >= (ssize_t)sizeof prog || stat("/proc/self/exe", &exe) != 0 ||
	    !realpath(dir, pl->real))
		return -1;
	/* one file per program and catalogue directory, replaced when either changes */
	pl->where = hash(hash(0xcbf29ce484222325ull, prog, (size_t)plen), pl->real, strlen(pl->real) + 1);
	pl->exe = stamp_of(&exe);
	snprintf(name, sizeof name, "catalogue-%016llx", (unsigned long long)pl->where);
	if (az_cache_file(pl->image, sizeof pl->image, name) != 0)
		return -1;
	snprintf(name, sizeof name, "seen-catalogue-%016llx", (unsigned long long)pl->where);
	return az_cache_file(pl->seen, sizeof pl->seen, name);
}

/* The key of the catalogue as this executable reads it (contents), or the stat data of the
 * program and the catalogue files (stat_only; racy set as in struct walk). */
static int key_of(const struct place *pl, int stat_only, uint64_t *key, int *racy)
{
	struct walk w = { .stat_only = stat_only, .now = stat_only ? time(NULL) : 0 };
	if (stat_only) {
		w.h = hash(pl->where ^ 0x5bd1e995ull, &pl->exe, sizeof pl->exe);
	} else {
		int64_t version[5] = { pl->exe.dev, pl->exe.ino, pl->exe.size, pl->exe.sec, pl->exe.nsec };
		w.h = hash(pl->where, version, sizeof version);
	}
	if (hash_dir(&w, pl->real, "") != 0 || hash_dir(&w, pl->real, "checklists") != 0)
		return -1;
	*key = w.h;
	if (racy)
		*racy = w.racy;
	return 0;
}

#ifdef IMAGE_ADDR
#define SEEN_MAGIC "anzen seen 1"

/* The record of a check that passed: while the catalogue's stat data is skey and the cache's is
 * image, the cache holds the catalogue of key. */
struct seen {
	char magic[16];
	uint64_t skey, key;
	struct stamp image;
};

/* The cache of key, checked whole (seen NULL: its image hashed) or taken on seen's word when the
 * file's stat data is still seen->image; the stat data read into got. */
static struct az_catalogue *cache_read(const char *path, uint64_t key, const struct seen *seen, struct stamp *got)
{
	int fd = az_cache_open(path);
	if (fd < 0)
		return NULL;
	struct header h;
	struct stat st;
	struct az_catalogue *cat = NULL;
	struct az_arena *a = NULL;
	if (fstat(fd, &st) == 0 && (*got = stamp_of(&st), !seen || memcmp(got, &seen->image, sizeof *got) == 0) &&
	    pread(fd, &h, sizeof h, 0) == (ssize_t)sizeof h && memcmp(h.magic, MAGIC, sizeof MAGIC) == 0 &&
	    h.key == key && h.addr == (uintptr_t)IMAGE_ADDR && h.used > 0 && h.used <= IMAGE_CAP &&
	    (uint64_t)st.st_size >= IMAGE_OFFSET + h.used &&
	    (a = az_arena_map(IMAGE_ADDR, h.used, fd, IMAGE_OFFSET)) != NULL &&
	    (seen || hash(0, IMAGE_ADDR, h.used) == h.sum) && (cat = malloc(sizeof *cat)) != NULL) {
		*cat = h.cat;
		cat->arena = a;
		a = NULL;
	}
	az_arena_free(a);
	close(fd);
	return cat;
}

static int cache_write(const char *path, uint64_t key, const struct az_catalogue *cat)
{
	size_t used;
	const void *image = az_arena_image(cat->arena, &used);
	if (!image || image != IMAGE_ADDR || !used)
		return -1;
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
	return az_cache_put(path, parts, sizeof parts / sizeof parts[0]);
}

/* The cache just checked or written (image) holds the catalogue of key while the stat data stays
 * skey. The cache itself is not held to the racy rule: only anzen writes it, by a rename, which
 * gives it a new inode. */
static void seen_write(const struct place *pl, uint64_t skey, uint64_t key, const struct stamp *image)
{
	struct seen s;
	memset(&s, 0, sizeof s);
	memcpy(s.magic, SEEN_MAGIC, sizeof SEEN_MAGIC);
	s.skey = skey;
	s.key = key;
	s.image = *image;
	az_cache_put(pl->seen, &(struct az_cache_part){ &s, sizeof s }, 1);
}
#endif

int az_catalogue_load(const char *dir, struct az_catalogue **out, struct az_diags *d)
{
	struct az_catalogue_source src = { .dir = dir };
#ifdef IMAGE_ADDR
	struct place pl;
	struct seen seen;
	struct stamp image;
	uint64_t skey = 0, key = 0;
	int racy = 1, cacheable = place_of(dir, &pl) == 0;
	/* the stat data, when none of it is too recent to stand for the content */
	int stamped = cacheable && key_of(&pl, 1, &skey, &racy) == 0 && !racy;
	if (stamped && az_cache_get(pl.seen, &seen, sizeof seen) == (long)sizeof seen &&
	    memcmp(seen.magic, SEEN_MAGIC, sizeof SEEN_MAGIC) == 0 && seen.skey == skey &&
	    (*out = cache_read(pl.image, seen.key, &seen, &image)) != NULL)
		return 0;
	cacheable = cacheable && key_of(&pl, 0, &key, NULL) == 0;
	if (cacheable && (*out = cache_read(pl.image, key, NULL, &image)) != NULL) {
		if (stamped)
			seen_write(&pl, skey, key, &image);
		return 0;
	}
	/* NULL when the address is taken (a catalogue already mapped): then an ordinary arena */
	src.arena = cacheable ? az_arena_new_at(IMAGE_ADDR, IMAGE_CAP) : NULL;
	int rc = az_catalogue_load_from(&src, out, d);
	if (rc == 0 && src.arena) {
		struct stat st;
		az_arena_seal((*out)->arena);
		if (cache_write(pl.image, key, *out) == 0 && stamped && stat(pl.image, &st) == 0) {
			image = stamp_of(&st);
			seen_write(&pl, skey, key, &image);
		}
	}
	return rc;
#else
	return az_catalogue_load_from(&src, out, d);
#endif
}
