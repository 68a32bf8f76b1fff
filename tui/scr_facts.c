/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The facts: plain questions about how the clinic works, for the clinic, each system and each vendor
 * (catalogue facts.yaml), one a line with its answer. 1 yes, 2 no, 3 unknown answer and move to the next
 * question; a date question takes its date on 1. The answers drive the suggested scores. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/decide.h"
#include "model/score_suggest.h"
#include "tui/draw.h"
#include "tui/editbox.h"
#include "tui/help_text.h"
#include "tui/list.h"
#include "tui/scr_assess.h"
#include "tui/scr_facts.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/wb.h"

struct row {
	const struct az_fact *f;
	long long system_id, vendor_id;
	const char *subject; /* the system's or vendor's name; NULL for the clinic */
};

struct facts {
	long long only_system, only_vendor; /* 0: every subject */
	const struct az_threat *threat;     /* non-NULL: only the questions behind its suggestion */
	unsigned long generation;
	struct row *rows;
	char **text;
	char *block;
	size_t n, unanswered;
	struct tui_list list;
};

static const char *answer_word(const struct az_fact *f, const struct az_fact_row *r)
{
	if (!r || r->answer < 0)
		return _("(not answered)");
	if (f->answer == AZ_FACT_DATE && r->answer == 0 && r->value && *r->value)
		return r->value;
	static const char *const words[] = { N_("Yes"), N_("No"), N_("Don't know") };
	return r->answer <= 2 ? _(words[r->answer]) : "?";
}

static int add(struct facts *d, size_t cap, const struct az_fact *f, long long sys, long long ven, const char *subject)
{
	struct row *rw = &d->rows[d->n];
	*rw = (struct row){ f, sys, ven, subject };
	const struct az_fact_row *r = az_fact_find(&tui_wb->book, f->id, sys, ven);
	char *line = d->block + d->n * cap;
	size_t len = 0;
	line[0] = '\0';
	tui_pad_append(line, cap, &len, answer_word(f, r), 15);
	if (subject)
		snprintf(line + len, cap - len, "%s: %s", subject, az_text_get(&f->question));
	else
		snprintf(line + len, cap - len, "%s", az_text_get(&f->question));
	d->text[d->n++] = line;
	d->unanswered += !r || r->answer < 0;
	return 0;
}

static int build(struct facts *d)
{
	const struct az_catalogue *cat = tui_wb->cat;
	const struct az_book *b = &tui_wb->book;
	size_t cap = 600, max = cat->nfacts * (1 + b->n_systems + b->n_vendors) + 1;
	free(d->rows);
	free(d->text);
	free(d->block);
	d->n = d->unanswered = 0;
	d->rows = calloc(max, sizeof *d->rows);
	d->text = calloc(max, sizeof *d->text);
	d->block = malloc(max * cap);
	d->generation = tui_wb->generation;
	if (!d->rows || !d->text || !d->block) {
		tui_list_refresh(&d->list);
		tui_error("%s", _("out of memory"));
		return -1;
	}
	/* the clinic's, then each system's, then each vendor's, as the owner fills the workbook */
	int all = !d->only_system && !d->only_vendor;
	const struct az_fact **asked = calloc(cat->nfacts + 1, sizeof *asked);
	if (!asked) {
		tui_list_refresh(&d->list);
		tui_error("%s", _("out of memory"));
		return -1;
	}
	size_t n = all ? az_facts_asked(cat, b, AZ_SCOPE_CLINIC, 0, asked, cat->nfacts) : 0;
	for (size_t i = 0; i < n; i++)
		if (!d->threat || az_threat_uses_fact(d->threat, asked[i]))
			add(d, cap, asked[i], 0, 0, NULL);
	for (size_t k = 0; k < b->n_systems; k++) {
		const struct az_system *sys = &b->systems[k];
		if (!all && sys->id != d->only_system)
			continue;
		n = az_facts_asked(cat, b, AZ_SCOPE_SYSTEM, sys->id, asked, cat->nfacts);
		for (size_t i = 0; i < n; i++)
			if (!d->threat || az_threat_uses_fact(d->threat, asked[i]))
				add(d, cap, asked[i], sys->id, 0, sys->name);
	}
	for (size_t k = 0; k < b->n_vendors; k++) {
		const struct az_vendor *v = &b->vendors[k];
		if (!all && v->id != d->only_vendor)
			continue;
		n = az_facts_asked(cat, b, AZ_SCOPE_VENDOR, v->id, asked, cat->nfacts);
		for (size_t i = 0; i < n; i++)
			if (!d->threat || az_threat_uses_fact(d->threat, asked[i]))
				add(d, cap, asked[i], 0, v->id, v->name);
	}
	free(asked);
	tui_list_refresh(&d->list);
	return 0;
}

static size_t facts_count(void *ctx) { return ((struct facts *)ctx)->n; }
static const char *facts_text(void *ctx, size_t i) { return ((struct facts *)ctx)->text[i]; }

static int facts_enter(struct tui_screen *s)
{
	struct facts *d = s->data;
	if (tui_list_init(&d->list, facts_count, facts_text, d) != 0) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	d->list.empty = N_("No question applies: add the systems and vendors first.");
	if (build(d) != 0)
		return -1;
	/* on the first question still open: the ones answered on the forms are passed over */
	for (size_t i = 0; i < d->n; i++)
		if (!az_fact_answered(&tui_wb->book, d->rows[i].f, d->rows[i].system_id, d->rows[i].vendor_id)) {
			d->list.sel = i;
			break;
		}
	return 0;
}

static void facts_leave(struct tui_screen *s)
{
	struct facts *d = s->data;
	tui_list_free(&d->list);
	free(d->rows);
	free(d->text);
	free(d->block);
	free(d);
}

static const struct row *selected(struct facts *d)
{
	long i = tui_list_selected(&d->list);
	return i >= 0 && (size_t)i < d->n ? &d->rows[i] : NULL;
}

static void facts_draw(struct tui_screen *s, struct tui_rect body)
{
	struct facts *d = s->data;
	if (d->generation != tui_wb->generation)
		build(d);
	s->scopes = tui_list_scopes(&d->list);
	char head[512];
	if (d->threat)
		snprintf(head, sizeof head, _("The questions behind \"%s\": %zu, %zu not answered"),
			 az_text_get(&d->threat->name), d->n, d->unanswered);
	else
		snprintf(head, sizeof head, _("How the clinic works: %zu questions, %zu not answered"), d->n, d->unanswered);
	tui_put_more(stdscr, body.y, body.x + 1, body.cols - 2, head, tui_attr(TUI_LABEL_ACTIVE));
	int detail = 4;
	struct tui_rect lr = { body.y + 1, body.x, body.rows - 1 - detail, body.cols };
	tui_list_draw(&d->list, lr);
	int y = body.y + body.rows - detail;
	tui_blank(stdscr, y, body.x, body.cols, tui_attr(TUI_DIM));
	const struct row *r = selected(d);
	if (!r)
		return;
	tui_put_wrapped(stdscr, y + 1, body.x + 1, body.cols - 2, 1, 0, az_text_get(&r->f->why), tui_attr(TUI_DIM));
	tui_put(stdscr, y + 2, body.x + 1, body.cols - 2,
		r->f->answer == AZ_FACT_DATE ? _("1 give the date  3 don't know (counts against the clinic)")
					     : _("1 yes  2 no  3 don't know (counts against the clinic)"),
		0);
}

static struct {
	const struct az_fact *f;
	long long system_id, vendor_id;
} pending;

static void save(const struct az_fact *f, long long sys, long long ven, int answer, const char *value)
{
	struct az_error err = { 0 };
	tui_wb_edited(az_fact_set(tui_wb->store, f, sys, ven, answer, value, &err), &err);
}

static void date_given(void *arg, const char *text)
{
	(void)arg;
	if (pending.f)
		save(pending.f, pending.system_id, pending.vendor_id, text && *text ? 0 : -1, text);
}

/* On to the next question not answered yet (a template's usual answers are passed over), else the next
 * line. */
static void next_question(struct facts *d)
{
	if (build(d) != 0)
		return;
	if (d->list.filter.len || d->list.nview != d->n) {
		tui_list_key(&d->list, TUI_FN(KEY_DOWN), TUI_ACT_DOWN);
		return;
	}
	for (size_t i = d->list.sel + 1; i < d->n; i++) {
		const struct row *r = &d->rows[i];
		const struct az_fact_row *fr = az_fact_find(&tui_wb->book, r->f->id, r->system_id, r->vendor_id);
		if (!fr || fr->answer < 0) {
			d->list.sel = i;
			return;
		}
	}
	tui_list_key(&d->list, TUI_FN(KEY_DOWN), TUI_ACT_DOWN);
}

static int facts_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct facts *d = s->data;
	int r = tui_list_key(&d->list, key, act);
	const struct row *row = selected(d);
	if (r == TUI_LIST_CHOSEN) {
		if (!row || row->f->answer != AZ_FACT_DATE) {
			tui_info("%s", _("Answer with 1 (yes), 2 (no) or 3 (don't know)."));
			return TUI_HANDLED;
		}
		key = '1';
		r = TUI_UNHANDLED;
	}
	if (r != TUI_UNHANDLED || d->list.filtering)
		return r;
	if (!row || key < '1' || key > '3')
		return TUI_UNHANDLED;
	int answer = key - '1';
	if (row->f->answer == AZ_FACT_DATE && answer == 0) {
		const struct az_fact_row *fr = az_fact_find(&tui_wb->book, row->f->id, row->system_id, row->vendor_id);
		pending.f = row->f;
		pending.system_id = row->system_id;
		pending.vendor_id = row->vendor_id;
		tui_editbox(az_text_get(&row->f->question), _("The date, YYYY-MM-DD."), TUI_FIELD_DATE, 10,
			    fr ? fr->value : NULL, date_given, NULL);
		return TUI_HANDLED;
	}
	if (row->f->answer == AZ_FACT_DATE && answer == 1) {
		tui_error("%s", _("This question asks for a date: give the date, or answer unknown"));
		return TUI_HANDLED;
	}
	save(row->f, row->system_id, row->vendor_id, answer, NULL);
	next_question(d);
	return TUI_HANDLED;
}

static const enum tui_action facts_bar[] = { TUI_ACT_DOWN, TUI_ACT_UP, TUI_ACT_SEARCH, TUI_ACT_HELP, TUI_ACT_BACK,
					     TUI_ACT_NONE };
static const struct tui_screen_ops facts_ops = {
	.title = N_("How the clinic works"),
	.help = tui_help_facts,
	.bar = facts_bar,
	.enter = facts_enter,
	.draw = facts_draw,
	.key = facts_key,
	.leave = facts_leave,
};

static int open_for(long long system_id, long long vendor_id, const struct az_threat *t)
{
	struct facts *d = calloc(1, sizeof *d);
	if (!d) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	d->only_system = system_id;
	d->only_vendor = vendor_id;
	d->threat = t;
	return tui_push(&facts_ops, d);
}

int tui_facts_open(long long system_id, long long vendor_id) { return open_for(system_id, vendor_id, NULL); }

int tui_facts_open_threat(const struct az_threat *t) { return open_for(0, 0, t); }
