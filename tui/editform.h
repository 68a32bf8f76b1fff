/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* A screen holding one form bound to a workbook row (tui/formrow.h): F2/Ctrl-S or Enter in the
 * last field saves (a new row is inserted), Esc asks before dropping changes. */
#ifndef ANZEN_TUI_EDITFORM_H
#define ANZEN_TUI_EDITFORM_H

#include "tui/formrow.h"

struct tui_editform_spec {
	const char *title, *help; /* N_() */
	const struct tui_form_item *items;
	const struct tui_form_col *cols; /* parallel to items */
	size_t n;
	const char *table;
	int stay;                   /* singleton forms stay open after saving */
	const char *required;       /* a new row is added once this column is filled (NULL: by F2 only) */
	int (*refuse)(struct tui_form *fm); /* non-zero (having said why) keeps the fields from being saved */
	int facts; /* 1 + enum az_fact_scope: the row's questions about how it works follow its fields
		    * (tui/formfacts.h); 0: none */
	struct tui_screen_ops ops; /* filled by tui_editform_open */
};

/* Pushes the form for row id (0: a new row, inserted with extra column/value pairs, NULL-ended,
 * at most 4). load(fm, arg) fills the fields first; NULL: the row as the workbook holds it, or for a
 * new row the defaults of the table's description. Returns 0 or -1. */
int tui_editform_open(struct tui_editform_spec *spec, long long id, const char *const *extra,
		      void (*load)(struct tui_form *fm, void *arg), void *arg);
/* A load for forms of one row: arg is an array of its texts (const char *) in the order of the fields. */
void tui_editform_load_texts(struct tui_form *fm, void *arg);

#endif
