/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The line editor. The buffer holds what the user sees: no control characters ever get in. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "base/i18n.h"
#include "base/date.h"
#include "base/text.h"
#include "tui/draw.h"
#include "tui/field.h"
#include "tui/keys.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "base/wareki.h"

int tui_field_init(struct tui_field *f, enum tui_field_kind kind, size_t max)
{
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->max = kind == TUI_FIELD_DATE ? 10 : max;
	f->buf = calloc(f->max + 1, sizeof *f->buf);
	return f->buf ? 0 : -1;
}

void tui_field_free(struct tui_field *f)
{
	free(f->buf);
	memset(f, 0, sizeof *f);
}

int tui_field_set(struct tui_field *f, const char *utf8)
{
	size_t n;
	wchar_t *w = tui_decode(utf8, &n);
	int rc = 0;
	if (!w) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	if (n > f->max) {
		tui_error(_("The text had %zu characters; this field holds %zu, so only the first %zu are shown."),
			  n, f->max, f->max);
		n = f->max;
		rc = -1;
	}
	wmemcpy(f->buf, w, n);
	f->buf[n] = L'\0';
	f->len = n;
	f->cur = f->scroll = 0;
	f->changed = 0;
	free(w);
	return rc;
}

char *tui_field_text(const struct tui_field *f) { return tui_encode(f->buf, f->len); }

static void refuse_full(struct tui_field *f)
{
	f->dropped++;
	tui_error(ngettext("This field holds at most %zu characters: %zu character was not added.",
			   "This field holds at most %zu characters: %zu characters were not added.", f->dropped),
		  f->max, f->dropped);
}

/* Full-width digits and dashes from an IME count as their ASCII forms in a date. */
static wchar_t date_char(wchar_t c)
{
	if (c >= 0xFF10 && c <= 0xFF19)
		return L'0' + (c - 0xFF10);
	if (c == 0xFF0D || c == 0x30FC || c == 0x2212 || c == 0x2010 || c == 0x2015)
		return L'-';
	return c;
}

static int insert(struct tui_field *f, wchar_t c)
{
	if (f->kind == TUI_FIELD_DATE) {
		c = date_char(c);
		if (!(c >= L'0' && c <= L'9') && c != L'-') {
			tui_error("%s", _("A date has only digits and '-': YYYY-MM-DD, for example 2026-11-23."));
			return TUI_HANDLED;
		}
	}
	if (wcwidth(c) < 0) {
		tui_error("%s", _("Ignored a character that cannot be shown."));
		return TUI_HANDLED;
	}
	/* a combining (han)dakuten joins the kana before it when there is a composed form */
	if (wcwidth(c) == 0 && f->cur > 0) {
		wchar_t pair[3] = { f->buf[f->cur - 1], c, 0 };
		char *u = tui_encode(pair, 2);
		size_t n;
		wchar_t *w = u ? tui_decode(u, &n) : NULL;
		free(u);
		if (w && n == 1) {
			f->buf[f->cur - 1] = w[0];
			f->changed = 1;
			free(w);
			return TUI_HANDLED;
		}
		free(w);
	}
	if (f->len >= f->max) {
		refuse_full(f);
		return TUI_HANDLED;
	}
	wmemmove(f->buf + f->cur + 1, f->buf + f->cur, f->len - f->cur + 1);
	f->buf[f->cur++] = c;
	f->len++;
	f->changed = 1;
	return TUI_HANDLED;
}

static void erase_range(struct tui_field *f, size_t from, size_t to)
{
	if (to <= from)
		return;
	wmemmove(f->buf + from, f->buf + to, f->len - to + 1);
	f->len -= to - from;
	f->cur = from;
	f->changed = 1;
}

int tui_field_key(struct tui_field *f, int key)
{
	if (!TUI_IS_FN(key) && key >= 0x20 && key != 0x7F && !(key >= 0x80 && key < 0xA0))
		return insert(f, (wchar_t)key);
	f->dropped = 0;
	switch (key) {
	case TUI_FN(KEY_LEFT):
		f->cur = tui_cluster_prev(f->buf, f->cur);
		return TUI_HANDLED;
	case TUI_FN(KEY_RIGHT):
		f->cur = tui_cluster_next(f->buf, f->len, f->cur);
		return TUI_HANDLED;
	case TUI_FN(KEY_HOME):
	case TUI_CTRL('a'):
		f->cur = 0;
		return TUI_HANDLED;
	case TUI_FN(KEY_END):
	case TUI_CTRL('e'):
		f->cur = f->len;
		return TUI_HANDLED;
	case TUI_FN(KEY_BACKSPACE):
	case 127:
	case 8:
		erase_range(f, tui_cluster_prev(f->buf, f->cur), f->cur);
		return TUI_HANDLED;
	case TUI_FN(KEY_DC):
	case TUI_CTRL('d'):
		erase_range(f, f->cur, tui_cluster_next(f->buf, f->len, f->cur));
		return TUI_HANDLED;
	case TUI_CTRL('u'):
		erase_range(f, 0, f->cur);
		return TUI_HANDLED;
	case TUI_CTRL('k'):
		erase_range(f, f->cur, f->len);
		return TUI_HANDLED;
	}
	if (TUI_IS_FN(key) || tui_key_action(key, TUI_SCOPE_ANY) != TUI_ACT_NONE)
		return TUI_UNHANDLED; /* Enter, Esc, Tab, arrows, F-keys: the form's business */
	/* any other control character, as pasted text may carry: never inserted */
	tui_error("%s", _("Ignored a control character (pasted text can carry them)."));
	return TUI_HANDLED;
}

int tui_field_check(const struct tui_field *f)
{
	if (f->kind != TUI_FIELD_DATE || f->len == 0)
		return 1;
	char *s = tui_field_text(f);
	int ok = s && az_date_valid(s);
	if (!ok)
		tui_error(_("%s is not a date that exists. Write it as YYYY-MM-DD, for example 2026-11-23."),
			  s ? s : "");
	free(s);
	return ok;
}

void tui_field_note(const struct tui_field *f, char *out, size_t size)
{
	if (f->kind == TUI_FIELD_TEXT) {
		snprintf(out, size, "%zu/%zu", f->len, f->max);
		return;
	}
	char *s = tui_field_text(f);
	char era[64];
	if (s && az_date_valid(s) && az_ui_japanese() && az_wareki(s, era, sizeof era) == 0)
		snprintf(out, size, "%s", era);
	else
		snprintf(out, size, "%s", f->len ? "" : "YYYY-MM-DD");
	free(s);
}

void tui_field_draw(struct tui_field *f, int y, int x, int width, int active)
{
	if (width < 2)
		return;
	/* keep the cursor cell inside the field: scroll by whole characters */
	if (f->cur < f->scroll)
		f->scroll = f->cur;
	int need = f->cur < f->len ? tui_wcwidth(f->buf[f->cur]) : 1;
	while (f->scroll < f->cur && tui_wswidth(f->buf + f->scroll, f->cur - f->scroll) + need > width)
		f->scroll = tui_cluster_next(f->buf, f->len, f->scroll);
	/* after deleting, show as much as fits again */
	while (f->scroll > 0) {
		size_t prev = tui_cluster_prev(f->buf, f->scroll);
		if (tui_wswidth(f->buf + prev, f->len - prev) + 1 > width)
			break;
		f->scroll = prev;
	}
	attr_t a = tui_attr(active ? TUI_FIELD_ACTIVE : TUI_FIELD);
	tui_putw(stdscr, y, x, width, f->buf + f->scroll, f->len - f->scroll, a);
	if (active) {
		tui_set_cursor(y, x + tui_wswidth(f->buf + f->scroll, f->cur - f->scroll));
		tui_accepts_text();
	}
}
