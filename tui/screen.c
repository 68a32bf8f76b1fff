/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The screen stack and the main loop: draw everything from state, read one key, dispatch it. */
#include <config.h>

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "tui/draw.h"
#include "tui/help.h"
#include "tui/input.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/wb.h"

#define MAX_DEPTH 16

static struct tui_screen stack[MAX_DEPTH];
static int depth;
static char message[1024], context[1024];
static int message_is_error;
static int cursor_y = -1, cursor_x = -1;
static int text_field; /* the last drawing had an active text field, where a paste can go */
static int repaint;    /* paint every cell at the next drawing, not only what changed */

int tui_push(const struct tui_screen_ops *ops, void *data)
{
	if (depth == MAX_DEPTH || (!ops->first_book && tui_wb_complete() != 0)) {
		if (depth == MAX_DEPTH)
			tui_error("%s", _("Too many screens are open; go back first."));
		struct tui_screen tmp = { ops, data, 0 };
		if (ops->leave)
			ops->leave(&tmp);
		if (ops->size)
			free(data);
		return -1;
	}
	struct tui_screen *s = &stack[depth++];
	repaint = 1; /* an overlay's border may cut a double-width character in half */
	s->ops = ops;
	s->data = data;
	s->scopes = TUI_SCOPE_ANY | TUI_SCOPE_NAV;
	if (ops->enter && ops->enter(s) != 0) {
		tui_pop();
		return -1;
	}
	return 0;
}

void tui_pop(void)
{
	if (depth == 0)
		return;
	struct tui_screen *s = &stack[--depth];
	/* what an overlay covered (halves of double-width characters too) is painted anew */
	repaint = 1;
	if (s->ops->leave)
		s->ops->leave(s);
	if (s->ops->size)
		free(s->data);
	memset(s, 0, sizeof *s);
}

int tui_open(const struct tui_screen_ops *ops, const void *proto)
{
	void *data = ops->size ? calloc(1, ops->size) : NULL;
	if (ops->size && !data) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	if (proto && data)
		memcpy(data, proto, ops->size);
	return tui_push(ops, data);
}

void tui_quit(void)
{
	while (depth > 0)
		tui_pop();
}

struct tui_screen *tui_top(void) { return depth ? &stack[depth - 1] : NULL; }

struct tui_screen *tui_below(const struct tui_screen *s)
{
	for (int i = 1; i < depth; i++)
		if (&stack[i] == s)
			return &stack[i - 1];
	return NULL;
}

void tui_set_context(const char *text) { snprintf(context, sizeof context, "%s", text ? text : ""); }

static void set_message(int is_error, const char *fmt, va_list ap)
{
	vsnprintf(message, sizeof message, fmt, ap);
	message_is_error = is_error;
}

void tui_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_message(1, fmt, ap);
	va_end(ap);
}

void tui_info(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_message(0, fmt, ap);
	va_end(ap);
}

const char *tui_message_text(void) { return message; }

void tui_accepts_text(void) { text_field = 1; }

void tui_set_cursor(int y, int x)
{
	cursor_y = y;
	cursor_x = x;
}

static int too_small(void) { return COLS < TUI_MIN_COLS || LINES < TUI_MIN_ROWS; }

static void draw_too_small(void)
{
	char text[512];
	/* TRANSLATORS: the sizes are columns×rows; keep the message short, it must fit 20 columns wrapped */
	snprintf(text, sizeof text, _("Terminal too small (need %d×%d, have %d×%d). Make the window larger, or press q to quit."),
		 TUI_MIN_COLS, TUI_MIN_ROWS, COLS, LINES);
	tui_put_wrapped(stdscr, 0, 0, COLS, LINES, 0, text, tui_attr(TUI_ERROR));
}

static void draw_status_bar(const struct tui_screen *top)
{
	int y = LINES - 1, x = 0;
	attr_t bar = tui_attr(TUI_BAR), keyattr = tui_attr(TUI_BAR_KEY);
	tui_blank(stdscr, y, 0, COLS, bar);
	for (const enum tui_action *a = top->ops->bar; a && *a != TUI_ACT_NONE; a++) {
		const char *key = tui_action_key_name(*a, top->scopes);
		const char *label = tui_action_label(*a);
		if (!key)
			continue;
		int kw = tui_width(key), lw = tui_width(label);
		if (x + kw + 1 + lw > COLS)
			break; /* whole items only */
		tui_put(stdscr, y, x, kw, key, keyattr);
		tui_put(stdscr, y, x + kw + 1, lw, label, bar);
		x += kw + 1 + lw + 2;
	}
}

static void draw_screen(int i, struct tui_rect body)
{
	struct tui_screen *s = &stack[i];
	if (s->ops->overlay && i > 0)
		draw_screen(i - 1, body);
	cursor_y = cursor_x = -1; /* only the top screen places the cursor */
	s->scopes = TUI_SCOPE_ANY | TUI_SCOPE_NAV;
	if (s->ops->draw)
		s->ops->draw(s, body);
}

static void draw_all(void)
{
	werase(stdscr);
	cursor_y = cursor_x = -1;
	text_field = 0;
	if (too_small()) {
		draw_too_small();
	} else {
		struct tui_screen *top = &stack[depth - 1];
		/* the title of the screen that is not an overlay */
		int t = depth - 1;
		while (t > 0 && stack[t].ops->overlay)
			t--;
		attr_t ta = tui_attr(TUI_TITLE);
		char title[512];
		snprintf(title, sizeof title, " anzen | %s", _(stack[t].ops->title));
		tui_blank(stdscr, 0, 0, COLS, ta);
		int tw = tui_put(stdscr, 0, 0, COLS / 2, title, ta);
		if (context[0] && COLS - tw - 2 > 0) {
			char right[1100];
			snprintf(right, sizeof right, "%s ", context);
			tui_put_right(stdscr, 0, tw + 2, COLS - tw - 2, right, ta);
		}
		/* a long message (a translation, a quoted name) takes a second line from the body */
		int mrows = message[0] ? tui_put_wrapped(stdscr, 0, 0, COLS, 0, 0, message, 0) : 1;
		mrows = mrows < 1 ? 1 : mrows > 2 ? 2 : mrows;
		struct tui_rect body = { 1, 0, LINES - 2 - mrows, COLS };
		draw_screen(depth - 1, body);
		if (message[0]) {
			attr_t ma = tui_attr(message_is_error ? TUI_ERROR : TUI_INFO);
			for (int r = 0; r < mrows; r++)
				tui_blank(stdscr, LINES - 1 - mrows + r, 0, COLS, ma);
			tui_put_wrapped(stdscr, LINES - 1 - mrows, 0, COLS, mrows, 0, message, ma);
		}
		draw_status_bar(top);
	}
	if (cursor_y >= 0 && !too_small()) {
		(void)curs_set(1);
		wmove(stdscr, cursor_y, cursor_x);
	} else {
		(void)curs_set(0);
		wmove(stdscr, LINES - 1, 0);
	}
	if (repaint)
		clearok(curscr, TRUE);
	repaint = 0;
	wnoutrefresh(stdscr);
	doupdate();
}

static void unbound(int key, const struct tui_screen *top)
{
	char buf[16];
	const char *help = tui_action_key_name(TUI_ACT_HELP, top->scopes);
	if (key == TUI_KEY_JUNK)
		tui_error("%s", _("Ignored an escape sequence (pasted text can carry control codes)."));
	else if (key == TUI_KEY_PASTE_CONTROL)
		tui_error(ngettext("Ignored %zu control character in the pasted text (Enter, Tab, Ctrl-...): "
				   "it was not run as a key.",
				   "Ignored %zu control characters in the pasted text (Enter, Tab, Ctrl-...): "
				   "none was run as a key.", tui_input_dropped()),
			  tui_input_dropped());
	else
		tui_error(_("The key %s does nothing here. Press %s for help."), tui_key_name(key, buf),
			  help ? help : "F1");
}

int tui_loop(void)
{
	while (depth > 0) {
		int burst = tui_input_pending();
		if (!burst)
			draw_all();
		int key = tui_input_next();
		if (key == TUI_KEY_NONE)
			break;
		if (key == TUI_FN(KEY_RESIZE) || key == TUI_KEY_PASTE_MARK)
			continue; /* curses has the new size already; the next pass redraws */
		if (!burst)
			message[0] = '\0';
		if (too_small()) {
			if (key == TUI_CTRL('c') || key == 'q')
				tui_quit();
			continue;
		}
		struct tui_screen *top = &stack[depth - 1];
		if (key == TUI_KEY_JUNK || key == TUI_KEY_PASTE_CONTROL) {
			unbound(key, top);
			continue;
		}
		if (tui_input_pasted() && !text_field) {
			tui_error("%s", _("Pasted text goes into a text field, and there is none here: it was ignored."));
			continue;
		}
		enum tui_action act = tui_key_action(key, TUI_SCOPE_ANY | TUI_SCOPE_NAV);
		if (top->ops->key && top->ops->key(top, key, act) == TUI_HANDLED)
			continue;
		switch (act) {
		case TUI_ACT_BACK:
			tui_pop();
			break;
		case TUI_ACT_HELP:
			tui_help_show(top);
			break;
		case TUI_ACT_QUIT:
			tui_quit();
			break;
		case TUI_ACT_REDRAW:
			repaint = 1;
			break;
		default:
			unbound(key, top);
		}
	}
	tui_quit();
	return 0;
}
