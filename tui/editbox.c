/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The edit box overlay. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "tui/draw.h"
#include "tui/editbox.h"
#include "tui/help_text.h"
#include "tui/screen.h"
#include "tui/term.h"

struct editbox {
	char *label, *help;
	struct tui_field field;
	void (*done)(void *arg, const char *text);
	void *arg;
};

static void box_draw(struct tui_screen *s, struct tui_rect body)
{
	struct editbox *e = s->data;
	int cols = body.cols - 4 < 100 ? body.cols - 4 : 100;
	int hrows = tui_put_wrapped(stdscr, 0, 0, cols - 4, 0, 0, e->help, 0);
	hrows = hrows > 4 ? 4 : hrows;
	int rows = 6 + hrows, y = body.y + (body.rows - rows) / 2, x = body.x + (body.cols - cols) / 2;
	attr_t a = tui_attr(TUI_DIALOG);
	s->scopes = TUI_SCOPE_ANY; /* typing: letters are text */
	tui_frame(stdscr, y, x, rows, cols, a);
	tui_put(stdscr, y + 1, x + 2, cols - 4, e->label, a | A_BOLD);
	char note[64];
	tui_field_note(&e->field, note, sizeof note);
	int nw = tui_width(note) + 1, fw = e->field.kind == TUI_FIELD_DATE ? 11 : cols - 8 - nw;
	tui_put(stdscr, y + 3, x + 2, 1, "[", a);
	tui_field_draw(&e->field, y + 3, x + 3, fw, 1);
	tui_put(stdscr, y + 3, x + 3 + fw, 1, "]", a);
	tui_put(stdscr, y + 3, x + 5 + fw, nw, note, a);
	tui_put_wrapped(stdscr, y + 5, x + 2, cols - 4, hrows, 0, e->help, a);
}

static int box_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct editbox *e = s->data;
	(void)act;
	if (tui_field_key(&e->field, key) == TUI_HANDLED)
		return TUI_HANDLED;
	enum tui_action a = tui_key_action(key, TUI_SCOPE_ANY);
	if (a == TUI_ACT_SELECT || a == TUI_ACT_SAVE) {
		if (!tui_field_check(&e->field))
			return TUI_HANDLED;
		char *text = tui_field_text(&e->field);
		if (!text) {
			tui_error("%s", _("out of memory"));
			return TUI_HANDLED;
		}
		void (*done)(void *, const char *) = e->done;
		void *arg = e->arg;
		tui_pop(); /* frees e */
		if (done)
			done(arg, text);
		free(text);
		return TUI_HANDLED;
	}
	if (a == TUI_ACT_BACK) {
		tui_pop();
		return TUI_HANDLED;
	}
	return a == TUI_ACT_HELP || a == TUI_ACT_QUIT ? TUI_UNHANDLED : TUI_HANDLED;
}

static void box_leave(struct tui_screen *s)
{
	struct editbox *e = s->data;
	tui_field_free(&e->field);
	free(e->label);
	free(e->help);
	free(e);
}

static const enum tui_action box_bar[] = { TUI_ACT_SELECT, TUI_ACT_BACK, TUI_ACT_HELP, TUI_ACT_NONE };
static const struct tui_screen_ops box_ops = {
	.title = N_("Edit"),
	.help = tui_help_editbox,
	.bar = box_bar,
	.overlay = 1,
	.draw = box_draw,
	.key = box_key,
	.leave = box_leave,
};

int tui_editbox(const char *label, const char *help, enum tui_field_kind kind, size_t max, const char *value,
		void (*done)(void *arg, const char *text), void *arg)
{
	struct editbox *e = calloc(1, sizeof *e);
	if (!e || !(e->label = strdup(label ? label : "")) || !(e->help = strdup(help ? help : "")) ||
	    tui_field_init(&e->field, kind, max) != 0) {
		if (e) {
			free(e->label);
			free(e->help);
			free(e);
		}
		tui_error("%s", _("out of memory"));
		return -1;
	}
	tui_field_set(&e->field, value ? value : "");
	e->field.cur = e->field.len; /* continue where the text ends */
	e->done = done;
	e->arg = arg;
	return tui_push(&box_ops, e);
}
