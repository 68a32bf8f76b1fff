/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* A one-line edit box over the current screen: a label, one field (text with its limit, or a date
 * with the 和暦), a help line. Enter checks the field and calls done(arg, text) after the box has
 * closed (text "" when emptied); Esc closes it without calling. */
#ifndef ANZEN_TUI_EDITBOX_H
#define ANZEN_TUI_EDITBOX_H

#include <stddef.h>

#include "tui/field.h"

/* label and help are shown as given (translate them first); value is the text to start from (may be
 * NULL). Returns 0 or -1 (message shown). */
int tui_editbox(const char *label, const char *help, enum tui_field_kind kind, size_t max, const char *value,
		void (*done)(void *arg, const char *text), void *arg);

#endif
