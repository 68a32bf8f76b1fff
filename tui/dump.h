/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Screen dumps for the headless tests: the text of stdscr as UTF-8 lines. */
#ifndef ANZEN_TUI_DUMP_H
#define ANZEN_TUI_DUMP_H

/* Writes the screen to path ("a" appends, after a "--- COLSxROWS" line; "w" replaces). */
int tui_dump(const char *path, const char *mode);
/* 1 once anything was dumped. */
int tui_dumped(void);

#endif
