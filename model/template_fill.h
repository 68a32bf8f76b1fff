/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* A new workbook from a template (guideline/template.h): its vendors and systems, nothing scored. */
#ifndef ANZEN_TEMPLATE_FILL_H
#define ANZEN_TEMPLATE_FILL_H

#include "guideline/template.h"
#include "model/store.h"

/* az_fill_fn; arg is a const struct az_template *. Also creates this fiscal year's assessment. */
int az_template_fill(struct az_store *s, void *arg, struct az_error *err);

#endif
