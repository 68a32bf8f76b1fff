/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Japanese era dates (和暦), beside date fields on screen and on the inspection PDF. */
#ifndef ANZEN_WAREKI_H
#define ANZEN_WAREKI_H

#include <stddef.h>

/* Writes the era form of a valid YYYY-MM-DD date ("令和8年11月23日", first years as 元年) into out;
 * returns 0, or -1 if the date is not valid or before 明治 45. */
int az_wareki(const char *date, char *out, size_t size);

#endif
