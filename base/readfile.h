/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Reading a whole file into memory, bounded. */
#ifndef ANZEN_READFILE_H
#define ANZEN_READFILE_H

#include <stddef.h>

/* Reads the regular file at path, at most max bytes, into a new buffer with a NUL after the
 * last byte (free() it). Opened non-blocking and checked with fstat first, so a FIFO or device
 * never hangs the caller. Returns 0, or -1 with errno: open's errno, EISDIR (a directory),
 * EINVAL (not a regular file), EFBIG (more than max bytes), ENOMEM or EIO. */
int az_read_file(const char *path, size_t max, char **out, size_t *len);

/* The same for an open descriptor (stdin), which need not be a regular file; fd is not closed. */
int az_read_fd(int fd, size_t max, char **out, size_t *len);

#endif
