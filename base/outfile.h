/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Output files appear whole or not at all: written to a private temporary name, then renamed. */
#ifndef ANZEN_OUTFILE_H
#define ANZEN_OUTFILE_H

#include <stdio.h>

#include "base/error.h"

struct az_outfile {
	char *path; /* final name */
	char *tmp;  /* temporary name in the same directory */
	FILE *fp;
	int force;
	int slot; /* in the list the signal handler cleans */
};

/* Records the file open on fd as an input of this command: no output may then replace it (73). */
void az_outfile_input_fd(int fd);
/* The same by name, for a file already read and closed. */
void az_outfile_input_path(const char *path);

/* Refuses an existing path unless force, an input of this command always, and with force anything but
 * a regular file (or a link); "-" is not accepted here. Leftovers of killed writes are removed first:
 * those of path, and our temporary files in its folder that nobody has written for 15 minutes. */
int az_outfile_open(struct az_outfile *o, const char *path, int force, struct az_error *err);
/* Creates only the temporary name, with no stream (for SQLite). */
int az_outfile_reserve(struct az_outfile *o, const char *path, int force, struct az_error *err);
/* Flushes, syncs and renames into place. */
int az_outfile_commit(struct az_outfile *o, struct az_error *err);
/* Removes the temporary file; safe after commit. */
void az_outfile_abort(struct az_outfile *o);

#endif
