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
};

/* Refuses an existing path unless force; "-" is not accepted here. */
int az_outfile_open(struct az_outfile *o, const char *path, int force, struct az_error *err);
/* Creates only the temporary name, with no stream (for SQLite). */
int az_outfile_reserve(struct az_outfile *o, const char *path, int force, struct az_error *err);
/* Flushes, syncs and renames into place. */
int az_outfile_commit(struct az_outfile *o, struct az_error *err);
/* Removes the temporary file; safe after commit. */
void az_outfile_abort(struct az_outfile *o);

#endif
