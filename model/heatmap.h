/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The 5×5 heatmap: how many risks sit in each cell of likelihood × severity, before treatment
 * (current) and after it (residual, see az_risk_residual_effective), and which risks a cell holds. */
#ifndef ANZEN_HEATMAP_H
#define ANZEN_HEATMAP_H

#include <stddef.h>

#include "guideline/catalogue.h"
#include "model/book.h"

struct az_heatmap {
	size_t cell[2][AZ_LEVELS][AZ_LEVELS]; /* [residual][likelihood-1][severity-1] */
	size_t unscored;                      /* risks without a current score (in neither grid) */
	size_t residual_fallback;             /* risks whose residual cell is their current score */
};

void az_heatmap_count(const struct az_book *b, struct az_heatmap *h);
/* 1 if the risk is in the cell (likelihood l, severity s) of the current (residual 0) or
 * residual (1) grid. */
int az_heatmap_has(const struct az_risk *r, int residual, int l, int s);

#endif
