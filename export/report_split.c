/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* How two columns of a table share their width: the share (from 30 % to 70 % of it) with which the
 * rows take the fewest lines, each row as tall as the longer of its two texts. Fixed weights gave a
 * template's list of systems four lines beside a treatment of two, and a demo the reverse. */
#include <config.h>

#include "export/report_ctx.h"

static double share(int i) { return 0.3 + 0.4 * (double)i / (RP_SPLITS - 1); }

void rp_split_init(struct rp_split *s, double width, double usual)
{
	*s = (struct rp_split){ .width = width, .usual = usual };
}

void rp_split_add(struct rp *r, struct rp_split *s, const struct az_cell *first, const struct az_cell *second)
{
	if (s->rows++ >= RP_SPLIT_ROWS)
		return;
	double wa[RP_SPLITS], wb[RP_SPLITS];
	size_t a[RP_SPLITS], b[RP_SPLITS];
	for (int i = 0; i < RP_SPLITS; i++)
		wa[i] = s->width * share(i), wb[i] = s->width * (1 - share(i));
	/* each text cleaned and measured once for all the shares */
	az_doc_cell_lines_at(r->doc, first, wa, RP_SPLITS, a);
	az_doc_cell_lines_at(r->doc, second, wb, RP_SPLITS, b);
	for (int i = 0; i < RP_SPLITS; i++)
		s->lines[i] += a[i] > b[i] ? a[i] : b[i];
}

double rp_split_first(const struct rp_split *s)
{
	if (!s->rows)
		return s->width * s->usual;
	int best = 0;
	for (int i = 1; i < RP_SPLITS; i++) {
		double d = share(i) - s->usual, db = share(best) - s->usual;
		/* fewer lines; of equal ones, the nearest the usual share */
		if (s->lines[i] < s->lines[best] || (s->lines[i] == s->lines[best] && d * d < db * db))
			best = i;
	}
	return s->width * share(best);
}
