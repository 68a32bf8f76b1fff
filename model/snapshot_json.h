/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * An earlier year's snapshot (the canonical JSON export that 'anzen next-year' kept in history) read
 * straight into the column values of the tables asked for, as text, as SQLite gives them back after an
 * import: integers in decimal, true/false as 1/0, an absent column as its SQL default. For the
 * year-over-year diff, which loaded it through the full import before (model/diff.c).
 */
#ifndef ANZEN_SNAPSHOT_JSON_H
#define ANZEN_SNAPSHOT_JSON_H

#include <stddef.h>

#include "base/arena.h"
#include "model/tables.h"

struct az_snap_rows {
	const char **vals; /* n rows of t->ncols values each, in t->cols order; NULL for SQL NULL */
	size_t n;
};

/*
 * Reads tables[0..ntables) of json into out[] (in a's memory); a table absent from the document has no
 * rows. Strings and numbers are decoded in place: json is changed, and the values point into it. anzen wrote and validated the document, so its rows' rules are not checked again; what a damaged
 * workbook could break is still refused: bad UTF-8 or JSON, another format or a newer version, a table
 * that is not an array of at most max_rows objects of known keys and scalar values. Returns 0, or -1 with
 * a translated reason in *why.
 */
int az_snapshot_read(char *json, size_t len, const struct az_table *const *tables, size_t ntables,
		     struct az_arena *a, struct az_snap_rows *out, const char **why);

#endif
