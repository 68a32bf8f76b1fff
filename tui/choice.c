/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The choice overlay and its inline form. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/i18n.h"
#include "tui/choice.h"
#include "tui/draw.h"
#include "tui/help_text.h"
#include "tui/screen.h"
#include "tui/term.h"

const char *tui_choice_text(const char *s)
{
	/* gettext("") is the catalogue header */
	return s && *s ? _(s) : "";
}

struct choice {
	char *title;
	struct tui_choice_opt *opts;
	size_t n;
	int sel, top;
	void (*picked)(void *arg, int index);
	void *arg;
};

/* Draws s in width cells at (y, x), ending in "..." when it is cut (ASCII: "…" is ambiguous-width). */
static void put_hint(int y, int x, int width, const char *s, attr_t a)
{
	size_t n;
	wchar_t *w = tui_decode(s, &n);
	if (!w || width <= 3) {
		tui_blank(stdscr, y, x, width, a);
		free(w);
		return;
	}
	if (tui_wswidth(w, n) <= width) {
		tui_putw(stdscr, y, x, width, w, n, a);
	} else {
		int used;
		size_t k = tui_fit(w, n, width - 3, &used);
		while (k > 0 && w[k - 1] == L' ') /* no space before the dots */
			k--, used--;
		tui_putw(stdscr, y, x, used, w, k, a);
		tui_put(stdscr, y, x + used, width - used, "...", a);
	}
	free(w);
}

/* The box: the title in the top edge, one line per option (its number, label and as much of its
 * description as fits), then the whole description of the highlighted option, wrapped. */
static void choice_draw(struct tui_screen *s, struct tui_rect body)
{
	struct choice *c = s->data;
	int cols = body.cols - 4 < 100 ? body.cols - 4 : 100;
	if (cols < 8 || body.rows < 3)
		return;
	int inner = cols - 4; /* text between "| " and " |" */
	/* the description area is as tall as the longest description, so the box keeps its size */
	int dneed = 0, lw = 0, digits = c->n >= 10 ? 2 : 1;
	for (size_t i = 0; i < c->n; i++) {
		const char *d = tui_choice_text(c->opts[i].desc);
		int r = *d ? tui_put_wrapped(stdscr, 0, 0, inner, 0, 0, d, 0) : 0;
		int w = tui_width(tui_choice_text(c->opts[i].label));
		dneed = r > dneed ? r : dneed;
		lw = w > lw ? w : lw;
	}
	/* rows: 2 edges, the list, a rule and the description; a short body keeps 3 options (or all)
	 * and gives the description what is left, at least one row */
	int avail = body.rows - 2, lmin = c->n < 3 ? (int)c->n : 3;
	int drows = dneed ? dneed : 0;
	if (drows && lmin + 1 + drows > avail)
		drows = avail - lmin - 1;
	if (drows < 1)
		drows = 0;
	int sep = drows ? 1 : 0;
	int shown = avail - sep - drows < (int)c->n ? avail - sep - drows : (int)c->n;
	if (shown < 1)
		shown = 1;
	int rows = 2 + shown + sep + drows;
	int y = body.y + (body.rows - rows) / 2, x = body.x + (body.cols - cols) / 2;
	if (c->sel < c->top)
		c->top = c->sel;
	if (c->sel >= c->top + shown)
		c->top = c->sel - shown + 1;
	attr_t a = tui_attr(TUI_DIALOG), dim = tui_attr(TUI_DIM);
	tui_frame(stdscr, y, x, rows, cols, a);
	tui_put(stdscr, y, x + 2, cols - 4, c->title, a | A_BOLD);
	/* "> 1  label  hint": hints only when the labels leave them room */
	int pre = 2 + digits + 2, hx = pre + lw + 2, hw = cols - 2 - hx - 1;
	for (int i = 0; i < shown && c->top + i < (int)c->n; i++) {
		int k = c->top + i, ly = y + 1 + i;
		attr_t la = k == c->sel ? tui_attr(TUI_SELECTED) : a;
		char line[600];
		snprintf(line, sizeof line, "%s%*d  %s", k == c->sel ? "> " : "  ", digits, k + 1,
			 tui_choice_text(c->opts[k].label));
		const char *d = tui_choice_text(c->opts[k].desc);
		if (hw < 12 || !*d) {
			tui_put(stdscr, ly, x + 1, cols - 2, line, la);
			continue;
		}
		tui_put(stdscr, ly, x + 1, hx, line, la);
		put_hint(ly, x + 1 + hx, hw, d, k == c->sel ? la : dim);
		tui_blank(stdscr, ly, x + 1 + hx + hw, 1, la);
	}
	if (c->top > 0)
		tui_put(stdscr, y, x + cols - 4, 3, "^", a);
	if (c->top + shown < (int)c->n)
		tui_put(stdscr, y + 1 + shown, x + cols - 4, 1, "v", a);
	if (!sep)
		return;
	/* the rule names the option the description below is for */
	int ry = y + 1 + shown;
	char head[600];
	snprintf(head, sizeof head, " %d %s ", c->sel + 1, tui_choice_text(c->opts[c->sel].label));
	for (int i = 2; i < cols - 2; i++)
		if (!(c->top + shown < (int)c->n && i == cols - 4))
			tui_put(stdscr, ry, x + i, 1, "-", a);
	tui_put(stdscr, ry, x + 3, tui_width(head) < cols - 8 ? tui_width(head) : cols - 8, head, a | A_BOLD);
	const char *d = tui_choice_text(c->opts[c->sel].desc);
	int total = tui_put_wrapped(stdscr, ry + 1, x + 2, inner, drows, 0, d, a);
	if (total > drows) /* a terminal too short for all of it */
		tui_put(stdscr, y + rows - 1, x + cols - 4, 1, "v", a);
}

static void choose(struct choice *c, int k)
{
	void (*picked)(void *, int) = c->picked;
	void *arg = c->arg;
	tui_pop(); /* frees c */
	if (picked)
		picked(arg, k);
}

static int choice_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct choice *c = s->data;
	if (key >= '1' && key <= '9' && key - '1' < (int)c->n) {
		choose(c, key - '1');
		return TUI_HANDLED;
	}
	switch (act) {
	case TUI_ACT_DOWN:
	case TUI_ACT_RIGHT:
		if (c->sel + 1 < (int)c->n)
			c->sel++;
		return TUI_HANDLED;
	case TUI_ACT_UP:
	case TUI_ACT_LEFT:
		if (c->sel > 0)
			c->sel--;
		return TUI_HANDLED;
	case TUI_ACT_FIRST:
		c->sel = 0;
		return TUI_HANDLED;
	case TUI_ACT_LAST:
		c->sel = (int)c->n - 1;
		return TUI_HANDLED;
	case TUI_ACT_SELECT:
	case TUI_ACT_TOGGLE:
		choose(c, c->sel);
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

static void choice_leave(struct tui_screen *s)
{
	struct choice *c = s->data;
	for (size_t i = 0; c->opts && i < c->n; i++) {
		free((char *)c->opts[i].label);
		free((char *)c->opts[i].desc);
	}
	free(c->opts);
	free(c->title);
	free(c);
}

static const enum tui_action choice_bar[] = { TUI_ACT_DOWN, TUI_ACT_UP, TUI_ACT_SELECT, TUI_ACT_HELP, TUI_ACT_BACK,
					      TUI_ACT_NONE };
static const struct tui_screen_ops choice_ops = {
	.title = N_("Choose"),
	.help = tui_help_choice,
	.bar = choice_bar,
	.overlay = 1,
	.draw = choice_draw,
	.key = choice_key,
	.leave = choice_leave,
};

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

int tui_choice_pick(const char *title, const struct tui_choice_opt *opts, size_t n, int cur,
		    void (*picked)(void *arg, int index), void *arg)
{
	struct choice *c = calloc(1, sizeof *c);
	int ok = c && n > 0 && (c->opts = calloc(n, sizeof *c->opts)) && (c->title = strdup(title ? title : ""));
	for (size_t i = 0; ok && i < n; i++) {
		c->opts[i].label = dup_or_null(opts[i].label ? opts[i].label : "");
		c->opts[i].desc = dup_or_null(opts[i].desc);
		c->n = i + 1;
		ok = c->opts[i].label && (!opts[i].desc || c->opts[i].desc);
	}
	if (!ok) {
		if (c) {
			struct tui_screen tmp = { &choice_ops, c, 0 };
			choice_leave(&tmp);
		}
		tui_error("%s", _("out of memory"));
		return -1;
	}
	c->sel = cur >= 0 && (size_t)cur < n ? cur : 0;
	c->picked = picked;
	c->arg = arg;
	return tui_push(&choice_ops, c);
}

int tui_choice_draw_inline(const struct tui_choice_opt *opts, size_t n, int cur, int y, int x, int width,
			    int active)
{
	char text[600];
	snprintf(text, sizeof text, "< %s >", cur >= 0 && (size_t)cur < n ? tui_choice_text(opts[cur].label) : "-");
	int w = tui_width(text) + 1;
	if (w > width)
		w = width;
	tui_put(stdscr, y, x, w, text, tui_attr(active ? TUI_FIELD_ACTIVE : TUI_FIELD));
	return w;
}
