/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/cache.h"

int az_cache_file(char *out, size_t size, const char *name)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME"), *off = getenv("ANZEN_NO_CACHE");
	int n;
	if (off && *off)
		return -1;
	if (xdg && *xdg == '/')
		n = snprintf(out, size, "%s/anzen/%s", xdg, name);
	else if (home && *home == '/')
		n = snprintf(out, size, "%s/.cache/anzen/%s", home, name);
	else
		return -1;
	return n > 0 && (size_t)n < size ? 0 : -1;
}

int az_cache_open(const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
		close(fd);
		fd = -1;
	}
	return fd;
}

long az_cache_get(const char *path, void *buf, size_t size)
{
	int fd = az_cache_open(path);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, size);
	close(fd);
	return n;
}

static int write_all(int fd, const void *p, size_t n)
{
	static const char zero[4096];
	const char *b = p;
	while (n) {
		ssize_t w = write(fd, b ? b : zero, b || n < sizeof zero ? n : sizeof zero);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		if (b)
			b += w;
		n -= (size_t)w;
	}
	return 0;
}

int az_cache_put(const char *path, const struct az_cache_part *parts, size_t nparts)
{
	char tmp[PATH_MAX];
	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp)
		return -1;
	/* mkdir -p of its directory */
	for (char *p = tmp + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(tmp, 0700);
			*p = '/';
		}
	int fd = mkstemp(tmp);
	if (fd < 0)
		return -1;
	int ok = 1;
	for (size_t i = 0; ok && i < nparts; i++)
		ok = write_all(fd, parts[i].p, parts[i].n) == 0;
	if (close(fd) != 0 || !ok || rename(tmp, path) != 0) {
		unlink(tmp);
		return -1;
	}
	return 0;
}
