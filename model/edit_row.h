/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Saving a whole form: several fields of one row in one validated transaction, so a form is
 * saved entirely or not at all (model/edit.h saves one field at a time). */
#ifndef ANZEN_EDIT_ROW_H
#define ANZEN_EDIT_ROW_H

#include "model/store.h"

/* Sets the columns of pairs (column, value, ..., NULL; a NULL value stores NULL) of row id of table
 * (singletons: id 1). Every value is checked first; nothing is written if one is refused, and the
 * error names the column. No pairs: nothing to do, AZ_OK. */
int az_edit_row(struct az_store *s, const char *table, long long id, const char *const *pairs,
		struct az_error *err);

/* The columns of row id of table (singletons: 1) as text, for a form to show: values[i] is columns[i]'s
 * (NULL for NULL), each to free(); all NULL and AZ_DATAERR if the row is gone. */
int az_row_texts(struct az_store *s, const char *table, long long id, const char *const *columns, size_t n,
		 char **values, struct az_error *err);

#endif
