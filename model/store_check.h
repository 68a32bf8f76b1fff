/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Before a workbook file is trusted: only the objects anzen creates, every page, index, constraint and
 * reference intact, and every check bounded. A hostile file (a recursive view in place of a table,
 * a trigger, a value outside its CHECK) is refused before any command reads it. */
#ifndef ANZEN_STORE_CHECK_H
#define ANZEN_STORE_CHECK_H

#include <sqlite3.h>

#include "base/error.h"

/* db holds a workbook of schema version `version`, opened read-write (SQLite checks CHECK constraints
 * only on a connection that could write: a read-only caller checks a copy in memory). path names the
 * file in messages. AZ_DATAERR (65) with a message saying what is wrong. */
int az_store_check(sqlite3 *db, const char *path, int version, struct az_error *err);

/* A clinic-readable message for an SQLite failure (extended code rc), and the exit code that goes with
 * it: a full disk, a permission, a workbook in use, damage; fallback for anything else. what says what
 * was being done. */
int az_store_explain(sqlite3 *db, int rc, const char *path, const char *what, int fallback, struct az_error *err);

#endif
