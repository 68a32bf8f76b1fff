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

void rp_split_add(struct rp *r, struct rp_split *s, const char *first, const char *second)
{
	if (s->rows++ >= RP_SPLIT_ROWS)
		return;
	for (int i = 0; i < RP_SPLITS; i++) {
		size_t a = az_doc_cell_lines(r->doc, first, s->width * share(i));
		size_t b = az_doc_cell_lines(r->doc, second, s->width * (1 - share(i)));
		s->lines[i] += a > b ? a : b;
	}
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
