/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Reading a whole file: one bounded loop for every reader in the program. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/readfile.h"

/* Reads until end of file into a buffer that starts at hint bytes and grows up to max. */
static int read_all(int fd, size_t max, size_t hint, char **out, size_t *len)
{
	size_t cap = hint < 4096 ? 4096 : hint, n = 0;
	if (cap > max)
		cap = max;
	char *buf = malloc(cap + 1);
	if (!buf) {
		errno = ENOMEM;
		return -1;
	}
	for (;;) {
		if (n == cap) {
			/* Full: one byte more says whether the file is longer than max. */
			char probe;
			ssize_t got = n < max ? 0 : read(fd, &probe, 1);
			if (got < 0 && errno == EINTR)
				continue;
			if (got != 0) {
				free(buf);
				errno = got < 0 ? EIO : EFBIG;
				return -1;
			}
			if (n == max)
				break;
			size_t ncap = cap > max / 2 ? max : cap * 2;
			char *nb = realloc(buf, ncap + 1);
			if (!nb) {
				free(buf);
				errno = ENOMEM;
				return -1;
			}
			buf = nb;
			cap = ncap;
		}
		ssize_t got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			free(buf);
			errno = EIO;
			return -1;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

int az_read_fd(int fd, size_t max, char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	return read_all(fd, max, 0, out, len);
}

int az_read_file(const char *path, size_t max, char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat st;
	int rc = -1;
	if (fstat(fd, &st) != 0)
		errno = EIO;
	else if (!S_ISREG(st.st_mode))
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
	else if ((unsigned long long)st.st_size > max)
		errno = EFBIG;
	else
		rc = read_all(fd, max, (size_t)st.st_size + 1, out, len);
	int e = errno;
	close(fd);
	errno = e;
	return rc;
}
