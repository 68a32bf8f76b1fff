/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The treatment of one risk: its score, the treatment (回避/低減/移転/受容) with what that treatment
 * needs, the actions (from the catalogue's controls or free text, each with an owner and a due date),
 * the residual score and the approval of an acceptance. What is still missing is always on screen,
 * from the rules in model/rules.c; leaving with something missing asks first. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/i18n.h"
#include "model/edit.h"
#include "model/edit_row.h"
#include "model/risk_edit.h"
#include "model/rules.h"
#include "model/tables.h"
#include "tui/choice.h"
#include "tui/confirm.h"
#include "tui/draw.h"
#include "tui/editbox.h"
#include "tui/form.h"
#include "tui/formrow.h"
#include "tui/help_text.h"
#include "tui/leave.h"
#include "tui/rank.h"
#include "tui/scr_assess.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/wb.h"

enum item {
	IT_LIKELIHOOD,
	IT_SEVERITY,
	IT_TREATMENT,
	IT_RATIONALE,
	IT_TRANSFER_TO,
	IT_ACCEPTED_BY,
	IT_ACCEPTED_AT,
	IT_RESIDUAL_L,
	IT_RESIDUAL_S,
	IT_ACTION,
	IT_ADD_ACTION,
};

#define MAX_ITEMS 200

struct treat {
	long long risk_id;
	size_t sel, top;
	enum item items[MAX_ITEMS];
	long long action_ids[MAX_ITEMS]; /* for IT_ACTION */
	size_t n;
};

static struct treat *current; /* the open treatment screen, for the callbacks */

static const struct az_risk *the_risk(const struct treat *t) { return az_book_risk(&tui_wb->book, t->risk_id); }

static int has_text(const char *s) { return s && *s; }

/* The lines of the screen for the risk as it is now. */
static void layout(struct treat *t, const struct az_risk *r)
{
	const struct az_book *b = &tui_wb->book;
	unsigned needs = az_treatment_needs(r->treatment);
	size_t n = 0;
	t->items[n++] = IT_LIKELIHOOD;
	t->items[n++] = IT_SEVERITY;
	t->items[n++] = IT_TREATMENT;
	if (r->treatment >= 0 || has_text(r->rationale))
		t->items[n++] = IT_RATIONALE;
	if ((needs & AZ_NEED_TRANSFER_TO) || has_text(r->transfer_to))
		t->items[n++] = IT_TRANSFER_TO;
	if ((needs & AZ_NEED_ACCEPTED) || has_text(r->accepted_by) || has_text(r->accepted_at)) {
		t->items[n++] = IT_ACCEPTED_BY;
		t->items[n++] = IT_ACCEPTED_AT;
	}
	if ((needs & AZ_NEED_RESIDUAL) || r->residual_likelihood || r->residual_severity) {
		t->items[n++] = IT_RESIDUAL_L;
		t->items[n++] = IT_RESIDUAL_S;
	}
	size_t nact = 0;
	for (size_t i = 0; i < b->n_actions && n + 1 < MAX_ITEMS; i++)
		if (b->actions[i].risk_id == r->id) {
			t->action_ids[n] = b->actions[i].id;
			t->items[n++] = IT_ACTION;
			nact++;
		}
	if ((needs & AZ_NEED_ACTIONS) || nact)
		t->items[n++] = IT_ADD_ACTION;
	t->n = n;
	if (t->sel >= n)
		t->sel = n - 1;
}

static const struct az_action *action_of(long long id)
{
	const struct az_book *b = &tui_wb->book;
	size_t lo = 0, hi = b->n_actions;
	while (lo < hi) { /* actions come in id order */
		size_t mid = lo + (hi - lo) / 2;
		if (b->actions[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < b->n_actions && b->actions[lo].id == id ? &b->actions[lo] : NULL;
}

static const char *level_text(int likelihood, int level, char *buf, size_t size)
{
	const struct az_level *lv = likelihood ? az_catalogue_likelihood(tui_wb->cat, level)
					       : az_catalogue_severity(tui_wb->cat, level);
	if (!lv)
		snprintf(buf, size, "%s", _("(not given)"));
	else
		snprintf(buf, size, "%d %s", level, az_text_get(&lv->name));
	return buf;
}

static const struct az_treatment *treatment_of(int kind)
{
	for (size_t i = 0; i < tui_wb->cat->ntreatments; i++)
		if (tui_wb->cat->treatments[i].kind == kind)
			return &tui_wb->cat->treatments[i];
	return NULL;
}

static const char *status_label(int st)
{
	static const char *const names[] = { N_("planned"), N_("in progress"), N_("done"), N_("dropped") };
	return st >= 0 && st < 4 ? _(names[st]) : "?";
}

static const char *rationale_label(int treatment)
{
	return treatment == AZ_AVOID    ? _("What is stopped")
	       : treatment == AZ_ACCEPT ? _("Reason for accepting")
					: _("Note");
}

/* The label and value of a line. */
static void item_text(const struct treat *t, size_t i, const struct az_risk *r, const char **label, char *value,
		      size_t size)
{
	char buf[256];
	value[0] = '\0';
	switch (t->items[i]) {
	case IT_LIKELIHOOD:
		*label = _("Likelihood");
		snprintf(value, size, "%s", level_text(1, r->likelihood, buf, sizeof buf));
		break;
	case IT_SEVERITY:
		*label = _("Severity");
		snprintf(value, size, "%s", level_text(0, r->severity, buf, sizeof buf));
		break;
	case IT_TREATMENT: {
		const struct az_treatment *tr = treatment_of(r->treatment);
		*label = _("Treatment");
		snprintf(value, size, "%s", tr ? az_text_get(&tr->name) : az_text_get(&tui_wb->cat->untreated.name));
		if (tr) {
			size_t len = strlen(value);
			snprintf(value + len, size - len, ": %s", az_text_get(&tr->meaning));
		}
		break;
	}
	case IT_RATIONALE:
		*label = rationale_label(r->treatment);
		snprintf(value, size, "%s", r->rationale ? r->rationale : "");
		break;
	case IT_TRANSFER_TO:
		*label = _("Transferred to");
		snprintf(value, size, "%s", r->transfer_to ? r->transfer_to : "");
		break;
	case IT_ACCEPTED_BY:
		*label = _("Approved by");
		snprintf(value, size, "%s", r->accepted_by ? r->accepted_by : "");
		break;
	case IT_ACCEPTED_AT:
		*label = _("Approved on");
		snprintf(value, size, "%s", r->accepted_at ? r->accepted_at : "");
		break;
	case IT_RESIDUAL_L:
		*label = _("Residual likelihood");
		snprintf(value, size, "%s", level_text(1, r->residual_likelihood, buf, sizeof buf));
		break;
	case IT_RESIDUAL_S:
		*label = _("Residual severity");
		snprintf(value, size, "%s", level_text(0, r->residual_severity, buf, sizeof buf));
		break;
	case IT_ACTION: {
		const struct az_action *a = action_of(t->action_ids[i]);
		const struct az_control *c = a && has_text(a->control) ? az_catalogue_control(tui_wb->cat, a->control) : NULL;
		*label = _("Action");
		if (!a)
			break;
		const char *what = has_text(a->description) ? a->description : c ? az_text_get(&c->name) : a->control;
		snprintf(value, size, "%s | %s: %s | %s: %s | %s", what ? what : "", _("owner"),
			 has_text(a->owner) ? a->owner : "-", _("due"), has_text(a->due) ? a->due : "-",
			 status_label(a->status));
		break;
	}
	case IT_ADD_ACTION:
		*label = "";
		snprintf(value, size, "%s", _("+ Add an action (a)"));
		break;
	}
}

static int treat_enter(struct tui_screen *s)
{
	struct treat *t = s->data;
	const struct az_risk *r = the_risk(t);
	current = t;
	if (!r) {
		tui_error("%s", _("This risk is no longer in the workbook."));
		return -1;
	}
	layout(t, r);
	t->sel = 2; /* the treatment */
	return 0;
}

static void treat_draw(struct tui_screen *s, struct tui_rect body)
{
	struct treat *t = s->data;
	const struct az_catalogue *cat = tui_wb->cat;
	const struct az_risk *r = the_risk(t);
	current = t;
	if (!r) {
		tui_put(stdscr, body.y + 1, body.x + 2, body.cols - 4, _("This risk is no longer in the workbook."),
			tui_attr(TUI_ERROR));
		return;
	}
	layout(t, r);
	const struct az_system *sys = az_book_system(&tui_wb->book, r->system_id);
	const struct az_threat *th = az_catalogue_threat(cat, r->threat);
	char line[2048];
	snprintf(line, sizeof line, "%s / %s", sys ? sys->name : "?", th ? az_text_get(&th->name) : r->threat);
	tui_put(stdscr, body.y, body.x + 1, body.cols - 2, line, tui_attr(TUI_LABEL_ACTIVE));
	/* the rank now and after the treatment, symbol and colour */
	const struct az_rank *now = az_rank_of(cat, r->likelihood, r->severity);
	const struct az_rank *after = az_rank_of(cat, r->residual_likelihood, r->residual_severity);
	int x = body.x + 1;
	x += tui_put(stdscr, body.y + 1, x, tui_width(_("Rank now:")), _("Rank now:"), 0) + 1;
	x += tui_rank_draw(body.y + 1, x, now) + 1;
	x += tui_put(stdscr, body.y + 1, x, 20, now ? az_text_get(&now->name) : "", 0) + 3;
	x += tui_put(stdscr, body.y + 1, x, tui_width(_("After treatment:")), _("After treatment:"), 0) + 1;
	x += tui_rank_draw(body.y + 1, x, after) + 1;
	tui_put(stdscr, body.y + 1, x, body.x + body.cols - x - 1, after ? az_text_get(&after->name) : "", 0);

	/* the lines: label, value */
	int lw = 0;
	for (size_t i = 0; i < t->n; i++) {
		const char *label = "";
		char value[8];
		item_text(t, i, r, &label, value, sizeof value);
		int w = tui_width(label);
		lw = w > lw ? w : lw;
	}
	int foot = 5, rows = body.rows - 3 - foot;
	if (t->sel < t->top)
		t->top = t->sel;
	if (rows > 0 && t->sel >= t->top + (size_t)rows)
		t->top = t->sel - (size_t)rows + 1;
	for (int i = 0; i < rows && t->top + (size_t)i < t->n; i++) {
		size_t k = t->top + (size_t)i;
		const char *label = "";
		item_text(t, k, r, &label, line, sizeof line);
		attr_t a = tui_attr(k == t->sel ? TUI_SELECTED : TUI_NORMAL);
		int y = body.y + 3 + i;
		tui_blank(stdscr, y, body.x, body.cols, a);
		tui_put(stdscr, y, body.x, 2, k == t->sel ? ">" : "", a);
		tui_put(stdscr, y, body.x + 2, lw, label, a);
		tui_put(stdscr, y, body.x + 3 + lw, body.cols - lw - 4, line[0] ? line : "-", a);
	}
	if (t->top > 0)
		tui_put(stdscr, body.y + 3, body.x + body.cols - 2, 1, "^", tui_attr(TUI_DIM));
	if (t->top + (size_t)rows < t->n)
		tui_put(stdscr, body.y + 2 + rows, body.x + body.cols - 2, 1, "v", tui_attr(TUI_DIM));

	/* what the treatment needs, and what is still missing */
	int y = body.y + body.rows - foot;
	tui_blank(stdscr, y, body.x, body.cols, 0);
	const struct az_treatment *tr = treatment_of(r->treatment);
	enum item it = t->items[t->sel];
	if (it == IT_LIKELIHOOD || it == IT_SEVERITY || it == IT_RESIDUAL_L || it == IT_RESIDUAL_S) {
		/* on a score: what its level means, in full */
		int v = it == IT_LIKELIHOOD ? r->likelihood : it == IT_SEVERITY ? r->severity
			: it == IT_RESIDUAL_L ? r->residual_likelihood : r->residual_severity;
		int lik = it == IT_LIKELIHOOD || it == IT_RESIDUAL_L;
		const struct az_level *lv = lik ? az_catalogue_likelihood(cat, v) : az_catalogue_severity(cat, v);
		if (lv) {
			snprintf(line, sizeof line, "%d %s: %s", v, az_text_get(&lv->name), az_text_get(&lv->description));
			tui_put_wrapped_more(stdscr, y + 1, body.x + 1, body.cols - 2, 2, line, tui_attr(TUI_DIM));
		}
	} else if (tr) {
		snprintf(line, sizeof line, "%s %s", _("Needs:"), az_text_get(&tr->requires));
		tui_put_wrapped_more(stdscr, y + 1, body.x + 1, body.cols - 2, 2, line, tui_attr(TUI_DIM));
	}
	struct az_risk_index ix;
	if (az_risk_index_build(&tui_wb->book, &ix) == 0) {
		struct az_risk_facts f;
		az_risk_facts_of(&ix, r, &f);
		az_risk_facts_rank(tui_wb->cat, &f);
		if (az_risk_missing_text(&f, line, sizeof line))
			tui_put_wrapped_more(stdscr, y + 3, body.x + 1, body.cols - 2, 2, line, tui_attr(TUI_ERROR));
		else
			tui_put(stdscr, y + 3, body.x + 1, body.cols - 2, _("Complete: nothing is missing."), tui_attr(TUI_INFO));
		az_risk_index_free(&ix);
	}
}

/* ---- editing ---- */

static void set_column(const char *col, const char *value)
{
	struct az_error err = { 0 };
	if (!current)
		return;
	const char *pairs[] = { col, value && *value ? value : NULL, NULL };
	int rc = az_edit_set(tui_wb->store, AZ_TABLE(risks), current->risk_id, pairs[0], pairs[1], &err);
	if (tui_wb_saved(rc, &err, AZ_TABLE(risks), current->risk_id, pairs) == 0)
		tui_info("%s", _("Saved."));
}

static const char *edit_column; /* the risks column the edit box is for */
static void text_done(void *arg, const char *text)
{
	(void)arg;
	/* empty text is kept as "" (the column is text), not NULL; dates are NULL */
	struct az_error err = { 0 };
	if (!current || !edit_column)
		return;
	int date = !strcmp(edit_column, AZ_COL(risks, accepted_at));
	const char *pairs[] = { edit_column, date && !*text ? NULL : text, NULL };
	int rc = az_edit_set(tui_wb->store, AZ_TABLE(risks), current->risk_id, pairs[0], pairs[1], &err);
	if (tui_wb_saved(rc, &err, AZ_TABLE(risks), current->risk_id, pairs) == 0)
		tui_info("%s", _("Saved."));
}

/* S or A transferred or accepted in an approved assessment: the approval of the management comes first,
 * as import requires (model/rules.h); the treatment is saved once it is given. */
static int pending_kind = -1;

static void approved_on(void *arg, const char *text)
{
	(void)arg;
	if (!current || !text || !*text || pending_kind < 0)
		return;
	set_column(AZ_COL(risks, accepted_at), text);
	set_column(AZ_COL(risks, treatment), az_treatment_values[pending_kind]);
	pending_kind = -1;
}

static void approved_by(void *arg, const char *text)
{
	(void)arg;
	char today[11];
	if (!current || !text || !*text)
		return;
	set_column(AZ_COL(risks, accepted_by), text);
	az_date_today(today);
	tui_editbox(_("Approved on"), _("The date of the approval, YYYY-MM-DD."), TUI_FIELD_DATE, 10, today, approved_on, NULL);
}

static int needs_approval_first(const struct az_risk *r, int kind)
{
	struct az_risk_index ix;
	if (!r || (kind != AZ_ACCEPT && kind != AZ_TRANSFER) || az_risk_index_build(&tui_wb->book, &ix) != 0)
		return 0;
	struct az_risk_facts f;
	az_risk_facts_of(&ix, r, &f);
	az_risk_facts_rank(tui_wb->cat, &f);
	f.treatment = kind;
	const char *why = az_risk_rule_break(&f, *tui_wb->book.assessment.approved_at != '\0');
	az_risk_index_free(&ix);
	if (!why)
		return 0;
	pending_kind = kind;
	tui_editbox(_("Approved by (management)"), why, TUI_FIELD_TEXT, 200, tui_wb->book.clinic.administrator,
		    approved_by, NULL);
	return 1;
}

static void pick_control(const struct az_risk *r);

/* S or A reduced in an approved assessment without an action yet: the action is asked at once. */
static int needs_action_first(const struct az_risk *r)
{
	struct az_risk_index ix;
	if (!r || az_risk_index_build(&tui_wb->book, &ix) != 0)
		return 0;
	struct az_risk_facts f;
	az_risk_facts_of(&ix, r, &f);
	az_risk_facts_rank(tui_wb->cat, &f);
	const char *why = az_risk_rule_break(&f, *tui_wb->book.assessment.approved_at != '\0');
	az_risk_index_free(&ix);
	if (!why)
		return 0;
	tui_error("%s", why);
	pick_control(r);
	return 1;
}

static void treatment_picked(void *arg, int index)
{
	(void)arg;
	const struct az_treatment *tr = index >= 0 && (size_t)index < tui_wb->cat->ntreatments
						? &tui_wb->cat->treatments[index]
						: NULL;
	if (tr && current && needs_approval_first(the_risk(current), tr->kind))
		return;
	set_column(AZ_COL(risks, treatment), tr ? az_treatment_values[tr->kind] : NULL);
	if (tr && tr->kind == AZ_REDUCE && current && needs_action_first(the_risk(current)))
		return;
	/* say at once what this treatment still needs */
	const struct az_risk *r = current ? the_risk(current) : NULL;
	struct az_risk_index ix;
	if (r && az_risk_index_build(&tui_wb->book, &ix) == 0) {
		struct az_risk_facts f;
		char msg[1024];
		az_risk_facts_of(&ix, r, &f);
		az_risk_facts_rank(tui_wb->cat, &f);
		if (az_risk_missing_text(&f, msg, sizeof msg))
			tui_info("%s", msg);
		az_risk_index_free(&ix);
	}
}

static void pick_treatment(const struct az_risk *r)
{
	const struct az_catalogue *cat = tui_wb->cat;
	struct tui_choice_opt opts[8];
	size_t n = 0;
	int cur = -1;
	for (size_t i = 0; i < cat->ntreatments && n < 8; i++, n++) {
		opts[n].label = az_text_get(&cat->treatments[i].name);
		opts[n].desc = az_text_get(&cat->treatments[i].meaning);
		if (cat->treatments[i].kind == r->treatment)
			cur = (int)i;
	}
	tui_choice_pick(_("Treatment: what the clinic does about this risk"), opts, n, cur, treatment_picked, NULL);
}

/* -- the action form -- */

static const struct tui_choice_opt status_opts[] = {
	{ N_("planned"), N_("Decided, not started yet") },
	{ N_("in progress"), N_("Being done now") },
	{ N_("done"), N_("Finished; give the date it was done") },
	{ N_("dropped"), N_("Not done after all; it no longer counts as an action") },
};

static const struct tui_form_item action_items[] = {
	{ N_("What is done"), N_("The action, in words the staff understand (up to 4000 characters)."),
	  TUI_FIELD_TEXT, 4000, NULL, 0, 0 },
	{ N_("Owner"), N_("Who makes sure it is done: a person or a role (up to 200 characters)."), TUI_FIELD_TEXT,
	  200, NULL, 0, 0 },
	{ N_("Due date"), N_("By when it is to be done, as YYYY-MM-DD (for example 2027-03-31)."), TUI_FIELD_DATE, 10,
	  NULL, 0, 0 },
	{ N_("Status"), N_("Where the action stands. Left/Right or Space change it, Enter lists the choices."),
	  TUI_FIELD_TEXT, 0, status_opts, 4, 0 },
	{ N_("Done on"), N_("The day it was done (only when it is done), as YYYY-MM-DD."), TUI_FIELD_DATE, 10, NULL, 0, 0 },
};
enum { AF_DESC, AF_OWNER, AF_DUE, AF_STATUS, AF_DONE, AF_COUNT };

struct action_form {
	struct tui_form form;
	long long risk_id, action_id; /* action_id 0: a new action */
	char control[80];             /* "" for free text */
};

static int action_autosave(struct tui_form *fm, size_t i, void *arg);

static int action_enter(struct tui_screen *s)
{
	struct action_form *af = s->data;
	if (tui_form_init(&af->form, action_items, AF_COUNT) != 0) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	af->form.autosave = action_autosave;
	af->form.autosave_arg = af;
	const struct az_action *a = af->action_id ? action_of(af->action_id) : NULL;
	if (a) {
		tui_form_load(&af->form, AF_DESC, a->description);
		tui_form_load(&af->form, AF_OWNER, a->owner);
		tui_form_load(&af->form, AF_DUE, a->due);
		tui_form_load(&af->form, AF_DONE, a->done_at);
		af->form.sel[AF_STATUS] = a->status;
		snprintf(af->control, sizeof af->control, "%s", a->control ? a->control : "");
	} else {
		const struct az_control *c = af->control[0] ? az_catalogue_control(tui_wb->cat, af->control) : NULL;
		tui_form_load(&af->form, AF_DESC, c ? az_text_get(&c->name) : "");
		af->form.sel[AF_STATUS] = 0;
		af->form.cur = c ? AF_OWNER : AF_DESC;
	}
	return 0;
}

static void action_draw(struct tui_screen *s, struct tui_rect body)
{
	struct action_form *af = s->data;
	const struct az_control *c = af->control[0] ? az_catalogue_control(tui_wb->cat, af->control) : NULL;
	char head[1024];
	snprintf(head, sizeof head, "%s %s", _("From the catalogue:"), c ? az_text_get(&c->name) : _("(own action)"));
	tui_put(stdscr, body.y, body.x + 1, body.cols - 2, head, tui_attr(TUI_DIM));
	s->scopes = TUI_SCOPE_ANY;
	struct tui_rect r = { body.y + 1, body.x, body.rows - 1, body.cols };
	tui_form_draw(&af->form, r);
}

static char *field_or_null(struct tui_form *fm, size_t i)
{
	return tui_field_text(&fm->fields[i]);
}

static int save_action(struct action_form *af)
{
	struct az_error err = { 0 };
	struct tui_form *fm = &af->form;
	char *desc = field_or_null(fm, AF_DESC), *owner = field_or_null(fm, AF_OWNER), *due = field_or_null(fm, AF_DUE),
	     *done = field_or_null(fm, AF_DONE), rid[32];
	int st = tui_form_choice(fm, AF_STATUS);
	const char *status = az_action_status_values[st >= 0 && st < 4 ? st : 0];
	int rc = AZ_OK;
	if (!desc || !owner || !due || !done) {
		tui_error("%s", _("out of memory"));
		rc = -1;
	} else if (!af->control[0] && !*desc) {
		tui_error("%s", _("Say what is done, or pick the action from the catalogue."));
		fm->cur = AF_DESC;
		rc = -1;
	} else if (az_action_done_invalid(st, done)) {
		tui_error("%s", az_action_done_invalid(st, done));
		fm->cur = AF_DONE;
		rc = -1;
	} else if (!af->action_id) {
		snprintf(rid, sizeof rid, "%lld", af->risk_id);
		const char *pairs[] = { AZ_COL(actions, risk_id), rid,
					AZ_COL(actions, control), af->control[0] ? af->control : NULL,
					AZ_COL(actions, description), desc,
					AZ_COL(actions, owner), owner,
					AZ_COL(actions, due), *due ? due : NULL,
					AZ_COL(actions, status), status,
					AZ_COL(actions, done_at), *done ? done : NULL, NULL };
		rc = tui_wb_edited(az_edit_insert(tui_wb->store, AZ_TABLE(actions), pairs, NULL, &err), &err);
	} else {
		/* the whole form in one transaction: saved entirely or not at all */
		const char *pairs[] = { AZ_COL(actions, description), desc,
					AZ_COL(actions, owner), owner,
					AZ_COL(actions, due), *due ? due : NULL,
					AZ_COL(actions, status), status,
					AZ_COL(actions, done_at), *done ? done : NULL, NULL };
		rc = tui_wb_saved(az_edit_row(tui_wb->store, AZ_TABLE(actions), af->action_id, pairs, &err), &err, AZ_TABLE(actions),
				  af->action_id, pairs);
	}
	free(desc);
	free(owner);
	free(due);
	free(done);
	return rc;
}

/* Each field is written as it is left, one transaction each, so killing anzen loses at most the
 * field being typed: a new action is added once it says what is done (its control, or words) and
 * a field is left, then saved field by field. The rules (a done action needs its date...) are
 * checked by F2 and shown as still missing, never block. */
static const struct tui_form_col action_cols[AF_COUNT] = {
	{ AZ_COL(actions, description), NULL }, { AZ_COL(actions, owner), NULL }, { AZ_COL(actions, due), NULL },
	{ AZ_COL(actions, status), az_action_status_values }, { AZ_COL(actions, done_at), NULL },
};

static int insert_action(struct action_form *af)
{
	char rid[32];
	snprintf(rid, sizeof rid, "%lld", af->risk_id);
	const char *extra[] = { AZ_COL(actions, risk_id), rid, af->control[0] ? AZ_COL(actions, control) : NULL, af->control,
				NULL };
	long long id = 0;
	if (tui_form_insert_row(&af->form, action_cols, AZ_TABLE(actions), extra, &id) != 0)
		return -1;
	af->action_id = id;
	return 0;
}

static int action_autosave(struct tui_form *fm, size_t i, void *arg)
{
	struct action_form *af = arg;
	(void)i;
	if (af->action_id)
		return tui_form_save_row(fm, action_cols, AZ_TABLE(actions), af->action_id);
	if (!af->control[0] && fm->fields[AF_DESC].len == 0)
		return 0; /* kept until it says what is done */
	return insert_action(af);
}

/* 1 if key leaves the current field (Tab, Shift-Tab, Up/Down, Enter in a text field). */
static int leaves_field(const struct tui_form *fm, int key)
{
	int choice = fm->items[fm->cur].opts != NULL;
	enum tui_action a = tui_key_action(key, TUI_SCOPE_ANY | (choice ? TUI_SCOPE_NAV : 0));
	return a == TUI_ACT_NEXT_FIELD || a == TUI_ACT_PREV_FIELD || a == TUI_ACT_UP || a == TUI_ACT_DOWN ||
	       (a == TUI_ACT_SELECT && !choice);
}

static int action_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct action_form *af = s->data;
	/* a catalogue control was given when it was picked: leaving the first field adds the action
	 * even if nothing was typed in it */
	if (!af->action_id && af->control[0] && leaves_field(&af->form, key))
		af->form.fields[af->form.cur].changed = 1;
	int r = tui_form_key(&af->form, key, act);
	if (r == TUI_FORM_SUBMIT) {
		if (tui_form_autosave(&af->form) != 0)
			return TUI_HANDLED;
		if (save_action(af) == 0) {
			tui_pop();
			tui_info("%s", _("The action was saved."));
		}
		return TUI_HANDLED;
	}
	return r == TUI_UNHANDLED ? tui_form_leave(&af->form, key, af->action_id != 0) : r;
}

static const struct tui_screen_ops action_ops = {
	.title = N_("Action"),
	.help = tui_help_action,
	.bar = tui_form_bar,
	TUI_SCREEN_HOOKS(struct action_form, action_enter, action_draw, action_key, tui_form_screen_leave),
};

static int open_action(long long risk_id, long long action_id, const char *control)
{
	struct action_form af = { .risk_id = risk_id, .action_id = action_id };
	snprintf(af.control, sizeof af.control, "%s", control ? control : "");
	return tui_open(&action_ops, &af);
}

/* the control picker: the catalogue's controls for the threat, then "my own" */
static const struct az_control *offered[64];
static size_t noffered;

static void control_picked(void *arg, int index)
{
	(void)arg;
	if (!current)
		return;
	open_action(current->risk_id, 0, index >= 0 && (size_t)index < noffered ? offered[index]->id : NULL);
}

static void pick_control(const struct az_risk *r)
{
	const struct az_catalogue *cat = tui_wb->cat;
	struct tui_choice_opt opts[65];
	noffered = 0;
	for (size_t i = 0; i < cat->ncontrols && noffered < 64; i++)
		if (az_control_mitigates(&cat->controls[i], r->threat)) {
			offered[noffered] = &cat->controls[i];
			opts[noffered].label = az_text_get(&cat->controls[i].name);
			opts[noffered].desc = az_text_get(&cat->controls[i].description);
			noffered++;
		}
	opts[noffered].label = N_("My own action (write it in words)");
	opts[noffered].desc = N_("For an action the catalogue does not list.");
	tui_choice_pick(_("Add an action: choose a control from the catalogue"), opts, noffered + 1, 0, control_picked,
			NULL);
}

static struct {
	long long id;
} doomed;

static void delete_action(void *arg)
{
	(void)arg;
	struct az_error err = { 0 };
	if (tui_wb_edited(az_edit_delete(tui_wb->store, AZ_TABLE(actions), doomed.id, &err), &err) == 0)
		tui_info("%s", _("The action was deleted."));
}

static void edit_item(struct treat *t, const struct az_risk *r)
{
	current = t;
	switch (t->items[t->sel]) {
	case IT_LIKELIHOOD:
		tui_score_pick(r->id, 0, NULL, AZ_SCORE_LIKELIHOOD, 0);
		break;
	case IT_SEVERITY:
		tui_score_pick(r->id, 0, NULL, AZ_SCORE_SEVERITY, 0);
		break;
	case IT_RESIDUAL_L:
		tui_score_pick(r->id, 0, NULL, AZ_SCORE_RESIDUAL_LIKELIHOOD, 0);
		break;
	case IT_RESIDUAL_S:
		tui_score_pick(r->id, 0, NULL, AZ_SCORE_RESIDUAL_SEVERITY, 0);
		break;
	case IT_TREATMENT:
		pick_treatment(r);
		break;
	case IT_RATIONALE:
		edit_column = AZ_COL(risks, rationale);
		tui_editbox(rationale_label(r->treatment),
			    r->treatment == AZ_AVOID ? _("What the clinic stops doing, and since when.")
			    : r->treatment == AZ_ACCEPT ? _("Why the risk is accepted as it is (for example: the cost is "
							    "out of proportion; it is checked again next year).")
							: _("Anything the inspector should know about this risk."),
			    TUI_FIELD_TEXT, 4000, r->rationale, text_done, NULL);
		break;
	case IT_TRANSFER_TO:
		edit_column = AZ_COL(risks, transfer_to);
		tui_editbox(_("Transferred to"), _("The insurer and the policy, or the contract party and the clause."),
			    TUI_FIELD_TEXT, 200, r->transfer_to, text_done, NULL);
		break;
	case IT_ACCEPTED_BY:
		edit_column = AZ_COL(risks, accepted_by);
		tui_editbox(_("Approved by"), _("Who approved accepting the risk: the director (院長) or the chair."),
			    TUI_FIELD_TEXT, 200, r->accepted_by, text_done, NULL);
		break;
	case IT_ACCEPTED_AT:
		edit_column = AZ_COL(risks, accepted_at);
		tui_editbox(_("Approved on"), _("The date of the approval, as YYYY-MM-DD."), TUI_FIELD_DATE, 10,
			    r->accepted_at, text_done, NULL);
		break;
	case IT_ACTION:
		open_action(r->id, t->action_ids[t->sel], NULL);
		break;
	case IT_ADD_ACTION:
		pick_control(r);
		break;
	}
}

static void leave_anyway(void *arg)
{
	(void)arg;
	tui_pop();
}

/* The help, then every treatment and the levels, from the catalogue. */
static void treat_help(FILE *f, void *arg)
{
	(void)arg;
	const struct az_catalogue *cat = tui_wb->cat;
	for (size_t i = 0; i < cat->ntreatments; i++) {
		const struct az_treatment *tr = &cat->treatments[i];
		fprintf(f, "\n\n%s: %s %s %s", az_text_get(&tr->name), az_text_get(&tr->meaning), _("Needs:"),
			az_text_get(&tr->requires));
		tui_help_refs(f, tr->refs, tr->nrefs);
	}
	tui_help_levels(f);
}

static int treat_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct treat *t = s->data;
	const struct az_risk *r = the_risk(t);
	(void)key;
	if (!r)
		return TUI_UNHANDLED;
	current = t;
	switch (act) {
	case TUI_ACT_HELP:
		tui_assess_help(s, treat_help, NULL);
		return TUI_HANDLED;
	case TUI_ACT_UP:
		t->sel = t->sel ? t->sel - 1 : 0;
		return TUI_HANDLED;
	case TUI_ACT_DOWN:
		t->sel = t->sel + 1 < t->n ? t->sel + 1 : t->sel;
		return TUI_HANDLED;
	case TUI_ACT_FIRST:
		t->sel = 0;
		return TUI_HANDLED;
	case TUI_ACT_LAST:
		t->sel = t->n - 1;
		return TUI_HANDLED;
	case TUI_ACT_SELECT:
	case TUI_ACT_EDIT:
	case TUI_ACT_TOGGLE:
		edit_item(t, r);
		return TUI_HANDLED;
	case TUI_ACT_ADD:
		pick_control(r);
		return TUI_HANDLED;
	case TUI_ACT_DELETE:
		if (t->items[t->sel] != IT_ACTION) {
			tui_error("%s", _("Only an action can be deleted here; choose the treatment again to change it."));
			return TUI_HANDLED;
		}
		doomed.id = t->action_ids[t->sel];
		tui_confirm(_("Delete this action?"), delete_action, NULL);
		return TUI_HANDLED;
	case TUI_ACT_BACK: {
		struct az_risk_index ix;
		char msg[1024], q[1200];
		if (az_risk_index_build(&tui_wb->book, &ix) != 0)
			return TUI_UNHANDLED;
		struct az_risk_facts f;
		az_risk_facts_of(&ix, r, &f);
		az_risk_facts_rank(tui_wb->cat, &f);
		size_t n = r->treatment >= 0 ? az_risk_missing_text(&f, msg, sizeof msg) : 0;
		az_risk_index_free(&ix);
		if (!n)
			return TUI_UNHANDLED;
		/* a treatment chosen but not complete: say what is missing before leaving */
		snprintf(q, sizeof q, _("%s. Leave anyway? (You can finish it later.)"), msg);
		tui_confirm(q, leave_anyway, NULL);
		return TUI_HANDLED;
	}
	default:
		return TUI_UNHANDLED;
	}
}

static void treat_leave(struct tui_screen *s)
{
	if (current == s->data)
		current = NULL;
}

static const enum tui_action treat_bar[] = { TUI_ACT_SELECT, TUI_ACT_ADD, TUI_ACT_DELETE, TUI_ACT_HELP, TUI_ACT_BACK,
					     TUI_ACT_NONE };
static const struct tui_screen_ops treat_ops = {
	.title = N_("Treatment"),
	.help = tui_help_treat,
	.bar = treat_bar,
	TUI_SCREEN_HOOKS(struct treat, treat_enter, treat_draw, treat_key, treat_leave),
};

int tui_treat_open(long long risk_id)
{
	struct treat t = { .risk_id = risk_id };
	return tui_open(&treat_ops, &t);
}
