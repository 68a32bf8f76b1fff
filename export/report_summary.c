/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The summary: the counts, risks per rank now and as expected once the planned actions are done,
 * and both heat maps. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "export/report_ctx.h"
#include "model/vendor_rules.h"


static void columns(struct rp *r, const struct az_doc_column *src, size_t n, struct az_doc_column *out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = src[i], out[i].title = R_(src[i].title);
}

/* The table of ranks under its heading, kept whole on one page (six rows: it always fits, and
 * split it reads as two tables); named again should it ever continue. */
static void rank_table(struct rp *r, const char *heading)
{
	const struct az_catalogue *cat = r->cat;
	size_t nr = cat->nranks;
	size_t *now = calloc(nr + 1, sizeof *now), *after = calloc(nr + 1, sizeof *after);
	struct az_cell *rows = calloc(4 * (nr + 1), sizeof *rows);
	if (!now || !after || !rows) {
		free(now), free(after), free(rows);
		az_doc_heading(r->doc, 2, heading);
		return;
	}
	for (size_t i = 0; i < r->book->n_risks; i++) {
		const struct az_risk *k = &r->book->risks[i];
		if (k->dismissed >= 0) /* dismissed: not a risk of the clinic */
			continue;
		int a = az_rank_index(cat, k->likelihood, k->severity);
		int b = az_rank_index(cat, k->residual_likelihood, k->residual_severity);
		/* no residual score: the risk stays where it is */
		if (b < 0)
			b = a;
		now[a < 0 ? nr : (size_t)a]++;
		after[b < 0 ? nr : (size_t)b]++;
	}
	static const struct az_doc_column src[] = {
		{ N_("Rank"), 1.2, AZ_LEFT }, { N_("What it asks for"), 5.6, AZ_LEFT },
		{ N_("Now"), 0.7, AZ_RIGHT }, { N_("Expected once the actions are done"), 1.5, AZ_RIGHT },
	};
	struct az_doc_column cols[4];
	columns(r, src, 4, cols);
	for (size_t i = 0; i <= nr; i++) {
		struct az_cell *c = rows + 4 * i;
		if (i < nr) {
			const struct az_rank *k = &cat->ranks[i];
			c[0].text = rp_fmt(r, "%s %s %s", k->id, k->symbol ? k->symbol : "", rp_text(r, &k->name));
			c[0].fill = rp_rank_fill(k);
			c[0].style = AZ_STRONG;
			c[1].text = rp_text(r, &k->response);
		} else {
			c[0].text = R_("Not scored");
			c[1].text = R_("Likelihood or severity not entered yet.");
		}
		c[2].text = rp_fmt(r, "%zu", now[i]);
		c[3].text = rp_fmt(r, "%zu", after[i]);
	}
	rp_heading_keep(r, 2, heading, NULL, cols, 4, rows, nr + 1);
	az_doc_table_begin(r->doc, cols, 4);
	az_doc_table_continued(r->doc, rp_fmt(r, "%s %s", heading, R_("(continued)")));
	for (size_t i = 0; i <= nr; i++)
		az_doc_table_row(r->doc, rows + 4 * i);
	az_doc_table_end(r->doc);
	free(rows);
	free(now);
	free(after);
}

static void heatmap(struct rp *r, int residual, struct az_heatmap_figure *out)
{
	struct az_heatmap_figure h;
	memset(&h, 0, sizeof h);
	h.y_label = residual ? R_("Expected once the actions are done (residual risk): likelihood") : R_("Now: likelihood");
	h.x_label = R_("Severity");
	for (int i = 0; i < 5; i++) {
		const struct az_level *l = az_catalogue_likelihood(r->cat, 5 - i);
		const struct az_level *s = az_catalogue_severity(r->cat, i + 1);
		h.y_ticks[i] = l ? rp_fmt(r, "%d %s", 5 - i, rp_text(r, &l->name)) : rp_fmt(r, "%d", 5 - i);
		h.x_ticks[i] = s ? rp_fmt(r, "%d %s", i + 1, rp_text(r, &s->name)) : rp_fmt(r, "%d", i + 1);
	}
	for (int row = 0; row < 5; row++)
		for (int c = 0; c < 5; c++) {
			const struct az_rank *k = az_rank_of(r->cat, 5 - row, c + 1);
			const struct az_rgb *f = rp_rank_fill(k);
			static const struct az_rgb white = { 1, 1, 1 };
			h.fill[row][c] = f ? *f : white;
			h.mark[row][c] = k ? rp_fmt(r, "%s %s", k->id, k->symbol ? k->symbol : "") : NULL;
		}
	for (size_t i = 0; i < r->book->n_risks; i++) {
		const struct az_risk *k = &r->book->risks[i];
		int l = k->likelihood, s = k->severity;
		if (k->dismissed >= 0)
			continue;
		if (residual && k->residual_likelihood && k->residual_severity)
			l = k->residual_likelihood, s = k->residual_severity;
		if (l >= 1 && l <= 5 && s >= 1 && s <= 5)
			h.count[5 - l][s - 1]++;
	}
	*out = h;
}

int rp_summary(struct rp *r)
{
	az_doc_heading(r->doc, 1, R_("Summary"));
	az_doc_paragraph(r->doc, rp_fmt(r, R_("%zu systems, %zu risks, %zu actions, %zu vendors."),
					r->book->n_systems, r->book->n_risks, r->book->n_actions, r->book->n_vendors));
	/* now and expected side by side: the same grid, compared at a glance, in half the height; the
	 * figure first, as it cannot break and the table of ranks below it can */
	struct az_heatmap_figure h[2];
	heatmap(r, 0, &h[0]);
	heatmap(r, 1, &h[1]);
	h[0].heading = R_("Heat maps: number of risks per likelihood and severity");
	az_doc_heatmap_pair(r->doc, h);
	rank_table(r, R_("Risks per rank"));
	return az_doc_status(r->doc);
}
