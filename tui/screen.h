/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Screens: a small vtable per screen, a stack of them (q/Esc goes back), the main loop, the title
 * line, the message line and the status bar drawn from the action table. */
#ifndef ANZEN_TUI_SCREEN_H
#define ANZEN_TUI_SCREEN_H

#include <curses.h>
#include <stddef.h>

#include "tui/keys.h"

/* What a key handler did with the key. */
enum { TUI_UNHANDLED = 0, TUI_HANDLED = 1 };

struct tui_rect {
	int y, x, rows, cols;
};

struct tui_screen;

struct tui_screen_ops {
	const char *title;          /* N_(): shown in the title line */
	const char *help;           /* N_(): the text of the help overlay ('?' or F1) */
	const enum tui_action *bar; /* actions in the status bar, ending with TUI_ACT_NONE */
	int overlay;                /* drawn over the screen below it (dialogs, help) */
	int first_book;             /* reads only what az_book_load_first loads (home, help): the
				     * book is completed (tui_wb_complete) before any other screen opens */
	size_t size;                /* its private state (s->data): tui_open makes it, tui_pop frees it */
	/* Each may be NULL. enter() runs when pushed and returns 0, or -1 to refuse (it sets a message);
	 * draw() paints body; key() gets every key (act is its binding in the NAV and ANY scopes, or
	 * TUI_ACT_NONE) and returns TUI_HANDLED or TUI_UNHANDLED, and then the framework handles BACK,
	 * HELP and QUIT; leave() runs when popped and frees data. */
	int (*enter)(struct tui_screen *s);
	void (*draw)(struct tui_screen *s, struct tui_rect body);
	int (*key)(struct tui_screen *s, int key, enum tui_action act);
	void (*leave)(struct tui_screen *s);
};

/* A screen's private state and hooks in one line of its ops (NULL for a hook it does not need). */
#define TUI_SCREEN_HOOKS(state, enter_, draw_, key_, leave_) \
	.size = sizeof(state), .enter = (enter_), .draw = (draw_), .key = (key_), .leave = (leave_)

struct tui_screen {
	const struct tui_screen_ops *ops;
	void *data;
	/* set by draw(): scopes shown in the status bar (TUI_SCOPE_ANY only while typing in a field) */
	int scopes;
};

/* Opens a screen: its private state of ops->size bytes starts as a copy of proto (NULL: zeroed),
 * then enter() runs. The one way a screen is opened; 0 or -1 (the message is set). */
int tui_open(const struct tui_screen_ops *ops, const void *proto);
/* Pushes a screen with data made by the caller (ops->size 0: leave() frees it). Returns 0 or -1. */
int tui_push(const struct tui_screen_ops *ops, void *data);
/* Pops the top screen (its leave() runs); popping the last one ends the loop. */
void tui_pop(void);
/* Ends the loop; every screen is left. */
void tui_quit(void);
/* The top screen (NULL: none). */
struct tui_screen *tui_top(void);
/* The screen under the top one (for overlays), or NULL. */
struct tui_screen *tui_below(const struct tui_screen *s);
/* Runs until the stack is empty or input ends; returns 0. */
int tui_loop(void);
/* The workbook name shown in the title line (sanitised when drawn). */
void tui_set_context(const char *text);

/* One line under the body until the next key: errors stand out, info is plain. printf-style. */
void tui_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void tui_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The current message ("" if none), for tests. */
const char *tui_message_text(void);
/* Places the terminal cursor after drawing (fields call it); hidden otherwise. */
void tui_set_cursor(int y, int x);
/* The top screen has an active text field this drawing, where pasted text may go. */
void tui_accepts_text(void);

#endif
