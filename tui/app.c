/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The screens' entry point: checks, curses up, the home screen, the loop, curses down. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/error.h"
#include "base/text.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/dump.h"
#include "tui/help_text.h"
#include "tui/input.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/wb.h"

int tui_wanted(void) { return tui_headless() || (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)); }

int tui_preflight(void) { return tui_term_check(); }

/* Shown instead of the workbook when it cannot be opened (in use, damaged, newer): the store's
 * message, and nothing written. */
static void failed_draw(struct tui_screen *s, struct tui_rect body)
{
	tui_put_wrapped(stdscr, body.y + 1, body.x + 2, body.cols - 4, 2, 0, _("The workbook cannot be opened."),
			tui_attr(TUI_ERROR));
	tui_put_wrapped(stdscr, body.y + 4, body.x + 2, body.cols - 4, body.rows - 8, 0, s->data, tui_attr(TUI_NORMAL));
	tui_put_wrapped(stdscr, body.y + body.rows - 3, body.x + 2, body.cols - 4, 2, 0,
			_("Nothing was changed. Press q to leave."), tui_attr(TUI_DIM));
}

static void failed_leave(struct tui_screen *s) { free(s->data); }

static const enum tui_action failed_bar[] = { TUI_ACT_BACK, TUI_ACT_HELP, TUI_ACT_NONE };
static const struct tui_screen_ops failed_ops = {
	.title = N_("Cannot open"),
	.help = tui_help_open_failed,
	.bar = failed_bar,
	.draw = failed_draw,
	.leave = failed_leave,
};

int tui_run(const char *path)
{
	struct az_error err = { 0 };
	int rc = tui_term_check();
	if (rc != AZ_OK)
		return rc;
	if ((rc = tui_term_start()) != AZ_OK)
		return rc;
	if (tui_input_open(&err) != AZ_OK) {
		tui_term_stop();
		char *msg = az_text_sanitize(err.msg);
		fprintf(stderr, "anzen: %s\n", msg ? msg : "?");
		free(msg);
		return err.code;
	}
	tui_set_context(path);
	int wrc = tui_wb_open(path, &err);
	if (wrc != AZ_OK) {
		char *msg = strdup(err.msg);
		if (msg && tui_push(&failed_ops, msg) == 0)
			tui_loop();
		rc = wrc;
	} else if (tui_home_open() == 0) {
		rc = tui_loop();
	}
	const char *dump = getenv("ANZEN_DUMP");
	if (tui_headless() && dump && *dump && !tui_dumped() && tui_dump(dump, "w") != 0)
		rc = AZ_CANTCREAT;
	tui_input_close();
	tui_term_stop();
	if (wrc != AZ_OK) {
		/* also on stderr, for whoever started anzen from a script */
		char *msg = az_text_sanitize(err.msg);
		fprintf(stderr, "anzen: %s\n", msg ? msg : "?");
		free(msg);
	} else if (tui_wb_close() != AZ_OK && rc == AZ_OK) {
		fprintf(stderr, "%s\n", _("anzen: the workbook was not closed cleanly"));
		rc = AZ_IOERR;
	}
	if (rc == AZ_CANTCREAT)
		fprintf(stderr, _("anzen: cannot write the screen dump %s\n"), dump);
	return rc;
}
