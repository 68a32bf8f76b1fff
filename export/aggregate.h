/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Writing an aggregate (model/aggregate.h) as CSV or as a PDF, beside the national figures. */
#ifndef ANZEN_EXPORT_AGGREGATE_H
#define ANZEN_EXPORT_AGGREGATE_H

#include <stdio.h>

#include "guideline/national.h"
#include "model/aggregate.h"

struct az_agg_report {
	const struct az_aggregate *a;
	const struct az_national *nat;
	int named;              /* else no clinic name or file name is written */
	const char *font_file;  /* PDF: NULL for fontconfig's choice */
	const char *date;       /* YYYY-MM-DD printed on the PDF, or NULL */
};

/* How many S/A threats and vendors are listed. */
#define AZ_AGG_TOP 20

/*
 * UTF-8 with a byte order mark (so that Excel reads the Japanese), RFC 4180 quoting, CRLF line ends.
 * Columns: section,id,label,count,base,percent,national_percent,note. Text starting with = + - @
 * gets a leading ' so that a spreadsheet does not run it as a formula.
 */
int az_aggregate_write_csv(const struct az_agg_report *r, FILE *out, struct az_error *err);
int az_aggregate_write_pdf(const struct az_agg_report *r, const char *path, int force, struct az_error *err);

/* The label of input i: its path when named, else "input N" (1-based, translated). */
void az_agg_input_label(const struct az_agg_report *r, size_t i, char *buf, size_t size);

#endif
