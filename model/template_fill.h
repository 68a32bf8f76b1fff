/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* A new workbook from a template (guideline/template.h): its vendors and systems, nothing scored. */
#ifndef ANZEN_TEMPLATE_FILL_H
#define ANZEN_TEMPLATE_FILL_H

#include "guideline/template.h"
#include "model/store.h"

/* az_fill_fn; arg is a const struct az_template *. Also creates this fiscal year's assessment. */
int az_template_fill(struct az_store *s, void *arg, struct az_error *err);
/* The template's systems, vendors and usual answers added to an open workbook that has none of
 * them yet (else AZ_DATAERR and nothing written), in one transaction, outside the change log. */
int az_template_apply(struct az_store *s, const struct az_template *t, struct az_error *err);

#endif
