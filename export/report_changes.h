/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The PDF section 「前年度からの変更」, from model/diff, for the integrator to call from the report. */
#ifndef ANZEN_REPORT_CHANGES_H
#define ANZEN_REPORT_CHANGES_H

#include "export/typeset.h"
#include "model/diff.h"

/* Most rows listed in detail (new, changed and removed only); the counts always cover every row. */
#define AZ_CHANGES_MAX_ROWS 500

/*
 * Adds a level-1 heading, the counts per kind (new, changed, unchanged, removed) and a table of the
 * rows that are new, changed (with the changed fields) or removed. With no earlier year
 * (diff->base_year == 0) it adds the heading and one sentence saying so. entry, if not NULL, names a
 * row as the reader knows it (no internal ids). Returns az_doc's status.
 */
int az_report_changes(struct az_doc *d, const struct az_diff *diff, const char *(*tr)(void *ctx, const char *msgid),
		      const char *(*entry)(void *ctx, const struct az_diff_row *row), void *ctx);

#endif
