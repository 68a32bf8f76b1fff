/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* What the screens remember between runs: the last screen of each workbook, so reopening returns
 * there. One small file, $XDG_STATE_HOME/anzen/last-screen (~/.local/state/anzen/), lines
 * "CODE<TAB>/absolute/path/of/workbook". Failures are ignored: it is only a convenience. */
#ifndef ANZEN_TUI_STATE_H
#define ANZEN_TUI_STATE_H

/* Remembers code ("systems", "vendors"...) as the last screen of the open workbook. */
void tui_state_remember(const char *code);
/* The code remembered for the workbook at path, in buf (size bytes); 0 if found, else -1. */
int tui_state_recall(const char *path, char *buf, size_t size);

#endif
