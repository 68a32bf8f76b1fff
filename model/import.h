/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Loads a workbook from its canonical JSON (or any JSON of the same shape), validating every value. */
#ifndef ANZEN_IMPORT_H
#define ANZEN_IMPORT_H

#include <stddef.h>

#include "model/store.h"

/* Into an empty workbook, in one transaction; name labels error messages. */
int az_import_json(struct az_store *s, const char *json, size_t len, const char *name, struct az_error *err);

#endif
