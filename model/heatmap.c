/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <string.h>

#include "model/heatmap.h"
#include "model/risk_edit.h"

static int cell_of(const struct az_risk *r, int residual, int *l, int *s)
{
	if (residual)
		return az_risk_residual_effective(r, l, s, NULL);
	*l = r->likelihood;
	*s = r->severity;
	return *l >= 1 && *l <= AZ_LEVELS && *s >= 1 && *s <= AZ_LEVELS;
}

void az_heatmap_count(const struct az_book *b, struct az_heatmap *h)
{
	memset(h, 0, sizeof *h);
	for (size_t i = 0; i < b->n_risks; i++) {
		const struct az_risk *r = &b->risks[i];
		int l, s, fb = 0;
		if (r->dismissed >= 0) /* does not apply: neither scored nor unscored */
			continue;
		if (!cell_of(r, 0, &l, &s)) {
			h->unscored++;
			continue;
		}
		h->cell[0][l - 1][s - 1]++;
		if (az_risk_residual_effective(r, &l, &s, &fb)) {
			h->cell[1][l - 1][s - 1]++;
			h->residual_fallback += fb;
		}
	}
}

int az_heatmap_has(const struct az_risk *r, int residual, int l, int s)
{
	int rl, rs;
	return cell_of(r, residual, &rl, &rs) && rl == l && rs == s;
}
