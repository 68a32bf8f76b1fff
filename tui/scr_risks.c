/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Risk assessment per system: the system to assess, then its applicable threats with their rank
 * (symbol and colour), score, treatment and state. e scores likelihood and severity with the level
 * descriptions on screen, Enter opens the treatment, d deletes a risk row after asking. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/edit.h"
#include "model/heatmap.h"
#include "model/risk_edit.h"
#include "model/decide.h"
#include "model/rules.h"
#include "model/score_suggest.h"
#include "tui/choice.h"
#include "tui/confirm.h"
#include "tui/draw.h"
#include "tui/help_text.h"
#include "tui/list.h"
#include "tui/rank.h"
#include "tui/scr_assess.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/wb.h"

/* ---- shared helpers of the assessment screens ---- */

int tui_book_changed(struct tui_book_stamp *st)
{
	const struct az_book *b = &tui_wb->book;
	struct tui_book_stamp now = { b->arena, b->changelog_count, b->n_risks, b->n_actions, b->n_systems,
				      b->n_checklist_answers };
	int changed = memcmp(&now, st, sizeof now) != 0;
	*st = now;
	return changed;
}

void tui_pad_append(char *buf, size_t size, size_t *len, const char *s, int width)
{
	if (*len >= size)
		return;
	int n = snprintf(buf + *len, size - *len, "%s", s);
	if (n < 0)
		return;
	*len += (size_t)n < size - *len ? (size_t)n : size - *len - 1;
	int pad = width - tui_width(s);
	for (int i = 0; i < (pad > 1 ? pad : 1) && *len + 1 < size; i++)
		buf[(*len)++] = ' ';
	buf[*len] = '\0';
}

static const struct az_level *level_of(enum az_score_kind k, int level)
{
	const struct az_catalogue *cat = tui_wb->cat;
	return k == AZ_SCORE_LIKELIHOOD || k == AZ_SCORE_RESIDUAL_LIKELIHOOD ? az_catalogue_likelihood(cat, level)
									     : az_catalogue_severity(cat, level);
}

static struct {
	long long risk_id, system_id;
	char threat[80];
	enum az_score_kind kind;
	int chain;
} scoring;

static void score_picked(void *arg, int index)
{
	(void)arg;
	struct az_error err = { 0 };
	int level = index + 1;
	const struct az_risk *r = scoring.risk_id ? az_book_risk(&tui_wb->book, scoring.risk_id) : NULL;
	if (r && (scoring.kind == AZ_SCORE_RESIDUAL_LIKELIHOOD || scoring.kind == AZ_SCORE_RESIDUAL_SEVERITY)) {
		/* the rule is checked before anything is written */
		struct az_risk_facts f = { .likelihood = r->likelihood, .severity = r->severity,
					   .residual_likelihood = r->residual_likelihood,
					   .residual_severity = r->residual_severity };
		if (scoring.kind == AZ_SCORE_RESIDUAL_LIKELIHOOD)
			f.residual_likelihood = level;
		else
			f.residual_severity = level;
		const char *why = az_risk_residual_invalid(&f);
		if (why) {
			tui_error("%s", why);
			return;
		}
	}
	long long id = 0;
	int rc = az_risk_set_score(tui_wb->store, scoring.risk_id, scoring.system_id, scoring.threat, scoring.kind,
				   level, &id, &err);
	if (tui_wb_edited(rc, &err) != 0)
		return;
	scoring.risk_id = id;
	/* a score given here is recorded like a confirmed suggestion: as suggested or changed, by whom, when */
	const struct az_risk *nr = az_book_risk(&tui_wb->book, id);
	const struct az_threat *nt = nr ? az_catalogue_threat(tui_wb->cat, nr->threat) : NULL;
	if (nr && nt && nr->likelihood && nr->severity &&
	    (scoring.kind == AZ_SCORE_LIKELIHOOD || scoring.kind == AZ_SCORE_SEVERITY) &&
	    tui_wb_edited(az_risk_confirm(tui_wb->store, &tui_wb->book, nt, id, 0, nr->likelihood, nr->severity,
					  az_decider(&tui_wb->book), NULL, &err),
			  &err) != 0)
		return;
	if (scoring.chain && (scoring.kind == AZ_SCORE_LIKELIHOOD || scoring.kind == AZ_SCORE_RESIDUAL_LIKELIHOOD)) {
		tui_score_pick(id, scoring.system_id, scoring.threat, scoring.kind + 1, 0);
		return;
	}
	tui_info("%s", _("Saved."));
}

int tui_score_pick(long long risk_id, long long system_id, const char *threat, enum az_score_kind k, int chain)
{
	static const char *const titles[] = {
		N_("Likelihood: how often could it happen? (%s)"),
		N_("Severity: how bad would it be? (%s)"),
		N_("Residual likelihood, after the actions (%s)"),
		N_("Residual severity, after the actions (%s)"),
	};
	const struct az_risk *r = risk_id ? az_book_risk(&tui_wb->book, risk_id) : NULL;
	const struct az_threat *t = az_catalogue_threat(tui_wb->cat, r ? r->threat : threat);
	scoring.risk_id = risk_id;
	scoring.system_id = r ? r->system_id : system_id;
	snprintf(scoring.threat, sizeof scoring.threat, "%s", r ? r->threat : threat ? threat : "");
	scoring.kind = k;
	scoring.chain = chain;
	int cur = -1;
	/* opens on the level given, else the suggestion from the facts (a residual: the current level) */
	const struct az_system *sys = az_book_system(&tui_wb->book, scoring.system_id);
	struct az_suggestion sg = { .likelihood = t ? t->likelihood : 0, .severity = t ? t->severity : 0 };
	if (t && sys)
		az_suggest_score(&tui_wb->book, t, sys, &sg);
	int v[] = { r ? r->likelihood : 0, r ? r->severity : 0, r ? r->residual_likelihood : 0,
		    r ? r->residual_severity : 0 };
	int fallback[] = { sg.likelihood, sg.severity, v[0], v[1] };
	cur = (v[k] ? v[k] : fallback[k]) - 1;
	struct tui_choice_opt opts[AZ_LEVELS];
	char labels[AZ_LEVELS][256];
	for (int i = 0; i < AZ_LEVELS; i++) {
		const struct az_level *lv = level_of(k, i + 1);
		snprintf(labels[i], sizeof labels[i], "%s", lv ? az_text_get(&lv->name) : "");
		opts[i].label = labels[i];
		opts[i].desc = lv ? az_text_get(&lv->description) : NULL;
	}
	char title[512];
	snprintf(title, sizeof title, _(titles[k]), t ? az_text_get(&t->name) : scoring.threat);
	return tui_choice_pick(title, opts, AZ_LEVELS, cur, score_picked, NULL);
}

/* ---- the risk list ---- */

enum mode { ONE_SYSTEM, ALL_SYSTEMS, CELL };

struct risks {
	enum mode mode;
	long long system_id;
	int residual, cl, cs; /* CELL */
	struct tui_book_stamp stamp;
	struct az_risk_row *rows;
	const struct az_rank **rank; /* per row */
	char **text;                 /* per row, in one block */
	char *block;
	size_t n;
	int wtreat, wstate; /* column widths */
	struct az_risk_index ix;
	struct tui_list list;
};

static size_t risks_count(void *ctx) { return ((struct risks *)ctx)->n; }
static const char *risks_text(void *ctx, size_t i) { return ((struct risks *)ctx)->text[i]; }

static const char *treatment_name(int t)
{
	const struct az_catalogue *cat = tui_wb->cat;
	for (size_t i = 0; i < cat->ntreatments; i++)
		if (cat->treatments[i].kind == t)
			return az_text_get(&cat->treatments[i].name);
	return az_text_get(&cat->untreated.name);
}

static void free_rows(struct risks *d)
{
	free(d->rows);
	free(d->rank);
	free(d->text);
	free(d->block);
	az_risk_index_free(&d->ix);
	d->rows = NULL;
	d->rank = NULL;
	d->text = NULL;
	d->block = NULL;
	d->n = 0;
}

/* Rebuilds the rows and their lines from the book; -1 when out of memory. */
static int build(struct risks *d)
{
	const struct az_catalogue *cat = tui_wb->cat;
	const struct az_book *b = &tui_wb->book;
	free_rows(d);
	const struct az_system *sys = d->mode == ONE_SYSTEM ? az_book_system(b, d->system_id) : NULL;
	if (d->mode == ONE_SYSTEM && !sys) {
		tui_list_refresh(&d->list); /* no rows: the list must not keep the old ones */
		tui_error("%s", _("This system is no longer in the workbook."));
		return -1;
	}
	if (az_risk_index_build(b, &d->ix) != 0 || az_risk_rows(cat, b, sys, &d->rows, &d->n) != 0) {
		free_rows(d);
		tui_list_refresh(&d->list);
		tui_error("%s", _("out of memory"));
		return -1;
	}
	if (d->mode == CELL) { /* keep the risks of the cell */
		size_t k = 0;
		for (size_t i = 0; i < d->n; i++)
			if (az_heatmap_has(d->rows[i].risk, d->residual, d->cl, d->cs))
				d->rows[k++] = d->rows[i];
		d->n = k;
	}
	d->wtreat = tui_width(az_text_get(&cat->untreated.name));
	for (size_t i = 0; i < cat->ntreatments; i++) {
		int w = tui_width(az_text_get(&cat->treatments[i].name));
		d->wtreat = w > d->wtreat ? w : d->wtreat;
	}
	const char *states[] = { _("Not scored"), _("Complete"), _("Incomplete"), _("To do"), _("Status"),
				 _("Actions open") };
	d->wstate = 0;
	for (size_t i = 0; i < sizeof states / sizeof states[0]; i++) {
		int w = tui_width(states[i]);
		d->wstate = w > d->wstate ? w : d->wstate;
	}
	size_t cap = 512;
	d->rank = calloc(d->n ? d->n : 1, sizeof *d->rank);
	d->text = calloc(d->n ? d->n : 1, sizeof *d->text);
	d->block = malloc((d->n ? d->n : 1) * cap);
	if (!d->rank || !d->text || !d->block) {
		free_rows(d);
		tui_list_refresh(&d->list);
		tui_error("%s", _("out of memory"));
		return -1;
	}
	/* the padded columns that repeat, once: decoding for widths 10,000 times is what costs */
	char tpad[AZ_NTREATMENTS + 1][96], spad[5][96];
	for (int k = 0; k <= AZ_NTREATMENTS; k++) {
		size_t l = 0;
		tpad[k][0] = '\0';
		tui_pad_append(tpad[k], sizeof tpad[k], &l, treatment_name(k < AZ_NTREATMENTS ? k : -1), d->wtreat + 1);
	}
	/* complete with actions still open is decided, not done */
	const char *snames[5] = { _("Not scored"), _("To do"), _("Incomplete"), _("Complete"), _("Actions open") };
	for (int k = 0; k < 5; k++) {
		size_t l = 0;
		spad[k][0] = '\0';
		tui_pad_append(spad[k], sizeof spad[k], &l, snames[k], d->wstate + 1);
	}
	for (size_t i = 0; i < d->n; i++) {
		const struct az_risk_row *row = &d->rows[i];
		const struct az_risk *r = row->risk;
		char *line = d->block + i * cap, tag[16], score[16];
		d->rank[i] = r ? az_rank_of(cat, r->likelihood, r->severity) : NULL;
		if (r && (r->likelihood || r->severity))
			snprintf(score, sizeof score, "%c x %c", r->likelihood ? '0' + r->likelihood : '-',
				 r->severity ? '0' + r->severity : '-');
		else
			snprintf(score, sizeof score, "-");
		int st = 0;
		if (r) {
			struct az_risk_facts f;
			az_risk_facts_of(&d->ix, r, &f);
			az_risk_facts_rank(tui_wb->cat, &f);
			enum az_risk_state rs = az_risk_state(&f);
			st = rs == AZ_RISK_COMPLETE ? (az_risk_actions_open(&f) ? 4 : 3) : rs == AZ_RISK_INCOMPLETE ? 2 : 1;
		}
		int tk = r && r->treatment >= 0 && r->treatment < AZ_NTREATMENTS ? r->treatment : AZ_NTREATMENTS;
		/* not assessed: the treatment column stays blank */
		int w = snprintf(line, cap, "%s %-5s %-*s%s", tui_rank_tag(d->rank[i], tag), score, r ? 0 : d->wtreat + 1,
				 r ? tpad[tk] : "", spad[st]);
		size_t len = w < 0 ? 0 : (size_t)w < cap ? (size_t)w : cap - 1;
		if (d->mode != ONE_SYSTEM && row->system)
			snprintf(line + len, cap - len, "%s / ", row->system->name);
		len += strlen(line + len);
		snprintf(line + len, cap - len, "%s", row->threat ? az_text_get(&row->threat->name) : r->threat);
		if (r && r->title && *r->title) {
			len += strlen(line + len);
			snprintf(line + len, cap - len, " (%s)", r->title);
		}
		d->text[i] = line;
	}
	tui_list_refresh(&d->list);
	return 0;
}

static int risks_enter(struct tui_screen *s)
{
	struct risks *d = s->data;
	if (tui_list_init(&d->list, risks_count, risks_text, d) != 0) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	d->list.empty = N_("No threat applies to this system; check its attributes in the inventory.");
	tui_book_changed(&d->stamp);
	return build(d);
}

static void risks_leave(struct tui_screen *s)
{
	struct risks *d = s->data;
	free_rows(d);
	tui_list_free(&d->list);
}

static const struct az_risk_row *selected_row(struct risks *d)
{
	long i = tui_list_selected(&d->list);
	return i >= 0 && (size_t)i < d->n ? &d->rows[i] : NULL;
}

static void risks_draw(struct tui_screen *s, struct tui_rect body)
{
	struct risks *d = s->data;
	const struct az_catalogue *cat = tui_wb->cat;
	const struct az_book *b = &tui_wb->book;
	if (tui_book_changed(&d->stamp) && build(d) != 0) {
		tui_blank(stdscr, body.y, body.x, body.cols, 0);
		return;
	}
	s->scopes = tui_list_scopes(&d->list);
	char head[1024];
	if (d->mode == ONE_SYSTEM) {
		const struct az_system *sys = az_book_system(b, d->system_id);
		const struct az_category *c = sys ? az_catalogue_category(cat, sys->category) : NULL;
		snprintf(head, sizeof head, _("System: %s (%s): %zu threats"), sys ? sys->name : "?",
			 c ? az_text_get(&c->name) : sys ? sys->category : "", d->n);
	} else if (d->mode == ALL_SYSTEMS) {
		snprintf(head, sizeof head, _("All systems: %zu risks"), d->n);
	} else {
		snprintf(head, sizeof head,
			 d->residual ? _("Residual risk at likelihood %d, severity %d: %zu risks")
				     : _("Current risk at likelihood %d, severity %d: %zu risks"),
			 d->cl, d->cs, d->n);
	}
	tui_put(stdscr, body.y, body.x + 1, body.cols - 2, head, tui_attr(TUI_LABEL_ACTIVE));
	char cols[512];
	size_t len = 0;
	cols[0] = '\0';
	tui_pad_append(cols, sizeof cols, &len, _("Rank"), 6);
	tui_pad_append(cols, sizeof cols, &len, _("Score"), 6);
	tui_pad_append(cols, sizeof cols, &len, _("Treatment"), d->wtreat + 1);
	tui_pad_append(cols, sizeof cols, &len, _("Status"), d->wstate + 1);
	snprintf(cols + len, sizeof cols - len, "%s", d->mode == ONE_SYSTEM ? _("Threat") : _("System / Threat"));
	tui_put(stdscr, body.y + 1, body.x + 2, body.cols - 3, cols, tui_attr(TUI_DIM));

	/* the threat's description grows into the rows the list leaves free, up to half the body */
	const struct az_risk_row *row = selected_row(d);
	const char *desc = row && row->threat ? az_text_get(&row->threat->description) : "";
	int grow = tui_put_wrapped(stdscr, 0, 0, body.cols - 2, 0, 0, desc, 0) - 2;
	int spare = body.rows - 2 - 6 - (int)d->list.nview - (d->list.filtering || d->list.filter.len ? 1 : 0);
	int half = (body.rows - 2) / 2 - 6;
	spare = spare > half ? spare : half;
	grow = grow < 0 ? 0 : grow > spare ? (spare > 0 ? spare : 0) : grow;
	int detail = 6 + grow, lrows = body.rows - 2 - detail;
	struct tui_rect lr = { body.y + 2, body.x, lrows, body.cols };
	tui_list_draw(&d->list, lr);
	/* the rank column again, in its colour (the list draws plain text) */
	int shown = lrows - (d->list.filtering || d->list.filter.len ? 1 : 0);
	for (int i = 0; i < shown && d->list.top + (size_t)i < d->list.nview; i++) {
		size_t v = d->list.top + (size_t)i;
		if (v != d->list.sel)
			tui_rank_draw(lr.y + i, lr.x + 2, d->rank[d->list.view[v]]);
	}

	/* details of the selected threat */
	int y = body.y + body.rows - detail;
	tui_blank(stdscr, y, body.x, body.cols, tui_attr(TUI_DIM));
	if (!row)
		return;
	const struct az_threat *t = row->threat;
	tui_put(stdscr, y + 1, body.x + 1, body.cols - 2, t ? az_text_get(&t->name) : row->risk->threat,
		tui_attr(TUI_LABEL_ACTIVE));
	if (t)
		tui_put_wrapped_more(stdscr, y + 2, body.x + 1, body.cols - 2, 2 + grow, desc, 0);
	y += grow;
	const struct az_rank *rk = row->risk ? az_rank_of(cat, row->risk->likelihood, row->risk->severity) : NULL;
	char line[1024];
	if (!row->risk) {
		snprintf(line, sizeof line, "%s", _("Not scored yet: press e to give likelihood and severity."));
		tui_put(stdscr, y + 4, body.x + 1, body.cols - 2, line, tui_attr(TUI_DIM));
	} else {
		int x = body.x + 1 + tui_rank_draw(y + 4, body.x + 1, rk) + 1;
		snprintf(line, sizeof line, "%s: %s", rk ? az_text_get(&rk->name) : _("Not scored"),
			 rk ? az_text_get(&rk->response) : _("press e to give likelihood and severity."));
		tui_put(stdscr, y + 4, x, body.cols - x - 1, line, 0);
		struct az_risk_facts f;
		az_risk_facts_of(&d->ix, row->risk, &f);
		az_risk_facts_rank(tui_wb->cat, &f);
		int missing = az_risk_missing_text(&f, line, sizeof line) != 0;
		if (!missing)
			snprintf(line, sizeof line, "%s", _("Nothing is missing."));
		tui_put(stdscr, y + 5, body.x + 1, body.cols - 2, line, missing ? tui_attr(TUI_ERROR) : 0);
	}
}

struct del {
	long long id;
};

static void delete_risk(void *arg)
{
	struct del *x = arg;
	struct az_error err = { 0 };
	int rc = az_edit_delete(tui_wb->store, AZ_TABLE(risks), x->id, &err);
	if (tui_wb_edited(rc, &err) == 0)
		tui_info("%s", _("The risk was deleted."));
}

/* The help, then the selected threat, the levels and the ranks from the catalogue. */
static void risks_help(FILE *f, void *arg)
{
	struct risks *d = arg;
	const struct az_risk_row *row = selected_row(d);
	if (row && row->threat) {
		fprintf(f, "\n\n%s: %s", az_text_get(&row->threat->name), az_text_get(&row->threat->description));
		tui_help_refs(f, row->threat->refs, row->threat->nrefs);
	}
	tui_help_levels(f);
	tui_help_ranks(f);
}

static int risks_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct risks *d = s->data;
	int r = tui_list_key(&d->list, key, act);
	const struct az_risk_row *row = selected_row(d);
	if (r == TUI_LIST_CHOSEN) {
		if (!row)
			return TUI_HANDLED;
		if (!row->risk)
			tui_score_pick(0, row->system->id, row->threat->id, AZ_SCORE_LIKELIHOOD, 1);
		else
			tui_treat_open(row->risk->id);
		return TUI_HANDLED;
	}
	if (r != TUI_UNHANDLED || d->list.filtering)
		return r;
	if (act == TUI_ACT_HELP) {
		tui_assess_help(s, risks_help, d);
		return TUI_HANDLED;
	}
	if (act == TUI_ACT_EDIT && row) {
		if (row->risk)
			tui_score_pick(row->risk->id, 0, NULL, AZ_SCORE_LIKELIHOOD, 1);
		else
			tui_score_pick(0, row->system->id, row->threat->id, AZ_SCORE_LIKELIHOOD, 1);
		return TUI_HANDLED;
	}
	if (act == TUI_ACT_DELETE && row) {
		if (!row->risk) {
			tui_error("%s", _("This threat has no assessment to delete yet."));
			return TUI_HANDLED;
		}
		static struct del x;
		x.id = row->risk->id;
		char q[1024];
		snprintf(q, sizeof q, _("Delete the assessment of \"%s\" for \"%s\"? Its actions are deleted too."),
			 row->threat ? az_text_get(&row->threat->name) : row->risk->threat,
			 row->system ? row->system->name : "?");
		tui_confirm(q, delete_risk, &x);
		return TUI_HANDLED;
	}
	return TUI_UNHANDLED;
}

static const enum tui_action risks_bar[] = { TUI_ACT_SELECT, TUI_ACT_EDIT, TUI_ACT_DELETE, TUI_ACT_SEARCH,
					     TUI_ACT_HELP, TUI_ACT_BACK, TUI_ACT_NONE };
static const struct tui_screen_ops risks_ops = {
	.title = N_("Risk assessment"),
	.help = tui_help_risks,
	.bar = risks_bar,
	TUI_SCREEN_HOOKS(struct risks, risks_enter, risks_draw, risks_key, risks_leave),
};

static int open_list(enum mode mode, long long system_id, int residual, int l, int sv)
{
	struct risks d = { .mode = mode, .system_id = system_id, .residual = residual, .cl = l, .cs = sv };
	return tui_open(&risks_ops, &d);
}

int tui_risks_open_cell(int residual, int l, int s) { return open_list(CELL, 0, residual, l, s); }

int tui_risks_open_all(void) { return open_list(ALL_SYSTEMS, 0, 0, 0, 0); }

/* ---- which system ---- */

struct pick {
	struct tui_book_stamp stamp;
	char **text;
	char *block;
	size_t n; /* rows: "all systems", then the systems in id order */
	struct tui_list list;
};

static size_t pick_count(void *ctx) { return ((struct pick *)ctx)->n; }
static const char *pick_text(void *ctx, size_t i) { return ((struct pick *)ctx)->text[i]; }

static int pick_build(struct pick *p)
{
	const struct az_book *b = &tui_wb->book;
	struct az_risk_index ix;
	size_t cap = 400, n = b->n_systems + 1;
	free(p->text);
	free(p->block);
	p->n = 0;
	p->text = calloc(n, sizeof *p->text);
	p->block = malloc(n * cap);
	if (!p->text || !p->block || az_risk_index_build(b, &ix) != 0) {
		tui_list_refresh(&p->list); /* no rows rather than stale ones */
		tui_error("%s", _("out of memory"));
		return -1;
	}
	size_t *open = calloc(b->n_systems ? b->n_systems : 1, sizeof *open);
	if (!open) {
		az_risk_index_free(&ix);
		tui_list_refresh(&p->list);
		tui_error("%s", _("out of memory"));
		return -1;
	}
	az_systems_open_risks(tui_wb->cat, b, &ix, open);
	snprintf(p->block, cap, _("All systems (%zu risks)"), b->n_risks);
	p->text[0] = p->block;
	for (size_t i = 0; i < b->n_systems; i++) {
		const struct az_system *sys = &b->systems[i];
		size_t len = 0;
		char *line = p->block + (i + 1) * cap, what[128];
		line[0] = '\0';
		snprintf(what, sizeof what, open[i] ? _("%zu to do") : _("done"), open[i]);
		tui_pad_append(line, cap, &len, what, 10);
		snprintf(line + len, cap - len, "%s", sys->name);
		p->text[i + 1] = line;
	}
	p->n = n;
	free(open);
	az_risk_index_free(&ix);
	tui_list_refresh(&p->list);
	return 0;
}

static int pick_enter(struct tui_screen *s)
{
	struct pick *p = s->data;
	if (tui_list_init(&p->list, pick_count, pick_text, p) != 0) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	tui_book_changed(&p->stamp);
	if (pick_build(p) != 0)
		return -1;
	if (p->n > 1)
		p->list.sel = 1; /* the first system; "all" is one line up */
	return 0;
}

static void pick_draw(struct tui_screen *s, struct tui_rect body)
{
	struct pick *p = s->data;
	if (tui_book_changed(&p->stamp))
		pick_build(p);
	s->scopes = tui_list_scopes(&p->list);
	tui_put(stdscr, body.y, body.x + 1, body.cols - 2, _("Choose the system to assess:"), tui_attr(TUI_LABEL_ACTIVE));
	if (tui_wb->book.n_systems == 0)
		tui_put(stdscr, body.y + 2, body.x + 2, body.cols - 3,
			_("The inventory has no systems yet. Add them first (systems screen)."), tui_attr(TUI_DIM));
	struct tui_rect r = { body.y + 1, body.x, body.rows - 1, body.cols };
	tui_list_draw(&p->list, r);
}

static int pick_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct pick *p = s->data;
	int r = tui_list_key(&p->list, key, act);
	if (r != TUI_LIST_CHOSEN)
		return r;
	long i = tui_list_selected(&p->list);
	if (i == 0)
		tui_risks_open_all();
	else if (i > 0 && (size_t)i <= tui_wb->book.n_systems)
		tui_risks_open(tui_wb->book.systems[i - 1].id);
	return TUI_HANDLED;
}

static void pick_leave(struct tui_screen *s)
{
	struct pick *p = s->data;
	tui_list_free(&p->list);
	free(p->text);
	free(p->block);
}

static const enum tui_action pick_bar[] = { TUI_ACT_DOWN, TUI_ACT_UP, TUI_ACT_SELECT, TUI_ACT_SEARCH,
					    TUI_ACT_HELP, TUI_ACT_BACK, TUI_ACT_NONE };
static const struct tui_screen_ops pick_ops = {
	.title = N_("Risk assessment"),
	.help = tui_help_risk_pick,
	.bar = pick_bar,
	TUI_SCREEN_HOOKS(struct pick, pick_enter, pick_draw, pick_key, pick_leave),
};

int tui_risks_open(long long system_id)
{
	if (system_id > 0)
		return open_list(ONE_SYSTEM, system_id, 0, 0, 0);
	return tui_open(&pick_ops, NULL);
}
