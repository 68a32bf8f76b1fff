/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The workbook's self-check (model/findings.h): one pass over the book per rule. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "model/findings.h"
#include "model/rules.h"
#include "model/suggest.h"
#include "model/tables.h"
#include "base/date.h"
#include "base/text.h"
#include "base/wareki.h"
#include "model/vendor_rules.h"

enum { ANSWER_YES = 0, ANSWER_NO = 1, ANSWER_NA = 2 };
enum { STATUS_DONE = 2, STATUS_DROPPED = 3 };
enum { KIND_AUTHORITY = 2 };

struct ctx {
	const struct az_book *b;
	const struct az_catalogue *cat;
	struct az_findings *out;
	char today[11];
	int oom;
};

static int given(const char *s) { return s && *s; }

/* A date as an official reads it: 令和 in Japanese (with the ISO form), ISO in English. The ring of
 * buffers lets one message hold a few. */
static const char *day(const char *ymd)
{
	static char ring[4][64];
	static unsigned next;
	char *b = ring[next++ % 4], era[40];
	if (ymd && az_ui_japanese() && az_wareki(ymd, era, sizeof era) == 0)
		snprintf(b, sizeof ring[0], "%s (%s)", era, ymd);
	else
		snprintf(b, sizeof ring[0], "%s", ymd ? ymd : "");
	return b;
}

/* A date alone in 令和 in Japanese (inside parentheses already), ISO in English. */
static const char *era_day(const char *ymd)
{
	static char b[64];
	if (!ymd || !*ymd)
		return "?";
	if (!az_ui_japanese() || az_wareki(ymd, b, sizeof b) != 0)
		snprintf(b, sizeof b, "%s", ymd);
	return b;
}

/* "令和8年度" in Japanese, "FY2026" in English. */
static const char *fiscal(int fy)
{
	static char ring[4][32];
	static unsigned next;
	char *b = ring[next++ % 4];
	if (az_ui_japanese() && fy > 2019)
		snprintf(b, sizeof ring[0], "令和%d年度", fy - 2018);
	else if (az_ui_japanese() && fy == 2019)
		snprintf(b, sizeof ring[0], "令和元年度");
	else
		snprintf(b, sizeof ring[0], "FY%d", fy);
	return b;
}

const char *az_checklist_basis(const struct az_book *b, const struct az_checklist *cl, char *buf, size_t size)
{
	int fy = b->assessment.fiscal_year;
	/* years and dates as an official reads them: 令和 in Japanese */
	if (!cl)
		snprintf(buf, size, "%s", _("The catalogue has no checklist form."));
	else if (!fy || cl->fiscal_year == fy)
		snprintf(buf, size, _("The form of %s, published %s."), fiscal(cl->fiscal_year), era_day(cl->published));
	else if (cl->fiscal_year < fy)
		snprintf(buf, size,
			 _("No form for %s is in the catalogue, so the newest, that of %s (published %s), is followed; "
			   "target dates are within %s."),
			 fiscal(fy), fiscal(cl->fiscal_year), era_day(cl->published), fiscal(fy));
	else
		snprintf(buf, size, _("The form of %s is followed for an assessment of %s."), fiscal(cl->fiscal_year),
			 fiscal(fy));
	return buf;
}

static const char *dup(struct ctx *c, const char *s)
{
	char *d = az_arena_strndup(c->out->arena, s ? s : "", s ? strlen(s) : 0);
	if (!d)
		c->oom = 1;
	return d ? d : "";
}

/* A place for one more finding, or NULL (out of memory). */
static struct az_finding *more(struct ctx *c)
{
	struct az_findings *f = c->out;
	if (c->oom)
		return NULL;
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 16;
		struct az_finding *v = realloc(f->v, cap * sizeof *v);
		if (!v) {
			c->oom = 1;
			return NULL;
		}
		f->v = v, f->cap = cap;
	}
	return &f->v[f->n++];
}

static void add(struct ctx *c, const char *id, int level, enum az_step step, const char *item, const char *check_item,
		long long row, const char *fmt, ...) __attribute__((format(printf, 8, 9)));
static void add(struct ctx *c, const char *id, int level, enum az_step step, const char *item, const char *check_item,
		long long row, const char *fmt, ...)
{
	struct az_finding *x = more(c);
	if (!x)
		return;
	char msg[1536];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* every string is the findings' own: they outlive the book and the catalogue */
	*x = (struct az_finding){ id, level, step, dup(c, item), check_item ? dup(c, check_item) : NULL, row, dup(c, msg),
				  NULL, NULL, 0 };
}

/* A finding that says what an earlier one, like, said: the message (the findings' own already) is
 * shared, not formatted, translated and copied again (a hospital's second year has thousands of risks
 * to approve again, under two messages). */
static void add_same(struct ctx *c, const char *id, int level, enum az_step step, const char *item, long long row,
		     const struct az_finding *like)
{
	const char *message = like->message;
	struct az_finding *x = more(c);
	if (x)
		*x = (struct az_finding){ id, level, step, dup(c, item), NULL, row, message, NULL, NULL, 0 };
}

/* ---- the checklist ---- */

static const char *number_of(const struct az_check_item *it) { return it->number ? it->number : it->id; }

/* "2-①" or "2-①/server" for an item with device columns. */
static void row_label(char *buf, size_t size, const struct az_check_item *it, const struct az_checklist_answer *a)
{
	static const char *const dev[] = { NULL, N_("server"), N_("terminal"), N_("network") };
	if (a && a->device > 0 && a->device < 4)
		snprintf(buf, size, "%s(%s)", number_of(it), _(dev[a->device]));
	else
		snprintf(buf, size, "%s", number_of(it));
}

static void answer_rows(struct ctx *c, const struct az_checklist *cl, const struct az_check_item *it, int fy)
{
	const struct az_book *b = c->b;
	char label[128];
	for (size_t i = 0; i < b->n_checklist_answers; i++) {
		const struct az_checklist_answer *a = &b->checklist_answers[i];
		if (strcmp(a->checklist, cl->id) != 0 || strcmp(a->item, it->id) != 0 || a->answer < 0)
			continue;
		row_label(label, sizeof label, it, a);
		if ((!it->columns && a->device > 0) || (it->columns && (a->device <= 0 || !((it->columns >> (a->device - 1)) & 1)))) {
			add(c, "checklist-answer-kind", AZ_FINDING_MUST, AZ_STEP_CHECKLIST, label, it->id, 0, "%s",
			    _("This form has no such column for the item (an answer of an older form): answer the item "
			      "as the form asks."));
			continue;
		}
		if (a->answer == ANSWER_NA) {
			add(c, "checklist-answer-kind", AZ_FINDING_MUST, AZ_STEP_CHECKLIST, label, it->id, 0, "%s",
			    _("The official form has no N/A: answer Yes or No."));
			continue;
		}
		if (!given(a->checked_at))
			add(c, "checklist-no-date", AZ_FINDING_MUST, AZ_STEP_CHECKLIST, label, it->id, 0, "%s",
			    _("No date checked (確認日): enter the day the answer was checked."));
		if (a->answer != ANSWER_NO)
			continue;
		if (!given(a->target_at))
			add(c, "checklist-no-target", AZ_FINDING_MUST, AZ_STEP_CHECKLIST, label, it->id, 0,
			    _("No without a target date (目標日): enter by when the clinic will do it, within %s."),
			    fiscal(fy));
		else if (fy && az_fiscal_year(a->target_at) != fy)
			add(c, "checklist-target-year", AZ_FINDING_MUST, AZ_STEP_CHECKLIST, label, it->id, 0,
			    _("The target date %s is outside %s: choose a date from April %d to March %d."),
			    day(a->target_at), fiscal(fy), fy, fy + 1);
		else if (strcmp(a->target_at, c->today) < 0)
			add(c, "checklist-target-past", AZ_FINDING_CHECK, AZ_STEP_CHECKLIST, label, it->id, 0,
			    _("The target date %s has passed: if it is done answer Yes, else set a new date."),
			    day(a->target_at));
	}
}

/* An answer the rest of the workbook disproves: the suggestion rules run the other way. */
static void contradictions(struct ctx *c, const struct az_checklist *cl, const struct az_check_item *it,
			   const struct az_suggestion *sg)
{
	const struct az_book *b = c->b;
	if (!sg || sg->answer == AZ_SUGGEST_NONE)
		return;
	size_t yes = 0, no = 0;
	for (size_t i = 0; i < b->n_checklist_answers; i++) {
		const struct az_checklist_answer *a = &b->checklist_answers[i];
		if (strcmp(a->checklist, cl->id) == 0 && strcmp(a->item, it->id) == 0) {
			yes += a->answer == ANSWER_YES;
			no += a->answer == ANSWER_NO;
		}
	}
	if (sg->answer == AZ_SUGGEST_NO && yes)
		add(c, "checklist-contradicted", AZ_FINDING_MUST, AZ_STEP_CHECKLIST, number_of(it), it->id, 0,
		    _("Answered Yes, but the workbook says otherwise (%s): answer No with a target date, or correct "
		      "the workbook."),
		    sg->evidence);
	else if (sg->answer == AZ_SUGGEST_YES && no && !yes)
		add(c, "checklist-unsupported-no", AZ_FINDING_CHECK, AZ_STEP_CHECKLIST, number_of(it), it->id, 0,
		    _("Answered No, but the workbook suggests Yes (%s): check the answer."), sg->evidence);
	else
		return;
	if (!c->oom) {
		struct az_finding *f = &c->out->v[c->out->n - 1];
		f->general = dup(c, sg->answer == AZ_SUGGEST_NO
					    ? _("Answered Yes, but the workbook says otherwise: answer No with a target date, "
						"or correct the workbook.")
					    : _("Answered No, but the workbook suggests Yes: check the answer."));
		f->detail = dup(c, sg->evidence);
	}
}

/* The clinic form of a fiscal year in the catalogue, or NULL. */
static const struct az_checklist *form_of_year(const struct az_catalogue *cat, int fy)
{
	for (size_t i = 0; i < cat->nchecklists; i++)
		if (cat->checklists[i].form == AZ_FORM_CLINIC && cat->checklists[i].fiscal_year == fy)
			return &cat->checklists[i];
	return NULL;
}

static void checklist(struct ctx *c)
{
	const struct az_checklist *cl = az_progress_checklist(c->b, c->cat);
	if (!cl)
		return;
	/* the form follows the fiscal year: the year's own form where the catalogue has it */
	int year = c->b->assessment.fiscal_year;
	const struct az_checklist *own = year ? form_of_year(c->cat, year) : NULL;
	if (own && own != cl)
		add(c, "checklist-form-year", AZ_FINDING_CHECK, AZ_STEP_CHECKLIST, az_text_get(&cl->title), NULL, 0,
		    _("The assessment of %s follows the form of %s, but the form of its own year is in the catalogue: "
		      "answer that one."),
		    fiscal(year), fiscal(cl->fiscal_year));
	struct az_suggestion sug[AZ_SUGGEST_ITEMS];
	az_checklist_suggest(c->cat, c->b, sug);
	int fy = c->b->assessment.fiscal_year;
	for (size_t i = 0; i < cl->nitems; i++) {
		const struct az_check_item *it = &cl->items[i];
		contradictions(c, cl, it, az_suggestion_for(sug, it->id));
		answer_rows(c, cl, it, fy);
	}
}

/* ---- risks and actions ---- */

static void risk_label(struct ctx *c, const struct az_risk *r, char *buf, size_t size)
{
	const struct az_system *y = az_book_system(c->b, r->system_id);
	const struct az_threat *t = az_catalogue_threat(c->cat, r->threat);
	snprintf(buf, size, "%s / %s", y ? y->name : "?",
		 given(r->title) ? r->title : t ? az_text_get(&t->name) : r->threat);
}

static void risks(struct ctx *c)
{
	const struct az_book *b = c->b;
	char label[512];
	/* the first finding of each message: [undecided][rank A, else S] */
	size_t first_of[2][2] = { { (size_t)-1, (size_t)-1 }, { (size_t)-1, (size_t)-1 } };
	for (size_t i = 0; i < b->n_risks; i++) {
		const struct az_risk *r = &b->risks[i];
		const struct az_rank *k = az_rank_of(c->cat, r->likelihood, r->severity);
		if (!k || (strcmp(k->id, "S") != 0 && strcmp(k->id, "A") != 0))
			continue;
		int undecided = r->treatment < 0,
		    unapproved = (r->treatment == AZ_ACCEPT || r->treatment == AZ_TRANSFER) &&
				 (!given(r->accepted_by) || !given(r->accepted_at));
		if (!undecided && !unapproved)
			continue;
		risk_label(c, r, label, sizeof label); /* only for a finding: most S and A risks are settled */
		const char *id = undecided ? "risk-undecided" : "risk-unapproved";
		size_t said = c->out->n, *first = &first_of[undecided][k->id[0] == 'A'];
		if (*first != (size_t)-1)
			add_same(c, id, AZ_FINDING_MUST, AZ_STEP_RISKS, label, r->id, &c->out->v[*first]);
		else if (undecided)
			add(c, id, AZ_FINDING_MUST, AZ_STEP_RISKS, label, NULL, r->id,
			    _("Rank %s without a decided treatment: choose avoid, reduce, transfer or accept."), k->id);
		else
			add(c, id, AZ_FINDING_MUST, AZ_STEP_RISKS, label, NULL, r->id,
			    _("Rank %s accepted or transferred without the approval of management (経営層): enter who "
			      "approved it and when."),
			    k->id);
		if (*first == (size_t)-1 && c->out->n > said)
			*first = said;
	}
	for (size_t i = 0; i < b->n_actions; i++) {
		const struct az_action *a = &b->actions[i];
		if (a->status == STATUS_DONE || a->status == STATUS_DROPPED || !given(a->due) ||
		    strcmp(a->due, c->today) >= 0)
			continue;
		const struct az_control *ctl = given(a->control) ? az_catalogue_control(c->cat, a->control) : NULL;
		size_t said = c->out->n;
		add(c, "action-overdue", AZ_FINDING_MUST, AZ_STEP_RISKS,
		    given(a->description) ? a->description : ctl ? az_text_get(&ctl->name) : "?", NULL, a->risk_id,
		    _("Due %s and not done: finish it and enter the date, or set a new due date."), day(a->due));
		if (c->out->n > said)
			c->out->v[said].item_prose = 1;
	}
}

/* ---- vendors ---- */

static void vendors(struct ctx *c)
{
	const struct az_book *b = c->b;
	for (size_t i = 0; i < b->n_vendor_answers; i++) {
		const struct az_vendor_answer *a = &b->vendor_answers[i];
		const struct az_question *q = az_catalogue_question(c->cat, a->question);
		const struct az_vendor *v = az_book_vendor(b, a->vendor_id);
		const char *why = q ? az_vendor_answer_invalid(q, a->answer, a->value) : NULL;
		if (why && v)
			add(c, "vendor-answer-kind", AZ_FINDING_MUST, AZ_STEP_VENDORS, v->name, NULL, v->id, "%s: %s",
			    az_text_get(&q->text), why);
	}
	for (size_t k = 0; k < b->n_vendors; k++) {
		const struct az_vendor *v = &b->vendors[k];
		if (!az_vendor_form_returned(b, v->id))
			add(c, "vendor-no-form", AZ_FINDING_MUST, AZ_STEP_VENDORS, v->name, NULL, v->id, "%s",
			    _("No vendor form (事業者確認用) returned: send it to the vendor and enter the date it came "
			      "back."));
		/* the date by which the vendor will be certified is kept on the vendor and asked among its
		 * questions; the PDF prints one (az_vendor_cert_target), so two must agree */
		const char *answered = az_vendor_date_answer(b, v->id, AZ_CERT_TARGET_QUESTION);
		if (answered && v->certification_target && az_date_valid(v->certification_target) &&
		    strcmp(answered, v->certification_target) != 0)
			add(c, "vendor-target-differs", AZ_FINDING_CHECK, AZ_STEP_VENDORS, v->name, NULL, v->id,
			    _("Two dates for ISMS or PrivacyMark: %s on the vendor, %s in its answer; keep the right one."),
			    day(v->certification_target), day(answered));
	}
}

/* ---- contacts and approval ---- */

static void contacts(struct ctx *c)
{
	for (size_t i = 0; i < c->b->n_contacts; i++)
		if (c->b->contacts[i].kind == KIND_AUTHORITY && given(c->b->contacts[i].name))
			return;
	add(c, "contacts-no-outside", AZ_FINDING_MUST, AZ_STEP_CONTACTS, _("Contact chart"), "3-(1)", 0, "%s",
	    _("No outside body in the contact chart: add MHLW, the police and the health centre."));
}

static void approval(struct ctx *c)
{
	const struct az_assessment *as = &c->b->assessment;
	if (given(as->approved_at) && c->b->last_change[0] && strcmp(c->b->last_change, as->approved_at) > 0)
		add(c, "approval-before-change", AZ_FINDING_CHECK, AZ_STEP_APPROVAL, _("Approval"), NULL, 0,
		    _("Approved on %s, but the workbook changed on %s: have the changes approved again."),
		    day(as->approved_at), day(c->b->last_change));
}

int az_findings_compute(const struct az_book *b, const struct az_catalogue *cat, const char *today,
			struct az_findings *out)
{
	memset(out, 0, sizeof *out);
	if (!(out->arena = az_arena_new()))
		return -1;
	struct ctx c = { .b = b, .cat = cat, .out = out };
	if (today && az_date_valid(today))
		memcpy(c.today, today, 11);
	else
		az_date_today(c.today);
	contacts(&c);
	vendors(&c);
	risks(&c);
	checklist(&c);
	approval(&c);
	if (c.oom) {
		az_findings_free(out);
		return -1;
	}
	/* most urgent first, then by step; a bucket pass keeps the order within each */
	struct az_finding *sorted = out->n ? malloc(out->n * sizeof *sorted) : NULL;
	if (out->n && !sorted) {
		az_findings_free(out);
		return -1;
	}
	size_t k = 0;
	for (int level = AZ_FINDING_MUST; level <= AZ_FINDING_CHECK; level++)
		for (int step = 0; step < AZ_NSTEPS; step++)
			for (size_t i = 0; i < out->n; i++)
				if (out->v[i].level == level && (int)out->v[i].step == step)
					sorted[k++] = out->v[i];
	if (out->n)
		memcpy(out->v, sorted, k * sizeof *sorted);
	out->n = k;
	free(sorted);
	return 0;
}

void az_findings_free(struct az_findings *f)
{
	free(f->v);
	az_arena_free(f->arena);
	memset(f, 0, sizeof *f);
}

size_t az_findings_count(const struct az_findings *f, int level)
{
	size_t n = 0;
	for (size_t i = 0; i < f->n; i++)
		n += f->v[i].level == level;
	return n;
}

const char *az_finding_level_name(int level) { return level == AZ_FINDING_MUST ? _("Must fix") : _("Check"); }
const char *az_finding_level_code(int level) { return level == AZ_FINDING_MUST ? "must" : "check"; }
