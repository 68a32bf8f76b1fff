/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Vendors: their profile (certification, MDS/SDS) and the questions to ask each of them, a to e
 * first (seed 002) and then the rest of guideline6.md §4.5. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/edit.h"
#include "model/vendor_rules.h"
#include "model/tables.h"
#include "tui/choice.h"
#include "tui/draw.h"
#include "tui/editform.h"
#include "tui/help_text.h"
#include "tui/leave.h"
#include "tui/list.h"
#include "tui/rows.h"
#include "tui/scr_facts.h"
#include "tui/term.h"
#include "tui/wb.h"

/* ---- the vendor profile ---- */

static const struct tui_choice_opt cert_opts[] = {
	{ N_("ISMS"), N_("ISO/IEC 27001 (ISMS) certified") },
	{ N_("Privacy Mark"), N_("PrivacyMark (プライバシーマーク)") },
	{ N_("Both"), N_("ISMS and Privacy Mark") },
	{ N_("None"), N_("Neither") },
	{ N_("Unknown"), N_("Ask the vendor") },
};

static const struct tui_form_item v_items[] = {
	{ .label = N_("Name"), .help = N_("The vendor's company name (up to 200 characters)."), .kind = TUI_FIELD_TEXT, .max = 200 },
	{ .label = N_("Contact"), .help = N_("Whom to call there, and how."), .kind = TUI_FIELD_TEXT, .max = 200 },
	{ .label = N_("Certification"), .help = N_("ISMS or Privacy Mark, which the Guideline 6.0 asks vendors to have."),
	  .opts = cert_opts, .nopts = 5 },
	{ .label = N_("Certification due"), .help = N_("If not certified yet: when they plan to be (YYYY-MM-DD)."),
	  .kind = TUI_FIELD_DATE, .max = 10 },
	{ .label = N_("MDS/SDS received"), .help = N_("The day their MDS/SDS (the manufacturer's and service's security "
						      "disclosure sheets) arrived (YYYY-MM-DD)."),
	  .kind = TUI_FIELD_DATE, .max = 10 },
	{ .label = N_("Note"), .help = N_("Anything else about this vendor (up to 4,000 characters)."), .kind = TUI_FIELD_TEXT,
	  .max = 4000 },
};
static const struct tui_form_col v_cols[] = {
	{ AZ_COL(vendors, name), NULL }, { AZ_COL(vendors, contact), NULL },
	{ AZ_COL(vendors, certification), az_certification_values }, { AZ_COL(vendors, certification_target), NULL },
	{ AZ_COL(vendors, mds_sds_received), NULL }, { AZ_COL(vendors, note), NULL },
};
static struct tui_editform_spec v_spec = {
	.title = N_("Vendor"),
	.help = tui_help_vendor,
	.items = v_items,
	.cols = v_cols,
	.n = sizeof v_items / sizeof v_items[0],
	.table = AZ_TABLE(vendors),
	.required = "name",
	.facts = 1 + AZ_SCOPE_VENDOR,
};

/* ---- one answer ---- */

static const struct tui_choice_opt yn_opts[] = {
	{ N_("Yes"), N_("Confirmed: the safe answer") },
	{ N_("No"), N_("Not done: a risk to treat") },
	{ N_("Unknown"), N_("Not answered yet, or the vendor does not know") },
};

enum { A_ANSWER, A_NOTE, A_CONFIRMED, NA };

static const struct tui_form_item a_items[3][NA] = {
	[AZ_ANSWER_YES_NO_UNKNOWN] = {
		{ .label = N_("Answer"), .help = N_("The vendor's answer. Left/Right or Space changes it; Enter lists the choices."),
		  .opts = yn_opts, .nopts = 3 },
		{ .label = N_("Note"), .help = N_("What they said, or what is still to be done."), .kind = TUI_FIELD_TEXT, .max = 4000 },
		{ .label = N_("Confirmed on"), .help = N_("The day you got the answer (YYYY-MM-DD)."), .kind = TUI_FIELD_DATE, .max = 10 },
	},
	[AZ_ANSWER_DATE] = {
		{ .label = N_("Date"), .help = N_("The date asked for, as YYYY-MM-DD."), .kind = TUI_FIELD_DATE, .max = 10 },
		{ .label = N_("Note"), .help = N_("What they said, or what is still to be done."), .kind = TUI_FIELD_TEXT, .max = 4000 },
		{ .label = N_("Confirmed on"), .help = N_("The day you got the answer (YYYY-MM-DD)."), .kind = TUI_FIELD_DATE, .max = 10 },
	},
	[AZ_ANSWER_TEXT] = {
		{ .label = N_("Answer"), .help = N_("The vendor's answer in a few words (up to 200 characters)."), .kind = TUI_FIELD_TEXT, .max = 200 },
		{ .label = N_("Note"), .help = N_("What they said, or what is still to be done."), .kind = TUI_FIELD_TEXT, .max = 4000 },
		{ .label = N_("Confirmed on"), .help = N_("The day you got the answer (YYYY-MM-DD)."), .kind = TUI_FIELD_DATE, .max = 10 },
	},
};

struct answer {
	struct tui_form fm;
	long long vendor_id;
	const struct az_question *q;
};

static const struct az_vendor_answer *find_answer(long long vendor_id, const char *question)
{
	for (size_t i = 0; i < tui_wb->book.n_vendor_answers; i++) {
		const struct az_vendor_answer *a = &tui_wb->book.vendor_answers[i];
		if (a->vendor_id == vendor_id && strcmp(a->question, question) == 0)
			return a;
	}
	return NULL;
}

static void a_draw(struct tui_screen *s, struct tui_rect body)
{
	struct answer *a = s->data;
	const struct az_vendor *v = az_book_vendor(&tui_wb->book, a->vendor_id);
	char head[800];
	snprintf(head, sizeof head, "%s: %s", v ? v->name : "?", az_text_get(&a->q->text));
	int w = body.cols - 4;
	int n = tui_put_wrapped_more(stdscr, body.y + 1, body.x + 2, w, 3, head, tui_attr(TUI_LABEL_ACTIVE));
	n = n > 3 ? 3 : n;
	int why = tui_put_wrapped_more(stdscr, body.y + 1 + n, body.x + 2, w, 3, az_text_get(&a->q->why), tui_attr(TUI_DIM));
	why = why > 3 ? 3 : why;
	int used = 1 + n + why;
	struct tui_rect r = { body.y + used, body.x, body.rows - used, body.cols };
	s->scopes = a->fm.items[a->fm.cur].opts ? TUI_SCOPE_ANY | TUI_SCOPE_NAV : TUI_SCOPE_ANY;
	tui_form_draw(&a->fm, r);
}

static int save_answer(struct answer *a)
{
	static const char *const columns[NA] = { NULL, AZ_COL(vendor_answers, note), AZ_COL(vendor_answers, confirmed_at) };
	for (int i = 0; i < NA; i++) {
		if (!a->fm.fields[i].changed)
			continue;
		const char *col = columns[i];
		char *text = NULL;
		const char *v;
		if (i == A_ANSWER && a->q->answer == AZ_ANSWER_YES_NO_UNKNOWN) {
			int k = tui_form_choice(&a->fm, i);
			col = "answer";
			v = k >= 0 ? az_answer3_values[k] : NULL;
		} else {
			if (i == A_ANSWER)
				col = "value";
			text = tui_field_text(&a->fm.fields[i]);
			if (!text) {
				tui_error("%s", _("out of memory"));
				return -1;
			}
			v = a->fm.items[i].kind == TUI_FIELD_DATE && !*text ? NULL : text;
		}
		struct az_error err = { 0 };
		int rc = az_edit_vendor_answer(tui_wb->store, tui_wb->cat, a->vendor_id, a->q->id, col, v, &err);
		free(text);
		if (tui_wb_edited(rc, &err) != 0)
			return -1;
		a->fm.fields[i].changed = 0;
	}
	return 0;
}

/* Each field is saved as it is left, one transaction each. */
static int answer_autosave(struct tui_form *fm, size_t i, void *arg)
{
	(void)fm;
	(void)i;
	return save_answer(arg);
}

static int a_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct answer *a = s->data;
	return tui_form_screen_key(&a->fm, key, act);
}

static int a_enter(struct tui_screen *s);

static const struct tui_screen_ops a_ops = {
	.title = N_("The vendor's answer"),
	.help = tui_help_vendor_answer,
	.bar = tui_form_bar,
	TUI_SCREEN_HOOKS(struct answer, a_enter, a_draw, a_key, tui_form_screen_leave),
};

static int a_enter(struct tui_screen *s)
{
	struct answer *a = s->data;
	const struct az_question *q = a->q;
	long long vendor_id = a->vendor_id;
	int type = q->answer >= 0 && q->answer <= AZ_ANSWER_TEXT ? q->answer : AZ_ANSWER_TEXT;
	if (tui_form_init(&a->fm, a_items[type], NA) != 0) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	a->fm.autosave = answer_autosave;
	a->fm.autosave_arg = a;
	const struct az_vendor_answer *an = find_answer(vendor_id, q->id);
	if (an) {
		if (type == AZ_ANSWER_YES_NO_UNKNOWN)
			tui_form_set_choice(&a->fm, A_ANSWER, an->answer);
		else
			tui_form_load(&a->fm, A_ANSWER, an->value);
		tui_form_load(&a->fm, A_NOTE, an->note);
		tui_form_load(&a->fm, A_CONFIRMED, an->confirmed_at);
	}
	for (int i = 0; i < NA; i++)
		a->fm.fields[i].changed = 0;
	return 0;
}

/* ---- the questions of one vendor ---- */

#define MAX_ASKED 128

struct questions {
	struct tui_list list;
	long long vendor_id;
	size_t asked[MAX_ASKED], nasked; /* the catalogue indexes of the questions that concern the vendor */
	char line[1200];
};

static size_t q_count(void *ctx) { return ((struct questions *)ctx)->nasked; }

static const char *q_text(void *ctx, size_t k)
{
	struct questions *d = ctx;
	size_t i = d->asked[k];
	const struct az_question *q = &tui_wb->cat->questions[i];
	const struct az_vendor_answer *a = find_answer(d->vendor_id, q->id);
	const char *ans = "-";
	if (a && q->answer == AZ_ANSWER_YES_NO_UNKNOWN && a->answer >= 0 && a->answer < 3)
		ans = _(yn_opts[a->answer].label);
	else if (a && q->answer != AZ_ANSWER_YES_NO_UNKNOWN && a->value && *a->value)
		ans = a->value;
	/* the answer first, so it is seen however long the question */
	/* a-e are named so in the workshop material; the rest are numbered */
	if (strlen(q->id) == 1)
		snprintf(d->line, sizeof d->line, "%s)  [%s] %s", q->id, ans, az_text_get(&q->text));
	else
		snprintf(d->line, sizeof d->line, "%zu. [%s] %s", i + 1, ans, az_text_get(&q->text));
	return d->line;
}

static int q_enter(struct tui_screen *s)
{
	struct questions *d = s->data;
	/* only what concerns the systems this vendor supports (model/vendor_rules.h) */
	for (size_t i = 0; i < tui_wb->cat->nquestions && d->nasked < MAX_ASKED; i++)
		if (az_question_applies(&tui_wb->book, &tui_wb->cat->questions[i], d->vendor_id))
			d->asked[d->nasked++] = i;
	if (tui_list_init(&d->list, q_count, q_text, d) == 0)
		return 0;
	tui_error("%s", _("out of memory"));
	return -1;
}

static void q_draw(struct tui_screen *s, struct tui_rect body)
{
	struct questions *d = s->data;
	const struct az_vendor *v = az_book_vendor(&tui_wb->book, d->vendor_id);
	tui_list_refresh(&d->list);
	s->scopes = tui_list_scopes(&d->list);
	tui_put(stdscr, body.y, body.x + 2, body.cols - 4, v ? v->name : "?", tui_attr(TUI_LABEL_ACTIVE));
	/* the 事業者確認用 form as the answers fill it, and the day it came back */
	const struct az_checklist *form = az_vendor_form_for(tui_wb->cat, &tui_wb->book);
	const char *back = az_vendor_form_returned(&tui_wb->book, d->vendor_id);
	char line[1024];
	size_t len = (size_t)snprintf(line, sizeof line, "%s: ", _("Vendor form (事業者確認用)"));
	len += (size_t)snprintf(line + len, sizeof line - len, back ? _("returned %s") : "%s",
				back ? back : _("not returned"));
	for (size_t i = 0; form && i < form->nitems && len < sizeof line; i++) {
		int a = az_vendor_form_answer(tui_wb->cat, &tui_wb->book, d->vendor_id, form->items[i].id);
		if (a >= 0)
			len += (size_t)snprintf(line + len, sizeof line - len, "  %s%s %s",
						form->items[i].number ? form->items[i].number : form->items[i].id,
						form->items[i].unverified ? "※" : "", a == 0 ? _("Yes") : _("No"));
	}
	tui_put(stdscr, body.y + 1, body.x + 2, body.cols - 4, line, tui_attr(TUI_DIM));
	struct tui_rect r = { body.y + 2, body.x + 1, body.rows - 2, body.cols - 2 };
	tui_list_draw(&d->list, r);
}

static int q_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct questions *d = s->data;
	int r = tui_list_key(&d->list, key, act);
	long i = tui_list_selected(&d->list);
	if (r == TUI_LIST_CHOSEN || (r == TUI_UNHANDLED && act == TUI_ACT_EDIT && i >= 0 && !d->list.filtering)) {
		struct answer a = { .vendor_id = d->vendor_id, .q = &tui_wb->cat->questions[d->asked[i]] };
		tui_open(&a_ops, &a);
		return TUI_HANDLED;
	}
	return r;
}

static const enum tui_action q_bar[] = { TUI_ACT_SELECT, TUI_ACT_SEARCH, TUI_ACT_HELP, TUI_ACT_BACK, TUI_ACT_NONE };
static const struct tui_screen_ops q_ops = {
	.title = N_("Questions to the vendor"),
	.help = tui_help_vendor_questions,
	.bar = q_bar,
	TUI_SCREEN_HOOKS(struct questions, q_enter, q_draw, q_key, tui_list_screen_leave),
};



/* ---- the vendors ---- */

static size_t count(void *ctx)
{
	(void)ctx;
	return tui_wb->book.n_vendors;
}

static const char *text(void *ctx, size_t i)
{
	struct tui_rows *d = ctx;
	const struct az_vendor *v = &tui_wb->book.vendors[i];
	/* the same count as the home screen, status and the PDF */
	struct az_vendor_count c = az_vendor_questions_count(&tui_wb->book, tui_wb->cat, v->id);
	char n[64], form[96];
	snprintf(n, sizeof n, _("%zu of %zu answered"), c.answered, c.asked);
	const char *back = az_vendor_form_returned(&tui_wb->book, v->id);
	if (back)
		snprintf(form, sizeof form, _("vendor form returned %s"), back);
	else
		snprintf(form, sizeof form, "%s", _("vendor form not returned"));
	snprintf(d->line, sizeof d->line, "%s | %s | %s | %s", v->name,
		 v->certification >= 0 && v->certification < 5 ? _(cert_opts[v->certification].label) : "?", n, form);
	return d->line;
}

static int v_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct tui_rows *d = s->data;
	int r = tui_list_key(&d->list, key, act);
	long i = tui_list_selected(&d->list);
	if (r == TUI_LIST_CHOSEN) {
		struct questions q = { .vendor_id = tui_wb->book.vendors[i].id };
		tui_open(&q_ops, &q);
		return TUI_HANDLED;
	}
	if (r != TUI_UNHANDLED || d->list.filtering)
		return r;
	if (act == TUI_ACT_EDIT && i >= 0) {
		const struct az_vendor *v = &tui_wb->book.vendors[i];
		tui_editform_open(&v_spec, v->id, NULL, NULL, NULL);
		return TUI_HANDLED;
	}
	if (act == TUI_ACT_ADD) {
		tui_editform_open(&v_spec, 0, NULL, NULL, NULL);
		return TUI_HANDLED;
	}
	if (act == TUI_ACT_FACTS && i >= 0) { /* the vendor's questions of facts.yaml */
		tui_facts_open(0, tui_wb->book.vendors[i].id);
		return TUI_HANDLED;
	}
	if (act == TUI_ACT_DELETE && i >= 0) {
		const struct az_vendor *v = &tui_wb->book.vendors[i];
		char q[800];
		snprintf(q, sizeof q, _("Delete the vendor \"%s\" and its answers? Its systems are kept, without a vendor."),
			 v->name);
		tui_rows_ask_delete(d, v->id, q);
		return TUI_HANDLED;
	}
	return r;
}

static int v_enter(struct tui_screen *s)
{
	struct tui_rows *d = s->data;
	if (tui_list_init(&d->list, count, text, d) != 0) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	d->list.empty = N_("No vendors yet. Press a to add the vendor of each system.");
	return 0;
}

static const enum tui_action v_bar[] = { TUI_ACT_SELECT, TUI_ACT_ADD, TUI_ACT_EDIT, TUI_ACT_DELETE, TUI_ACT_FACTS,
					 TUI_ACT_HELP, TUI_ACT_BACK, TUI_ACT_NONE };
static const struct tui_screen_ops v_ops = {
	.title = N_("Vendors"),
	.help = tui_help_vendors,
	.bar = v_bar,
	TUI_SCREEN_HOOKS(struct tui_rows, v_enter, tui_list_screen_draw, v_key, tui_list_screen_leave),
};

int tui_vendors_open(void) { return tui_open(&v_ops, &(struct tui_rows){ .table = AZ_TABLE(vendors) }); }
