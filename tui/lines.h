/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* A read-only list of lines made once when its screen is entered (the earlier years, the changes
 * since one): the workbook does not change under such a screen. */
#ifndef ANZEN_TUI_LINES_H
#define ANZEN_TUI_LINES_H

#include <stddef.h>

#include "tui/list.h"
#include "tui/screen.h"

/* Starts the private state of such a screen. */
struct tui_lines {
	struct tui_list list;
	char **v;
	size_t n, cap;
};

/* Appends a formatted line; 0, or -1 out of memory. */
int tui_lines_add(struct tui_lines *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Makes the list of the lines added so far; 0 or -1. */
int tui_lines_list(struct tui_lines *l);
/* Draws the list over the whole body; frees the lines and the list. */
void tui_lines_draw(struct tui_lines *l, struct tui_screen *s, struct tui_rect body);
void tui_lines_free(struct tui_lines *l);

#endif
