/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* A screen that lists the rows of one workbook table, and deletes one after asking. */
#ifndef ANZEN_TUI_ROWS_H
#define ANZEN_TUI_ROWS_H

#include "tui/list.h"

/* The private state of such a screen (its list first, for tui_list_screen_draw and _leave). */
struct tui_rows {
	struct tui_list list;
	char line[1200];     /* the text of the line being drawn */
	const char *table;   /* set by enter() */
	long long deleting;  /* the row the question is about */
};

/* Asks question; y deletes row id of r->table (in one transaction), says so and refreshes. */
void tui_rows_ask_delete(struct tui_rows *r, long long id, const char *question);

#endif
