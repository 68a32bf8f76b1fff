/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * How far the assessment is, step by step in the order of the Guideline 6.0 flow, and what is
 * still missing in each step: computed from the book and the catalogue only, so the home screen,
 * 'anzen status' and the PDF can all show the same figures.
 */
#ifndef ANZEN_PROGRESS_H
#define ANZEN_PROGRESS_H

#include <stddef.h>

#include "guideline/catalogue.h"
#include "model/book.h"

enum az_step {
	AZ_STEP_CLINIC,    /* the clinic and its responsible people */
	AZ_STEP_CONTACTS,  /* 連絡体制 */
	AZ_STEP_SYSTEMS,   /* the inventory */
	AZ_STEP_VENDORS,   /* the vendors' answers */
	AZ_STEP_RISKS,     /* every applicable threat of every system scored and treated */
	AZ_STEP_CHECKLIST, /* the MHLW checklist of the assessment's version */
	AZ_STEP_APPROVAL,  /* approved by whom and when */
	AZ_NSTEPS
};

/* The first few missing things of a step are kept as sentences; nmissing counts them all. */
#define AZ_PROGRESS_KEPT 8

struct az_step_progress {
	size_t done, total; /* units of the step (fields, answers, risks); total 0: nothing to do */
	size_t nmissing;
	char *missing[AZ_PROGRESS_KEPT]; /* translated, may quote workbook text (sanitise to print) */
};

struct az_progress {
	struct az_step_progress step[AZ_NSTEPS];
};

/* Returns 0, or -1 when out of memory (p is then freed). */
int az_progress_compute(const struct az_book *b, const struct az_catalogue *cat, struct az_progress *p);
void az_progress_free(struct az_progress *p);
/* The step's translated name, e.g. "Clinic and roles". */
const char *az_step_name(enum az_step s);
/* A stable code for exports, e.g. "clinic". */
const char *az_step_code(enum az_step s);
/* Percent done (0..100), 100 when the step has nothing to do. */
int az_step_percent(const struct az_step_progress *s);
/* The checklist the assessment uses ("<checklist_version>-clinic"), or NULL. */
const struct az_checklist *az_progress_checklist(const struct az_book *b, const struct az_catalogue *cat);

#endif
