/* Vendor confirmations: per vendor, its certification and the answers to the questions the
 * MHLW asks clinics to put to their vendors (a–e first, then the rest), in catalogue order. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "export/report_ctx.h"
#include "model/vendor_rules.h"

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

/* The vendor form (事業者確認用) as this vendor's answers fill it, one line. */
static void vendor_form(struct rp *r, long long vendor)
{
	const struct az_checklist *form = az_vendor_form_for(r->cat, r->book);
	if (!form)
		return;
	char line[2048];
	size_t len = 0, shown = 0;
	int marked = 0; /* an item whose number or wording was not seen in an official copy */
	line[0] = '\0';
	for (size_t i = 0; i < form->nitems && len < sizeof line; i++) {
		const struct az_check_item *it = &form->items[i];
		int a = az_vendor_form_answer(r->cat, r->book, vendor, it->id);
		if (a < 0)
			continue;
		marked |= it->unverified;
		len += (size_t)snprintf(line + len, sizeof line - len, "%s%s%s %s", shown++ ? "  " : "",
					it->number ? it->number : it->id, it->unverified ? "※" : "", rp_check_answer(r, a));
	}
	az_doc_paragraph(r->doc, rp_fmt(r, "%s: %s%s%s", rp_text(r, &form->title),
					shown ? line : R_("no answer of the vendor fills it yet"), marked ? "  " : "",
					marked ? R_("※Check the number and wording against the official form.") : ""));
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
		struct az_vendor_count n = az_vendor_questions_count(bk, r->cat, vd->id);
		const char *back = az_vendor_form_returned(bk, vd->id);
		const char *keys[] = { R_("Contact"), R_("ISMS / Privacy Mark"), R_("Target date for certification"),
				       R_("MDS/SDS received"), R_("Vendor form (事業者確認用) returned"),
				       R_("Questions answered"), R_("Note") };
		const char *vals[] = { rp_or_dash(vd->contact), rp_certification(r, vd->certification),
				       vd->certification_target && *vd->certification_target ? rp_date(r, vd->certification_target) : "—",
				       vd->mds_sds_received && *vd->mds_sds_received ? rp_date(r, vd->mds_sds_received) : "—",
				       back ? rp_date(r, back) : R_("Not returned"),
				       rp_fmt(r, "%zu / %zu", n.answered, n.asked), rp_or_dash(vd->note) };
		az_doc_keyvalue(r->doc, keys, vals, 7);
		vendor_form(r, vd->id);
		az_doc_table_begin(r->doc, cols, 4);
		for (size_t q = 0; q < r->cat->nquestions; q++) {
			const struct az_question *qu = &r->cat->questions[q];
			if (!az_question_applies(bk, qu, vd->id))
				continue; /* not asked of this vendor */
			const struct az_vendor_answer *a = answer(bk, vd->id, qu->id);
			struct az_cell c[4] = { { 0 } };
			c[0].text = label(r, q);
			if (!a)
				c[1].text = R_("Not answered");
			else if (a->value && *a->value)
				c[1].text = a->answer >= 0 ? rp_fmt(r, "%s\n%s", rp_answer3(r, a->answer), a->value) : a->value;
			else
				c[1].text = rp_answer3(r, a->answer);
			c[2].text = a && a->confirmed_at && *a->confirmed_at ? rp_date(r, a->confirmed_at) : "—";
			c[3].text = a && a->note ? a->note : "";
			az_doc_table_row(r->doc, c);
		}
		az_doc_table_end(r->doc);
	}
	return az_doc_status(r->doc);
}
