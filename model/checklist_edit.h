/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Saving the answer form of one checklist cell (checklist, item, device): several fields in one
 * validated transaction, creating the answer row if needed (model/edit.h sets one field). */
#ifndef ANZEN_CHECKLIST_EDIT_H
#define ANZEN_CHECKLIST_EDIT_H

#include "model/store.h"

/* pairs: column, value, ..., NULL (a NULL value stores NULL); columns of checklist_answers other
 * than checklist, item and device. Every value is checked first; nothing is written if one is
 * refused, and the error names the column. No pairs: nothing to do, AZ_OK. */
int az_edit_checklist_row(struct az_store *s, const char *checklist, const char *item, const char *device,
			  const char *const *pairs, struct az_error *err);

#endif
