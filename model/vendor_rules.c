/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Which vendor questions apply and which answers fit them (model/vendor_rules.h). */
#include <config.h>

#include <string.h>

#include "base/i18n.h"
#include "model/rules.h"
#include "base/date.h"
#include "base/text.h"
#include "model/vendor_rules.h"

static int given(const char *s) { return s && *s; }

const char *az_vendor_answer_invalid(const struct az_question *q, int answer, const char *value)
{
	switch (q->answer) {
	case AZ_ANSWER_DATE:
		if (answer >= 0)
			return _("this question asks for a date: enter the date (YYYY-MM-DD), not Yes or No");
		if (given(value) && !az_date_valid(value))
			return _("this question asks for a date: write it as YYYY-MM-DD");
		return NULL;
	case AZ_ANSWER_TEXT:
		if (answer >= 0)
			return _("this question asks who, how or which: write the answer in words, not Yes or No");
		return NULL;
	default:
		return NULL;
	}
}

int az_vendor_answers_check(const struct az_book *b, const struct az_catalogue *cat, struct az_error *err)
{
	for (size_t i = 0; i < b->n_vendor_answers; i++) {
		const struct az_vendor_answer *a = &b->vendor_answers[i];
		const struct az_question *q = az_catalogue_question(cat, a->question);
		const char *why = q ? az_vendor_answer_invalid(q, a->answer, a->value) : NULL;
		if (why)
			return az_fail(err, AZ_DATAERR, _("vendor %lld, question %s: %s"), a->vendor_id, a->question, why);
	}
	return AZ_OK;
}

const char *az_vendor_date_answer(const struct az_book *b, long long vendor_id, const char *question)
{
	for (size_t i = 0; i < b->n_vendor_answers; i++) {
		const struct az_vendor_answer *a = &b->vendor_answers[i];
		if (a->vendor_id == vendor_id && strcmp(a->question, question) == 0 && az_date_valid(a->value))
			return a->value;
	}
	return NULL;
}

const char *az_vendor_form_returned(const struct az_book *b, long long vendor_id)
{
	return az_vendor_date_answer(b, vendor_id, AZ_VENDOR_FORM_QUESTION);
}

const char *az_vendor_cert_target(const struct az_book *b, long long vendor_id)
{
	const struct az_vendor *v = az_book_vendor(b, vendor_id);
	if (v && v->certification_target && az_date_valid(v->certification_target))
		return v->certification_target;
	return az_vendor_date_answer(b, vendor_id, AZ_CERT_TARGET_QUESTION);
}

int az_vendor_form_answer(const struct az_catalogue *cat, const struct az_book *b, long long vendor_id,
			  const char *item)
{
	int answer = -1;
	for (size_t i = 0; i < b->n_vendor_answers; i++) {
		const struct az_vendor_answer *a = &b->vendor_answers[i];
		const struct az_question *q = a->vendor_id == vendor_id ? az_catalogue_question(cat, a->question) : NULL;
		if (!q || q->answer != AZ_ANSWER_YES_NO_UNKNOWN || a->answer < 0 || !az_idlist_has(&q->feeds, item))
			continue;
		if (a->answer != 0)
			return 1;
		answer = 0;
	}
	return answer;
}

const struct az_checklist *az_vendor_form_for(const struct az_catalogue *cat, const struct az_book *b)
{
	const struct az_checklist *clinic = az_checklist_for(cat, b->assessment.checklist_version);
	for (size_t i = 0; clinic && i < cat->nchecklists; i++)
		if (cat->checklists[i].form == AZ_FORM_VENDOR && cat->checklists[i].fiscal_year == clinic->fiscal_year)
			return &cat->checklists[i];
	return NULL;
}

static int applies_empty(const struct az_applies *a)
{
	return !a->categories.n && !a->hosting && !a->remote_maintenance && !a->connection &&
	       a->holds_patient_data < 0;
}

int az_question_applies(const struct az_book *b, const struct az_question *q, long long vendor_id)
{
	/* by when a certification comes is asked only of a vendor without one (isms pmark both) */
	const struct az_vendor *v = az_book_vendor(b, vendor_id);
	if (!strcmp(q->id, AZ_CERT_TARGET_QUESTION) && v && v->certification >= 0 && v->certification <= 2)
		return 0;
	if (applies_empty(&q->applies))
		return 1;
	for (size_t i = 0; i < b->n_systems; i++) {
		const struct az_system *y = &b->systems[i];
		struct az_system_facts f = { y->category, y->hosting, y->remote_maintenance, y->connection,
					     y->holds_patient_data };
		if (y->vendor_id == vendor_id && az_applies_hold(&q->applies, &f))
			return 1;
	}
	return 0;
}

int az_vendor_answer_given(const struct az_question *q, const struct az_vendor_answer *a)
{
	if (az_vendor_answer_invalid(q, a->answer, a->value))
		return 0;
	if (q->answer == AZ_ANSWER_YES_NO_UNKNOWN)
		return a->answer >= 0;
	return given(a->value);
}

struct az_vendor_count az_vendor_questions_count(const struct az_book *b, const struct az_catalogue *cat,
						 long long vendor_id)
{
	struct az_vendor_count c = { 0, 0 };
	/* answers come sorted by (vendor, question): find the vendor's run once */
	size_t lo = 0, hi = b->n_vendor_answers;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (b->vendor_answers[mid].vendor_id < vendor_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t q = 0; q < cat->nquestions; q++) {
		const struct az_question *qn = &cat->questions[q];
		if (!az_question_applies(b, qn, vendor_id))
			continue;
		c.asked++;
		for (size_t a = lo; a < b->n_vendor_answers && b->vendor_answers[a].vendor_id == vendor_id; a++)
			if (strcmp(b->vendor_answers[a].question, qn->id) == 0) {
				c.answered += az_vendor_answer_given(qn, &b->vendor_answers[a]);
				break;
			}
	}
	return c;
}
