/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The list widget for every list screen: a scrolling selection and a '/' filter that keeps the
 * lines containing what is typed (Japanese by substring, Latin letters in any case). */
#ifndef ANZEN_TUI_LIST_H
#define ANZEN_TUI_LIST_H

#include <stddef.h>

#include "tui/field.h"
#include "tui/keys.h"
#include "tui/screen.h"

/* What tui_list_key returns besides TUI_HANDLED / TUI_UNHANDLED. */
enum { TUI_LIST_CHOSEN = 2 };

struct tui_list {
	/* the rows: count() of them, text(i) is a line (UTF-8 from the workbook, made safe when drawn) */
	size_t (*count)(void *ctx);
	const char *(*text)(void *ctx, size_t i);
	void *ctx;
	const char *empty; /* N_() text shown when there are no rows */
	/* state */
	size_t *view, nview; /* rows that pass the filter */
	size_t sel, top;     /* positions in view */
	struct tui_field filter;
	int filtering; /* typing into the filter */
	int rows;      /* rows drawn last time, for paging */
	struct tui_list_folded *folded; /* each row's text as searched, made once per text */
	size_t nfolded;
};

int tui_list_init(struct tui_list *l, size_t (*count)(void *), const char *(*text)(void *, size_t),
		  void *ctx);
void tui_list_free(struct tui_list *l);
/* Call after the rows changed; keeps the selection on the same row when it still shows. */
void tui_list_refresh(struct tui_list *l);
/* The selected row (an index for text()), or -1 when nothing shows. */
long tui_list_selected(const struct tui_list *l);
/* Draws into r; the last line holds the filter while it is in use. */
void tui_list_draw(struct tui_list *l, struct tui_rect r);
/* Moves, filters; TUI_LIST_CHOSEN on Enter over a row. Set s->scopes from tui_list_scopes(). */
int tui_list_key(struct tui_list *l, int key, enum tui_action act);
int tui_list_scopes(const struct tui_list *l);

/* draw() and leave() of a screen whose private state starts with its list: the list, refreshed (the
 * book may have changed under a form), one cell in from the body's edges; freeing it. */
void tui_list_screen_draw(struct tui_screen *s, struct tui_rect body);
void tui_list_screen_leave(struct tui_screen *s);

#endif
