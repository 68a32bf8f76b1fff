/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* 連絡体制 (who to call when something happens); backup and BCP are items of the checklist. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "export/report_ctx.h"

static const struct az_book *sort_book;

static int by_position(const void *a, const void *b)
{
	const struct az_contact *x = &sort_book->contacts[*(const size_t *)a], *y = &sort_book->contacts[*(const size_t *)b];
	if (x->position != y->position)
		return x->position < y->position ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

static void contacts(struct rp *r)
{
	static const char *const kind[] = { N_("In the clinic"), N_("Vendor"), N_("Authority"), N_("Other") };
	const struct az_book *bk = r->book;
	az_doc_heading(r->doc, 1, R_("Contacts in an incident"));
	rp_anchor(r, RP_AT_CONTACTS);
	size_t *v = bk->n_contacts ? malloc(bk->n_contacts * sizeof *v) : NULL;
	if (!v) {
		az_doc_paragraph(r->doc, R_("No contacts recorded."));
		return;
	}
	for (size_t i = 0; i < bk->n_contacts; i++)
		v[i] = i;
	sort_book = bk;
	qsort(v, bk->n_contacts, sizeof *v, by_position);
	static const struct az_doc_column src[] = {
		{ N_("Order"), 0.7, AZ_RIGHT }, { N_("Role"), 2, AZ_LEFT }, { N_("Name"), 2, AZ_LEFT },
		{ N_("Organisation"), 2.4, AZ_LEFT }, { N_("Phone"), 1.8, AZ_LEFT }, { N_("Kind"), 1.2, AZ_LEFT },
	};
	struct az_doc_column cols[6];
	for (int i = 0; i < 6; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title);
	az_doc_table_begin(r->doc, cols, 6);
	for (size_t i = 0; i < bk->n_contacts; i++) {
		const struct az_contact *c = &bk->contacts[v[i]];
		struct az_cell cell[6] = { { 0 } };
		cell[0].text = rp_fmt(r, "%zu", i + 1);
		cell[1].text = rp_or_dash(c->role);
		cell[2].text = rp_or_dash(c->name);
		cell[3].text = rp_or_dash(c->organisation);
		cell[2].style = cell[3].style = AZ_NAME;
		cell[4].text = rp_or_dash(c->phone);
		cell[5].text = c->kind >= 0 && c->kind < 4 ? R_(kind[c->kind]) : "—";
		az_doc_table_row(r->doc, cell);
	}
	az_doc_table_end(r->doc);
	free(v);
}

int rp_contacts(struct rp *r)
{
	contacts(r);
	return az_doc_status(r->doc);
}
