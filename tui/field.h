/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The line editor: one line of text on wchar_t, a limit that is shown and enforced, and a date
 * variant (YYYY-MM-DD, with the 和暦 beside it in Japanese). */
#ifndef ANZEN_TUI_FIELD_H
#define ANZEN_TUI_FIELD_H

#include <curses.h>
#include <stddef.h>
#include <wchar.h>

enum tui_field_kind { TUI_FIELD_TEXT, TUI_FIELD_DATE };

struct tui_field {
	enum tui_field_kind kind;
	wchar_t *buf;
	size_t len, max, cur, scroll; /* characters; cur and scroll sit on cluster starts */
	size_t dropped;               /* characters refused since the last other key, for the message */
	int changed;
};

/* max is in characters (what the user counts), 10 for dates. Returns 0 or -1 (no memory). */
int tui_field_init(struct tui_field *f, enum tui_field_kind kind, size_t max);
void tui_field_free(struct tui_field *f);
/* Replaces the text with UTF-8 (made safe by tui_decode). Returns 0, or -1 if it was longer than
 * the limit: then the first max characters are kept and an error message says so. */
int tui_field_set(struct tui_field *f, const char *utf8);
/* The text as UTF-8; free() it. */
char *tui_field_text(const struct tui_field *f);
/* Edits with key: printable characters are inserted, editing keys act; returns TUI_HANDLED or
 * TUI_UNHANDLED (Enter, Esc, Tab, Up, Down... are left to the caller). Messages explain refusals. */
int tui_field_key(struct tui_field *f, int key);
/* 1 if the content may be kept; otherwise 0 and an error message (a date that does not exist). */
int tui_field_check(const struct tui_field *f);
/* Draws the field in width cells at (y, x), scrolled to show the cursor; an active field places the
 * terminal cursor. */
void tui_field_draw(struct tui_field *f, int y, int x, int width, int active);
/* "12/200" for text, the 和暦 or "YYYY-MM-DD" for dates: what to show beside the field. */
void tui_field_note(const struct tui_field *f, char *out, size_t size);

#endif
