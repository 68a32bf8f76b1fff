/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* A yes/no question over the current screen ("Delete ...? y/n"). */
#ifndef ANZEN_TUI_CONFIRM_H
#define ANZEN_TUI_CONFIRM_H

/* Asks question; y runs yes(arg) after the dialog has closed, n, Esc or q just close it.
 * The question is copied. Returns 0, or -1 if it could not be shown. */
int tui_confirm(const char *question, void (*yes)(void *arg), void *arg);

#endif
