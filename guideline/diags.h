/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * Error lists for input files: every problem found in one run, each at a place in a
 * file, printed as "file:line:col: message" and sorted by file, then position.
 */
#ifndef ANZEN_DIAGS_H
#define ANZEN_DIAGS_H

#include <stddef.h>
#include <stdio.h>

struct az_diag {
	char *file;         /* as the loader names it, e.g. "checklists/r7-clinic.yaml" */
	unsigned long line; /* 1-based; 0 when the message is about the whole file */
	unsigned long col;  /* 1-based, in characters */
	char *msg;
	size_t seq; /* order of arrival: keeps the sort stable */
};

struct az_diags {
	struct az_diag *v;
	size_t n, cap;
	int oom; /* an entry was dropped for lack of memory */
};

void az_diags_init(struct az_diags *d);
void az_diags_free(struct az_diags *d);
/* Adds one entry; on lack of memory sets d->oom instead. */
void az_diags_add(struct az_diags *d, const char *file, unsigned long line, unsigned long col,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void az_diags_sort(struct az_diags *d);
/* Prints one line per entry; prefix (a directory, or NULL) is put before each file name.
 * Returns 0, or -1 on a write error. */
int az_diags_print(const struct az_diags *d, FILE *fp, const char *prefix);

#endif
