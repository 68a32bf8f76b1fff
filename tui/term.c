/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Terminal checks and curses set-up; colour and monochrome attributes per screen role. */
#include <config.h>

#include <curses.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/error.h"
#include "tui/term.h"

static SCREEN *screen;
static FILE *null_out, *null_in;
static int use_colour, started;

int tui_headless(void)
{
	const char *h = getenv("ANZEN_HEADLESS");
	return h && *h && strcmp(h, "0") != 0;
}

int tui_term_check(void)
{
	const char *codeset = nl_langinfo(CODESET);
	if (!codeset || strcmp(codeset, "UTF-8") != 0) {
		fprintf(stderr,
			_("anzen: the screen needs a UTF-8 locale for Japanese text, but this one uses %s.\n"
			  "Set one and try again, for example: LANG=ja_JP.UTF-8 anzen (or LANG=C.UTF-8).\n"),
			codeset && *codeset ? codeset : "?");
		return AZ_USAGE;
	}
	const char *term = getenv("TERM");
	int err = 0;
	const char *why = NULL;
	if (!term || !*term)
		why = _("TERM is not set");
	else if (setupterm(term, STDOUT_FILENO, &err) != OK)
		why = err == 0 ? _("this terminal type is unknown") : _("the terminal database is missing");
	else {
		const char *cup = tigetstr("cup"), *clear = tigetstr("clear");
		if (!cup || cup == (char *)-1 || !clear || clear == (char *)-1)
			why = _("this terminal cannot move the cursor");
		del_curterm(cur_term);
	}
	if (why) {
		fprintf(stderr,
			_("anzen: cannot draw the workbook screens on terminal type '%s': %s.\n"
			  "Run anzen in a terminal window (TERM=xterm-256color), or use 'anzen status'.\n"),
			term ? term : "", why);
		return AZ_USAGE;
	}
	return AZ_OK;
}

static const struct {
	short fg, bg;
	attr_t colour_attr, mono_attr;
} roles[TUI_ROLE_COUNT] = {
	[TUI_NORMAL] = { -1, -1, A_NORMAL, A_NORMAL },
	[TUI_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD },
	[TUI_BAR] = { -1, -1, A_NORMAL, A_NORMAL },
	[TUI_BAR_KEY] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[TUI_SELECTED] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[TUI_FIELD] = { -1, -1, A_UNDERLINE, A_UNDERLINE },
	[TUI_FIELD_ACTIVE] = { COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE },
	[TUI_LABEL_ACTIVE] = { -1, -1, A_BOLD, A_BOLD },
	[TUI_ERROR] = { COLOR_RED, -1, A_BOLD, A_BOLD | A_REVERSE },
	[TUI_INFO] = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[TUI_DIALOG] = { COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_NORMAL },
	[TUI_DIM] = { -1, -1, A_DIM, A_DIM },
};

static void colours_start(void)
{
	const char *no = getenv("NO_COLOR");
	use_colour = 0;
	if ((no && *no) || !has_colors() || start_color() == ERR || COLOR_PAIRS < TUI_ROLE_COUNT)
		return;
	/* -1 keeps the terminal's own background, which matters on a projector */
	int defaults = use_default_colors() == OK;
	for (int r = 1; r < TUI_ROLE_COUNT; r++) {
		short fg = roles[r].fg, bg = roles[r].bg;
		if (!defaults) {
			fg = fg < 0 ? COLOR_WHITE : fg;
			bg = bg < 0 ? COLOR_BLACK : bg;
		}
		if (init_pair((short)r, fg, bg) == ERR)
			return;
	}
	use_colour = 1;
}

attr_t tui_attr(enum tui_role role)
{
	if (role <= TUI_NORMAL || role >= TUI_ROLE_COUNT)
		return A_NORMAL;
	if (!use_colour)
		return roles[role].mono_attr;
	return roles[role].colour_attr | (roles[role].fg < 0 && roles[role].bg < 0 ? 0 : COLOR_PAIR(role));
}

/* Bracketed paste: the terminal marks a paste, so input.c takes it as text, never as keys.
 * Terminals without the mode ignore the request. */
static void paste_mode(int on)
{
	if (tui_headless())
		return;
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}

int tui_term_start(void)
{
	if (tui_headless()) {
		null_out = fopen("/dev/null", "w");
		null_in = fopen("/dev/null", "r");
		if (!null_out || !null_in) {
			fprintf(stderr, "%s", _("anzen: cannot open /dev/null\n"));
			tui_term_stop();
			return AZ_IOERR;
		}
		screen = newterm(NULL, null_out, null_in);
		if (!screen) {
			fprintf(stderr, "%s", _("anzen: cannot start the screen\n"));
			tui_term_stop();
			return AZ_USAGE;
		}
		set_term(screen);
	} else if (!initscr()) {
		fprintf(stderr, "%s", _("anzen: cannot start the screen\n"));
		return AZ_USAGE;
	}
	/* raw: Ctrl-C and Ctrl-S reach us as keys instead of killing or freezing the screen */
	started = 1;
	/* headless, /dev/null has no terminal modes to set */
	int modes = raw() != ERR && noecho() != ERR;
	if ((!modes && !tui_headless()) || keypad(stdscr, TRUE) == ERR) {
		tui_term_stop();
		fprintf(stderr, "%s", _("anzen: cannot set up the terminal\n"));
		return AZ_USAGE;
	}
	(void)nonl();        /* Enter is CR; both CR and LF are bound */
	(void)set_escdelay(25); /* Esc answers at once; sequences from real keys arrive faster */
	(void)curs_set(0);   /* a terminal without cursor visibility control is still usable */
	colours_start();
	paste_mode(1);
	return AZ_OK;
}

void tui_term_stop(void)
{
	if (started) {
		paste_mode(0);
		(void)endwin();
	}
	started = 0;
	if (screen) {
		delscreen(screen);
		screen = NULL;
	}
	if (null_out)
		fclose(null_out);
	if (null_in)
		fclose(null_in);
	null_out = null_in = NULL;
}
