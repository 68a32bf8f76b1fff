/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The default key bindings and key names; actions themselves are listed in keys.h. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "base/i18n.h"
#include "tui/keys.h"

static const struct {
	const char *label, *help;
} actions[TUI_ACT_COUNT] = {
	[TUI_ACT_NONE] = { "", "" },
#define X(id, label, help) [TUI_ACT_##id] = { label, help },
	TUI_ACTIONS(X)
#undef X
};

/* Order matters: the first binding of an action is the one the status bar shows. */
static const struct tui_binding bindings[] = {
	{ TUI_FN(KEY_UP), TUI_ACT_UP, TUI_SCOPE_ANY },
	{ 'k', TUI_ACT_UP, TUI_SCOPE_NAV },
	{ TUI_FN(KEY_DOWN), TUI_ACT_DOWN, TUI_SCOPE_ANY },
	{ 'j', TUI_ACT_DOWN, TUI_SCOPE_NAV },
	{ TUI_FN(KEY_PPAGE), TUI_ACT_PAGE_UP, TUI_SCOPE_ANY },
	{ TUI_FN(KEY_NPAGE), TUI_ACT_PAGE_DOWN, TUI_SCOPE_ANY },
	{ TUI_FN(KEY_HOME), TUI_ACT_FIRST, TUI_SCOPE_NAV },
	{ 'g', TUI_ACT_FIRST, TUI_SCOPE_NAV },
	{ TUI_FN(KEY_END), TUI_ACT_LAST, TUI_SCOPE_NAV },
	{ 'G', TUI_ACT_LAST, TUI_SCOPE_NAV },
	{ '\n', TUI_ACT_SELECT, TUI_SCOPE_ANY },
	{ '\r', TUI_ACT_SELECT, TUI_SCOPE_ANY },
	{ TUI_FN(KEY_ENTER), TUI_ACT_SELECT, TUI_SCOPE_ANY },
	{ 'q', TUI_ACT_BACK, TUI_SCOPE_NAV },
	{ 27, TUI_ACT_BACK, TUI_SCOPE_ANY },
	{ TUI_FN(KEY_F(1)), TUI_ACT_HELP, TUI_SCOPE_ANY },
	{ '?', TUI_ACT_HELP, TUI_SCOPE_NAV },
	{ '/', TUI_ACT_SEARCH, TUI_SCOPE_NAV },
	{ '\t', TUI_ACT_NEXT_FIELD, TUI_SCOPE_ANY },
	{ TUI_FN(KEY_BTAB), TUI_ACT_PREV_FIELD, TUI_SCOPE_ANY },
	{ TUI_FN(KEY_F(2)), TUI_ACT_SAVE, TUI_SCOPE_ANY },
	{ TUI_CTRL('s'), TUI_ACT_SAVE, TUI_SCOPE_ANY },
	{ 'd', TUI_ACT_DELETE, TUI_SCOPE_NAV },
	{ TUI_FN(KEY_DC), TUI_ACT_DELETE, TUI_SCOPE_NAV },
	{ 'a', TUI_ACT_ADD, TUI_SCOPE_NAV },
	{ TUI_FN(KEY_IC), TUI_ACT_ADD, TUI_SCOPE_NAV },
	{ 'e', TUI_ACT_EDIT, TUI_SCOPE_NAV },
	{ TUI_FN(KEY_LEFT), TUI_ACT_LEFT, TUI_SCOPE_NAV },
	{ 'h', TUI_ACT_LEFT, TUI_SCOPE_NAV },
	{ TUI_FN(KEY_RIGHT), TUI_ACT_RIGHT, TUI_SCOPE_NAV },
	{ 'l', TUI_ACT_RIGHT, TUI_SCOPE_NAV },
	{ ' ', TUI_ACT_TOGGLE, TUI_SCOPE_NAV },
	{ 's', TUI_ACT_SUGGEST, TUI_SCOPE_NAV },
	{ 'x', TUI_ACT_DISMISS, TUI_SCOPE_NAV },
	{ 'v', TUI_ACT_BY_SYSTEM, TUI_SCOPE_NAV },
	{ 'f', TUI_ACT_FACTS, TUI_SCOPE_NAV },
	{ TUI_FN(KEY_F(10)), TUI_ACT_QUIT, TUI_SCOPE_ANY },
	{ TUI_CTRL('c'), TUI_ACT_QUIT, TUI_SCOPE_ANY },
	{ TUI_CTRL('l'), TUI_ACT_REDRAW, TUI_SCOPE_ANY },
};

const struct tui_binding *tui_bindings(size_t *n)
{
	*n = sizeof bindings / sizeof bindings[0];
	return bindings;
}

enum tui_action tui_key_action(int key, int scopes)
{
	for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
		if (bindings[i].key == key && (bindings[i].scope & scopes))
			return bindings[i].action;
	return TUI_ACT_NONE;
}

const char *tui_action_label(enum tui_action a)
{
	return a > TUI_ACT_NONE && a < TUI_ACT_COUNT ? _(actions[a].label) : "";
}

const char *tui_action_help(enum tui_action a)
{
	return a > TUI_ACT_NONE && a < TUI_ACT_COUNT ? _(actions[a].help) : "";
}

static const struct {
	int key;
	const char *name;
} names[] = {
	{ TUI_FN(KEY_UP), "Up" },      { TUI_FN(KEY_DOWN), "Down" },   { TUI_FN(KEY_LEFT), "Left" },
	{ TUI_FN(KEY_RIGHT), "Right" }, { TUI_FN(KEY_HOME), "Home" },  { TUI_FN(KEY_END), "End" },
	{ TUI_FN(KEY_PPAGE), "PgUp" }, { TUI_FN(KEY_NPAGE), "PgDn" },  { '\n', "Enter" },
	{ '\r', "Enter" },             { TUI_FN(KEY_ENTER), "Enter" }, { 27, "Esc" },
	{ '\t', "Tab" },               { TUI_FN(KEY_BTAB), "Shift-Tab" },   { TUI_FN(KEY_BACKSPACE), "BS" },
	{ 127, "BS" },                 { TUI_FN(KEY_DC), "Del" },      { TUI_FN(KEY_IC), "Ins" },
	{ ' ', "Space" },              { '<', "lt" },                  { '>', "gt" },
	{ TUI_FN(KEY_RESIZE), "Resize" },
};

const char *tui_action_key_name(enum tui_action a, int scopes)
{
	static char buf[16];
	for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
		if (bindings[i].action == a && (bindings[i].scope & scopes))
			return tui_key_name(bindings[i].key, buf);
	return NULL;
}

static int printable(int key, char buf[16])
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = wcrtomb(buf, (wchar_t)key, &st);
	if (n == (size_t)-1 || n >= 16)
		return 0;
	buf[n] = '\0';
	return 1;
}

const char *tui_key_name(int key, char buf[16])
{
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key)
			return names[i].name;
	if (key >= TUI_FN(KEY_F(1)) && key <= TUI_FN(KEY_F(12)))
		snprintf(buf, 16, "F%d", key - TUI_FN(KEY_F0));
	else if (key >= 0 && key < 32)
		snprintf(buf, 16, "Ctrl-%c", key + 'A' - 1);
	else if (key > 32 && key < 127)
		snprintf(buf, 16, "%c", key);
	else if (TUI_IS_FN(key) && keyname(key - TUI_FN_BASE) && !strncmp(keyname(key - TUI_FN_BASE), "KEY_", 4))
		snprintf(buf, 16, "%s", keyname(key - TUI_FN_BASE) + 4); /* curses' own name: SLEFT, F(13) */
	/* else the character itself (「ド」; the screens run in a UTF-8 locale) if it can be shown */
	else if (TUI_IS_FN(key) || key < 0xA0 || wcwidth((wchar_t)key) < 1 || !printable(key, buf))
		snprintf(buf, 16, "U+%04X", (unsigned)key);
	return buf;
}

int tui_key_from_name(const char *name, size_t len)
{
	char buf[16];
	if (len == 0 || len >= sizeof buf)
		return -1;
	memcpy(buf, name, len);
	buf[len] = '\0';
	if (!strcmp(buf, "BTab") || !strcmp(buf, "S-Tab"))
		return TUI_FN(KEY_BTAB);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(names[i].name, buf))
			return names[i].key;
	if (buf[0] == 'F' && len <= 3) {
		int n = 0;
		for (size_t i = 1; i < len; i++)
			n = buf[i] >= '0' && buf[i] <= '9' ? n * 10 + buf[i] - '0' : -1;
		if (len > 1 && n >= 1 && n <= 12)
			return TUI_FN(KEY_F(n));
	}
	if (len == 3 && buf[0] == 'C' && buf[1] == '-' && buf[2] >= 'a' && buf[2] <= 'z')
		return TUI_CTRL(buf[2]);
	return -1;
}
