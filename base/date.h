/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Calendar dates written YYYY-MM-DD, as the workbook, the catalogue and the PDF keep them. */
#ifndef ANZEN_DATE_H
#define ANZEN_DATE_H

/* 1 if s is a real calendar date written YYYY-MM-DD, from 1900 on. */
int az_date_valid(const char *s);
/* Today's date as YYYY-MM-DD in local time; SOURCE_DATE_EPOCH fixes it for reproducible output. */
void az_date_today(char out[11]);
/* The Japanese fiscal year (April to March) a YYYY-MM-DD date falls in. */
int az_fiscal_year(const char *date);

#endif
