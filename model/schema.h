/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The workbook's SQLite schema and its forward migrations. */
#ifndef ANZEN_SCHEMA_H
#define ANZEN_SCHEMA_H

#include <sqlite3.h>

#include "base/error.h"

/* PRAGMA application_id of every anzen workbook: "ANZN". */
#define AZ_APPLICATION_ID 0x414E5A4E
/* The schema this program writes; PRAGMA user_version. */
#define AZ_SCHEMA_VERSION 4
/* The "version" of a JSON export: its data are those of schema version 3 (version 4 moved only the
 * change log's triggers out of the file), so exports stay readable by the anzen before it. */
#define AZ_JSON_VERSION 3

/* Brings db from version `from` to AZ_SCHEMA_VERSION, one transaction per step; from 0 (a new
 * workbook) it is written at the current version at once, its tables from model/table_defs.h. */
int az_schema_migrate(sqlite3 *db, int from, struct az_error *err);
/* The same, stopping at version to (a reference schema to compare an older file with); from 0 to a
 * version before the current one, the steps as they were. */
int az_schema_migrate_to(sqlite3 *db, int from, int to, struct az_error *err);
/* The change-log triggers of a workbook of the current version, as TEMP triggers of db: a
 * connection that writes a workbook creates them once, before its first write (model/store.c; from
 * version 4 on they are not stored in the file, so that a reader does not parse them). */
int az_schema_log_triggers(sqlite3 *db, struct az_error *err);

#endif
