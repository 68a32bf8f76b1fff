/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The form widget. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/term.h"

int tui_form_init(struct tui_form *fm, const struct tui_form_item *items, size_t n)
{
	memset(fm, 0, sizeof *fm);
	fm->items = items;
	fm->fields = calloc(n ? n : 1, sizeof *fm->fields);
	fm->sel = calloc(n ? n : 1, sizeof *fm->sel);
	if (!fm->fields || !fm->sel) {
		tui_form_free(fm); /* leaves it empty: a screen's leave() may free it again */
		return -1;
	}
	fm->n = n;
	for (size_t i = 0; i < n; i++)
		fm->sel[i] = -1;
	for (size_t i = 0; i < n; i++)
		if (tui_field_init(&fm->fields[i], items[i].kind, items[i].max) != 0) {
			tui_form_free(fm);
			return -1;
		}
	return 0;
}

void tui_form_free(struct tui_form *fm)
{
	for (size_t i = 0; fm->fields && i < fm->n; i++)
		tui_field_free(&fm->fields[i]);
	free(fm->fields);
	free(fm->sel);
	memset(fm, 0, sizeof *fm);
}

int tui_form_set_items(struct tui_form *fm, const struct tui_form_item *items, size_t n)
{
	size_t keep = n < fm->n ? n : fm->n;
	struct tui_field *fields = calloc(n ? n : 1, sizeof *fields);
	int *sel = calloc(n ? n : 1, sizeof *sel);
	if (!fields || !sel) {
		free(fields);
		free(sel);
		return -1;
	}
	for (size_t i = keep; i < n; i++) {
		sel[i] = -1;
		if (tui_field_init(&fields[i], items[i].kind, items[i].max) != 0) {
			while (i-- > keep)
				tui_field_free(&fields[i]);
			free(fields);
			free(sel);
			return -1;
		}
	}
	memcpy(fields, fm->fields, keep * sizeof *fields);
	memcpy(sel, fm->sel, keep * sizeof *sel);
	for (size_t i = keep; i < fm->n; i++)
		tui_field_free(&fm->fields[i]);
	free(fm->fields);
	free(fm->sel);
	fm->fields = fields;
	fm->sel = sel;
	fm->items = items;
	fm->n = n;
	if (fm->cur >= n)
		fm->cur = n ? n - 1 : 0;
	return 0;
}

int tui_form_choice(const struct tui_form *fm, size_t i) { return i < fm->n ? fm->sel[i] : -1; }

void tui_form_set_choice(struct tui_form *fm, size_t i, int v)
{
	if (i >= fm->n || !fm->items[i].opts)
		return;
	if (v < -1 || v >= (int)fm->items[i].nopts)
		v = -1;
	if (fm->sel[i] != v)
		fm->fields[i].changed = 1;
	fm->sel[i] = v;
}

void tui_form_load(struct tui_form *fm, size_t i, const char *utf8)
{
	if (i >= fm->n)
		return;
	(void)tui_field_set(&fm->fields[i], utf8 ? utf8 : "");
	fm->fields[i].cur = fm->fields[i].len; /* typing continues the saved text */
}

int tui_form_changed(const struct tui_form *fm)
{
	for (size_t i = 0; i < fm->n; i++)
		if (fm->fields[i].changed)
			return 1;
	return 0;
}

int tui_form_check(struct tui_form *fm)
{
	for (size_t i = 0; i < fm->n; i++)
		if (!tui_field_check(&fm->fields[i])) {
			fm->cur = i;
			return 0;
		}
	return 1;
}

void tui_form_draw(struct tui_form *fm, struct tui_rect r)
{
	int lw = 0;
	for (size_t i = 0; i < fm->n; i++) {
		int w = fm->items[i].wide ? 0 : tui_width(_(fm->items[i].label));
		lw = w > lw ? w : lw;
	}
	if (lw > r.cols / 3)
		lw = r.cols / 3;
	/* label | field | note ("12/200" or 令和8年11月23日) */
	int notew = 18, fx = r.x + 2 + lw + 3, fw = r.cols - (fx - r.x) - notew - 3;
	/* two rows an item; the last two rows of r hold the help line */
	size_t fit = r.rows > 4 ? (size_t)(r.rows - 3) / 2 : 1;
	if (fm->cur < fm->top)
		fm->top = fm->cur;
	if (fm->cur >= fm->top + fit)
		fm->top = fm->cur - fit + 1;
	if (fm->top + fit > fm->n)
		fm->top = fm->n > fit ? fm->n - fit : 0;
	for (size_t i = fm->top; i < fm->n && i < fm->top + fit; i++) {
		int y = r.y + 1 + 2 * (int)(i - fm->top), active = i == fm->cur;
		char note[64];
		if (fm->items[i].wide && fm->items[i].opts) { /* a question: the answer first, the question in two rows */
			const struct tui_choice_opt *o = fm->items[i].opts;
			int aw = 16, qx = r.x + 2 + aw + 1;
			tui_blank(stdscr, y, r.x + 2, aw, 0);
			tui_blank(stdscr, y + 1, r.x + 2, aw, 0);
			if (fm->sel[i] >= 0)
				tui_choice_draw_inline(o, fm->items[i].nopts, fm->sel[i], y, r.x + 2, aw, active);
			else
				tui_put(stdscr, y, r.x + 2, tui_width(_("(not answered)")) + 1, _("(not answered)"),
					tui_attr(active ? TUI_FIELD_ACTIVE : TUI_FIELD));
			tui_blank(stdscr, y + 1, qx, r.cols - (qx - r.x) - 1, 0);
			tui_put_wrapped_more(stdscr, y, qx, r.cols - (qx - r.x) - 2, 2, _(fm->items[i].label),
					     tui_attr(active ? TUI_LABEL_ACTIVE : TUI_NORMAL));
			if (active)
				tui_set_cursor(y, r.x + 2);
			continue;
		}
		tui_put(stdscr, y, r.x + 2, lw, _(fm->items[i].label), tui_attr(active ? TUI_LABEL_ACTIVE : TUI_NORMAL));
		if (fm->items[i].opts) {
			const struct tui_choice_opt *o = fm->items[i].opts;
			int w = tui_choice_draw_inline(o, fm->items[i].nopts, fm->sel[i], y, fx - 1, fw + 2, active);
			int k = fm->sel[i];
			if (k >= 0 && (size_t)k < fm->items[i].nopts && o[k].desc)
				tui_put_more(stdscr, y, fx + w, r.cols - (fx + w - r.x) - 1, tui_choice_text(o[k].desc),
					tui_attr(TUI_DIM));
			if (active)
				tui_set_cursor(y, fx);
			continue;
		}
		/* brackets show where the field is, also on a monochrome projector; a date needs 10 cells */
		int w = fm->items[i].kind == TUI_FIELD_DATE ? 11 : fw;
		tui_put(stdscr, y, fx - 1, 1, "[", tui_attr(TUI_NORMAL));
		tui_field_draw(&fm->fields[i], y, fx, w, active);
		tui_put(stdscr, y, fx + w, 1, "]", tui_attr(TUI_NORMAL));
		tui_field_note(&fm->fields[i], note, sizeof note);
		tui_put(stdscr, y, fx + w + 2, notew, note, tui_attr(TUI_DIM));
	}
	if (fm->top > 0)
		tui_put(stdscr, r.y, r.x + r.cols - 3, 1, "^", tui_attr(TUI_DIM));
	if (fm->top + fit < fm->n)
		tui_put(stdscr, r.y + 2 * (int)fit, r.x + r.cols - 3, 1, "v", tui_attr(TUI_DIM));
	if (fm->n)
		tui_put_wrapped_more(stdscr, r.y + r.rows - 2, r.x + 2, r.cols - 4, 2, _(fm->items[fm->cur].help),
				tui_attr(TUI_NORMAL));
}

int tui_form_autosave(struct tui_form *fm)
{
	if (fm->n == 0 || !fm->fields[fm->cur].changed)
		return 0;
	if (!tui_field_check(&fm->fields[fm->cur]))
		return -1;
	if (!fm->autosave)
		return 0;
	return fm->autosave(fm, fm->cur, fm->autosave_arg);
}

/* A choice is confirmed as soon as it is picked. */
static int chose(struct tui_form *fm, int v)
{
	tui_form_set_choice(fm, fm->cur, v);
	(void)tui_form_autosave(fm);
	return TUI_HANDLED;
}

static void picked(void *arg, int k)
{
	chose(arg, k);
}

static int go(struct tui_form *fm, long delta);

static int choice_key(struct tui_form *fm, int key, enum tui_action act)
{
	const struct tui_form_item *it = &fm->items[fm->cur];
	int *v = &fm->sel[fm->cur], n = (int)it->nopts;
	act = tui_key_action(key, TUI_SCOPE_ANY | TUI_SCOPE_NAV);
	switch (act) {
	case TUI_ACT_RIGHT:
	case TUI_ACT_TOGGLE:
		return chose(fm, *v + 1 >= n ? 0 : *v + 1);
	case TUI_ACT_LEFT:
		return chose(fm, *v <= 0 ? n - 1 : *v - 1);
	case TUI_ACT_SELECT:
		tui_choice_pick(_(it->label), it->opts, it->nopts, *v, picked, fm);
		return TUI_HANDLED;
	default:
		break;
	}
	if (key >= '1' && key <= '9' && key - '1' < n)
		return chose(fm, key - '1');
	if (act == TUI_ACT_DOWN || act == TUI_ACT_UP) /* j and k too: nothing is typed here */
		return go(fm, act == TUI_ACT_DOWN ? 1 : -1);
	if (!TUI_IS_FN(key) && key >= 0x20 && key != 27 && act != TUI_ACT_HELP && act != TUI_ACT_BACK) {
		/* a letter must not fall through to q (leave) while the user thinks they are typing */
		tui_error("%s", _("Change this choice with Left/Right or Space, or press Enter to see the options."));
		return TUI_HANDLED;
	}
	return TUI_UNHANDLED;
}

static int go(struct tui_form *fm, long delta)
{
	/* leaving a field checks it, so a bad date is caught where it was typed, and saves it */
	if (!tui_field_check(&fm->fields[fm->cur]) || tui_form_autosave(fm) != 0)
		return TUI_HANDLED;
	long c = (long)fm->cur + delta;
	fm->cur = c < 0 ? fm->n - 1 : (size_t)c % fm->n;
	return TUI_HANDLED;
}

int tui_form_key(struct tui_form *fm, int key, enum tui_action act)
{
	if (fm->n == 0)
		return TUI_UNHANDLED;
	if (fm->items[fm->cur].opts) {
		if (choice_key(fm, key, act) == TUI_HANDLED)
			return TUI_HANDLED;
	} else if (tui_field_key(&fm->fields[fm->cur], key) == TUI_HANDLED) {
		return TUI_HANDLED;
	}
	act = tui_key_action(key, TUI_SCOPE_ANY); /* letters are text here */
	switch (act) {
	case TUI_ACT_NEXT_FIELD:
	case TUI_ACT_DOWN:
		return go(fm, 1);
	case TUI_ACT_PREV_FIELD:
	case TUI_ACT_UP:
		return go(fm, -1);
	case TUI_ACT_SELECT:
		if (fm->cur + 1 < fm->n)
			return go(fm, 1);
		return tui_form_check(fm) ? TUI_FORM_SUBMIT : TUI_HANDLED; /* Enter in the last field saves */
	case TUI_ACT_SAVE:
		return tui_form_check(fm) ? TUI_FORM_SUBMIT : TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}
