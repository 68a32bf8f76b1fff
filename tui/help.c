/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Help overlay: a scrollable box over the current screen. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "tui/draw.h"
#include "tui/help.h"
#include "tui/term.h"

struct help {
	char *text;
	int top, rows, total;
};

static void help_draw(struct tui_screen *s, struct tui_rect body)
{
	struct help *h = s->data;
	int cols = body.cols - 8 < 76 ? body.cols - 8 : 76, rows = body.rows - 2;
	int y = body.y + 1, x = body.x + (body.cols - cols) / 2;
	attr_t a = tui_attr(TUI_DIALOG);
	tui_frame(stdscr, y, x, rows, cols, a);
	h->rows = rows - 4;
	h->total = tui_put_wrapped(stdscr, y + 1, x + 2, cols - 4, h->rows, h->top, h->text, a);
	if (h->top > 0 && h->top >= h->total)
		h->top = h->total - 1;
	char more[128];
	snprintf(more, sizeof more, "%s", h->top + h->rows < h->total ? _("(more: Down / PgDn)") : _("(end)"));
	tui_put(stdscr, y + rows - 2, x + 2, cols - 4, more, a | A_DIM);
}

static int help_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct help *h = s->data;
	int last = h->total - h->rows > 0 ? h->total - h->rows : 0;
	(void)key;
	switch (act) {
	case TUI_ACT_UP:
		h->top = h->top > 0 ? h->top - 1 : 0;
		return TUI_HANDLED;
	case TUI_ACT_DOWN:
		h->top = h->top < last ? h->top + 1 : last;
		return TUI_HANDLED;
	case TUI_ACT_PAGE_UP:
		h->top = h->top > h->rows ? h->top - h->rows : 0;
		return TUI_HANDLED;
	case TUI_ACT_PAGE_DOWN:
		h->top = h->top + h->rows < last ? h->top + h->rows : last;
		return TUI_HANDLED;
	case TUI_ACT_QUIT:
		return TUI_UNHANDLED;
	default:
		tui_pop(); /* any other key closes the help */
		return TUI_HANDLED;
	}
}

static void help_leave(struct tui_screen *s)
{
	struct help *h = s->data;
	free(h->text);
	free(h);
}

static const enum tui_action help_bar[] = { TUI_ACT_DOWN, TUI_ACT_UP, TUI_ACT_BACK, TUI_ACT_NONE };
static const struct tui_screen_ops help_ops = {
	.title = N_("Help"),
	.help = "",
	.bar = help_bar,
	.overlay = 1,
	.first_book = 1, /* text only: help on the home screen does not read the rest of the book */
	.draw = help_draw,
	.key = help_key,
	.leave = help_leave,
};

/* Appends to a growing string; on failure the text stays as it was. */
static void cat(char **buf, size_t *len, const char *s)
{
	size_t n = strlen(s);
	char *nb = realloc(*buf, *len + n + 1);
	if (!nb)
		return;
	memcpy(nb + *len, s, n + 1);
	*buf = nb;
	*len += n;
}

/* 1 if name is one of the ", "-separated names in list. */
static int listed(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; *p;) {
		const char *end = strstr(p, ", ");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && !strncmp(p, name, n))
			return 1;
		if (!end)
			break;
		p = end + 2;
	}
	return 0;
}

void tui_help_show(const struct tui_screen *s)
{
	struct help *h = calloc(1, sizeof *h);
	size_t len = 0;
	if (!h)
		return;
	cat(&h->text, &len, s->ops->help && *s->ops->help ? _(s->ops->help) : "");
	cat(&h->text, &len, "\n\n");
	cat(&h->text, &len, _("Keys:"));
	size_t nb;
	const struct tui_binding *b = tui_bindings(&nb);
	for (const enum tui_action *a = s->ops->bar; a && *a != TUI_ACT_NONE; a++) {
		char keys[128] = "", name[16], line[512];
		size_t kl = 0;
		for (size_t i = 0; i < nb; i++) {
			if (b[i].action != *a || !(b[i].scope & s->scopes))
				continue;
			const char *kn = tui_key_name(b[i].key, name);
			if (listed(keys, kn)) /* Enter is bound to CR, LF and KEY_ENTER: name it once */
				continue;
			kl += (size_t)snprintf(keys + kl, sizeof keys - kl, "%s%s", kl ? ", " : "", kn);
			if (kl >= sizeof keys)
				break;
		}
		snprintf(line, sizeof line, "\n  %-14s %s", keys, tui_action_help(*a));
		cat(&h->text, &len, line);
	}
	if (!h->text) {
		free(h);
		return;
	}
	(void)tui_push(&help_ops, h);
}
