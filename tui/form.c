/* The form widget. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guideline/i18n.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/term.h"

int tui_form_init(struct tui_form *fm, const struct tui_form_item *items, size_t n)
{
	memset(fm, 0, sizeof *fm);
	fm->items = items;
	fm->fields = calloc(n ? n : 1, sizeof *fm->fields);
	if (!fm->fields)
		return -1;
	fm->n = n;
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
	memset(fm, 0, sizeof *fm);
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
		int w = tui_width(_(fm->items[i].label));
		lw = w > lw ? w : lw;
	}
	if (lw > r.cols / 3)
		lw = r.cols / 3;
	/* label | field | note ("12/200" or 令和8年11月23日) */
	int notew = 18, fx = r.x + 2 + lw + 3, fw = r.cols - (fx - r.x) - notew - 3;
	for (size_t i = 0; i < fm->n && (int)(2 * i) + 1 < r.rows - 2; i++) {
		int y = r.y + 1 + 2 * (int)i, active = i == fm->cur;
		char note[64];
		tui_put(stdscr, y, r.x + 2, lw, _(fm->items[i].label), tui_attr(active ? TUI_LABEL_ACTIVE : TUI_NORMAL));
		/* brackets show where the field is, also on a monochrome projector; a date needs 10 cells */
		int w = fm->items[i].kind == TUI_FIELD_DATE ? 11 : fw;
		tui_put(stdscr, y, fx - 1, 1, "[", tui_attr(TUI_NORMAL));
		tui_field_draw(&fm->fields[i], y, fx, w, active);
		tui_put(stdscr, y, fx + w, 1, "]", tui_attr(TUI_NORMAL));
		tui_field_note(&fm->fields[i], note, sizeof note);
		tui_put(stdscr, y, fx + w + 2, notew, note, tui_attr(TUI_DIM));
	}
	if (fm->n)
		tui_put_wrapped(stdscr, r.y + r.rows - 2, r.x + 2, r.cols - 4, 2, 0, _(fm->items[fm->cur].help),
				tui_attr(TUI_NORMAL));
}

static int go(struct tui_form *fm, long delta)
{
	/* leaving a field checks it, so a bad date is caught where it was typed */
	if (!tui_field_check(&fm->fields[fm->cur]))
		return TUI_HANDLED;
	long c = (long)fm->cur + delta;
	fm->cur = c < 0 ? fm->n - 1 : (size_t)c % fm->n;
	return TUI_HANDLED;
}

int tui_form_key(struct tui_form *fm, int key, enum tui_action act)
{
	if (fm->n == 0)
		return TUI_UNHANDLED;
	if (tui_field_key(&fm->fields[fm->cur], key) == TUI_HANDLED)
		return TUI_HANDLED;
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
