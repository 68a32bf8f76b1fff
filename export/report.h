/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The inspection PDF: cover, summary, registers, checklist, appendix, with the workbook attached. */
#ifndef ANZEN_REPORT_H
#define ANZEN_REPORT_H

#include "guideline/catalogue.h"
#include "model/store.h"

struct az_report_opts {
	const char *lang;  /* "ja" (default) or "en" */
	const char *font;  /* a TrueType file, or NULL for IPAexGothic through fontconfig */
	const char *date;  /* YYYY-MM-DD printed as the generation date; NULL: today */
	int force;         /* replace an existing output file */
	void (*warn)(void *ctx, const char *msg); /* characters replaced, etc.; may be NULL */
	void *warn_ctx;
};

/* Writes the inspection PDF of the workbook in s to path (temp file + rename). */
int az_report_pdf(struct az_store *s, const struct az_catalogue *cat, const char *path,
		  const struct az_report_opts *o, struct az_error *err);

#endif
