/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * What changed since the previous fiscal year: the current rows against the snapshot kept in the
 * history table by 'anzen next-year', matched by stable keys. For the status line, the screens and
 * the PDF section 「前年度からの変更」.
 */
#ifndef ANZEN_DIFF_H
#define ANZEN_DIFF_H

#include <stddef.h>

#include "model/store.h"

struct az_table; /* model/tables.h; not included so that export/typeset.h users can use this */

enum az_change { AZ_UNCHANGED, AZ_NEW, AZ_CHANGED, AZ_REMOVED, AZ_NCHANGES };

/* The compared kinds, in the order of az_diff.count and of the rows. */
enum az_diff_kind { AZ_DIFF_SYSTEMS, AZ_DIFF_VENDORS, AZ_DIFF_RISKS, AZ_DIFF_ACTIONS, AZ_DIFF_CHECKLIST,
		    AZ_DIFF_NKINDS };

struct az_diff_row {
	int kind;   /* enum az_diff_kind */
	int change; /* enum az_change */
	const struct az_table *table;
	const char *key;   /* the stable key, e.g. "12" or "clinic/2-(3)/all" */
	const char *label; /* what a person calls the row: a name, a threat, an item; may be "" */
	/* AZ_CHANGED: bit i set if table->cols[i] differs */
	unsigned long long fields;
};

struct az_diff {
	int base_year; /* the fiscal year compared with; 0 if the workbook has no earlier year */
	int year;      /* the workbook's own fiscal year */
	struct az_diff_row *rows; /* by kind, then the current order; removed rows last of their kind */
	size_t n;
	size_t count[AZ_DIFF_NKINDS][AZ_NCHANGES];
	void *mem; /* owns the strings */
};

/*
 * Compares s with its latest earlier year (base_year 0: the newest history row). With no history,
 * returns AZ_OK and d->base_year == 0, no rows. Keys: systems, vendors and actions by id (next-year keeps
 * the ids), risks by system id and threat, checklist answers by form, item and device, e.g.
 * "clinic/2-(3)/all" (item ids are stable across the checklist's yearly versions r6, r7, ...).
 */
int az_diff_compute(struct az_store *s, int base_year, struct az_diff *d, struct az_error *err);
void az_diff_free(struct az_diff *d);

/* 1 if the diff compares column col (an index into the kind's table's cols) of that kind: not its key,
 * nor what next-year clears. model/changes_digest hashes the same columns. */
int az_diff_compared(int kind, size_t col);
/* The table of a kind (model/tables.h), or NULL. */
const struct az_table *az_diff_table(int kind);

/* The names of the changed columns of a row (model/tables.h names), at most max; returns how many. */
size_t az_diff_fields(const struct az_diff_row *r, const char **names, size_t max);
/* A label for a column name, translated (e.g. "firmware" -> ファームウェア); the name itself if unknown. */
const char *az_diff_field_label(const char *column);
/* The same, untranslated (the msgid), for a report in a language other than the interface's. */
const char *az_diff_field_msgid(const char *column);
/* Untranslated names for reports and CSV; the screens translate with _(). */
const char *az_diff_kind_name(int kind);     /* "systems" ... */
const char *az_diff_change_name(int change); /* "unchanged", "new", "changed", "removed" */

/* The fiscal years held in history, newest first; returns their number (at most max). */
int az_history_years(struct az_store *s, int *years, int max, struct az_error *err);
/* An earlier year's snapshot as stored: the canonical JSON export of that year; free() *out. */
int az_history_snapshot(struct az_store *s, int year, char **out, size_t *len, struct az_error *err);
/* An earlier year's snapshot loaded into an in-memory workbook (read it with az_book_load). */
int az_history_open(struct az_store *s, int year, struct az_store **out, struct az_error *err);

#endif
