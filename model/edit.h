/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * Edits of a workbook, each validated against the table description and saved at once in its own
 * transaction, together with its change-log line (written by the schema's triggers).
 */
#ifndef ANZEN_EDIT_H
#define ANZEN_EDIT_H

#include "guideline/catalogue.h"
#include "model/store.h"
#include "model/tables.h"

/* NULL if text is a valid value of column c, else why not (translated). NULL text means SQL NULL. */
const char *az_column_invalid(const struct az_column *c, const char *text);

/* Sets one field of one row (singletons: id 1). value NULL stores NULL. */
int az_edit_set(struct az_store *s, const char *table, long long id, const char *column, const char *value,
		struct az_error *err);
/* Inserts a row from column/value pairs ended by NULL; *id gets its id (may be NULL). */
int az_edit_insert(struct az_store *s, const char *table, const char *const *pairs, long long *id,
		   struct az_error *err);
/* Deletes a row; dependent rows go with it (risks of a system, actions of a risk, answers of a vendor). */
int az_edit_delete(struct az_store *s, const char *table, long long id, struct az_error *err);
/* Sets one field of a vendor's answer, creating the answer row if needed; an answer of the wrong kind
 * for the question (Yes/No to a date or text question, a value that is not a date) is refused with
 * AZ_DATAERR. cat NULL skips that check (tests without a catalogue only). */
int az_edit_vendor_answer(struct az_store *s, const struct az_catalogue *cat, long long vendor_id,
			  const char *question, const char *column,
			  const char *value, struct az_error *err);
int az_edit_checklist_answer(struct az_store *s, const char *checklist, const char *item, const char *device,
			     const char *column, const char *value, struct az_error *err);

#endif
