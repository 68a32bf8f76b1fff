/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* A form bound to one workbook row: each item has a column; saving writes the changed fields in
 * one transaction (model/edit_row.h), adding inserts every field (model/edit.h). */
#ifndef ANZEN_TUI_FORMROW_H
#define ANZEN_TUI_FORMROW_H

#include "tui/form.h"

struct tui_form_col {
	const char *column;
	/* choice items: the stored value of each option (an enum's values, "0"/"1", "1".."3") */
	const char *const *values;
};

/* Saves the changed fields of fm (parallel to cols) into row id of table, reloads the book and
 * clears the changed marks. Empty dates are stored as NULL, empty texts as "". Returns 0 or -1
 * with the error shown. */
int tui_form_save_row(struct tui_form *fm, const struct tui_form_col *cols, const char *table, long long id);
/* Inserts a row of table from every field of fm plus extra (column, value pairs ending in NULL, or
 * NULL); *id gets the new id. Returns 0 or -1 with the error shown. */
int tui_form_insert_row(struct tui_form *fm, const struct tui_form_col *cols, const char *table,
			const char *const *extra, long long *id);
/* Sets choice item i from a stored value (its index in cols[i].values; NULL or unknown: none). */
void tui_form_load_choice(struct tui_form *fm, const struct tui_form_col *cols, size_t i, const char *value);

#endif
