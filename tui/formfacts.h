/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The questions about how it works (facts.yaml) as the last items of a form: the clinic's on the
 * clinic form, a system's on its form, a vendor's on its form, each with its answer. Which questions
 * are asked is the model's (az_facts_asked); they follow the form's answers (a system given remote
 * maintenance gets its questions). 1 yes, 2 no, 3 don't know answer and move on to the next open
 * question; a date question takes its date on 1 or Enter. */
#ifndef ANZEN_TUI_FORMFACTS_H
#define ANZEN_TUI_FORMFACTS_H

#include "guideline/catalogue.h"
#include "tui/formrow.h"

#define TUI_FORMFACTS_MAX 24

struct tui_formfacts {
	int on;      /* 0: a form without questions */
	int scope;   /* enum az_fact_scope */
	long long id; /* the system's or vendor's id; 0 for the clinic (or a row not added yet) */
	unsigned long generation;
	const struct tui_form_item *base; /* the form's own items and columns, nbase of them */
	const struct tui_form_col *base_cols;
	size_t nbase;
	const struct az_fact *facts[TUI_FORMFACTS_MAX];
	size_t n;
	struct tui_form_item *items; /* base then the questions; fm->items points here */
	struct tui_form_col *cols;
	char (*help)[640];
	struct tui_choice_opt (*date_opts)[3];
	char (*date_label)[64];
};

/* Sets up ff for the form fm of nbase items; the questions are added by the first refresh. */
void tui_formfacts_init(struct tui_formfacts *ff, int scope, long long id, const struct tui_form_item *base,
			const struct tui_form_col *base_cols, size_t nbase);
/* Brings the questions and their answers up to date with the workbook (after each save); 0 or -1. */
int tui_formfacts_refresh(struct tui_formfacts *ff, struct tui_form *fm);
/* The columns parallel to fm's items (a question has none). */
const struct tui_form_col *tui_formfacts_cols(const struct tui_formfacts *ff);
/* 1 if item i is a question. */
int tui_formfacts_is_fact(const struct tui_formfacts *ff, size_t i);
/* Saves question i as its choice stands (Left/Right, Space or the option list picked it); 0 or -1. */
int tui_formfacts_save(struct tui_formfacts *ff, struct tui_form *fm, size_t i);
/* The answer keys on a question; TUI_UNHANDLED for anything else (the form's keys). */
int tui_formfacts_key(struct tui_formfacts *ff, struct tui_form *fm, int key, enum tui_action act);
void tui_formfacts_free(struct tui_formfacts *ff);

#endif
