/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Drawing text by display width: workbook text is decoded, made safe, clipped and padded. */
#ifndef ANZEN_TUI_DRAW_H
#define ANZEN_TUI_DRAW_H

#include <curses.h>
#include <stddef.h>
#include <wchar.h>

/* Decodes UTF-8 into a new wide string (free() it), made safe for the terminal: invalid bytes,
 * control characters and unprintable code points become U+FFFD, tab and line breaks a space, and
 * kana + combining (han)dakuten are composed (か+U+3099 → が). *n gets the length; NULL on ENOMEM. */
wchar_t *tui_decode(const char *s, size_t *n);
/* UTF-8 of a wide string; free() it. */
char *tui_encode(const wchar_t *s, size_t n);
/* Display width of one character: 0 for combining marks, -1 clamped to 1. */
int tui_wcwidth(wchar_t c);
/* Cells taken by s[0..n) and by the UTF-8 string s (after tui_decode). */
int tui_wswidth(const wchar_t *s, size_t n);
int tui_width(const char *s);
/* Index just after the character cluster (a base and its zero-width marks) that starts at i,
 * and the start of the cluster that ends at i. */
size_t tui_cluster_next(const wchar_t *s, size_t n, size_t i);
size_t tui_cluster_prev(const wchar_t *s, size_t i);
/* How many characters of s[0..n) fit in width cells, never splitting a cluster; *used gets the cells. */
size_t tui_fit(const wchar_t *s, size_t n, int width, int *used);

/* Draws s at (y, x) in exactly width cells: clipped without splitting a wide character and padded
 * with spaces so nothing stale stays behind. Returns the cells the text took. */
int tui_putw(WINDOW *w, int y, int x, int width, const wchar_t *s, size_t n, attr_t attr);
int tui_put(WINDOW *w, int y, int x, int width, const char *utf8, attr_t attr);
/* Like tui_put, but a text wider than width ends with … in its last cell, so a cut line says so
 * (the detail pane or F1 shows it whole). */
int tui_put_more(WINDOW *w, int y, int x, int width, const char *utf8, attr_t attr);
/* Like tui_put, right-aligned in width cells. */
int tui_put_right(WINDOW *w, int y, int x, int width, const char *utf8, attr_t attr);
/* Word-wraps utf8 (line breaks kept) into width cells from row y, at most rows rows, skipping the
 * first skip wrapped rows; rows past the text are not touched. Returns the wrapped rows in total. */
int tui_put_wrapped(WINDOW *w, int y, int x, int width, int rows, int skip, const char *utf8,
		    attr_t attr);
/* The same from the first row, for a pane that holds only part of a text: when the text needs more
 * than rows rows, the last one ends with … (the help, F1, shows the text whole). */
int tui_put_wrapped_more(WINDOW *w, int y, int x, int width, int rows, const char *utf8, attr_t attr);
/* A box of rows×cols at (y, x): ASCII border (box characters are ambiguous-width on some CJK
 * terminals), interior blanked. */
void tui_frame(WINDOW *w, int y, int x, int rows, int cols, attr_t attr);
/* Fills width cells at (y, x) with spaces. */
void tui_blank(WINDOW *w, int y, int x, int width, attr_t attr);

#endif
