/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Leaving a form screen: what it holds is saved, else the user is asked before it is dropped. */
#ifndef ANZEN_TUI_LEAVE_H
#define ANZEN_TUI_LEAVE_H

#include "tui/form.h"

/* For a key the form left unhandled. On Back (as the action table binds it) with changes, the
 * current field is saved if it can be; if then nothing is unsaved and the row is stored (stored 0:
 * a new row not yet added), the framework goes back as usual (TUI_UNHANDLED); otherwise the user
 * is asked before the changes are dropped (TUI_HANDLED). Any other key: TUI_UNHANDLED. */
int tui_form_leave(struct tui_form *fm, int key, int stored);
/* The status bar of a screen that is one form. */
extern const enum tui_action tui_form_bar[];
/* leave() of a screen whose private state starts with its struct tui_form: frees the form. */
void tui_form_screen_leave(struct tui_screen *s);
/* The keys of a screen that is one stored form whose autosave writes every changed field: Save
 * (or Enter in the last field) saves and goes back saying so; Back is tui_form_leave. */
int tui_form_screen_key(struct tui_form *fm, int key, enum tui_action act);

#endif
