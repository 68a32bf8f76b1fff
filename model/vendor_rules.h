/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * What each vendor is asked and what kind of answer each question takes: a vendor is asked only
 * the questions that concern the systems it supports (applies: in vendor_questions.yaml), and a
 * question asking for a date or a sentence cannot be answered Yes/No. Every path that writes a
 * vendor answer (the screens, import) and every count (the vendor list, home, status, the PDF)
 * goes through here.
 */
#ifndef ANZEN_VENDOR_RULES_H
#define ANZEN_VENDOR_RULES_H

#include <stddef.h>

#include "guideline/catalogue.h"
#include "model/book.h"

/* The question whose date answer is the day the vendor returned its 事業者確認用 form. */
#define AZ_VENDOR_FORM_QUESTION "vendor_checklist"

/* NULL if the answer fits the question, else why not (translated). answer: az_answer3_values
 * index or -1; value: the text or date written, "" or NULL for none. */
const char *az_vendor_answer_invalid(const struct az_question *q, int answer, const char *value);

/* AZ_OK, or AZ_DATAERR naming the first vendor answers of the wrong kind (import refuses them). */
#include "base/error.h"
int az_vendor_answers_check(const struct az_book *b, const struct az_catalogue *cat, struct az_error *err);

/* 1 if the question concerns the vendor: it has no applies, or one of the vendor's systems fits. */
int az_question_applies(const struct az_book *b, const struct az_question *q, long long vendor_id);

/* The vendor's answer to question when it is a date, or NULL. */
const char *az_vendor_date_answer(const struct az_book *b, long long vendor_id, const char *question);

/* The date the vendor returned its 事業者確認用 form (the answer to AZ_VENDOR_FORM_QUESTION), or
 * NULL if it has not. */
const char *az_vendor_form_returned(const struct az_book *b, long long vendor_id);

/* The question whose date answer is when a vendor without ISMS or PrivacyMark will have one. */
#define AZ_CERT_TARGET_QUESTION "cert_target_date"
/* That date: the vendor's own certification target, else its answer to AZ_CERT_TARGET_QUESTION,
 * else NULL. */
const char *az_vendor_cert_target(const struct az_book *b, long long vendor_id);

/* The vendor form (事業者確認用) as the vendor's answers fill it: for one item, 0 (はい) if the
 * vendor answered Yes to every Yes/No question feeding the item (feeds: in vendor_questions.yaml),
 * 1 (いいえ) if it answered No or don't know to one, -1 if it answered none of them. */
int az_vendor_form_answer(const struct az_catalogue *cat, const struct az_book *b, long long vendor_id,
			  const char *item);
/* The vendor form of the assessment's year ("r7-vendor" beside "r7-clinic"), or NULL. */
const struct az_checklist *az_vendor_form_for(const struct az_catalogue *cat, const struct az_book *b);

/* 1 if the answer counts as given for its kind of question. */
int az_vendor_answer_given(const struct az_question *q, const struct az_vendor_answer *a);

/* The questions that concern a vendor and how many of them are answered. */
struct az_vendor_count {
	size_t asked, answered;
};
struct az_vendor_count az_vendor_questions_count(const struct az_book *b, const struct az_catalogue *cat,
						 long long vendor_id);

#endif
