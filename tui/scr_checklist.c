/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The MHLW checklist in its official order: one answer per item, or one per device column (server,
 * terminal, network) where the form has them; the answer the workbook suggests with its evidence
 * (model/suggest.c; s fills it in), and 確認日 / 目標日 / note for each answer. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fold.h"
#include "base/i18n.h"
#include "model/checklist_edit.h"
#include "model/edit.h"
#include "model/rules.h"
#include "model/findings.h"
#include "model/suggest.h"
#include "model/tables.h"
#include "tui/choice.h"
#include "tui/confirm.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/help_text.h"
#include "tui/leave.h"
#include "tui/scr_assess.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/wb.h"

#define NCOLS 3 /* az_cat_column_values: server terminal network */
#define CELLW 10

struct checklist {
	const struct az_checklist *cl;
	size_t sel, top;
	int col;
	struct tui_book_stamp stamp;
	struct az_suggestion sug[AZ_SUGGEST_ITEMS];
	int have_sug;
	/* '/': only the items whose number or text contain what is typed (folded, base/fold.h) */
	struct tui_field filter;
	int filtering;
	uint32_t *needle;
	size_t nneedle;
};

static const struct az_checklist *pick_checklist(void)
{
	return az_checklist_for(tui_wb->cat, tui_wb->book.assessment.checklist_version);
}

/* The device value of column c of an item (c is ignored for items with one answer). */
static const char *device_of(const struct az_check_item *it, int c)
{
	return it->columns ? az_device_values[c + 1] : "all";
}

static int has_col(const struct az_check_item *it, int c) { return it->columns ? (it->columns >> c) & 1 : c == 0; }

static const struct az_checklist_answer *answer_of(const char *checklist, const char *item, const char *device)
{
	const struct az_book *b = &tui_wb->book;
	for (size_t i = 0; i < b->n_checklist_answers; i++) {
		const struct az_checklist_answer *a = &b->checklist_answers[i];
		if (!strcmp(a->checklist, checklist) && !strcmp(a->item, item) &&
		    !strcmp(az_device_values[a->device >= 0 ? a->device : 0], device))
			return a;
	}
	return NULL;
}

static const char *answer_label(int answer)
{
	static const char *const names[] = { N_("Yes"), N_("No"), N_("N/A") };
	return answer >= 0 && answer < 3 ? _(names[answer]) : "-";
}

static void cl_refresh(struct checklist *c)
{
	if (!tui_book_changed(&c->stamp) && c->cl)
		return;
	c->cl = pick_checklist();
	az_checklist_suggest(tui_wb->cat, &tui_wb->book, c->sug);
	c->have_sug = 1;
}

static const struct az_suggestion *suggestion(const struct checklist *c, const char *item)
{
	const struct az_suggestion *s = c->have_sug ? az_suggestion_for(c->sug, item) : NULL;
	return s && s->answer != AZ_SUGGEST_NONE ? s : NULL;
}

static int cl_enter(struct tui_screen *s)
{
	struct checklist *c = s->data;
	cl_refresh(c);
	if (!c->cl || !c->cl->nitems) {
		tui_error("%s", _("The content catalogue has no checklist."));
		return -1;
	}
	if (tui_field_init(&c->filter, TUI_FIELD_TEXT, 100) != 0) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	return 0;
}

static void cl_leave(struct tui_screen *s)
{
	struct checklist *c = s->data;
	tui_field_free(&c->filter);
	free(c->needle);
}

/* 1 if item k passes the filter. */
static int shown(const struct checklist *c, size_t k)
{
	if (!c->filter.len)
		return 1;
	const struct az_check_item *it = &c->cl->items[k];
	char text[2048];
	int len = snprintf(text, sizeof text, "%s %s", it->number ? it->number : it->id, az_text_get(&it->text));
	size_t n;
	uint32_t *f = az_fold(text, len < 0 ? 0 : (size_t)len < sizeof text ? (size_t)len : sizeof text - 1, &n);
	int found = f && c->needle && az_fold_contains(f, n, c->needle, c->nneedle);
	free(f);
	return found;
}

/* The item count shown items away from from (dir -1 or 1), or the last shown one on the way. */
static size_t step(const struct checklist *c, size_t from, int dir, size_t count)
{
	size_t at = from;
	for (size_t k = from; count > 0 && (dir > 0 ? k + 1 < c->cl->nitems : k > 0);) {
		k = dir > 0 ? k + 1 : k - 1;
		if (shown(c, k))
			at = k, count--;
	}
	return at;
}

static void filter_changed(struct checklist *c)
{
	char *typed = tui_field_text(&c->filter);
	free(c->needle);
	c->needle = typed ? az_fold(typed, strlen(typed), &c->nneedle) : NULL;
	free(typed);
	if (!shown(c, c->sel)) { /* the first shown item after the selection, else before it */
		size_t k = step(c, c->sel, 1, 1);
		c->sel = shown(c, k) ? k : step(c, c->sel, -1, 1);
	}
}

/* The '/' filter's keys; TUI_UNHANDLED for the rest. */
static int filter_key(struct checklist *c, int key, enum tui_action act)
{
	if (!c->filtering) {
		if (act == TUI_ACT_SEARCH) {
			c->filtering = 1;
			return TUI_HANDLED;
		}
		if (act == TUI_ACT_BACK && key == 27 && c->filter.len) { /* Esc first clears a kept filter */
			tui_field_set(&c->filter, "");
			filter_changed(c);
			return TUI_HANDLED;
		}
		return TUI_UNHANDLED;
	}
	switch (tui_key_action(key, TUI_SCOPE_ANY)) {
	case TUI_ACT_SELECT:
		c->filtering = 0;
		return TUI_HANDLED;
	case TUI_ACT_BACK:
		c->filtering = 0;
		tui_field_set(&c->filter, "");
		filter_changed(c);
		return TUI_HANDLED;
	case TUI_ACT_UP:
	case TUI_ACT_DOWN:
		c->filtering = 0;
		return TUI_UNHANDLED; /* leaves the filter and moves */
	default:
		if (tui_field_key(&c->filter, key) != TUI_HANDLED)
			return TUI_UNHANDLED;
		filter_changed(c);
		return TUI_HANDLED;
	}
}

static const struct az_check_item *cur_item(const struct checklist *c)
{
	return c->cl && c->sel < c->cl->nitems ? &c->cl->items[c->sel] : NULL;
}

static void fix_col(struct checklist *c)
{
	const struct az_check_item *it = cur_item(c);
	if (!it)
		return;
	if (!it->columns) {
		c->col = 0;
		return;
	}
	while (c->col < NCOLS && !has_col(it, c->col))
		c->col++;
	if (c->col >= NCOLS)
		for (c->col = 0; c->col < NCOLS && !has_col(it, c->col); c->col++)
			;
}

static void cl_draw(struct tui_screen *s, struct tui_rect body)
{
	struct checklist *c = s->data;
	cl_refresh(c);
	fix_col(c);
	const struct az_checklist *cl = c->cl;
	tui_put(stdscr, body.y, body.x + 1, body.cols - 2, az_text_get(&cl->title), tui_attr(TUI_LABEL_ACTIVE));
	int numw = 7, cellx = body.cols - NCOLS * CELLW - 3, textw = cellx - numw - 3;
	static const char *const colnames[NCOLS] = { N_("Server"), N_("Terminal"), N_("Network") };
	tui_put(stdscr, body.y + 1, body.x + 2, numw, _("No."), tui_attr(TUI_DIM));
	tui_put(stdscr, body.y + 1, body.x + 2 + numw, textw, _("Item (* = a suggestion)"), tui_attr(TUI_DIM));
	for (int k = 0; k < NCOLS; k++)
		tui_put(stdscr, body.y + 1, body.x + cellx + k * CELLW + 1, CELLW - 1, _(colnames[k]), tui_attr(TUI_DIM));

	int detail = 8, show_filter = c->filtering || c->filter.len, rows = body.rows - 2 - detail - show_filter;
	if (show_filter) {
		int y = body.y + 2 + (rows > 0 ? rows : 0), lw = tui_width("/ ") + 1;
		tui_put(stdscr, y, body.x + 1, lw, "/", tui_attr(TUI_LABEL_ACTIVE));
		tui_field_draw(&c->filter, y, body.x + 1 + lw, body.cols / 2, c->filtering);
		if (c->filtering)
			s->scopes = TUI_SCOPE_ANY;
	}
	/* top and sel are item indexes; only the items that pass the filter are rows */
	if (c->sel < c->top || !shown(c, c->top))
		c->top = c->sel;
	if (rows > 0 && c->top < c->sel && step(c, c->top, 1, (size_t)rows - 1) < c->sel)
		c->top = step(c, c->sel, -1, (size_t)rows - 1);
	int i = 0;
	for (size_t k = c->top; i < rows && k < cl->nitems; k++) {
		if (!shown(c, k))
			continue;
		const struct az_check_item *it = &cl->items[k];
		int y = body.y + 2 + i++, sel = k == c->sel;
		attr_t a = tui_attr(sel ? TUI_SELECTED : TUI_NORMAL);
		tui_blank(stdscr, y, body.x, cellx, a);
		tui_put(stdscr, y, body.x, 2, sel ? ">" : "", a);
		tui_put(stdscr, y, body.x + 2, numw, it->number ? it->number : it->id, a);
		char text[1024];
		snprintf(text, sizeof text, "%s%s", suggestion(c, it->id) ? "* " : "", az_text_get(&it->text));
		tui_put(stdscr, y, body.x + 2 + numw, textw, text, a);
		for (int col = 0; col < NCOLS; col++) {
			int x = body.x + cellx + col * CELLW;
			if (!has_col(it, col)) {
				tui_blank(stdscr, y, x, CELLW, 0);
				continue;
			}
			const struct az_checklist_answer *ans = answer_of(cl->id, it->id, device_of(it, col));
			char cell[64];
			const char *lab = answer_label(ans ? ans->answer : -1);
			int cur = sel && col == c->col;
			snprintf(cell, sizeof cell, cur ? "[%s]" : " %s ", lab);
			tui_put(stdscr, y, x, it->columns ? CELLW : NCOLS * CELLW, cell,
				cur ? tui_attr(TUI_FIELD_ACTIVE) : tui_attr(TUI_NORMAL));
			if (!it->columns) {
				/* one answer for the whole item: say so where the columns would be */
				tui_put(stdscr, y, x + tui_width(cell) + 1, NCOLS * CELLW - tui_width(cell) - 1,
					_("(one answer)"), tui_attr(TUI_DIM));
				break;
			}
		}
	}

	if (i == 0)
		tui_put(stdscr, body.y + 2, body.x + 2, body.cols - 4,
			_("No line contains the search text. Esc clears the search."), tui_attr(TUI_DIM));
	/* the selected item in full */
	const struct az_check_item *it = i ? cur_item(c) : NULL;
	int y = body.y + body.rows - detail, w = body.cols - 2, x = body.x + 1;
	tui_blank(stdscr, y, body.x, body.cols, 0);
	if (!it)
		return;
	char line[2048];
	snprintf(line, sizeof line, "%s %s%s", it->number ? it->number : it->id, az_text_get(&it->text),
		 it->unverified ? _(" ※Check the number and wording against the official form.") : "");
	int used = tui_put_wrapped_more(stdscr, y + 1, x, w, 2, line, tui_attr(TUI_LABEL_ACTIVE));
	used = used > 2 ? 2 : used;
	/* what it means (or its deadline), and where the form's manual says so */
	size_t len = (size_t)snprintf(line, sizeof line, "%s",
				      it->deadline.ja ? az_text_get(&it->deadline) : az_text_get(&it->meaning));
	for (size_t k = 0; k < it->nrefs && len < sizeof line; k++)
		len += (size_t)snprintf(line + len, sizeof line - len, "%s%s %s%s", k ? ", " : " [", it->refs[k].doc,
					it->refs[k].section ? it->refs[k].section : "", k + 1 == it->nrefs ? "]" : "");
	tui_put_wrapped_more(stdscr, y + 1 + used, x, w, 3 - used, line, tui_attr(TUI_DIM));
	const struct az_suggestion *sg = suggestion(c, it->id);
	if (sg && sg->target[0])
		snprintf(line, sizeof line, _("Suggested: %s — %s (target date %s; s fills it in)"),
			 answer_label(sg->answer), sg->evidence, sg->target);
	else if (sg)
		snprintf(line, sizeof line, _("Suggested: %s — %s (s fills it in)"), answer_label(sg->answer),
			 sg->evidence);
	else
		snprintf(line, sizeof line, "%s", _("No suggestion: answer from what you know."));
	tui_put_wrapped_more(stdscr, y + 4, x, w, 2, line, 0);
	const struct az_checklist_answer *ans = answer_of(c->cl->id, it->id, device_of(it, c->col));
	snprintf(line, sizeof line, _("Checked on: %s   Target date: %s   Note: %s"),
		 ans && ans->checked_at && *ans->checked_at ? ans->checked_at : "-",
		 ans && ans->target_at && *ans->target_at ? ans->target_at : "-",
		 ans && ans->note && *ans->note ? ans->note : "-");
	tui_put(stdscr, y + 6, x, w, line, 0);
	if (ans && ans->answer == 1 && !(ans->target_at && *ans->target_at))
		tui_put(stdscr, y + 7, x, w, _("A No needs a target date (目標日): press Enter to give it."), tui_attr(TUI_ERROR));
}

static int set_answer(struct checklist *c, const char *col, const char *value)
{
	const struct az_check_item *it = cur_item(c);
	struct az_error err = { 0 };
	int rc = az_edit_checklist_answer(tui_wb->store, c->cl->id, it->id, device_of(it, c->col), col, value, &err);
	return tui_wb_edited(rc, &err);
}

/* -- the answer form -- */

static const struct tui_choice_opt answer_opts[] = {
	{ N_("Yes"), N_("The clinic does this") },
	{ N_("No"), N_("Not yet: give a target date") },
};

static const struct tui_form_item answer_items[] = {
	{ N_("Answer"), N_("Left/Right or Space change the answer; Enter lists the choices."), TUI_FIELD_TEXT, 0,
	  answer_opts, 2, 0 },
	{ N_("Checked on (確認日)"), N_("The day the answer was checked, as YYYY-MM-DD."), TUI_FIELD_DATE, 10, NULL, 0, 0 },
	{ N_("Target date (目標日)"), N_("For a No: by when the clinic will do it, as YYYY-MM-DD."), TUI_FIELD_DATE, 10,
	  NULL, 0, 0 },
	{ N_("Note"), N_("Anything the inspector should know about this answer (up to 4000 characters)."),
	  TUI_FIELD_TEXT, 4000, NULL, 0, 0 },
};

struct answer_form {
	struct tui_form form;
	struct checklist *c; /* the screen below */
};

static int af_autosave(struct tui_form *fm, size_t i, void *arg);

static int af_enter(struct tui_screen *s)
{
	struct answer_form *f = s->data;
	if (tui_form_init(&f->form, answer_items, 4) != 0) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	f->form.autosave = af_autosave;
	f->form.autosave_arg = f;
	const struct az_check_item *it = cur_item(f->c);
	const struct az_checklist_answer *a = answer_of(f->c->cl->id, it->id, device_of(it, f->c->col));
	if (a) {
		f->form.sel[0] = a->answer <= 1 ? a->answer : -1; /* an old N/A is shown as unanswered */
		tui_form_load(&f->form, 1, a->checked_at);
		tui_form_load(&f->form, 2, a->target_at);
		tui_form_load(&f->form, 3, a->note);
	}
	return 0;
}

static void af_draw(struct tui_screen *s, struct tui_rect body)
{
	struct answer_form *f = s->data;
	const struct az_check_item *it = cur_item(f->c);
	char head[1024];
	static const char *const colnames[NCOLS] = { N_("Server"), N_("Terminal"), N_("Network") };
	snprintf(head, sizeof head, "%s %s%s%s%s", it->number ? it->number : it->id, az_text_get(&it->text),
		 it->columns ? " (" : "", it->columns ? _(colnames[f->c->col]) : "", it->columns ? ")" : "");
	int used = tui_put_wrapped(stdscr, body.y, body.x + 1, body.cols - 2, 2, 0, head, tui_attr(TUI_LABEL_ACTIVE));
	used = used > 2 ? 2 : used;
	s->scopes = TUI_SCOPE_ANY;
	struct tui_rect r = { body.y + used, body.x, body.rows - used, body.cols };
	tui_form_draw(&f->form, r);
}

static int af_save(struct answer_form *f)
{
	static const char *const cols[] = { AZ_COL(checklist_answers, answer), AZ_COL(checklist_answers, checked_at),
					    AZ_COL(checklist_answers, target_at), AZ_COL(checklist_answers, note) };
	const char *pairs[9];
	char *text[4] = { NULL, NULL, NULL, NULL };
	size_t np = 0;
	int rc = 0;
	for (size_t i = 0; i < 4; i++) {
		if (!f->form.fields[i].changed)
			continue;
		const char *v;
		if (i == 0) {
			int k = tui_form_choice(&f->form, 0);
			v = k >= 0 ? az_checklist_answer_values[k] : NULL;
		} else if (!(text[i] = tui_field_text(&f->form.fields[i]))) {
			rc = -1;
			break;
		} else {
			v = *text[i] || i == 3 ? text[i] : NULL; /* an emptied date is no date */
		}
		pairs[np++] = cols[i];
		pairs[np++] = v;
	}
	pairs[np] = NULL;
	if (rc == 0) {
		/* the whole form in one transaction */
		const struct az_check_item *it = cur_item(f->c);
		struct az_error err = { 0 };
		rc = tui_wb_edited(az_edit_checklist_row(tui_wb->store, f->c->cl->id, it->id, device_of(it, f->c->col),
							 pairs, &err),
				   &err);
	} else {
		tui_error("%s", _("out of memory"));
	}
	for (size_t i = 0; i < 4; i++)
		free(text[i]);
	if (rc == 0)
		for (size_t i = 0; i < 4; i++)
			f->form.fields[i].changed = 0;
	return rc;
}

/* Each field is saved as it is left (only the changed ones are written). */
static int af_autosave(struct tui_form *fm, size_t i, void *arg)
{
	(void)fm;
	(void)i;
	return af_save(arg);
}

static int af_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct answer_form *f = s->data;
	return tui_form_screen_key(&f->form, key, act);
}

static const struct tui_screen_ops af_ops = {
	.title = N_("Checklist answer"),
	.help = tui_help_checklist_answer,
	.bar = tui_form_bar,
	TUI_SCREEN_HOOKS(struct answer_form, af_enter, af_draw, af_key, tui_form_screen_leave),
};

/* The help, then the selected item with its meaning, deadline, references and suggestion. */
static void cl_help(FILE *f, void *arg)
{
	struct checklist *c = arg;
	const struct az_check_item *it = cur_item(c);
	char basis[512];
	fprintf(f, "\n\n%s", az_checklist_basis(&tui_wb->book, c->cl, basis, sizeof basis));
	if (it) {
		fprintf(f, "\n\n%s %s\n%s", it->number ? it->number : it->id, az_text_get(&it->text),
			az_text_get(&it->meaning));
		if (it->deadline.ja)
			fprintf(f, " %s", az_text_get(&it->deadline));
		tui_help_refs(f, it->refs, it->nrefs);
		const struct az_suggestion *sg = suggestion(c, it->id);
		if (sg)
			fprintf(f, "\n%s %s", _("Suggested from the workbook:"), sg->evidence);
	}
}

static int cl_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct checklist *c = s->data;
	const struct az_check_item *it = cur_item(c);
	if (filter_key(c, key, act) == TUI_HANDLED)
		return TUI_HANDLED;
	if (!it || !shown(c, c->sel))
		return TUI_UNHANDLED;
	switch (act) {
	case TUI_ACT_HELP:
		tui_assess_help(s, cl_help, c);
		return TUI_HANDLED;
	case TUI_ACT_UP:
	case TUI_ACT_DOWN:
	case TUI_ACT_PAGE_UP:
	case TUI_ACT_PAGE_DOWN:
		c->sel = step(c, c->sel, act == TUI_ACT_UP || act == TUI_ACT_PAGE_UP ? -1 : 1,
			      act == TUI_ACT_UP || act == TUI_ACT_DOWN ? 1 : 10);
		return TUI_HANDLED;
	case TUI_ACT_FIRST:
	case TUI_ACT_LAST:
		c->sel = step(c, act == TUI_ACT_FIRST ? 0 : c->cl->nitems - 1, act == TUI_ACT_FIRST ? -1 : 1, 0);
		if (!shown(c, c->sel))
			c->sel = step(c, c->sel, act == TUI_ACT_FIRST ? 1 : -1, 1);
		return TUI_HANDLED;
	case TUI_ACT_LEFT:
	case TUI_ACT_RIGHT: {
		int step = act == TUI_ACT_LEFT ? -1 : 1;
		for (int k = c->col + step; k >= 0 && k < NCOLS; k += step)
			if (has_col(it, k)) {
				c->col = k;
				break;
			}
		return TUI_HANDLED;
	}
	case TUI_ACT_TOGGLE: { /* - → Yes → No → - : the forms answer はい or いいえ only */
		const struct az_checklist_answer *a = answer_of(c->cl->id, it->id, device_of(it, c->col));
		int v = a ? a->answer : -1, next = v + 1 > 1 ? -1 : v + 1;
		if (set_answer(c, "answer", next >= 0 ? az_checklist_answer_values[next] : NULL) == 0)
			tui_info(_("Answer: %s"), answer_label(next));
		return TUI_HANDLED;
	}
	case TUI_ACT_SUGGEST: {
		const struct az_suggestion *sg = suggestion(c, it->id);
		if (!sg) {
			tui_error("%s", _("There is no suggestion for this item."));
			return TUI_HANDLED;
		}
		if (set_answer(c, "answer", az_checklist_answer_values[sg->answer]) == 0 &&
		    (!sg->target[0] || set_answer(c, "target_at", sg->target) == 0))
			tui_info(_("Filled in the suggested answer: %s"), answer_label(sg->answer));
		return TUI_HANDLED;
	}
	case TUI_ACT_SELECT:
	case TUI_ACT_EDIT: {
		struct answer_form f = { .c = c };
		tui_open(&af_ops, &f);
		return TUI_HANDLED;
	}
	default:
		return TUI_UNHANDLED;
	}
}

static const enum tui_action cl_bar[] = { TUI_ACT_TOGGLE, TUI_ACT_SUGGEST, TUI_ACT_SELECT, TUI_ACT_HELP,
					  TUI_ACT_BACK, TUI_ACT_NONE };
static const struct tui_screen_ops cl_ops = {
	.title = N_("MHLW checklist"),
	.help = tui_help_checklist,
	.bar = cl_bar,
	TUI_SCREEN_HOOKS(struct checklist, cl_enter, cl_draw, cl_key, cl_leave),
};

int tui_checklist_open(void) { return tui_open(&cl_ops, NULL); }
