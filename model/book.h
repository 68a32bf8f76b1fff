/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * The workbook in memory, typed: what the screens, the rules and the PDF read.
 * Loaded whole (a hospital-scale workbook is a few MB), or for the home screen first without a
 * few columns it does not read (az_book_load_first); edits go through model/edit.h and the caller
 * reloads.
 */
#ifndef ANZEN_BOOK_H
#define ANZEN_BOOK_H

#include <stddef.h>

#include "model/store.h"
#include "model/table_defs.h"

/* Enumerated fields hold an index into the value lists of model/tables.h, or -1 for NULL.
 * Scores hold 1..5, or 0 when not yet given. Dates are "YYYY-MM-DD" or "" when not given. */

/* The fields of each row struct are the table's columns (model/table_defs.h), same names. */
#define AZ_FIELD_S_(col) const char *col;
#define AZ_FIELD_L_(col) long long col;
#define AZ_FIELD_I_(col) int col;
#define AZ_FIELD_E_(col) int col;
#define AZ_FIELD_N_(col)
#define AZ_FIELD_(t, col, field, ...) AZ_FIELD_##field##_(col)
#define AZ_ROW_STRUCT(type, table) struct type { AZ_COLUMNS_##table(AZ_FIELD_, table) }

AZ_ROW_STRUCT(az_clinic, clinic);

struct az_assessment {
	int present; /* 0: the workbook has no assessment row yet */
	AZ_COLUMNS_assessment(AZ_FIELD_, assessment)
};

AZ_ROW_STRUCT(az_contact, contacts);
AZ_ROW_STRUCT(az_vendor, vendors);
/* vendor_id 0: none */
AZ_ROW_STRUCT(az_system, systems);
/* score_basis: az_score_basis_values (suggested changed), -1: entered before suggestions; dismissed:
 * az_dismiss_values index, -1: not dismissed; exception 1: decided apart from its threat's other systems */
AZ_ROW_STRUCT(az_risk, risks);
/* One answered fact; system_id and vendor_id 0 for a fact about the clinic; value: a date answer, ""
 * otherwise; answer: az_answer3_values index, -1 unanswered. */
AZ_ROW_STRUCT(az_fact_row, facts);
/* control "" when free text */
AZ_ROW_STRUCT(az_action, actions);
AZ_ROW_STRUCT(az_vendor_answer, vendor_answers);
AZ_ROW_STRUCT(az_checklist_answer, checklist_answers);

#define AZ_BOOK_ARRAY(type, name) \
	struct type *name;        \
	size_t n_##name

struct az_book {
	struct az_clinic clinic;
	struct az_assessment assessment;
	AZ_BOOK_ARRAY(az_contact, contacts);
	AZ_BOOK_ARRAY(az_vendor, vendors);
	AZ_BOOK_ARRAY(az_system, systems);
	AZ_BOOK_ARRAY(az_risk, risks);
	AZ_BOOK_ARRAY(az_action, actions);
	AZ_BOOK_ARRAY(az_vendor_answer, vendor_answers);
	AZ_BOOK_ARRAY(az_checklist_answer, checklist_answers);
	AZ_BOOK_ARRAY(az_fact_row, facts); /* in (fact, system_id, vendor_id) order */
	long long changelog_count; /* lines of the change log, plus the fields az_book_set set since */
	/* the date (YYYY-MM-DD) of the last logged change other than the approval itself, or "" */
	char last_change[11];
	struct az_arena *arena; /* owns every string and array */
	int partial; /* loaded by az_book_load_first: some columns not read until az_book_complete */
};

/* Rows come in id order (answers in key order). */
int az_book_load(struct az_store *s, struct az_book *b, struct az_error *err);
void az_book_free(struct az_book *b);
/* The book the first screen (home) needs, sooner: every row, but not the few columns of the large
 * tables that progress and the findings' counts do not read (model/book.c names them); those texts
 * are NULL, their numbers 0 and their enumerations -1 until az_book_complete reads them. Progress
 * and the findings of this book are those of the whole book (tests/t_book_first checks it), but for
 * the wording of some: a risk or an action named by its threat or control instead of its title or
 * description, a done action without its date in a checklist suggestion's evidence. */
int az_book_load_first(struct az_store *s, struct az_book *b, struct az_error *err);
/* Reads the columns az_book_load_first left out into b; AZ_OK at once when b is not partial. On
 * failure (AZ_DATAERR: its rows are no longer the workbook's) b keeps what it had, the left-out
 * columns perhaps in part: load it again. */
int az_book_complete(struct az_store *s, struct az_book *b, struct az_error *err);

/* After a saved edit of row id of table (singletons: id 1), the same values set in b, as loading
 * would have read them: pairs is column, value, ..., NULL (a NULL value: SQL NULL). Returns 0, or
 * -1 with b unchanged when b does not hold that row or one of the columns: then load it again.
 * A saved field costs this instead of loading the whole book. */
int az_book_set(struct az_book *b, const char *table, long long id, const char *const *pairs);

/* Lookups by id (binary search); NULL if absent. */
const struct az_system *az_book_system(const struct az_book *b, long long id);
const struct az_vendor *az_book_vendor(const struct az_book *b, long long id);
const struct az_risk *az_book_risk(const struct az_book *b, long long id);
const struct az_action *az_book_action(const struct az_book *b, long long id);
const struct az_contact *az_book_contact(const struct az_book *b, long long id);

#endif
