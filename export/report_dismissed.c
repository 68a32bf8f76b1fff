/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The basis of the scores and the threats set aside: the facts the clinic answered, each threat's score
 * with the facts that moved it and whether it was confirmed as suggested or changed (by whom, when), and
 * the threats dismissed as not applicable with their reasons (not acceptances: no approval needed). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "export/report_ctx.h"
#include "model/decide.h"
#include "model/risk_edit.h"
#include "model/score_suggest.h"
#include "model/threat_list.h"

static const char *answer_text(struct rp *r, const struct az_fact *f, const struct az_fact_row *row)
{
	if (!row || row->answer < 0)
		return R_("Not answered (counts as don't know)");
	if (f->answer == AZ_FACT_DATE && row->answer == 0)
		return rp_date(r, row->value);
	return rp_answer3(r, row->answer);
}

static void fact_row(struct rp *r, const struct az_fact *f, const char *subject, long long sys, long long ven)
{
	struct az_cell c[3] = { { subject, NULL, AZ_NAME }, /* the clinic, a system or a vendor */
				{ rp_text(r, &f->question), NULL, 0 },
				{ answer_text(r, f, az_fact_find(r->book, f->id, sys, ven)), NULL, 0 } };
	az_doc_table_row(r->doc, c);
}

static void facts(struct rp *r)
{
	static const struct az_doc_column src[] = {
		{ N_("About"), 2, AZ_LEFT }, { N_("Question"), 6, AZ_LEFT }, { N_("Answer"), 2, AZ_LEFT },
	};
	struct az_doc_column cols[3];
	for (int i = 0; i < 3; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title);
	const struct az_catalogue *cat = r->cat;
	const struct az_book *b = r->book;
	az_doc_heading(r->doc, 2, R_("Facts the scores are based on"));
	az_doc_table_begin(r->doc, cols, 3);
	for (size_t i = 0; i < cat->nfacts; i++)
		if (cat->facts[i].scope == AZ_SCOPE_CLINIC)
			fact_row(r, &cat->facts[i], R_("The clinic"), 0, 0);
	for (size_t k = 0; k < b->n_systems; k++)
		for (size_t i = 0; i < cat->nfacts; i++)
			if (az_fact_asked_for_system(&cat->facts[i], &b->systems[k]))
				fact_row(r, &cat->facts[i], b->systems[k].name, b->systems[k].id, 0);
	for (size_t k = 0; k < b->n_vendors; k++)
		for (size_t i = 0; i < cat->nfacts; i++)
			if (az_fact_asked_for_vendor(&cat->facts[i], b, b->vendors[k].id))
				fact_row(r, &cat->facts[i], b->vendors[k].name, 0, b->vendors[k].id);
	az_doc_table_end(r->doc);
}

/* "5: reason; reason" for one level, in the report's language. */
static const char *reasons(struct rp *r, const struct az_suggestion *sg, int severity)
{
	char buf[1024];
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < sg->nrules; i++) {
		const struct az_score_rule *k = sg->rules[i];
		if (!(severity ? k->severity : k->likelihood))
			continue;
		const char *t = rp_text(r, &k->reason);
		size_t n = strlen(t);
		if (len + n + 4 >= sizeof buf)
			break;
		if (len)
			memcpy(buf + len, r->ja ? "・" : "; ", r->ja ? 3 : 2), len += r->ja ? 3 : 2;
		memcpy(buf + len, t, n + 1);
		len += n;
	}
	return rp_fmt(r, "%d: %s", severity ? sg->severity : sg->likelihood, len ? buf : R_("usual for this threat"));
}

/* How the threat's score was given: by whom, as suggested or changed, and when (the first system
 * decided with the threat); "—" when none was confirmed through the suggestion. The cell c starts
 * with the name, kept in words (「桜井 一/郎」 was cut). */
static void confirmation(struct rp *r, const struct az_threat *t, struct az_cell *c)
{
	const struct az_book *b = r->book;
	c->text = "—";
	for (size_t i = 0; i < b->n_risks; i++) {
		const struct az_risk *k = &b->risks[i];
		if (strcmp(k->threat, t->id) != 0 || k->exception || k->dismissed >= 0 || k->score_basis < 0)
			continue;
		const char *who = rp_or_dash(k->confirmed_by);
		c->text = rp_fmt(r, "%s: %s, %s", who, k->score_basis == 0 ? R_("as suggested") : R_("changed"),
				 rp_date(r, k->confirmed_at));
		c->style = AZ_NAME_LEAD(strlen(who));
		return;
	}
}

static void scores(struct rp *r, const struct az_threat_summary *v, size_t n)
{
	static const struct az_doc_column src[] = {
		{ N_("Threat"), 3, AZ_LEFT }, { N_("Rank"), 1, AZ_CENTER }, { N_("Likelihood and why"), 3.5, AZ_LEFT },
		{ N_("Severity and why"), 3.5, AZ_LEFT }, { N_("Score given"), 2.5, AZ_LEFT },
	};
	struct az_doc_column cols[5];
	for (int i = 0; i < 5; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title);
	az_doc_heading(r->doc, 2, R_("Suggested scores and the facts behind them"));
	az_doc_table_begin(r->doc, cols, 5);
	for (size_t i = 0; i < n; i++) {
		const struct az_threat_summary *ts = &v[i];
		if (ts->status == AZ_THREAT_NOT_APPLICABLE)
			continue;
		const struct az_rgb *fill = NULL;
		int l = ts->likelihood ? ts->likelihood : ts->suggestion.likelihood;
		int s = ts->likelihood ? ts->severity : ts->suggestion.severity;
		const char *rank = rp_rank_cell(r, l, s, &fill);
		struct az_cell c[5] = { { rp_text(r, &ts->threat->name), NULL, 0 },
					{ rank, fill, 0 },
					{ reasons(r, &ts->suggestion, 0), NULL, 0 },
					{ reasons(r, &ts->suggestion, 1), NULL, 0 },
					{ "—", NULL, 0 } };
		confirmation(r, ts->threat, &c[4]);
		az_doc_table_row(r->doc, c);
	}
	az_doc_table_end(r->doc);
}

static void dismissed(struct rp *r)
{
	static const struct az_doc_column src[] = {
		{ N_("Threat"), 3, AZ_LEFT }, { N_("System"), 2.5, AZ_LEFT }, { N_("Why it does not apply"), 4.5, AZ_LEFT },
	};
	struct az_doc_column cols[3];
	for (int i = 0; i < 3; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title);
	const struct az_book *b = r->book;
	size_t count = 0;
	for (size_t i = 0; i < b->n_risks; i++)
		count += b->risks[i].dismissed >= 0;
	az_doc_heading(r->doc, 2, R_("Threats dismissed as not applicable"));
	if (!count) {
		az_doc_paragraph(r->doc, R_("None: every threat of the catalogue that concerns a system was assessed."));
		return;
	}
	az_doc_paragraph(r->doc, R_("These threats do not apply to the clinic or to the system named; they are "
				    "not accepted risks and need no approval."));
	az_doc_table_begin(r->doc, cols, 3);
	for (size_t i = 0; i < b->n_risks; i++) {
		const struct az_risk *k = &b->risks[i];
		if (k->dismissed < 0)
			continue;
		const struct az_system *sys = az_book_system(b, k->system_id);
		const char *why = R_(az_dismiss_reason_msgid(k->dismissed));
		struct az_cell c[3] = { { rp_threat(r, k->threat), NULL, 0 },
					{ sys ? sys->name : "—", NULL, 0 },
					{ *k->dismiss_note ? rp_fmt(r, "%s: %s", why, k->dismiss_note) : why, NULL, 0 } };
		az_doc_table_row(r->doc, c);
	}
	az_doc_table_end(r->doc);
}

int rp_basis(struct rp *r)
{
	struct az_risk_index ix;
	struct az_threat_summary *v = NULL;
	size_t n = 0;
	az_doc_heading(r->doc, 1, R_("Basis of the assessment: facts, suggested scores, dismissed threats"));
	facts(r);
	if (az_risk_index_build(r->book, &ix) == 0) {
		if (az_threat_list(r->cat, r->book, &ix, &v, &n) == 0)
			scores(r, v, n);
		free(v);
		az_risk_index_free(&ix);
	}
	dismissed(r);
	return az_doc_status(r->doc);
}
