/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The home screen: the steps of the assessment with how far each is, and what is still missing in
 * the selected one. Each step opens its screen; the last screen opened is remembered. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/findings.h"
#include "model/progress.h"
#include "tui/draw.h"
#include "tui/help_text.h"
#include "tui/list.h"
#include "tui/scr_facts.h"
#include "tui/scr_years.h"
#include "tui/screen.h"
#include "tui/state.h"
#include "tui/template_pick.h"
#include "tui/term.h"
#include "tui/wb.h"

/* The entries in the order of the work; step is the progress shown, -1 for none. Digits 1-9 and 0
 * (the tenth) open them. */
struct entry {
	const char *code, *label;
	int step;
	int (*open)(void);
};

static int open_risks(void) { return tui_threats_open(); }

static const struct entry entries[] = {
	{ "clinic", N_("Clinic and roles"), AZ_STEP_CLINIC, tui_clinic_open },
	{ "contacts", N_("Contact chart"), AZ_STEP_CONTACTS, tui_contacts_open },
	{ "systems", N_("Systems"), AZ_STEP_SYSTEMS, tui_systems_open },
	{ "vendors", N_("Vendors"), AZ_STEP_VENDORS, tui_vendors_open },
	{ "risks", N_("Risks"), AZ_STEP_RISKS, open_risks },
	{ "checklist", N_("Checklist"), AZ_STEP_CHECKLIST, tui_checklist_open },
	{ "heatmap", N_("Risk map"), -1, tui_heatmap_open },
	{ "approval", N_("Approval"), AZ_STEP_APPROVAL, tui_approval_open },
	{ "export", N_("Export"), -1, tui_export_open },
	{ "years", N_("Years"), -1, tui_years_open },
	{ "findings", N_("Findings"), -1, tui_findings_open }, /* 要確認事項: opened with ! */
};
#define NENTRIES (sizeof entries / sizeof entries[0])

struct home {
	struct tui_list list;
	struct az_progress progress;
	size_t must, check; /* the findings by level (model/findings.h) */
	unsigned long generation; /* of the book the progress was computed from */
	int computed;
	int away; /* a screen was opened from here; remember "home" at the next key */
	int leaving; /* q or Esc was pressed once: a second press leaves anzen */
	char rows[NENTRIES][400];
};

static void compute(struct home *h)
{
	if (h->computed && h->generation == tui_wb->generation)
		return;
	if (h->computed)
		az_progress_free(&h->progress);
	h->computed = az_progress_compute(&tui_wb->book, tui_wb->cat, &h->progress) == 0;
	h->generation = tui_wb->generation;
	struct az_findings f;
	h->must = h->check = 0;
	if (az_findings_compute(&tui_wb->book, tui_wb->cat, NULL, &f) == 0) {
		h->must = az_findings_count(&f, AZ_FINDING_MUST);
		h->check = az_findings_count(&f, AZ_FINDING_CHECK);
		az_findings_free(&f);
	}
	int lw = 0;
	for (size_t i = 0; i < NENTRIES; i++) {
		int w = tui_width(_(entries[i].label));
		lw = w > lw ? w : lw;
	}
	for (size_t i = 0; i < NENTRIES; i++) {
		char *r = h->rows[i];
		size_t n = sizeof h->rows[i];
		int len = i < 10 ? snprintf(r, n, "%zu  %s", (i + 1) % 10, _(entries[i].label))
				 : snprintf(r, n, "!  %s", _(entries[i].label));
		/* pad by display width: Japanese labels are two cells a character */
		for (int w = tui_width(_(entries[i].label)); w < lw + 2 && len + 1 < (int)n; w++)
			r[len++] = ' ', r[len] = '\0';
		if (!strcmp(entries[i].code, "findings")) {
			if (h->must + h->check)
				snprintf(r + len, n - (size_t)len, _("%zu must fix (要対応), %zu to check (要確認)"), h->must,
					 h->check);
			else
				snprintf(r + len, n - (size_t)len, "%s", _("none: the workbook is consistent"));
			continue;
		}
		if (entries[i].step < 0 || !h->computed)
			continue;
		const struct az_step_progress *p = &h->progress.step[entries[i].step];
		int pc = az_step_percent(p), bars = pc / 10;
		char bar[16];
		for (int k = 0; k < 10; k++)
			bar[k] = k < bars ? '#' : '.';
		bar[10] = '\0';
		/* the figure and the mark say it without colour: OK, or how many things are missing */
		if (p->total == 0)
			snprintf(r + len, n - (size_t)len, "[%s]    -  %s", "..........", _("nothing to do yet"));
		else if (p->nmissing == 0)
			snprintf(r + len, n - (size_t)len, "[%s] %3d%%  %s", bar, pc, _("done"));
		else
			snprintf(r + len, n - (size_t)len, "[%s] %3d%%  %zu/%zu", bar, pc, p->done, p->total);
	}
}

static size_t home_count(void *ctx)
{
	(void)ctx;
	return NENTRIES;
}

static const char *home_text(void *ctx, size_t i) { return ((struct home *)ctx)->rows[i]; }

static int home_enter(struct tui_screen *s)
{
	struct home *h = s->data;
	compute(h);
	return tui_list_init(&h->list, home_count, home_text, h);
}

static void home_draw(struct tui_screen *s, struct tui_rect body)
{
	struct home *h = s->data;
	compute(h);
	s->scopes = tui_list_scopes(&h->list);
	int listrows = (int)NENTRIES + 1;
	struct tui_rect r = { body.y + 1, body.x + 2, listrows, body.cols - 4 };
	tui_list_draw(&h->list, r);
	long sel = tui_list_selected(&h->list);
	int y = body.y + 2 + listrows, rows = body.rows - (y - body.y);
	if (tui_template_blank() && rows > 3) { /* a new owner's first screen: the shortest way in */
		tui_put_more(stdscr, y - 1, body.x + 2, body.cols - 4,
			     _("New workbook: t starts it from a template (a typical clinic's setup)."),
			     tui_attr(TUI_LABEL_ACTIVE));
		y += 1; /* on the blank line under the list, and one blank line after it */
		rows -= 1;
	}
	if (sel < 0 || rows < 2 || !h->computed)
		return;
	const struct entry *e = &entries[sel];
	if (e->step < 0) {
		tui_put(stdscr, y, body.x + 2, body.cols - 4,
			!strcmp(e->code, "findings") ? _("Enter (or !) lists them; each opens the screen where it is fixed.")
						     : _("Open it with Enter."),
			tui_attr(TUI_DIM));
		return;
	}
	const struct az_step_progress *p = &h->progress.step[e->step];
	char head[300];
	if (p->total == 0) {
		tui_put(stdscr, y, body.x + 2, body.cols - 4, _("Nothing to do here until the steps above are filled in."),
			tui_attr(TUI_DIM));
		return;
	}
	if (p->nmissing == 0) {
		snprintf(head, sizeof head, _("%s: nothing is missing."), _(e->label));
		tui_put(stdscr, y, body.x + 2, body.cols - 4, head, tui_attr(TUI_NORMAL));
		return;
	}
	snprintf(head, sizeof head, _("Still missing in %s:"), _(e->label));
	tui_put(stdscr, y++, body.x + 2, body.cols - 4, head, tui_attr(TUI_LABEL_ACTIVE));
	rows--;
	size_t kept = p->nmissing < AZ_PROGRESS_KEPT ? p->nmissing : AZ_PROGRESS_KEPT, shown = 0;
	for (size_t i = 0; i < kept && rows > 0; i++, shown++) {
		if (rows == 1 && i + 1 < p->nmissing)
			break; /* the last row says how many more there are */
		char line[1100];
		snprintf(line, sizeof line, "- %s", p->missing[i] ? p->missing[i] : "?");
		int used = tui_put_wrapped(stdscr, y, body.x + 4, body.cols - 6, rows, 0, line, tui_attr(TUI_NORMAL));
		used = used > rows ? rows : used;
		y += used;
		rows -= used;
	}
	if (p->nmissing > shown && rows > 0) {
		char more[100];
		snprintf(more, sizeof more, _("... and %zu more"), p->nmissing - shown);
		tui_put(stdscr, y, body.x + 4, body.cols - 6, more, tui_attr(TUI_DIM));
	}
}

static int open_entry(struct home *h, size_t i)
{
	h->list.sel = i; /* the view is never filtered here, so positions are indexes */
	if (entries[i].open() != 0)
		return -1;
	tui_state_remember(entries[i].code);
	h->away = 1;
	return 0;
}

static int home_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct home *h = s->data;
	if (h->away) { /* back on the home screen: reopening starts here */
		tui_state_remember("home");
		h->away = 0;
	}
	/* q or Esc leaves anzen only when pressed twice: on a projector a stray key must not end the show */
	if (act == TUI_ACT_BACK && !h->list.filtering) {
		if (h->leaving)
			return TUI_UNHANDLED;
		char buf[16];
		h->leaving = 1;
		tui_info(_("Press %s again to leave anzen (everything is saved); any other key stays here."),
			 tui_key_name(key, buf));
		return TUI_HANDLED;
	}
	h->leaving = 0;
	if (!h->list.filtering && key == 't' && tui_template_blank()) {
		tui_template_pick();
		return TUI_HANDLED;
	}
	if (!h->list.filtering && key == '!') {
		open_entry(h, NENTRIES - 1);
		return TUI_HANDLED;
	}
	if (!h->list.filtering && key >= '0' && key <= '9') {
		size_t i = key == '0' ? 9 : (size_t)(key - '1');
		if (i < NENTRIES) {
			open_entry(h, i);
			return TUI_HANDLED;
		}
	}
	if (act == TUI_ACT_SEARCH)
		return TUI_UNHANDLED; /* ten lines need no search, and the numbers stay the rows' */
	int r = tui_list_key(&h->list, key, act);
	if (r != TUI_LIST_CHOSEN)
		return r;
	open_entry(h, (size_t)tui_list_selected(&h->list));
	return TUI_HANDLED;
}

static void home_leave(struct tui_screen *s)
{
	struct home *h = s->data;
	tui_list_free(&h->list);
	if (h->computed)
		az_progress_free(&h->progress);
}

static const enum tui_action home_bar[] = { TUI_ACT_DOWN, TUI_ACT_UP, TUI_ACT_SELECT, TUI_ACT_HELP, TUI_ACT_QUIT,
					    TUI_ACT_NONE };
static const struct tui_screen_ops home_ops = {
	.title = N_("Home"),
	.help = tui_help_home,
	.bar = home_bar,
	.first_book = 1, /* progress and findings: model/book.h */
	TUI_SCREEN_HOOKS(struct home, home_enter, home_draw, home_key, home_leave),
};

int tui_home_open(void)
{
	if (tui_open(&home_ops, NULL) != 0)
		return -1;
	struct home *h = tui_top()->data;
	/* reopening returns to the screen the user was on last time */
	char code[32];
	if (tui_state_recall(tui_wb->path, code, sizeof code) == 0)
		for (size_t i = 0; i < NENTRIES; i++)
			if (strcmp(code, entries[i].code) == 0) {
				h->list.sel = i;
				h->away = entries[i].open() == 0;
				break;
			}
	return 0;
}
