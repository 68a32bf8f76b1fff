/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The appendix: the scales, the matrix and the treatments this report was scored with, so the
 * printout can be read on its own. */
#include <config.h>

#include "export/report_ctx.h"

static void scale(struct rp *r, const char *title, const struct az_level *lv, size_t n)
{
	static const struct az_doc_column src[] = {
		{ N_("Level"), 0.7, AZ_RIGHT }, { N_("Name"), 1.6, AZ_LEFT }, { N_("Meaning"), 7, AZ_LEFT },
	};
	struct az_doc_column cols[3];
	for (int i = 0; i < 3; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title);
	az_doc_heading(r->doc, 2, title);
	az_doc_table_begin(r->doc, cols, 3);
	for (size_t i = 0; i < n; i++) {
		struct az_cell c[3] = { { rp_fmt(r, "%d", lv[i].level), NULL, 0 },
					{ rp_text(r, &lv[i].name), NULL, 0 },
					{ rp_text(r, &lv[i].description), NULL, 0 } };
		az_doc_table_row(r->doc, c);
	}
	az_doc_table_end(r->doc);
}

static void matrix(struct rp *r)
{
	az_doc_heading(r->doc, 2, R_("Risk matrix (likelihood × severity → rank)"));
	struct az_doc_column cols[6] = { { R_("Likelihood \\ severity"), 2, AZ_LEFT } };
	for (int s = 0; s < 5; s++)
		cols[s + 1] = (struct az_doc_column){ rp_fmt(r, "%d", s + 1), 1, AZ_CENTER };
	az_doc_table_begin(r->doc, cols, 6);
	for (int l = 5; l >= 1; l--) {
		struct az_cell c[6] = { { rp_fmt(r, "%d", l), NULL, 0 } };
		for (int s = 1; s <= 5; s++) {
			const struct az_rank *k = az_rank_of(r->cat, l, s);
			c[s].text = k ? rp_fmt(r, "%s %s", k->id, k->symbol ? k->symbol : "") : "—";
			c[s].fill = rp_rank_fill(k);
			c[s].style = AZ_STRONG;
		}
		az_doc_table_row(r->doc, c);
	}
	az_doc_table_end(r->doc);
	static const struct az_doc_column src[] = {
		{ N_("Rank"), 1, AZ_LEFT }, { N_("Symbol"), 0.8, AZ_LEFT }, { N_("Name"), 1.3, AZ_LEFT },
		{ N_("What it asks for"), 6, AZ_LEFT },
	};
	struct az_doc_column rc[4];
	for (int i = 0; i < 4; i++)
		rc[i] = src[i], rc[i].title = R_(src[i].title);
	az_doc_table_begin(r->doc, rc, 4);
	for (size_t i = 0; i < r->cat->nranks; i++) {
		const struct az_rank *k = &r->cat->ranks[i];
		struct az_cell c[4] = { { k->id, rp_rank_fill(k), 1 },
					{ k->symbol ? k->symbol : "", NULL, 1 },
					{ rp_text(r, &k->name), NULL, 0 },
					{ rp_text(r, &k->response), NULL, 0 } };
		az_doc_table_row(r->doc, c);
	}
	az_doc_table_end(r->doc);
}

static void treatments(struct rp *r)
{
	static const struct az_doc_column src[] = {
		{ N_("Treatment"), 1.3, AZ_LEFT }, { N_("Meaning"), 4, AZ_LEFT }, { N_("What it requires"), 4, AZ_LEFT },
	};
	struct az_doc_column cols[3];
	for (int i = 0; i < 3; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title);
	az_doc_heading(r->doc, 2, R_("Treatments"));
	az_doc_table_begin(r->doc, cols, 3);
	for (size_t i = 0; i < r->cat->ntreatments; i++) {
		const struct az_treatment *t = &r->cat->treatments[i];
		struct az_cell c[3] = { { rp_text(r, &t->name), NULL, 0 },
					{ rp_text(r, &t->meaning), NULL, 0 },
					{ rp_text(r, &t->requires), NULL, 0 } };
		az_doc_table_row(r->doc, c);
	}
	struct az_cell c[3] = { { rp_text(r, &r->cat->untreated.name), NULL, 0 },
				{ R_("No treatment chosen yet."), NULL, 0 },
				{ "—", NULL, 0 } };
	az_doc_table_row(r->doc, c);
	az_doc_table_end(r->doc);
}

int rp_sources(struct rp *r)
{
	az_doc_heading(r->doc, 2, R_("Sources cited"));
	rp_anchor(r, RP_AT_SOURCES);
	static const struct az_doc_column src[] = { { N_("As cited"), 3, AZ_LEFT }, { N_("Full title"), 7, AZ_LEFT } };
	struct az_doc_column cols[2];
	for (int i = 0; i < 2; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title);
	int open = 0;
	for (size_t i = 0; i < r->cat->nsources; i++) {
		if (!r->cited || !r->cited[i])
			continue;
		if (!open++)
			az_doc_table_begin(r->doc, cols, 2);
		struct az_cell c[2] = { { rp_text(r, &r->cat->sources[i].short_name), NULL, 0 },
					{ rp_text(r, &r->cat->sources[i].title), NULL, 0 } };
		az_doc_table_row(r->doc, c);
	}
	if (open)
		az_doc_table_end(r->doc);
	else
		az_doc_paragraph(r->doc, R_("None."));
	return az_doc_status(r->doc);
}

int rp_appendix(struct rp *r)
{
	az_doc_heading(r->doc, 1, R_("Appendix: scales, matrix and treatments"));
	scale(r, R_("Likelihood"), r->cat->likelihood, r->cat->nlikelihood);
	scale(r, R_("Severity"), r->cat->severity, r->cat->nseverity);
	matrix(r);
	treatments(r);
	return az_doc_status(r->doc);
}
