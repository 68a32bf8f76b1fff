/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The next fiscal year's workbook from an open one: 'anzen next-year' and the years screen share it. */
#ifndef ANZEN_NEXT_YEAR_H
#define ANZEN_NEXT_YEAR_H

#include "model/store.h"

/* Writes output (replacing it only if force) as the year after src's; src is read, never changed.
 * name names src in messages. Sets *old_year and *new_year. AZ_OK or a code with err set. */
int tui_next_year_write(struct az_store *src, const char *name, const char *output, int force, int *old_year,
			int *new_year, struct az_error *err);

/* The new year's file beside path: path's stem without a trailing -YYYY, then -YEAR.anzen
 * (clinic.anzen, clinic-2026.anzen -> clinic-2027.anzen). malloc'd, NULL when out of memory. */
char *tui_next_year_path(const char *path, int year);

#endif
