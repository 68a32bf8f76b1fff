/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* A clinic's workbook: one SQLite file, private, locked against a second writer. */
#ifndef ANZEN_STORE_H
#define ANZEN_STORE_H

#include <sqlite3.h>

#include "base/error.h"

struct az_store;

enum {
	AZ_STORE_READONLY = 1, /* status and export: shared lock, nothing written */
	AZ_STORE_PROBE = 2,    /* only looked at, not an input of the command: an output may replace it */
};

/* Creates a new empty workbook at path (mode 0600); fails if path exists. */
/* Settles SQLite's global settings for speed; call first, before any other function here. */
void az_store_startup(void);
int az_store_create(const char *path, struct az_store **out, struct az_error *err);
/* Opens an existing workbook, migrating it forward unless read-only. */
int az_store_open(const char *path, int flags, struct az_store **out, struct az_error *err);
/* A new empty workbook in memory (a snapshot or an exported PDF being read); never written to disk,
 * only imported into (with the log off), so it has no change-log triggers. */
int az_store_create_memory(struct az_store **out, struct az_error *err);
/* Closes; returns non-zero if SQLite reported an error on close. */
int az_store_close(struct az_store *s);

sqlite3 *az_store_db(struct az_store *s);
/* Steps st (then finalizes it) as one transaction of its own: AZ_DATAERR for a constraint, and, when
 * need_row, if it changed no row (the row is gone). */
int az_store_run_one(struct az_store *s, sqlite3_stmt *st, int need_row, struct az_error *err);
const char *az_store_path(const struct az_store *s);
/* Keeps SQLite's page cache at about kib KiB and gives back what it holds beyond (a reader that
 * reads each table once, as the PDF does, needs little of the default 2 MB), and reads the file
 * through that cache instead of mapping it (az_store_may_map then 0). */
void az_store_cache_kib(struct az_store *s, int kib);
int az_store_may_map(const struct az_store *s);

/* Every write to a workbook opened for writing runs inside these (or az_store_run_one): the first
 * creates the change log's triggers. */
int az_store_begin(struct az_store *s, struct az_error *err);
int az_store_commit(struct az_store *s, struct az_error *err);
void az_store_rollback(struct az_store *s);

/* Turns the change-log triggers off for a bulk load inside the current transaction. */
int az_store_set_logging(struct az_store *s, int on, struct az_error *err);

/* Reports a failed SQLite call as an error of the given kind. */
int az_store_sqlfail(struct az_store *s, struct az_error *err, int code, const char *what);

#endif
