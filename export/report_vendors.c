/* Vendor confirmations: per vendor, its certification and the answers to the questions the
 * MHLW asks clinics to put to their vendors (a–e first, then the rest), in catalogue order. */
#include <config.h>

#include <string.h>

#include "export/report_ctx.h"

static const struct az_vendor_answer *answer(const struct az_book *b, long long vendor, const char *q)
{
	for (size_t i = 0; i < b->n_vendor_answers; i++)
		if (b->vendor_answers[i].vendor_id == vendor && strcmp(b->vendor_answers[i].question, q) == 0)
			return &b->vendor_answers[i];
	return NULL;
}

/* The MHLW's questions keep their letters (a–e); the catalogue's own are numbered after them, as
 * their ids are internal names. */
static const char *label(struct rp *r, size_t q)
{
	const char *id = r->cat->questions[q].id;
	return strlen(id) <= 2 ? id : rp_fmt(r, "%zu", q + 1);
}

int rp_vendors(struct rp *r)
{
	const struct az_book *bk = r->book;
	az_doc_heading(r->doc, 1, R_("Vendor confirmations"));
	if (!bk->n_vendors) {
		az_doc_paragraph(r->doc, R_("No vendors recorded."));
		return az_doc_status(r->doc);
	}
	/* The questions once, then a short table per vendor: printing every question for every
	 * vendor made this the longest section. */
	static const struct az_doc_column qsrc[] = { { N_("No."), 0.7, AZ_LEFT }, { N_("Question"), 9, AZ_LEFT } };
	struct az_doc_column qcols[2];
	for (int i = 0; i < 2; i++)
		qcols[i] = qsrc[i], qcols[i].title = R_(qsrc[i].title);
	az_doc_heading(r->doc, 2, R_("The questions"));
	az_doc_table_begin(r->doc, qcols, 2);
	for (size_t q = 0; q < r->cat->nquestions; q++) {
		struct az_cell c[2] = { { label(r, q), NULL }, { rp_text(r, &r->cat->questions[q].text), NULL } };
		az_doc_table_row(r->doc, c);
	}
	az_doc_table_end(r->doc);
	static const struct az_doc_column src[] = {
		{ N_("No."), 0.7, AZ_LEFT },           { N_("Answer"), 2.4, AZ_LEFT },
		{ N_("Date confirmed"), 1.6, AZ_LEFT }, { N_("Note"), 4.5, AZ_LEFT },
	};
	struct az_doc_column cols[4];
	for (int i = 0; i < 4; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title);
	for (size_t v = 0; v < bk->n_vendors; v++) {
		const struct az_vendor *vd = &bk->vendors[v];
		az_doc_heading(r->doc, 2, rp_or_dash(vd->name));
		const char *keys[] = { R_("Contact"), R_("ISMS / Privacy Mark"), R_("Target date for certification"),
				       R_("MDS/SDS received"), R_("Note") };
		const char *vals[] = { rp_or_dash(vd->contact), rp_certification(r, vd->certification),
				       rp_or_dash(vd->certification_target), rp_or_dash(vd->mds_sds_received),
				       rp_or_dash(vd->note) };
		az_doc_keyvalue(r->doc, keys, vals, 5);
		az_doc_table_begin(r->doc, cols, 4);
		for (size_t q = 0; q < r->cat->nquestions; q++) {
			const struct az_question *qu = &r->cat->questions[q];
			const struct az_vendor_answer *a = answer(bk, vd->id, qu->id);
			struct az_cell c[4] = { { 0 } };
			c[0].text = label(r, q);
			if (!a)
				c[1].text = R_("Not answered");
			else if (a->value && *a->value)
				c[1].text = a->answer >= 0 ? rp_fmt(r, "%s\n%s", rp_answer3(r, a->answer), a->value) : a->value;
			else
				c[1].text = rp_answer3(r, a->answer);
			c[2].text = a ? rp_or_dash(a->confirmed_at) : "—";
			c[3].text = a && a->note ? a->note : "";
			az_doc_table_row(r->doc, c);
		}
		az_doc_table_end(r->doc);
	}
	return az_doc_status(r->doc);
}
