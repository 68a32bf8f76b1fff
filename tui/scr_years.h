/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Earlier fiscal years of the open workbook and what changed since each (read-only): scr_years.c
 * and scr_changes.c. */
#ifndef ANZEN_TUI_SCR_YEARS_H
#define ANZEN_TUI_SCR_YEARS_H

/* Pushes the list of earlier years; Enter shows the changes since the chosen year. 0 or -1. */
int tui_years_open(void);
/* Pushes what changed since the earlier fiscal year (read-only). 0 or -1. */
int tui_changes_open(int year);

#endif
