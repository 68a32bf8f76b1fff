/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The workbook's SQL written from the table descriptions (model/table_defs.h), and SQL text put in
 * one form so that two schemas can be compared. */
#ifndef ANZEN_DDL_H
#define ANZEN_DDL_H

#include "model/tables.h"

/* "CREATE TABLE t (...)" of the current schema version, or NULL when out of memory; sqlite3_free it. */
char *az_ddl_create_table(const struct az_table *t);

/* sql with white space dropped next to ( ) , and folded to one space elsewhere, string literals kept:
 * the same for two texts SQLite reads alike however they were spaced (an ALTER TABLE writes its
 * column into the stored CREATE TABLE with its own spacing). NULL when out of memory; sqlite3_free it. */
char *az_sql_normal(const char *sql);

#endif
