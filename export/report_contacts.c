/* 連絡体制 (who to call when something happens) and the backup / BCP items of the checklist. */
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
		cell[4].text = rp_or_dash(c->phone);
		cell[5].text = c->kind >= 0 && c->kind < 4 ? R_(kind[c->kind]) : "—";
		az_doc_table_row(r->doc, cell);
	}
	az_doc_table_end(r->doc);
	free(v);
}

/* Section 3 of the clinic checklist: contacts, backup and restore, BCP. */
static void backup_bcp(struct rp *r)
{
	const struct az_checklist *cl = rp_checklist(r);
	az_doc_heading(r->doc, 2, R_("Backup and business continuity (BCP)"));
	if (!cl)
		return;
	static const struct az_doc_column src[] = {
		{ N_("No."), 0.9, AZ_LEFT },        { N_("Item"), 5.6, AZ_LEFT },
		{ N_("Answer"), 1.3, AZ_LEFT },     { N_("Date checked"), 1.6, AZ_LEFT },
		{ N_("Target date"), 1.6, AZ_LEFT },
	};
	struct az_doc_column cols[5];
	for (int i = 0; i < 5; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title);
	int open = 0;
	for (size_t i = 0; i < cl->nitems; i++) {
		const struct az_check_item *it = &cl->items[i];
		if (strncmp(it->id, "3-", 2) != 0)
			continue;
		if (!open++)
			az_doc_table_begin(r->doc, cols, 5);
		struct rp_item st;
		rp_item_status(r, cl, it, &st);
		struct az_cell c[5] = { { 0 } };
		c[0].text = it->number ? it->number : it->id;
		c[1].text = rp_text(r, &it->text);
		c[2].text = rp_check_answer(r, st.answer);
		c[3].text = st.checked_at ? st.checked_at : "—";
		c[4].text = st.target_at ? st.target_at : "—";
		az_doc_table_row(r->doc, c);
	}
	if (open)
		az_doc_table_end(r->doc);
	else
		az_doc_paragraph(r->doc, R_("The checklist has no backup or BCP items."));
}

int rp_contacts(struct rp *r)
{
	contacts(r);
	backup_bcp(r);
	return az_doc_status(r->doc);
}
