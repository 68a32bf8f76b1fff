/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Key scripts for the headless test mode: text plus named keys, one step after another.
 *   text          each character is typed (raw control bytes too, to test pasting them)
 *   <Down> <Enter> <Esc> <Tab> <S-Tab> <BS> <Del> <F1>..<F12> <C-a>..<C-z> <Space> <lt> <gt>
 *   <Resize 100x30>  the terminal changes size
 *   <Dump FILE>      the screen is written to FILE; <Dump> appends it to $ANZEN_DUMP
 * Line breaks are not keys (use <Enter>); a line starting with # is a comment. The characters of
 * one run of text arrive together, like a paste, so an ESC inside them starts an escape sequence. */
#ifndef ANZEN_TUI_KEYSCRIPT_H
#define ANZEN_TUI_KEYSCRIPT_H

#include <stddef.h>

#include "base/error.h"

enum tui_step_kind { TUI_STEP_KEY, TUI_STEP_RESIZE, TUI_STEP_DUMP };

struct tui_step {
	enum tui_step_kind kind;
	int key;        /* TUI_STEP_KEY */
	int joined;     /* 1 if the next step arrives together with this one (same run of text) */
	int cols, rows; /* TUI_STEP_RESIZE */
	char *file;     /* TUI_STEP_DUMP; NULL for $ANZEN_DUMP */
};

struct tui_script {
	struct tui_step *steps;
	size_t n, cap;
};

/* Parses text (name is for messages); on error sc is left empty and err says file:line. */
int tui_script_parse(struct tui_script *sc, const char *text, size_t len, const char *name,
		     struct az_error *err);
int tui_script_load(struct tui_script *sc, const char *path, struct az_error *err);
void tui_script_free(struct tui_script *sc);

#endif
