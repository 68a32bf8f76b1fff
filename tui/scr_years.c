/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The earlier years (model/diff's history), and starting the next one. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include <sys/stat.h>

#include "base/i18n.h"
#include "base/text.h"
#include "model/diff.h"
#include "model/next_year.h"
#include "tui/confirm.h"
#include "tui/draw.h"
#include "tui/help_text.h"
#include "tui/lines.h"
#include "tui/scr_years.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/wb.h"

#define MAX_YEARS 101

struct years {
	struct tui_lines l; /* first: one line a year */
	int years[MAX_YEARS];
	int nyears;
	char *next; /* the next year's file, while its confirmation is asked */
};

/* The list, and under it a line for starting the next year. */
static void draw(struct tui_screen *s, struct tui_rect body)
{
	struct years *y = s->data;
	if (body.rows > 3) {
		body.rows -= 2;
		char line[200];
		snprintf(line, sizeof line, "a  %s", _("Start next year"));
		tui_put(stdscr, body.y + body.rows + 1, body.x + 1, body.cols - 2, line, tui_attr(TUI_LABEL_ACTIVE));
	}
	tui_lines_draw(&y->l, s, body);
}

static void leave(struct tui_screen *s)
{
	struct years *y = s->data;
	free(y->next);
	tui_lines_free(&y->l);
}

static int years_enter(struct tui_screen *s)
{
	struct years *l = s->data;
	struct az_error err = { 0 };
	if (!tui_wb || !tui_wb->store) {
		tui_error("%s", _("No workbook is open."));
		return -1;
	}
	l->nyears = az_history_years(tui_wb->store, l->years, MAX_YEARS, &err);
	if (l->nyears < 0) {
		tui_error("%s", err.msg);
		return -1;
	}
	for (int i = 0; i < l->nyears; i++)
		if (tui_lines_add(&l->l, _("Fiscal year %d"), l->years[i])) {
			tui_error("%s", _("out of memory"));
			return -1;
		}
	if (tui_lines_list(&l->l))
		return -1;
	l->l.list.empty = N_("No earlier year yet: a new year is started with 'a' below or 'anzen next-year'.");
	return 0;
}

/* After the confirmation: the new file beside this one; this workbook is only read. */
static void start_next(void *arg)
{
	struct years *l = arg;
	struct az_error err = { 0 };
	int old_year = 0, new_year = 0;
	int rc = tui_next_year_write(tui_wb->store, tui_wb->path, l->next, 0, &old_year, &new_year, &err);
	char *p = az_text_sanitize(l->next);
	if (rc != AZ_OK)
		tui_error("%s", err.msg);
	else
		tui_info(_("Created %s for fiscal year %d. Open it with: anzen open %s"), p ? p : "?", new_year,
			 p ? p : "?");
	free(p);
	free(l->next);
	l->next = NULL;
}

static void ask_next(struct years *l)
{
	int year = tui_wb->book.assessment.fiscal_year + 1;
	if (tui_wb->book.assessment.fiscal_year <= 0) {
		tui_error("%s", _("This workbook has no fiscal year, so there is no next year to start."));
		return;
	}
	free(l->next);
	l->next = tui_next_year_path(tui_wb->path, year);
	if (!l->next) {
		tui_error("%s", _("out of memory"));
		return;
	}
	char *p = az_text_sanitize(l->next);
	struct stat st;
	if (stat(l->next, &st) == 0) {
		tui_error(_("%s already exists; nothing was created."), p ? p : "?");
		free(p);
		free(l->next);
		l->next = NULL;
		return;
	}
	char q[1200];
	snprintf(q, sizeof q, _("Start fiscal year %d in the new file %s? This workbook is not changed."), year,
		 p ? p : "?");
	free(p);
	tui_confirm(q, start_next, l);
}

static int years_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct years *l = s->data;
	if (act == TUI_ACT_ADD && !l->l.list.filtering) {
		ask_next(l);
		return TUI_HANDLED;
	}
	int r = tui_list_key(&l->l.list, key, act);
	if (r != TUI_LIST_CHOSEN)
		return r;
	long i = tui_list_selected(&l->l.list);
	if (i >= 0)
		tui_changes_open(l->years[i]);
	return TUI_HANDLED;
}

static const enum tui_action years_bar[] = { TUI_ACT_DOWN, TUI_ACT_UP, TUI_ACT_SELECT, TUI_ACT_ADD, TUI_ACT_SEARCH,
					     TUI_ACT_HELP, TUI_ACT_BACK, TUI_ACT_NONE };
static const struct tui_screen_ops years_ops = {
	.title = N_("Earlier years"),
	.help = tui_help_years,
	.bar = years_bar,
	TUI_SCREEN_HOOKS(struct years, years_enter, draw, years_key, leave),
};

int tui_years_open(void) { return tui_open(&years_ops, NULL); }
