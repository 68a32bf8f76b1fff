/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * The workbook's self-check: every place where it contradicts itself or lacks what an inspector
 * looks for (a checklist answer the rest of the workbook disproves, いいえ without 目標日, an
 * overdue action, an S or A risk left undecided, a vendor without its 事業者確認用 form...).
 * One function computes them all, so the home screen, 'anzen status', 'anzen check' and the PDF
 * show the same list.
 */
#ifndef ANZEN_FINDINGS_H
#define ANZEN_FINDINGS_H

#include <stddef.h>

#include "guideline/catalogue.h"
#include "model/book.h"
#include "model/progress.h"

enum az_finding_level {
	AZ_FINDING_MUST,  /* 要対応: the document is wrong or incomplete until this is fixed */
	AZ_FINDING_CHECK, /* 要確認: probably wrong; the owner should look */
};

struct az_finding {
	const char *id;      /* the rule's stable id, e.g. "checklist-contradicted" (a literal) */
	int level;           /* enum az_finding_level */
	enum az_step step;   /* the step (screen) where it is fixed */
	const char *item;    /* what it concerns as a reader knows it: "2-⑬", a system, a vendor */
	const char *check_item; /* the checklist item id it concerns, or NULL */
	long long row;       /* the risk, action, vendor or contact id it concerns, 0: none */
	const char *message; /* translated, one sentence: what is wrong and what to do */
	/* The message without what is particular to this finding (general), and that particular
	 * (detail), so a list can print the findings of one rule as one; both NULL when the message is
	 * already the same for each. */
	const char *general, *detail;
	int item_prose; /* item is a sentence (an action's description), to be broken as text, not as a name */
};

struct az_findings {
	struct az_finding *v;
	size_t n, cap;
	struct az_arena *arena; /* owns v and every string */
};

/* Cross-checks the whole workbook as of today (YYYY-MM-DD; NULL: the real date, see
 * az_date_today). Findings come most urgent first, then in the order of the steps.
 * Returns 0, or -1 when out of memory (out is then empty). */
int az_findings_compute(const struct az_book *b, const struct az_catalogue *cat, const char *today,
			struct az_findings *out);
void az_findings_free(struct az_findings *f);
/* How many findings have this level. */
size_t az_findings_count(const struct az_findings *f, int level);
/* 要対応 / 要確認 (translated). */
const char *az_finding_level_name(int level);
/* A stable code for exports: "must" / "check". */
const char *az_finding_level_code(int level);

/* Which form the assessment follows and why, one translated sentence: the form of its fiscal year,
 * or the newest in the catalogue when none for that year has been published. */
const char *az_checklist_basis(const struct az_book *b, const struct az_checklist *cl, char *buf, size_t size);

#endif
