/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The list widget. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fold.h"
#include "base/i18n.h"
#include "tui/draw.h"
#include "tui/list.h"
#include "tui/term.h"

#define FILTER_MAX 100

/* A row's text and its folded form (base/fold.h): folding every row at every key is too slow
 * for 10,000 rows, so it is done again only when the row's text changed. */
struct tui_list_folded {
	char *text;
	uint32_t *f;
	size_t n;
};

static void forget_folded(struct tui_list *l)
{
	for (size_t i = 0; i < l->nfolded; i++)
		free(l->folded[i].text), free(l->folded[i].f);
	free(l->folded);
	l->folded = NULL;
	l->nfolded = 0;
}

/* Substring search on folded text: width, case and hiragana/katakana do not matter. */
static int contains(struct tui_list *l, size_t i, const uint32_t *needle, size_t nlen)
{
	const char *text = l->text(l->ctx, i);
	if (i < l->nfolded) {
		struct tui_list_folded *c = &l->folded[i];
		if (!c->text || strcmp(c->text, text) != 0) {
			free(c->text), free(c->f);
			c->text = strdup(text);
			c->f = c->text ? az_fold(text, strlen(text), &c->n) : NULL;
		}
		return c->f && az_fold_contains(c->f, c->n, needle, nlen);
	}
	size_t n;
	uint32_t *h = az_fold(text, strlen(text), &n);
	int found = h && az_fold_contains(h, n, needle, nlen);
	free(h);
	return found;
}

int tui_list_init(struct tui_list *l, size_t (*count)(void *), const char *(*text)(void *, size_t),
		  void *ctx)
{
	memset(l, 0, sizeof *l);
	l->count = count;
	l->text = text;
	l->ctx = ctx;
	l->empty = N_("(nothing here yet)");
	if (tui_field_init(&l->filter, TUI_FIELD_TEXT, FILTER_MAX) != 0)
		return -1;
	tui_list_refresh(l);
	return 0;
}

void tui_list_free(struct tui_list *l)
{
	free(l->view);
	forget_folded(l);
	tui_field_free(&l->filter);
	l->view = NULL;
	l->nview = 0;
}

void tui_list_refresh(struct tui_list *l)
{
	long was = tui_list_selected(l);
	size_t n = l->count(l->ctx);
	size_t *view = realloc(l->view, (n ? n : 1) * sizeof *view);
	if (!view) {
		tui_error("%s", _("out of memory"));
		return;
	}
	size_t old_sel = l->sel;
	l->view = view;
	l->nview = 0;
	char *typed = l->filter.len ? tui_field_text(&l->filter) : NULL;
	size_t nneedle = 0;
	uint32_t *needle = typed ? az_fold(typed, strlen(typed), &nneedle) : NULL;
	free(typed);
	if (needle && l->nfolded != n) {
		forget_folded(l);
		l->folded = calloc(n, sizeof *l->folded);
		l->nfolded = l->folded ? n : 0;
	}
	for (size_t i = 0; i < n; i++)
		if (l->filter.len == 0 || (needle && contains(l, i, needle, nneedle)))
			l->view[l->nview++] = i;
	free(needle);
	/* the same row if it still shows, else the same place (after a delete: the next row) */
	l->sel = old_sel;
	for (size_t i = 0; was >= 0 && i < l->nview; i++)
		if (l->view[i] == (size_t)was)
			l->sel = i;
	if (l->sel >= l->nview)
		l->sel = l->nview ? l->nview - 1 : 0;
}

long tui_list_selected(const struct tui_list *l)
{
	return l->view && l->sel < l->nview ? (long)l->view[l->sel] : -1;
}

int tui_list_scopes(const struct tui_list *l) { return l->filtering ? TUI_SCOPE_ANY : TUI_SCOPE_ANY | TUI_SCOPE_NAV; }

void tui_list_draw(struct tui_list *l, struct tui_rect r)
{
	int show_filter = l->filtering || l->filter.len > 0;
	int rows = r.rows - (show_filter ? 1 : 0);
	if (rows < 1)
		return;
	l->rows = rows;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + (size_t)rows)
		l->top = l->sel - (size_t)rows + 1;
	if (l->top + (size_t)rows > l->nview)
		l->top = l->nview > (size_t)rows ? l->nview - (size_t)rows : 0;
	for (int i = 0; i < rows; i++) {
		size_t v = l->top + (size_t)i;
		if (v >= l->nview)
			break;
		attr_t a = tui_attr(v == l->sel ? TUI_SELECTED : TUI_NORMAL);
		tui_blank(stdscr, r.y + i, r.x, r.cols, a);
		/* the marker shows the selection on monochrome screens and in dumps too */
		tui_put(stdscr, r.y + i, r.x, 2, v == l->sel ? ">" : "", a);
		tui_put_more(stdscr, r.y + i, r.x + 2, r.cols - 3, l->text(l->ctx, l->view[v]), a);
	}
	if (l->nview == 0)
		tui_put(stdscr, r.y, r.x + 2, r.cols - 3,
			l->filter.len ? _("No line contains the search text. Esc clears the search.") : _(l->empty),
			tui_attr(TUI_DIM));
	if (show_filter) {
		int y = r.y + r.rows - 1;
		char label[64], count[64];
		snprintf(label, sizeof label, "%s ", _("Search:"));
		snprintf(count, sizeof count, _(" %zu of %zu"), l->nview, l->count(l->ctx));
		int lw = tui_put(stdscr, y, r.x, tui_width(label), label, tui_attr(TUI_LABEL_ACTIVE));
		int cw = tui_width(count);
		tui_field_draw(&l->filter, y, r.x + lw, r.cols - lw - cw, l->filtering);
		tui_put(stdscr, y, r.x + r.cols - cw, cw, count, tui_attr(TUI_NORMAL));
	}
}

static void move_sel(struct tui_list *l, long delta)
{
	long s = (long)l->sel + delta;
	if (s < 0 || l->nview == 0)
		s = 0;
	else if (s >= (long)l->nview)
		s = (long)l->nview - 1;
	l->sel = (size_t)s;
}

int tui_list_key(struct tui_list *l, int key, enum tui_action act)
{
	long page = l->rows > 1 ? l->rows - 1 : 1;
	if (l->filtering) {
		/* typing narrows the list at every key; Enter keeps the filter, Esc clears it */
		act = tui_key_action(key, TUI_SCOPE_ANY);
		if (act == TUI_ACT_SELECT) {
			l->filtering = 0;
			return TUI_HANDLED;
		}
		if (act == TUI_ACT_BACK) {
			l->filtering = 0;
			tui_field_set(&l->filter, "");
			tui_list_refresh(l);
			return TUI_HANDLED;
		}
		if (act != TUI_ACT_UP && act != TUI_ACT_DOWN && act != TUI_ACT_PAGE_UP && act != TUI_ACT_PAGE_DOWN) {
			int r = tui_field_key(&l->filter, key);
			if (r == TUI_HANDLED)
				tui_list_refresh(l);
			return r;
		}
	}
	switch (act) {
	case TUI_ACT_UP:
		move_sel(l, -1);
		return TUI_HANDLED;
	case TUI_ACT_DOWN:
		move_sel(l, 1);
		return TUI_HANDLED;
	case TUI_ACT_PAGE_UP:
		move_sel(l, -page);
		return TUI_HANDLED;
	case TUI_ACT_PAGE_DOWN:
		move_sel(l, page);
		return TUI_HANDLED;
	case TUI_ACT_FIRST:
		l->sel = 0;
		return TUI_HANDLED;
	case TUI_ACT_LAST:
		move_sel(l, (long)l->nview);
		return TUI_HANDLED;
	case TUI_ACT_SEARCH:
		l->filtering = 1;
		return TUI_HANDLED;
	case TUI_ACT_SELECT:
		return tui_list_selected(l) >= 0 ? TUI_LIST_CHOSEN : TUI_HANDLED;
	case TUI_ACT_BACK:
		if (l->filter.len > 0 && key == 27) { /* Esc first clears a kept filter */
			tui_field_set(&l->filter, "");
			tui_list_refresh(l);
			return TUI_HANDLED;
		}
		return TUI_UNHANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

void tui_list_screen_draw(struct tui_screen *s, struct tui_rect body)
{
	struct tui_list *l = s->data;
	tui_list_refresh(l);
	s->scopes = tui_list_scopes(l);
	struct tui_rect r = { body.y + 1, body.x + 1, body.rows - 1, body.cols - 2 };
	tui_list_draw(l, r);
}

void tui_list_screen_leave(struct tui_screen *s) { tui_list_free(s->data); }
