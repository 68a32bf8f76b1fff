/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The terminal: checks before curses starts, start and stop, colours. */
#ifndef ANZEN_TUI_TERM_H
#define ANZEN_TUI_TERM_H

#include <curses.h>

/* Smallest screen the workbook is drawn on (a projector at 80×24). */
#define TUI_MIN_COLS 80
#define TUI_MIN_ROWS 24

/* 1 when ANZEN_HEADLESS is set: curses draws to /dev/null, LINES/COLUMNS give the size. */
int tui_headless(void);
/* Checks the locale is UTF-8 and the terminal can address the cursor; prints why not on stderr
 * and returns an exit code, or 0. Run before anything is drawn. */
int tui_term_check(void);
/* Starts curses (initscr, or newterm on /dev/null headless); returns 0 or an exit code. */
int tui_term_start(void);
void tui_term_stop(void);

/* What a piece of the screen is, so colour and monochrome terminals both show it. */
enum tui_role {
	TUI_NORMAL,
	TUI_TITLE,
	TUI_BAR,
	TUI_BAR_KEY,
	TUI_SELECTED,
	TUI_FIELD,
	TUI_FIELD_ACTIVE,
	TUI_LABEL_ACTIVE,
	TUI_ERROR,
	TUI_INFO,
	TUI_DIALOG,
	TUI_DIM,
	TUI_ROLE_COUNT
};
/* The attributes for role: colours unless NO_COLOR is set or the terminal has none. */
attr_t tui_attr(enum tui_role role);

#endif
