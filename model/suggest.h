/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * Checklist suggestions: for every item the workbook has evidence for, the answer it points to,
 * why (one line naming the systems, vendors or actions behind it), and for いいえ the 目標日 taken
 * from the due date of the open action that fixes it. Suggestions only: nothing here writes an
 * answer; model/findings.h reports an answer that contradicts one.
 * The evidence is data where it can be: a vendor question feeds an item (feeds: in
 * vendor_questions.yaml) and a control evidences one (checklist: in controls.yaml).
 */
#ifndef ANZEN_SUGGEST_H
#define ANZEN_SUGGEST_H

#include <stddef.h>

#include "guideline/catalogue.h"
#include "model/book.h"

enum az_suggest_answer {
	AZ_SUGGEST_NONE = -1, /* not enough to go on */
	AZ_SUGGEST_YES = 0,   /* indexes into az_checklist_answer_values */
	AZ_SUGGEST_NO = 1,
};

struct az_suggestion {
	const char *item;   /* checklist item id, e.g. "2-(3)" */
	int answer;         /* enum az_suggest_answer */
	char target[11];    /* for いいえ: the latest due date of the open actions that fix it, or "" */
	char evidence[768]; /* translated, one line */
};

#define AZ_SUGGEST_ITEMS 19
/* Every item id of the clinic forms (R6 and R7), in the R6 order. */
extern const char *const az_suggest_items[AZ_SUGGEST_ITEMS];

/* Fills out[AZ_SUGGEST_ITEMS] in that order; returns AZ_SUGGEST_ITEMS. */
size_t az_checklist_suggest(const struct az_catalogue *cat, const struct az_book *b,
			    struct az_suggestion out[AZ_SUGGEST_ITEMS]);
/* The suggestion for one item, or NULL if the item is not one of them. */
const struct az_suggestion *az_suggestion_for(const struct az_suggestion s[AZ_SUGGEST_ITEMS],
					      const char *item);
/* 1 if the system is a network device (router, VPN, Wi-Fi, LTE line) or maintained remotely:
 * the devices whose firmware and passwords the patch and password items are about. */
int az_system_is_gateway(const struct az_system *y);

#endif
