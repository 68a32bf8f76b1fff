/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The risk step, one decision per threat: the threats that concern the clinic's systems, ordered by
 * suggested rank (S first), each with its suggested score and the facts behind it. Enter confirms the
 * suggestion for every system and asks only the treatment the rank needs; e changes the score; x says
 * the threat does not apply; v shows its systems, where one can be decided apart (an exception). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/decide.h"
#include "model/rules.h"
#include "model/score_suggest.h"
#include "model/tables.h"
#include "base/date.h"
#include "model/threat_list.h"
#include "tui/choice.h"
#include "tui/draw.h"
#include "tui/editbox.h"
#include "tui/help_text.h"
#include "tui/list.h"
#include "tui/rank.h"
#include "tui/scr_assess.h"
#include "tui/scr_facts.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/wb.h"

enum { ROW_FACTS, ROW_BY_SYSTEM, NFIXED }; /* the lines above the threats */

struct threats {
	unsigned long generation;
	struct az_risk_index ix;
	struct az_threat_summary *v;
	size_t n;
	char **text;
	char *block;
	int wstatus;
	size_t unanswered; /* questions about how the clinic works not answered yet */
	char advance[80]; /* the threat being decided: once it is, the next undecided one is selected */
	struct tui_list list;
};

static void free_rows(struct threats *d)
{
	free(d->v);
	free(d->text);
	free(d->block);
	az_risk_index_free(&d->ix);
	d->v = NULL;
	d->text = NULL;
	d->block = NULL;
	d->n = 0;
}

static int build(struct threats *d)
{
	const struct az_catalogue *cat = tui_wb->cat;
	const struct az_book *b = &tui_wb->book;
	free_rows(d);
	d->generation = tui_wb->generation;
	size_t cap = 400;
	if (az_risk_index_build(b, &d->ix) != 0 || az_threat_list(cat, b, &d->ix, &d->v, &d->n) != 0 ||
	    !(d->text = calloc(d->n + NFIXED, sizeof *d->text)) || !(d->block = malloc((d->n + NFIXED) * cap))) {
		free_rows(d);
		tui_list_refresh(&d->list);
		tui_error("%s", _("out of memory"));
		return -1;
	}
	d->wstatus = 0;
	for (int k = 0; k <= AZ_THREAT_NOT_APPLICABLE + 1; k++) {
		int w = tui_width(k > AZ_THREAT_NOT_APPLICABLE ? _("Decided, actions open") : az_threat_status_name(k));
		d->wstatus = w > d->wstatus ? w : d->wstatus;
	}
	size_t un = d->unanswered = az_facts_unanswered(cat, b, NULL);
	snprintf(d->block, cap, un ? _("Questions about how the clinic works (%zu not answered)")
				   : _("Questions about how the clinic works (all answered)"), un);
	snprintf(d->block + cap, cap, "%s", _("The risks system by system"));
	d->text[ROW_FACTS] = d->block;
	d->text[ROW_BY_SYSTEM] = d->block + cap;
	for (size_t i = 0; i < d->n; i++) {
		const struct az_threat_summary *ts = &d->v[i];
		char *line = d->block + (i + NFIXED) * cap, tag[16], score[16];
		int l = ts->likelihood ? ts->likelihood : ts->suggestion.likelihood;
		int s = ts->likelihood ? ts->severity : ts->suggestion.severity;
		size_t len = 0;
		snprintf(score, sizeof score, "%d x %d", l, s);
		line[0] = '\0';
		tui_pad_append(line, cap, &len, ts->status == AZ_THREAT_NOT_APPLICABLE ? "  -  " : tui_rank_tag(az_rank_of(tui_wb->cat, l, s), tag), 6);
		tui_pad_append(line, cap, &len, ts->status == AZ_THREAT_NOT_APPLICABLE ? "-" : score, 6);
		tui_pad_append(line, cap, &len, az_threat_summary_status(ts), d->wstatus + 1);
		snprintf(line + len, cap - len, _("%s (%zu systems)"), az_text_get(&ts->threat->name), ts->nsystems);
		d->text[i + NFIXED] = line;
	}
	tui_list_refresh(&d->list);
	return 0;
}

static size_t threats_count(void *ctx) { return ((struct threats *)ctx)->n + NFIXED; }
static const char *threats_text(void *ctx, size_t i) { return ((struct threats *)ctx)->text[i]; }

static const struct az_threat_summary *selected(struct threats *d)
{
	long i = tui_list_selected(&d->list);
	return i >= NFIXED && (size_t)i < d->n + NFIXED ? &d->v[i - NFIXED] : NULL;
}

static int threats_enter(struct tui_screen *s)
{
	struct threats *d = s->data;
	if (tui_list_init(&d->list, threats_count, threats_text, d) != 0) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	if (build(d) != 0)
		return -1;
	/* the questions first while some are open (they make the suggestions), else the first threat */
	d->list.sel = d->unanswered ? ROW_FACTS : NFIXED;
	return 0;
}

static void threats_leave(struct tui_screen *s)
{
	struct threats *d = s->data;
	free_rows(d);
	tui_list_free(&d->list);
	free(d);
}

/* After a decision: on to the next threat that still needs one (no filter in use). */
static void advance(struct threats *d)
{
	size_t i = 0;
	while (d->advance[0] && i < d->n && strcmp(d->v[i].threat->id, d->advance) != 0)
		i++;
	if (!d->advance[0] || i == d->n || d->v[i].status < AZ_THREAT_COMPLETE || d->list.filter.len ||
	    d->list.nview != d->n + NFIXED)
		return;
	d->advance[0] = '\0';
	for (size_t k = i + 1; k < d->n; k++)
		if (d->v[k].status < AZ_THREAT_COMPLETE) {
			d->list.sel = k + NFIXED;
			return;
		}
}

/* "Likelihood 5: reason" into buf. */
static void reason_line(const struct az_suggestion *sg, int which, char *buf, size_t size)
{
	char r[400];
	az_suggestion_reason(sg, which, r, sizeof r);
	snprintf(buf, size, "%s %s", which ? _("Suggested severity") : _("Suggested likelihood"), r);
}

static void threats_draw(struct tui_screen *s, struct tui_rect body)
{
	struct threats *d = s->data;
	const struct az_catalogue *cat = tui_wb->cat;
	if (d->generation != tui_wb->generation) {
		if (build(d) != 0)
			return;
		advance(d);
		/* every question answered: on to the threats */
		if (!d->unanswered && tui_list_selected(&d->list) == ROW_FACTS && !d->list.filter.len)
			d->list.sel = NFIXED;
	}
	s->scopes = tui_list_scopes(&d->list);
	size_t done = 0;
	for (size_t i = 0; i < d->n; i++)
		done += d->v[i].status >= AZ_THREAT_COMPLETE;
	char head[256], cols[256];
	snprintf(head, sizeof head, _("Threats by suggested rank: %zu of %zu decided"), done, d->n);
	tui_put(stdscr, body.y, body.x + 1, body.cols - 2, head, tui_attr(TUI_LABEL_ACTIVE));
	size_t len = 0;
	cols[0] = '\0';
	tui_pad_append(cols, sizeof cols, &len, _("Rank"), 6);
	tui_pad_append(cols, sizeof cols, &len, _("Score"), 6);
	tui_pad_append(cols, sizeof cols, &len, _("Status"), d->wstatus + 1);
	snprintf(cols + len, sizeof cols - len, "%s", _("Threat"));
	tui_put(stdscr, body.y + 1, body.x + 2, body.cols - 3, cols, tui_attr(TUI_DIM));
	int detail = 6, lrows = body.rows - 2 - detail;
	struct tui_rect lr = { body.y + 2, body.x, lrows, body.cols };
	tui_list_draw(&d->list, lr);
	int y = body.y + body.rows - detail;
	tui_blank(stdscr, y, body.x, body.cols, tui_attr(TUI_DIM));
	const struct az_threat_summary *ts = selected(d);
	if (!ts) {
		if (tui_list_selected(&d->list) == ROW_FACTS)
			tui_put_wrapped_more(stdscr, y + 1, body.x + 1, body.cols - 2, 3,
					     _("The answers make the suggested scores. The clinic's questions are also on "
					       "the clinic form, each system's and each vendor's on its own form."),
					     tui_attr(TUI_DIM));
		tui_put(stdscr, y + 4, body.x + 1, body.cols - 2, _("Open it with Enter."), tui_attr(TUI_DIM));
		return;
	}
	tui_put(stdscr, y + 1, body.x + 1, body.cols - 2, az_text_get(&ts->threat->name), tui_attr(TUI_LABEL_ACTIVE));
	char line[1024];
	if (ts->status == AZ_THREAT_NOT_APPLICABLE) {
		const struct az_risk *r = NULL;
		for (size_t i = 0; i < tui_wb->book.n_risks && !r; i++)
			if (!strcmp(tui_wb->book.risks[i].threat, ts->threat->id) && tui_wb->book.risks[i].dismissed >= 0)
				r = &tui_wb->book.risks[i];
		snprintf(line, sizeof line, _("Not applicable: %s%s%s"), r ? az_dismiss_reason(r->dismissed) : "",
			 r && *r->dismiss_note ? " - " : "", r ? r->dismiss_note : "");
		tui_put_wrapped_more(stdscr, y + 2, body.x + 1, body.cols - 2, 1, line, 0);
		tui_put(stdscr, y + 3, body.x + 1, body.cols - 2, _("x brings it back."), tui_attr(TUI_DIM));
		return;
	}
	/* one row each: what does not fit ends with … (F1 and Enter show it whole) */
	reason_line(&ts->suggestion, 0, line, sizeof line);
	tui_put_wrapped_more(stdscr, y + 2, body.x + 1, body.cols - 2, 1, line, 0);
	reason_line(&ts->suggestion, 1, line, sizeof line);
	tui_put_wrapped_more(stdscr, y + 3, body.x + 1, body.cols - 2, 1, line, 0);
	const struct az_rank *rk = az_rank_of(cat, ts->likelihood ? ts->likelihood : ts->suggestion.likelihood,
					      ts->likelihood ? ts->severity : ts->suggestion.severity);
	snprintf(line, sizeof line, "%s: %s", rk ? az_text_get(&rk->name) : "", rk ? az_text_get(&rk->response) : "");
	tui_put_wrapped_more(stdscr, y + 4, body.x + 1, body.cols - 2, 1, line, tui_attr(TUI_DIM));
	/* the open questions first: what the owner can still do about the suggestion */
	size_t open = az_facts_unanswered(cat, &tui_wb->book, ts->threat), n = 0;
	if (open)
		n = (size_t)snprintf(line, sizeof line, _("Questions behind it not answered: %zu (f).  "), open);
	snprintf(line + (n < sizeof line ? n : 0), sizeof line - (n < sizeof line ? n : 0),
		 _("%zu systems, %zu decided, %zu not applicable, %zu decided apart"), ts->nsystems, ts->ncomplete,
		 ts->ndismissed, ts->nexceptions);
	tui_put_more(stdscr, y + 5, body.x + 1, body.cols - 2, line, tui_attr(open ? TUI_NORMAL : TUI_DIM));
}

/* ---- the decision, step by step ---- */

static struct {
	char threat[80];
	int l, s; /* the threat's score */
	char rank;
} flow;

static const struct az_threat *flow_threat(void) { return az_catalogue_threat(tui_wb->cat, flow.threat); }

/* Sets one column on the threat's risks decided with it; 0 or -1 (message shown). */
static int set(const char *column, const char *value)
{
	struct az_error err = { 0 };
	return tui_wb_edited(az_threat_set(tui_wb->store, tui_wb->cat, &tui_wb->book, flow_threat(), column, value,
					   NULL, &err),
			     &err);
}

static void ask_treatment(void);

static void approval_date(void *arg, const char *text)
{
	(void)arg;
	if (set(AZ_COL(risks, accepted_at), text && *text ? text : NULL) == 0)
		tui_info("%s", _("Saved."));
}

static void approval_name(void *arg, const char *text)
{
	(void)arg;
	char today[11];
	az_date_today(today);
	if (set("accepted_by", text ? text : "") == 0)
		tui_editbox(_("Approved on"), _("The date of the approval, YYYY-MM-DD."), TUI_FIELD_DATE, 10, today,
			    approval_date, NULL);
}

/* S, A and B risks transferred or accepted: who of the management approved it. */
static void ask_approval(void)
{
	const char *who = *tui_wb->book.clinic.administrator ? tui_wb->book.clinic.administrator : az_decider(&tui_wb->book);
	tui_editbox(_("Approved by (management)"), _("The name of the director or chair who approves it."),
		    TUI_FIELD_TEXT, 200, who, approval_name, NULL);
}

static void reason_given(void *arg, const char *text)
{
	int approve = arg != NULL;
	if (set("rationale", text ? text : "") != 0)
		return;
	if (approve)
		ask_approval();
	else
		tui_info("%s", _("Saved."));
}

static void ask_reason(const char *label, int approve)
{
	tui_editbox(label, _("One or two sentences for the inspector."), TUI_FIELD_TEXT, 4000, NULL, reason_given,
		    approve ? (void *)1 : NULL);
}

static void transfer_to_given(void *arg, const char *text)
{
	(void)arg;
	if (set("transfer_to", text ? text : "") == 0)
		ask_reason(_("Why transfer it"), flow.rank != 'C' && flow.rank != 'D');
}

static void residual_picked(void *arg, int index);

static void ask_residual(int severity)
{
	struct tui_choice_opt opts[AZ_LEVELS];
	char labels[AZ_LEVELS][256];
	for (int i = 0; i < AZ_LEVELS; i++) {
		const struct az_level *lv = severity ? az_catalogue_severity(tui_wb->cat, i + 1)
						     : az_catalogue_likelihood(tui_wb->cat, i + 1);
		snprintf(labels[i], sizeof labels[i], "%s", lv ? az_text_get(&lv->name) : "");
		opts[i].label = labels[i];
		opts[i].desc = lv ? az_text_get(&lv->description) : NULL;
	}
	/* opens on the level the actions should reach: one likelihood level lower, the same severity */
	int cur = severity ? flow.s - 1 : (flow.l > 1 ? flow.l - 2 : 0);
	tui_choice_pick(severity ? _("Residual severity, after the actions") : _("Residual likelihood, after the actions"),
			opts, AZ_LEVELS, cur, residual_picked, severity ? (void *)1 : NULL);
}

static void residual_picked(void *arg, int index)
{
	int severity = arg != NULL, level = index + 1;
	if (level > (severity ? flow.s : flow.l)) {
		tui_error("%s", _("The residual risk cannot be higher than the risk before treatment"));
		return;
	}
	char v[16];
	snprintf(v, sizeof v, "%d", level);
	if (set(severity ? "residual_severity" : "residual_likelihood", v) != 0)
		return;
	if (!severity)
		ask_residual(1);
	else
		tui_info("%s", _("Saved."));
}

static struct {
	char control[80];
	char description[600];
} pending_action;

static void add_action(int spread)
{
	struct az_error err = { 0 };
	char due[16];
	int fy = tui_wb->book.assessment.fiscal_year;
	snprintf(due, sizeof due, "%04d-03-31", (fy >= 2000 && fy < 2100 ? fy : 2026) + 1); /* the fiscal year's end */
	size_t n = 0;
	const char *control = pending_action.control[0] ? pending_action.control : NULL;
	int rc = az_threat_add_action(tui_wb->store, tui_wb->cat, &tui_wb->book, flow_threat(), control,
				      pending_action.description, az_decider(&tui_wb->book), due, spread, &n, &err);
	if (tui_wb_edited(rc, &err) == 0)
		ask_residual(0);
}

static void spread_picked(void *arg, int index)
{
	(void)arg;
	add_action(index == 0);
}

static void control_with_reach(void)
{
	size_t reach = pending_action.control[0]
			       ? az_control_reach(tui_wb->cat, &tui_wb->book, flow_threat(), pending_action.control)
			       : 0;
	if (!reach) {
		add_action(0);
		return;
	}
	static char q[512], both[256];
	static struct tui_choice_opt opts[2];
	snprintf(q, sizeof q, _("This action also treats %zu other risks"), reach);
	snprintf(both, sizeof both, _("Add it to those %zu risks too"), reach);
	opts[0] = (struct tui_choice_opt){ both, N_("One action, listed once with every risk it treats.") };
	opts[1] = (struct tui_choice_opt){ N_("Only for this threat"), NULL };
	tui_choice_pick(q, opts, 2, 0, spread_picked, NULL);
}

static const struct az_control *threat_controls[64];
static size_t nthreat_controls;

static void own_action(void *arg, const char *text)
{
	(void)arg;
	if (!text || !*text)
		return;
	pending_action.control[0] = '\0';
	snprintf(pending_action.description, sizeof pending_action.description, "%s", text);
	add_action(0);
}

static void control_picked(void *arg, int index)
{
	(void)arg;
	if ((size_t)index >= nthreat_controls) {
		tui_editbox(_("What is done"), _("The action, e.g. 'update the router firmware'."), TUI_FIELD_TEXT, 4000,
			    NULL, own_action, NULL);
		return;
	}
	const struct az_control *c = threat_controls[index];
	snprintf(pending_action.control, sizeof pending_action.control, "%s", c->id);
	snprintf(pending_action.description, sizeof pending_action.description, "%s", az_text_get(&c->name));
	control_with_reach();
}

/* 1 if every risk decided with the threat has a live action. */
static int has_actions(void)
{
	const struct az_book *b = &tui_wb->book;
	for (size_t i = 0; i < b->n_risks; i++) {
		const struct az_risk *r = &b->risks[i];
		if (strcmp(r->threat, flow.threat) != 0 || r->exception || r->dismissed >= 0)
			continue;
		int live = 0;
		for (size_t k = 0; k < b->n_actions && !live; k++)
			live = b->actions[k].risk_id == r->id && b->actions[k].status != 3;
		if (!live)
			return 0;
	}
	return 1;
}

static void ask_control(void)
{
	static struct tui_choice_opt opts[65];
	const struct az_catalogue *cat = tui_wb->cat;
	nthreat_controls = 0;
	for (size_t i = 0; i < cat->ncontrols && nthreat_controls < 64; i++)
		if (az_control_mitigates(&cat->controls[i], flow.threat)) {
			threat_controls[nthreat_controls] = &cat->controls[i];
			opts[nthreat_controls].label = az_text_get(&cat->controls[i].name);
			opts[nthreat_controls].desc = az_text_get(&cat->controls[i].description);
			nthreat_controls++;
		}
	opts[nthreat_controls].label = N_("Another action (write it)");
	opts[nthreat_controls].desc = N_("An action that is not in the catalogue.");
	tui_choice_pick(_("Reduce: which action?"), opts, nthreat_controls + 1, 0, control_picked, NULL);
}

static const int order_high[] = { AZ_REDUCE, AZ_AVOID, AZ_TRANSFER, AZ_ACCEPT };
static const int order_low[] = { AZ_ACCEPT, AZ_REDUCE, AZ_AVOID, AZ_TRANSFER };

static void treatment_picked(void *arg, int index)
{
	(void)arg;
	if (index < 0 || index > 3)
		return;
	int kind = flow.rank == 'C' ? order_low[index] : order_high[index];
	if (set("treatment", az_treatment_values[kind]) != 0)
		return;
	switch (kind) {
	case AZ_REDUCE:
		if (has_actions())
			ask_residual(0);
		else
			ask_control();
		break;
	case AZ_AVOID:
		ask_reason(_("What is stopped"), 0);
		break;
	case AZ_TRANSFER:
		tui_editbox(_("Transferred to"), _("The insurer and policy, or the contract party."), TUI_FIELD_TEXT, 200,
			    NULL, transfer_to_given, NULL);
		break;
	default:
		if (flow.rank == 'C') {
			if (set("rationale", az_standard_accept_reason()) == 0)
				tui_info("%s", _("Accepted with the standard reason for rank C."));
		} else {
			ask_reason(_("Why it is accepted"), 1);
		}
	}
}

static void ask_treatment(void)
{
	const struct az_rank *rk = az_rank_of(tui_wb->cat, flow.l, flow.s);
	flow.rank = rk && rk->id ? rk->id[0] : 0;
	if (flow.rank == 'D') {
		tui_info("%s", _("Rank D: no treatment is needed."));
		return;
	}
	const struct az_catalogue *cat = tui_wb->cat;
	const int *order = flow.rank == 'C' ? order_low : order_high;
	static struct tui_choice_opt opts[4];
	static char labels[4][256];
	for (int i = 0; i < 4; i++) {
		const struct az_treatment *t = NULL;
		for (size_t k = 0; k < cat->ntreatments; k++)
			if (cat->treatments[k].kind == order[i])
				t = &cat->treatments[k];
		snprintf(labels[i], sizeof labels[i], "%s", t ? az_text_get(&t->name) : "");
		if (flow.rank == 'C' && order[i] == AZ_ACCEPT)
			snprintf(labels[i], sizeof labels[i], _("%s with the standard reason"), t ? az_text_get(&t->name) : "");
		opts[i].label = labels[i];
		opts[i].desc = t ? az_text_get(&t->requires) : NULL;
	}
	char title[256];
	snprintf(title, sizeof title, _("Rank %c: how is it treated? (%s)"), flow.rank ? flow.rank : '-',
		 az_text_get(&flow_threat()->name));
	tui_choice_pick(title, opts, 4, 0, treatment_picked, NULL);
}

/* Confirms or changes the score of the threat on every system decided with it, then the treatment. */
static void decide_score(int l, int s)
{
	struct az_error err = { 0 };
	int rc = az_threat_decide(tui_wb->store, tui_wb->cat, &tui_wb->book, flow_threat(), l, s, -1,
				  az_decider(&tui_wb->book), NULL, &err);
	if (tui_wb_edited(rc, &err) != 0)
		return;
	flow.l = l;
	flow.s = s;
	ask_treatment();
}

static void severity_picked(void *arg, int index)
{
	(void)arg;
	decide_score(flow.l, index + 1);
}

static void levels(int severity, int cur, void (*picked)(void *, int))
{
	struct tui_choice_opt opts[AZ_LEVELS];
	char labels[AZ_LEVELS][256], title[512];
	for (int i = 0; i < AZ_LEVELS; i++) {
		const struct az_level *lv = severity ? az_catalogue_severity(tui_wb->cat, i + 1)
						     : az_catalogue_likelihood(tui_wb->cat, i + 1);
		snprintf(labels[i], sizeof labels[i], "%s", lv ? az_text_get(&lv->name) : "");
		opts[i].label = labels[i];
		opts[i].desc = lv ? az_text_get(&lv->description) : NULL;
	}
	snprintf(title, sizeof title, severity ? _("Severity: how bad would it be? (%s)") : _("Likelihood: how often could it happen? (%s)"),
		 az_text_get(&flow_threat()->name));
	tui_choice_pick(title, opts, AZ_LEVELS, cur - 1, picked, NULL);
}

static void likelihood_picked(void *arg, int index)
{
	(void)arg;
	flow.l = index + 1;
	levels(1, flow.s, severity_picked);
}

static void start(const struct az_threat_summary *ts)
{
	snprintf(flow.threat, sizeof flow.threat, "%s", ts->threat->id);
	flow.l = ts->likelihood ? ts->likelihood : ts->suggestion.likelihood;
	flow.s = ts->likelihood ? ts->severity : ts->suggestion.severity;
}

/* ---- not applicable ---- */

static struct {
	char threat[80];
	long long system_id;
	int reason;
} dismissing;

static void dismiss_save(const char *note)
{
	struct az_error err = { 0 };
	const struct az_threat *t = az_catalogue_threat(tui_wb->cat, dismissing.threat);
	int rc = az_threat_dismiss(tui_wb->store, tui_wb->cat, &tui_wb->book, t, dismissing.system_id,
				   dismissing.reason, note, &err);
	if (tui_wb_edited(rc, &err) == 0)
		tui_info("%s", dismissing.reason >= 0 ? _("Marked as not applicable.") : _("Brought back."));
}

static void dismiss_note(void *arg, const char *text)
{
	(void)arg;
	dismiss_save(text);
}

static void reason_picked(void *arg, int index)
{
	(void)arg;
	enum { OTHER = 3 };
	dismissing.reason = index;
	if (index == OTHER)
		tui_editbox(_("Why it does not apply"), _("One sentence for the inspector."), TUI_FIELD_TEXT, 4000, NULL,
			    dismiss_note, NULL);
	else
		dismiss_save(NULL);
}

/* Asks why the threat does not apply (on one system, or all with system_id 0), or brings it back. */
static void dismiss(const struct az_threat *t, long long system_id, int restore)
{
	snprintf(dismissing.threat, sizeof dismissing.threat, "%s", t->id);
	dismissing.system_id = system_id;
	if (restore) {
		dismissing.reason = -1;
		dismiss_save(NULL);
		return;
	}
	static struct tui_choice_opt opts[4];
	for (int i = 0; i < 4; i++) {
		opts[i].label = az_dismiss_reason(i);
		opts[i].desc = NULL;
	}
	tui_choice_pick(_("Why does it not apply?"), opts, 4, 0, reason_picked, NULL);
}

/* ---- the systems of one threat ---- */

static int systems_open(const char *threat);

/* The help, then the selected threat, the levels and the ranks from the catalogue. */
static void threat_help(FILE *f, void *arg)
{
	const struct az_threat_summary *ts = arg;
	if (ts) {
		fprintf(f, "\n\n%s: %s", az_text_get(&ts->threat->name), az_text_get(&ts->threat->description));
		tui_help_refs(f, ts->threat->refs, ts->threat->nrefs);
	}
	tui_help_levels(f);
	tui_help_ranks(f);
}

static int threats_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct threats *d = s->data;
	int r = tui_list_key(&d->list, key, act);
	const struct az_threat_summary *ts = selected(d);
	long sel = tui_list_selected(&d->list);
	if (r == TUI_LIST_CHOSEN) {
		if (sel == ROW_FACTS)
			return tui_facts_open(0, 0), TUI_HANDLED;
		if (sel == ROW_BY_SYSTEM)
			return tui_risks_open(0), TUI_HANDLED;
		if (!ts)
			return TUI_HANDLED;
		start(ts);
		snprintf(d->advance, sizeof d->advance, "%s", ts->threat->id);
		if (ts->status == AZ_THREAT_TO_CONFIRM)
			decide_score(flow.l, flow.s);
		else if (ts->status == AZ_THREAT_TO_DECIDE || ts->status == AZ_THREAT_INCOMPLETE)
			ask_treatment();
		else
			systems_open(ts->threat->id);
		return TUI_HANDLED;
	}
	if (r != TUI_UNHANDLED || d->list.filtering)
		return r;
	if (act == TUI_ACT_HELP) {
		tui_assess_help(s, threat_help, (void *)ts);
		return TUI_HANDLED;
	}
	if (act == TUI_ACT_FACTS) { /* the questions behind the selected threat, or all of them */
		if (ts)
			tui_facts_open_threat(ts->threat);
		else
			tui_facts_open(0, 0);
		return TUI_HANDLED;
	}
	if (!ts)
		return TUI_UNHANDLED;
	if (act == TUI_ACT_EDIT && ts->status != AZ_THREAT_NOT_APPLICABLE) {
		start(ts);
		levels(0, flow.l, likelihood_picked);
		return TUI_HANDLED;
	}
	if (act == TUI_ACT_DISMISS) {
		snprintf(d->advance, sizeof d->advance, "%s", ts->threat->id);
		dismiss(ts->threat, 0, ts->status == AZ_THREAT_NOT_APPLICABLE);
		return TUI_HANDLED;
	}
	if (act == TUI_ACT_BY_SYSTEM) {
		systems_open(ts->threat->id);
		return TUI_HANDLED;
	}
	return TUI_UNHANDLED;
}

static const enum tui_action threats_bar[] = { TUI_ACT_SELECT, TUI_ACT_EDIT, TUI_ACT_DISMISS, TUI_ACT_BY_SYSTEM,
					       TUI_ACT_FACTS, TUI_ACT_HELP, TUI_ACT_BACK, TUI_ACT_NONE };
static const struct tui_screen_ops threats_ops = {
	.title = N_("Risk assessment"),
	.help = tui_help_threats,
	.bar = threats_bar,
	.enter = threats_enter,
	.draw = threats_draw,
	.key = threats_key,
	.leave = threats_leave,
};

int tui_threats_open(void)
{
	struct threats *d = calloc(1, sizeof *d);
	if (!d) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	return tui_push(&threats_ops, d);
}

struct sysview {
	char threat[80];
	unsigned long generation;
	const struct az_system **sys;
	const struct az_risk **risk;
	char **text;
	char *block;
	size_t n;
	struct tui_list list;
};

static void sv_free(struct sysview *d)
{
	free(d->sys);
	free(d->risk);
	free(d->text);
	free(d->block);
	d->sys = NULL;
	d->risk = NULL;
	d->text = NULL;
	d->block = NULL;
	d->n = 0;
}

static int sv_build(struct sysview *d)
{
	const struct az_book *b = &tui_wb->book;
	const struct az_threat *t = az_catalogue_threat(tui_wb->cat, d->threat);
	size_t max = b->n_systems + b->n_risks + 1, cap = 400;
	sv_free(d);
	d->generation = tui_wb->generation;
	if (!t || !(d->sys = calloc(max, sizeof *d->sys)) || !(d->risk = calloc(max, sizeof *d->risk)) ||
	    !(d->text = calloc(max, sizeof *d->text)) || !(d->block = malloc(max * cap))) {
		sv_free(d);
		tui_list_refresh(&d->list);
		return -1;
	}
	d->n = az_threat_systems(tui_wb->cat, b, t, d->sys);
	for (size_t i = 0; i < d->n; i++) {
		const struct az_risk *r = NULL;
		for (size_t k = 0; k < b->n_risks && !r; k++)
			if (b->risks[k].system_id == d->sys[i]->id && !strcmp(b->risks[k].threat, t->id))
				r = &b->risks[k];
		d->risk[i] = r;
		char *line = d->block + i * cap, tag[16], score[16];
		size_t len = 0;
		line[0] = '\0';
		int dis = r && r->dismissed >= 0;
		snprintf(score, sizeof score, r && r->likelihood && r->severity ? "%d x %d" : "-", r ? r->likelihood : 0,
			 r ? r->severity : 0);
		tui_pad_append(line, cap, &len, dis ? "  -  " : tui_rank_tag(r ? az_rank_of(tui_wb->cat, r->likelihood, r->severity) : NULL, tag), 6);
		tui_pad_append(line, cap, &len, dis ? "-" : score, 6);
		snprintf(line + len, cap - len, "%s%s", d->sys[i]->name,
			 dis ? _(" [not applicable]") : r && r->exception ? _(" [decided apart]") : "");
		d->text[i] = line;
	}
	tui_list_refresh(&d->list);
	return 0;
}

static size_t sv_count(void *ctx) { return ((struct sysview *)ctx)->n; }
static const char *sv_text(void *ctx, size_t i) { return ((struct sysview *)ctx)->text[i]; }

static int sv_enter(struct tui_screen *s)
{
	struct sysview *d = s->data;
	if (tui_list_init(&d->list, sv_count, sv_text, d) != 0)
		return -1;
	return sv_build(d);
}

static void sv_leave(struct tui_screen *s)
{
	struct sysview *d = s->data;
	sv_free(d);
	tui_list_free(&d->list);
	free(d);
}

static void sv_draw(struct tui_screen *s, struct tui_rect body)
{
	struct sysview *d = s->data;
	if (d->generation != tui_wb->generation)
		sv_build(d);
	s->scopes = tui_list_scopes(&d->list);
	const struct az_threat *t = az_catalogue_threat(tui_wb->cat, d->threat);
	char head[512];
	snprintf(head, sizeof head, _("%s: its systems"), t ? az_text_get(&t->name) : d->threat);
	tui_put(stdscr, body.y, body.x + 1, body.cols - 2, head, tui_attr(TUI_LABEL_ACTIVE));
	struct tui_rect lr = { body.y + 1, body.x, body.rows - 3, body.cols };
	tui_list_draw(&d->list, lr);
	tui_put(stdscr, body.y + body.rows - 1, body.x + 1, body.cols - 2,
		_("Space: decide this system apart (or with the threat again)  x: not applicable here"), tui_attr(TUI_DIM));
}

static int sv_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct sysview *d = s->data;
	int r = tui_list_key(&d->list, key, act);
	long i = tui_list_selected(&d->list);
	const struct az_threat *t = az_catalogue_threat(tui_wb->cat, d->threat);
	if (i < 0 || (size_t)i >= d->n || !t)
		return r;
	const struct az_system *sys = d->sys[i];
	const struct az_risk *rk = d->risk[i];
	struct az_error err = { 0 };
	if (r == TUI_LIST_CHOSEN) {
		long long id = rk ? rk->id : 0;
		if (!id) {
			struct az_suggestion sg;
			az_suggest_score(&tui_wb->book, t, sys, &sg);
			if (tui_wb_edited(az_risk_confirm(tui_wb->store, &tui_wb->book, t, 0, sys->id, sg.likelihood,
							  sg.severity, az_decider(&tui_wb->book), &id, &err),
					  &err) != 0)
				return TUI_HANDLED;
		}
		tui_treat_open(id);
		return TUI_HANDLED;
	}
	if (r != TUI_UNHANDLED || d->list.filtering)
		return r;
	if (act == TUI_ACT_TOGGLE) {
		int on = !(rk && rk->exception);
		if (tui_wb_edited(az_risk_set_exception(tui_wb->store, t, sys->id, on, &err), &err) == 0)
			tui_info("%s", on ? _("This system is decided apart from the threat.") : _("Decided with the threat again."));
		return TUI_HANDLED;
	}
	if (act == TUI_ACT_DISMISS) {
		dismiss(t, sys->id, rk && rk->dismissed >= 0);
		return TUI_HANDLED;
	}
	return TUI_UNHANDLED;
}

static const enum tui_action sv_bar[] = { TUI_ACT_SELECT, TUI_ACT_TOGGLE, TUI_ACT_DISMISS, TUI_ACT_HELP,
					  TUI_ACT_BACK, TUI_ACT_NONE };
static const struct tui_screen_ops sv_ops = {
	.title = N_("Risk assessment"),
	.help = tui_help_threat_systems,
	.bar = sv_bar,
	.enter = sv_enter,
	.draw = sv_draw,
	.key = sv_key,
	.leave = sv_leave,
};

static int systems_open(const char *threat)
{
	struct sysview *d = calloc(1, sizeof *d);
	if (!d) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	snprintf(d->threat, sizeof d->threat, "%s", threat);
	return tui_push(&sv_ops, d);
}
