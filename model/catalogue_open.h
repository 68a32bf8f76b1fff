/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The catalogue in use (--guideline, $ANZEN_GUIDELINE, the build tree or the installed one), loaded
 * for a command or the screens, with its first problem as the error. */
#ifndef ANZEN_CATALOGUE_OPEN_H
#define ANZEN_CATALOGUE_OPEN_H

#include "guideline/catalogue.h"
#include "base/error.h"

/* Loads the catalogue into *out, or fails naming its directory and first problem at file:line:col
 * ('anzen guideline check' lists them all). */
int az_catalogue_open(struct az_catalogue **out, struct az_error *err);

#endif
