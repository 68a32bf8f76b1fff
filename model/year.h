/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Starting the next fiscal year's assessment from the last. */
#ifndef ANZEN_YEAR_H
#define ANZEN_YEAR_H

#include <stddef.h>

#include "model/store.h"

/* What the caller (which owns the JSON export) hands over. */
struct az_next_year {
	const char *copy;     /* canonical JSON of the old workbook without its change log */
	size_t copy_len;
	const char *snapshot; /* the same without the history: kept as the closed year */
	size_t snapshot_len;
	const char *name;     /* the old workbook's name, for messages */
	int old_year, new_year; /* filled by az_year_fill_next */
};

/*
 * az_fill_fn for az_workbook_write_new: the new year's workbook. Everything is carried over, then
 * cleared because it must be confirmed again in the new year: the approval of the assessment
 * (approved_by, approved_at), the acceptance of each accepted risk (accepted_by, accepted_at), the date
 * each checklist answer was checked (checked_at) and the date each vendor answer was confirmed
 * (confirmed_at). The old year's snapshot is added to history; the change log starts empty.
 */
int az_year_fill_next(struct az_store *s, void *arg, struct az_error *err);

#endif
