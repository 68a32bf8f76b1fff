/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The national survey figures that 'anzen aggregate' compares members with
 * (guideline/national/isac-2023.yaml; sources in the file). */
#ifndef ANZEN_NATIONAL_H
#define ANZEN_NATIONAL_H

#include <stddef.h>

#include "guideline/catalogue.h"
#include "guideline/diags.h"

#define AZ_NATIONAL_QUESTIONS 8

struct az_source {
	const char *title, *publisher, *published;
	int respondents;
};

struct az_figure {
	const char *id;
	struct az_text text, base, from_workbook; /* base and from_workbook: questions only */
	int percent; /* 0..100 */
	int approx;
};

struct az_national {
	struct az_source source, vendor_source;
	struct az_figure questions[AZ_NATIONAL_QUESTIONS]; /* Q1..Q8 in order */
	struct az_figure *vendor_figures;
	size_t nvendor_figures;
	struct az_arena *arena;
};

/* Loads dir/national/isac-2023.yaml; problems go to d as file:line:col. AZ_OK or 65/66. */
int az_national_load(const char *dir, struct az_national **out, struct az_diags *d);
void az_national_free(struct az_national *n);

#endif
