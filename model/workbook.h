/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Whole-workbook operations: a new workbook appears complete under its name, or not at all. */
#ifndef ANZEN_WORKBOOK_H
#define ANZEN_WORKBOOK_H

#include "model/store.h"

typedef int (*az_fill_fn)(struct az_store *s, void *arg, struct az_error *err);

/* Builds a workbook in a temporary file with fill(), then renames it to path. */
int az_workbook_write_new(const char *path, int force, az_fill_fn fill, void *arg, struct az_error *err);
/* fill() for an empty workbook: the current fiscal year's assessment. */
int az_workbook_fill_empty(struct az_store *s, void *arg, struct az_error *err);

struct az_counts {
	long contacts, systems, vendors, risks, scored, treated, actions, vendor_answers,
		checklist_answers, changelog;
	int fiscal_year; /* 0 if no assessment */
	char clinic[201];
};
int az_workbook_counts(struct az_store *s, struct az_counts *c, struct az_error *err);
/* The same counts from a loaded book (before any az_book_set). */
struct az_book;
void az_workbook_counts_of(const struct az_book *b, struct az_counts *c);

#endif
