/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * The open workbook that every screen shares: the store (for edits through model/edit.h),
 * the typed copy in memory (model/book.h) and the catalogue. Screens never run SQL.
 *
 * Use: an edit is az_edit_*(tui_wb->store, ..., &err) followed by tui_wb_edited(rc, &err), which
 * shows the error if the edit failed and reloads the book either way (pointers into the old book
 * are then stale: look rows up again by id); after a saved field, tui_wb_saved updates it instead.
 */
#ifndef ANZEN_TUI_WB_H
#define ANZEN_TUI_WB_H

#include "guideline/catalogue.h"
#include "model/book.h"
#include "model/store.h"

struct tui_wb {
	struct az_store *store;
	struct az_book book;                 /* reloaded or updated after every edit */
	const struct az_catalogue *cat;
	const char *path;
	unsigned long generation; /* counts changes: screens cache what they compute from the book */
};

/* The one open workbook while the screens run. */
extern struct tui_wb *tui_wb;

/* Opens the workbook at path read-write (migrating it), loads it and the catalogue, and sets
 * tui_wb. On failure (locked, corrupt, newer, no catalogue) returns the exit code with err set and
 * nothing written. */
int tui_wb_open(const char *path, struct az_error *err);
/* Closes the store and frees the book and catalogue; returns 0 or AZ_IOERR. */
int tui_wb_close(void);

/* The book is loaded without the few columns the home screen does not read (az_book_load_first);
 * this reads them (tui_push calls it for every other screen). 0, or -1 with a message shown. */
int tui_wb_complete(void);
/* Reloads tui_wb->book after an edit; on failure shows the error and returns -1. */
int tui_wb_reload(void);
/* After an edit that returned rc: shows err's message unless rc is AZ_OK, then reloads.
 * Returns 0 if the edit was saved and the book reloaded, else -1. */
int tui_wb_edited(int rc, const struct az_error *err);
/* The same after a saved edit of fields of one row (pairs: column, value, ..., NULL, as given to
 * az_edit_row or az_edit_set): the book is updated in memory instead of reloaded (a field at
 * 100,000 risks), and pointers into it stay valid; it is reloaded when it cannot be updated. */
int tui_wb_saved(int rc, const struct az_error *err, const char *table, long long id, const char *const *pairs);

/* The screens of the assessment, in the order of the Guideline 6.0 flow. Each pushes itself and
 * returns 0, or -1 with a message shown. */
int tui_home_open(void);            /* progress per step, what is missing; the entry screen */
int tui_clinic_open(void);          /* clinic profile, roles (管理者, 安全管理責任者, deputy) */
int tui_contacts_open(void);        /* 連絡体制: the contact chart */
int tui_systems_open(void);         /* inventory: add from the catalogue, edit, delete */
int tui_risks_open(long long system_id); /* threats of one system: score, treat (0: pick a system) */
int tui_vendors_open(void);         /* vendors and their questions a-e and the rest */
int tui_checklist_open(void);       /* the MHLW checklist with suggestions, 確認日/目標日 */
int tui_heatmap_open(void);         /* 5x5 of current and residual risk; a cell lists its risks */
int tui_export_open(void);          /* JSON and PDF export */
int tui_approval_open(void);        /* who approved the assessment, and when */
int tui_findings_open(void);        /* 要確認事項: where the workbook contradicts itself */

#endif
