/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* 要確認事項: the workbook's findings (model/findings.h), most urgent first; Enter opens the screen
 * where each is fixed. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "model/findings.h"
#include "tui/draw.h"
#include "tui/help_text.h"
#include "tui/list.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/wb.h"

struct findings {
	struct tui_list list;
	struct az_findings f;
	unsigned long generation;
	int computed;
	char line[2048];
};

static void compute(struct findings *d)
{
	if (d->computed && d->generation == tui_wb->generation)
		return;
	if (d->computed)
		az_findings_free(&d->f);
	d->computed = az_findings_compute(&tui_wb->book, tui_wb->cat, NULL, &d->f) == 0;
	d->generation = tui_wb->generation;
}

static size_t count(void *ctx)
{
	struct findings *d = ctx;
	return d->computed ? d->f.n : 0;
}

static const char *text(void *ctx, size_t i)
{
	struct findings *d = ctx;
	const struct az_finding *x = &d->f.v[i];
	snprintf(d->line, sizeof d->line, "[%s] %s  %s", az_finding_level_name(x->level), x->item, x->message);
	return d->line;
}

static int open_step(enum az_step step)
{
	switch (step) {
	case AZ_STEP_CLINIC:
		return tui_clinic_open();
	case AZ_STEP_CONTACTS:
		return tui_contacts_open();
	case AZ_STEP_SYSTEMS:
		return tui_systems_open();
	case AZ_STEP_VENDORS:
		return tui_vendors_open();
	case AZ_STEP_RISKS:
		return tui_risks_open(0);
	case AZ_STEP_CHECKLIST:
		return tui_checklist_open();
	default:
		return tui_approval_open();
	}
}

static void f_draw(struct tui_screen *s, struct tui_rect body)
{
	struct findings *d = s->data;
	compute(d);
	tui_list_refresh(&d->list);
	s->scopes = tui_list_scopes(&d->list);
	char head[200];
	snprintf(head, sizeof head, _("%zu must fix (要対応), %zu to check (要確認)"),
		 d->computed ? az_findings_count(&d->f, AZ_FINDING_MUST) : 0,
		 d->computed ? az_findings_count(&d->f, AZ_FINDING_CHECK) : 0);
	tui_put(stdscr, body.y, body.x + 2, body.cols - 4, head, tui_attr(TUI_LABEL_ACTIVE));
	/* the list, and below it the selected finding in full (a line is cut at the screen's width) */
	int detail = 4;
	struct tui_rect r = { body.y + 2, body.x + 1, body.rows - 2 - detail, body.cols - 2 };
	tui_list_draw(&d->list, r);
	long i = tui_list_selected(&d->list);
	if (i >= 0 && (size_t)i < d->f.n) {
		char line[2048];
		snprintf(line, sizeof line, "%s: %s", d->f.v[i].item, d->f.v[i].message);
		tui_put_wrapped(stdscr, body.y + body.rows - detail, body.x + 2, body.cols - 4, detail, 0, line,
				tui_attr(TUI_NORMAL));
	}
}

static int f_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct findings *d = s->data;
	int r = tui_list_key(&d->list, key, act);
	long i = tui_list_selected(&d->list);
	if (r == TUI_LIST_CHOSEN && i >= 0 && (size_t)i < d->f.n) {
		open_step(d->f.v[i].step);
		return TUI_HANDLED;
	}
	return r;
}

static void f_leave(struct tui_screen *s)
{
	struct findings *d = s->data;
	tui_list_free(&d->list);
	if (d->computed)
		az_findings_free(&d->f);
	free(d);
}

static const enum tui_action f_bar[] = { TUI_ACT_SELECT, TUI_ACT_SEARCH, TUI_ACT_HELP, TUI_ACT_BACK, TUI_ACT_NONE };
static const struct tui_screen_ops f_ops = {
	.title = N_("Findings (要確認事項)"),
	.help = tui_help_findings,
	.bar = f_bar,
	.draw = f_draw,
	.key = f_key,
	.leave = f_leave,
};

int tui_findings_open(void)
{
	struct findings *d = calloc(1, sizeof *d);
	if (!d || tui_list_init(&d->list, count, text, d) != 0) {
		free(d);
		tui_error("%s", _("out of memory"));
		return -1;
	}
	d->list.empty = N_("Nothing to fix: the workbook is consistent.");
	compute(d);
	return tui_push(&f_ops, d);
}
