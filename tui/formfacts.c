/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The questions of a form. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/decide.h"
#include "model/score_suggest.h"
#include "tui/editbox.h"
#include "tui/formfacts.h"
#include "tui/screen.h"
#include "tui/wb.h"

static const struct tui_choice_opt yn_opts[] = {
	{ N_("Yes"), NULL },
	{ N_("No"), NULL },
	{ N_("Don't know"), N_("Counts against the clinic, as an unanswered question does") },
};

void tui_formfacts_init(struct tui_formfacts *ff, int scope, long long id, const struct tui_form_item *base,
			const struct tui_form_col *base_cols, size_t nbase)
{
	memset(ff, 0, sizeof *ff);
	ff->on = 1;
	ff->scope = scope;
	ff->id = id;
	ff->base = base;
	ff->base_cols = base_cols;
	ff->nbase = nbase;
	ff->generation = (unsigned long)-1;
}

void tui_formfacts_free(struct tui_formfacts *ff)
{
	free(ff->items);
	free(ff->cols);
	free(ff->help);
	free(ff->date_opts);
	free(ff->date_label);
	ff->items = NULL;
	ff->cols = NULL;
	ff->help = NULL;
	ff->date_opts = NULL;
	ff->date_label = NULL;
	ff->n = 0;
}

const struct tui_form_col *tui_formfacts_cols(const struct tui_formfacts *ff)
{
	return ff->cols ? ff->cols : ff->base_cols;
}

int tui_formfacts_is_fact(const struct tui_formfacts *ff, size_t i)
{
	return ff->on && i >= ff->nbase && i < ff->nbase + ff->n;
}

static long long sys_of(const struct tui_formfacts *ff) { return ff->scope == AZ_SCOPE_SYSTEM ? ff->id : 0; }
static long long ven_of(const struct tui_formfacts *ff) { return ff->scope == AZ_SCOPE_VENDOR ? ff->id : 0; }

/* The answer as the form shows it: a yes/no question's option, a date question's 0 (its date) or 2. */
static void show_answers(struct tui_formfacts *ff, struct tui_form *fm)
{
	for (size_t k = 0; k < ff->n; k++) {
		const struct az_fact_row *r = az_fact_find(&tui_wb->book, ff->facts[k]->id, sys_of(ff), ven_of(ff));
		size_t i = ff->nbase + k;
		fm->sel[i] = r && r->answer >= 0 && r->answer <= 2 ? r->answer : -1;
		if (ff->facts[k]->answer == AZ_FACT_DATE)
			snprintf(ff->date_label[k], sizeof ff->date_label[k], "%s",
				 r && r->answer == 0 && r->value && *r->value ? r->value : _("Give the date"));
		fm->fields[i].changed = 0;
	}
}

int tui_formfacts_refresh(struct tui_formfacts *ff, struct tui_form *fm)
{
	if (!ff->on || ff->generation == tui_wb->generation)
		return 0;
	const struct az_fact *now[TUI_FORMFACTS_MAX];
	size_t n = 0;
	if (ff->scope == AZ_SCOPE_CLINIC || ff->id) /* a new system or vendor is asked once it is added */
		n = az_facts_asked(tui_wb->cat, &tui_wb->book, ff->scope, ff->id, now, TUI_FORMFACTS_MAX);
	n = n < TUI_FORMFACTS_MAX ? n : TUI_FORMFACTS_MAX;
	if (n != ff->n || memcmp(now, ff->facts, n * sizeof *now) != 0 || !ff->items) {
		size_t all = ff->nbase + n;
		struct tui_form_item *items = calloc(all ? all : 1, sizeof *items);
		struct tui_form_col *cols = calloc(all ? all : 1, sizeof *cols);
		char(*help)[640] = calloc(n ? n : 1, sizeof *help);
		struct tui_choice_opt(*dopts)[3] = calloc(n ? n : 1, sizeof *dopts);
		char(*dlabel)[64] = calloc(n ? n : 1, sizeof *dlabel);
		int ok = items && cols && help && dopts && dlabel;
		if (ok) {
			memcpy(items, ff->base, ff->nbase * sizeof *items);
			memcpy(cols, ff->base_cols, ff->nbase * sizeof *cols);
			for (size_t k = 0; k < n; k++) {
				const struct az_fact *f = now[k];
				int date = f->answer == AZ_FACT_DATE;
				snprintf(help[k], sizeof help[k], "%s\n%s",
					 date ? _("1 give the date  3 don't know (counts against the clinic)")
					      : _("1 yes  2 no  3 don't know (counts against the clinic)"),
					 az_text_get(&f->why));
				dopts[k][0] = (struct tui_choice_opt){ dlabel[k], NULL };
				dopts[k][1] = (struct tui_choice_opt){ "-", NULL };
				dopts[k][2] = yn_opts[2];
				items[ff->nbase + k] = (struct tui_form_item){ .label = az_text_get(&f->question), .help = help[k],
									       .kind = TUI_FIELD_TEXT, .max = 1,
									       .opts = date ? dopts[k] : yn_opts, .nopts = 3,
									       .wide = 1 };
			}
			ok = tui_form_set_items(fm, items, all) == 0;
		}
		if (!ok) {
			free(items);
			free(cols);
			free(help);
			free(dopts);
			free(dlabel);
			tui_error("%s", _("out of memory"));
			return -1;
		}
		tui_formfacts_free(ff);
		memcpy(ff->facts, now, n * sizeof *now);
		ff->n = n;
		ff->items = items;
		ff->cols = cols;
		ff->help = help;
		ff->date_opts = dopts;
		ff->date_label = dlabel;
	}
	ff->generation = tui_wb->generation;
	show_answers(ff, fm);
	return 0;
}

static int save(struct tui_formfacts *ff, size_t k, int answer, const char *value)
{
	struct az_error err = { 0 };
	return tui_wb_edited(az_fact_set(tui_wb->store, ff->facts[k], sys_of(ff), ven_of(ff), answer, value, &err), &err);
}

int tui_formfacts_save(struct tui_formfacts *ff, struct tui_form *fm, size_t i)
{
	size_t k = i - ff->nbase;
	int v = fm->sel[i];
	if (ff->facts[k]->answer == AZ_FACT_DATE) /* its date is given in a box, never by cycling */
		return 0;
	int rc = save(ff, k, v, NULL);
	fm->fields[i].changed = 0;
	return rc;
}

/* After an answer: on to the next question not answered yet (a template's usual answers are passed
 * over), else the next item. */
static void next_open(struct tui_formfacts *ff, struct tui_form *fm)
{
	if (tui_formfacts_refresh(ff, fm) != 0)
		return;
	for (size_t i = fm->cur + 1; i < ff->nbase + ff->n; i++)
		if (i >= ff->nbase && !az_fact_answered(&tui_wb->book, ff->facts[i - ff->nbase], sys_of(ff), ven_of(ff))) {
			fm->cur = i;
			return;
		}
	if (fm->cur + 1 < fm->n)
		fm->cur++;
}

static struct {
	struct tui_formfacts *ff;
	struct tui_form *fm;
	size_t k;
} pending;

static void date_given(void *arg, const char *text)
{
	(void)arg;
	if (pending.ff && save(pending.ff, pending.k, text && *text ? 0 : -1, text) == 0)
		next_open(pending.ff, pending.fm);
}

int tui_formfacts_key(struct tui_formfacts *ff, struct tui_form *fm, int key, enum tui_action act)
{
	if (!tui_formfacts_is_fact(ff, fm->cur))
		return TUI_UNHANDLED;
	size_t k = fm->cur - ff->nbase;
	const struct az_fact *f = ff->facts[k];
	act = tui_key_action(key, TUI_SCOPE_ANY | TUI_SCOPE_NAV);
	if (f->answer == AZ_FACT_DATE) {
		if (key == '1' || act == TUI_ACT_SELECT) {
			const struct az_fact_row *r = az_fact_find(&tui_wb->book, f->id, sys_of(ff), ven_of(ff));
			pending.ff = ff;
			pending.fm = fm;
			pending.k = k;
			tui_editbox(az_text_get(&f->question), _("The date, YYYY-MM-DD."), TUI_FIELD_DATE, 10,
				    r ? r->value : NULL, date_given, NULL);
			return TUI_HANDLED;
		}
		if (key == '2' || act == TUI_ACT_LEFT || act == TUI_ACT_RIGHT || act == TUI_ACT_TOGGLE) {
			tui_error("%s", _("This question asks for a date: give the date, or answer unknown"));
			return TUI_HANDLED;
		}
	}
	if (key < '1' || key > '3')
		return TUI_UNHANDLED;
	if (save(ff, k, key - '1', NULL) == 0)
		next_open(ff, fm);
	return TUI_HANDLED;
}
