/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Where keys come from: the terminal, or a key script in headless mode (ANZEN_KEYS). */
#ifndef ANZEN_TUI_INPUT_H
#define ANZEN_TUI_INPUT_H

#include <stddef.h>

#include "base/error.h"

/* Loads $ANZEN_KEYS if set; call after curses has started. */
int tui_input_open(struct az_error *err);
void tui_input_close(void);
/* The next key (see keys.h). Escape sequences that are not known keys, as pasted text may carry,
 * come back as one TUI_KEY_JUNK; a lone Esc is 27. TUI_KEY_NONE when input has ended (the terminal
 * hung up, or the key script ended): never for a signal or a character split across reads.
 * Control characters inside pasted text come back as TUI_KEY_PASTE_CONTROL. */
int tui_input_next(void);

/* 1 if the key last returned is text from a bracketed paste: it goes into a text field only. */
int tui_input_pasted(void);
/* How many control characters were dropped from the current paste (TUI_KEY_PASTE_CONTROL). */
size_t tui_input_dropped(void);

/* 1 if another key has already arrived (a paste in progress): the loop then neither redraws nor
 * clears the message, so a paste is one step and its warnings stay readable. */
int tui_input_pending(void);

#endif
