/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The confirm dialog: a small box; only an explicit y does anything. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "tui/confirm.h"
#include "tui/draw.h"
#include "tui/help_text.h"
#include "tui/screen.h"
#include "tui/term.h"

struct confirm {
	char *question;
	void (*yes)(void *arg);
	void *arg;
};

static void confirm_draw(struct tui_screen *s, struct tui_rect body)
{
	struct confirm *c = s->data;
	int cols = body.cols - 8 < 60 ? body.cols - 8 : 60;
	int rows = 4 + tui_put_wrapped(stdscr, 0, 0, cols - 4, 0, 0, c->question, 0);
	if (rows > body.rows - 2)
		rows = body.rows - 2;
	int y = body.y + (body.rows - rows) / 2, x = body.x + (body.cols - cols) / 2;
	attr_t a = tui_attr(TUI_DIALOG);
	tui_frame(stdscr, y, x, rows, cols, a);
	tui_put_wrapped(stdscr, y + 1, x + 2, cols - 4, rows - 4, 0, c->question, a | A_BOLD);
	/* TRANSLATORS: y and n are the keys to press; keep them as they are */
	tui_put(stdscr, y + rows - 2, x + 2, cols - 4, _("y = yes     n = no"), a);
}

static int confirm_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct confirm *c = s->data;
	/* full-width ｙ/ｎ too: the IME may still be on */
	if (key == 'y' || key == 'Y' || key == 0xFF59 || key == 0xFF39) {
		void (*yes)(void *) = c->yes;
		void *arg = c->arg;
		tui_pop();
		if (yes)
			yes(arg);
		return TUI_HANDLED;
	}
	if (key == 'n' || key == 'N' || key == 0xFF4E || key == 0xFF2E || act == TUI_ACT_BACK) {
		tui_pop();
		return TUI_HANDLED;
	}
	if (act == TUI_ACT_HELP || act == TUI_ACT_QUIT)
		return TUI_UNHANDLED;
	/* TRANSLATORS: y and n are the keys to press */
	tui_error("%s", _("Please answer y (yes) or n (no)."));
	return TUI_HANDLED;
}

static void confirm_leave(struct tui_screen *s)
{
	struct confirm *c = s->data;
	free(c->question);
	free(c);
}

static const enum tui_action confirm_bar[] = { TUI_ACT_BACK, TUI_ACT_HELP, TUI_ACT_NONE };
static const struct tui_screen_ops confirm_ops = {
	.title = N_("Question"),
	.help = tui_help_confirm,
	.bar = confirm_bar,
	.overlay = 1,
	.draw = confirm_draw,
	.key = confirm_key,
	.leave = confirm_leave,
};

int tui_confirm(const char *question, void (*yes)(void *arg), void *arg)
{
	struct confirm *c = calloc(1, sizeof *c);
	if (!c || !(c->question = strdup(question))) {
		free(c);
		tui_error("%s", _("out of memory"));
		return -1;
	}
	c->yes = yes;
	c->arg = arg;
	return tui_push(&confirm_ops, c);
}
