/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
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

/* The 事業者確認用 form's items some vendor of [from, to) answered, one row each (the form's number),
 * so the forms read as one compact table; returns 1 if an item is marked unverified. */
static int form_rows(struct rp *r, size_t from, size_t to, struct az_cell *c)
{
	const struct az_checklist *form = az_vendor_form_for(r->cat, r->book);
	const struct az_book *bk = r->book;
	int marked = 0; /* an item whose number or wording was not seen in an official copy */
	for (size_t i = 0; form && i < form->nitems; i++) {
		const struct az_check_item *it = &form->items[i];
		int any = 0;
		for (size_t v = from; v < to; v++) {
			int a = az_vendor_form_answer(r->cat, bk, bk->vendors[v].id, it->id);
			any |= a >= 0;
			c[1 + v - from].text = a >= 0 ? rp_check_answer(r, a) : "—";
		}
		if (!any)
			continue;
		marked |= it->unverified;
		c[0].text = rp_fmt(r, "%s %s%s", R_("Vendor form (事業者確認用)"), it->number ? it->number : it->id,
				   it->unverified ? "※" : "");
		az_doc_table_row(r->doc, c);
	}
	return marked;
}

#define PER_TABLE 5 /* vendors side by side in one table */

/* Vendor v's key in the side-by-side tables: A–Z, then AA, AB … A name in a column a fifth of the
 * width wrapped to 3–4 lines of a header; the key is one line and the names are in the table of
 * vendors above, and again over a table continued on a new page. */
static void vendor_key(size_t v, char key[8])
{
	char rev[8];
	size_t n = 0;
	for (v++; v && n < 7; v /= 26)
		v--, rev[n++] = (char)('A' + v % 26);
	for (size_t i = 0; i < n; i++)
		key[i] = rev[n - 1 - i];
	key[n] = '\0';
}

/* "A: 架空デンタルシステム株式会社、B: …" for vendors [from, to). */
static const char *key_list(struct rp *r, size_t from, size_t to)
{
	const char *s = "";
	for (size_t v = from; v < to; v++) {
		char key[8];
		vendor_key(v, key);
		s = rp_fmt(r, "%s%s%s: %s", s, v > from ? R_(", ") : "", key, rp_or_dash(r->book->vendors[v].name));
	}
	return s;
}

static const char *answer_cell(struct rp *r, const struct az_vendor_answer *a)
{
	if (!a)
		return R_("Not answered");
	const char *s = a->value && *a->value ? (a->answer >= 0 ? rp_fmt(r, "%s\n%s", rp_answer3(r, a->answer), a->value)
							      : a->value)
					      : rp_answer3(r, a->answer);
	if (a->note && *a->note)
		s = rp_fmt(r, "%s\n%s", s, a->note);
	return s; /* the date is in the row of dates confirmed */
}

/* The latest date the vendor confirmed an answer, or NULL. */
static const char *confirmed(const struct az_book *b, long long vendor)
{
	const char *latest = NULL;
	for (size_t i = 0; i < b->n_vendor_answers; i++) {
		const struct az_vendor_answer *a = &b->vendor_answers[i];
		if (a->vendor_id == vendor && a->confirmed_at && *a->confirmed_at && (!latest || strcmp(a->confirmed_at, latest) > 0))
			latest = a->confirmed_at;
	}
	return latest;
}

/* The question rows of vendors [from, to): fills c[1..] for question q and returns 1, or 0 when q
 * is asked of none of them (or is the form's return, which has its rows below). */
static int question_cells(struct rp *r, size_t q, size_t from, size_t to, struct az_cell *c)
{
	const struct az_book *bk = r->book;
	const struct az_question *qu = &r->cat->questions[q];
	int asked = 0;
	for (size_t v = from; v < to; v++)
		asked |= az_question_applies(bk, qu, bk->vendors[v].id);
	/* the two questions of dates are answered in the table of vendors, whose columns hold a 令和 date */
	if (!asked || !strcmp(qu->id, AZ_VENDOR_FORM_QUESTION) || !strcmp(qu->id, AZ_CERT_TARGET_QUESTION))
		return 0;
	for (size_t v = from; v < to; v++)
		c[1 + v - from].text = az_question_applies(bk, qu, bk->vendors[v].id)
					       ? answer_cell(r, answer(bk, bk->vendors[v].id, qu->id))
					       : R_("(not asked)");
	return 1;
}

/* Column widths in points: a vendor whose answers are all short (未回答, はい, (対象外)) gets just
 * their width, one with sentences up to an equal share of what the question leaves; the question
 * takes the rest, as its lines make a row's height. */
static void column_widths(struct rp *r, size_t from, size_t to, struct az_doc_column *cols)
{
	size_t nv = to - from;
	double body = az_doc_body_width(r->doc), cap = body * 0.68 / (double)nv, used = 0;
	double least = az_doc_cell_width(r->doc, "AA"); /* the header holds a key */
	struct az_cell c[1 + PER_TABLE];
	for (size_t v = 0; v < nv; v++)
		cols[1 + v].weight = least;
	for (size_t q = 0; q < r->cat->nquestions; q++) {
		if (!question_cells(r, q, from, to, c))
			continue;
		for (size_t v = 0; v < nv; v++) {
			double w = az_doc_cell_width(r->doc, c[1 + v].text);
			if (w > cols[1 + v].weight)
				cols[1 + v].weight = w < cap ? w : cap;
		}
	}
	for (size_t v = 0; v < nv; v++)
		used += cols[1 + v].weight;
	cols[0].weight = body - used;
}

/* Vendors [from, to) side by side: one row per question, the vendors' keys in the header row (the
 * names with their keys above it when the table of vendors is not right above). */
static void vendor_table(struct rp *r, size_t from, size_t to)
{
	size_t nv = to - from;
	struct az_doc_column cols[1 + PER_TABLE];
	char keys[PER_TABLE][8];
	cols[0] = (struct az_doc_column){ R_("Question"), 0, AZ_LEFT };
	for (size_t v = 0; v < nv; v++) {
		vendor_key(from + v, keys[v]);
		cols[1 + v] = (struct az_doc_column){ keys[v], 0, AZ_LEFT };
	}
	column_widths(r, from, to, cols);
	if (from > 0)
		az_doc_paragraph(r->doc, key_list(r, from, to));
	az_doc_table_begin(r->doc, cols, 1 + nv);
	/* one line over the continued table: where the keys are */
	const char *at = rp_page_of(r, RP_AT_VENDORS);
	const char *title = R_("Vendor confirmations");
	az_doc_table_continued_refs(r->doc,
			       !*at ? rp_fmt(r, "%s %s", title, R_("(continued)"))
			       : nv > 1 ? rp_fmt(r, R_("%s (continued): vendors %s–%s as in the table of vendors, %s"), title,
						 keys[0], keys[nv - 1], at)
					: rp_fmt(r, R_("%s (continued): vendor %s as in the table of vendors, %s"), title, keys[0], at));
	struct az_cell c[1 + PER_TABLE];
	memset(c, 0, sizeof c);
	for (size_t q = 0; q < r->cat->nquestions; q++) {
		if (!question_cells(r, q, from, to, c))
			continue;
		c[0].text = rp_fmt(r, "%s. %s", label(r, q), rp_text(r, &r->cat->questions[q].text));
		az_doc_table_row(r->doc, c);
	}
	r->form_marked |= form_rows(r, from, to, c);
	az_doc_table_end(r->doc);
}

/* The cells of vendor v's row of facts (nc: 7 with the date confirmed, else 6), after its key. */
static void fact_cells(struct rp *r, size_t v, size_t nc, struct az_cell *c)
{
	const struct az_vendor *vd = &r->book->vendors[v];
	const char *back = az_vendor_form_returned(r->book, vd->id);
	char key[8];
	memset(c, 0, nc * sizeof *c);
	vendor_key(v, key);
	c[0].text = rp_fmt(r, "%s", key);
	c++, nc--;
	c[0].text = rp_or_dash(vd->name);
	c[0].style = AZ_NAME;
	const char *target = az_vendor_cert_target(r->book, vd->id);
	c[1].text = target ? rp_fmt(r, "%s\n%s %s", rp_certification(r, vd->certification), R_("target"),
				    rp_date_cell(r, target))
			   : rp_certification(r, vd->certification);
	c[2].text = rp_date_cell(r, vd->mds_sds_received);
	c[3].text = back ? rp_date_cell(r, back) : R_("Not returned");
	if (nc == 6)
		c[4].text = rp_date_cell(r, confirmed(r->book, vd->id));
	c[nc - 1].text = rp_or_dash(vd->contact);
}

/* The section's heading, then one row per vendor: its certification and the dates, in columns wide
 * enough for a whole 令和 date at 9 pt (「令和8年12月31日」), which the vendors' narrow side-by-side
 * columns are not. The heading is kept with the first two rows. */
static void vendor_facts(struct rp *r, const char *heading)
{
	const struct az_book *bk = r->book;
	/* the dates confirmed, unless each is the day its form came back */
	int differs = 0;
	for (size_t v = 0; v < bk->n_vendors; v++) {
		const char *back = az_vendor_form_returned(bk, bk->vendors[v].id);
		const char *conf = confirmed(bk, bk->vendors[v].id);
		differs |= !back || !conf || strcmp(back, conf);
	}
	const struct az_doc_column cols[] = {
		{ "", 0.6, AZ_CENTER }, /* the key of the tables of questions (AA fits) */
		{ R_("Vendor"), 2.0, AZ_LEFT },
		{ R_("ISMS / Privacy Mark"), 1.75, AZ_LEFT },
		{ R_("MDS/SDS received"), 1.75, AZ_LEFT },
		{ R_("Vendor form (事業者確認用) returned"), 1.75, AZ_LEFT },
		{ differs ? R_("Date confirmed") : R_("Contact"), differs ? 1.75 : 1.85, AZ_LEFT },
		{ R_("Contact"), 1.85, AZ_LEFT },
	};
	size_t nc = differs ? 7 : 6;
	/* the heading with the first two rows (each copied from the scratch buffers at once) */
	struct az_cell c[7], keep[14] = { { 0 } };
	size_t nkeep = bk->n_vendors < 2 ? bk->n_vendors : 2;
	for (size_t v = 0; v < nkeep; v++) {
		fact_cells(r, v, nc, c);
		rp_cells_keep(keep + nc * v, c, nc);
	}
	rp_heading_keep(r, 1, heading, NULL, cols, nc, keep, nkeep);
	rp_cells_free(keep, 14);
	rp_anchor(r, RP_AT_VENDORS);
	az_doc_table_begin(r->doc, cols, nc);
	for (size_t v = 0; v < bk->n_vendors; v++) {
		fact_cells(r, v, nc, c);
		az_doc_table_row(r->doc, c);
	}
	az_doc_table_end(r->doc);
}

int rp_vendors(struct rp *r)
{
	const struct az_book *bk = r->book;
	const char *heading = R_("Vendor confirmations");
	if (!bk->n_vendors) {
		az_doc_heading(r->doc, 1, heading);
		rp_anchor(r, RP_AT_VENDORS);
		az_doc_paragraph(r->doc, R_("No vendors recorded."));
		return az_doc_status(r->doc);
	}
	vendor_facts(r, heading);
	r->form_marked = 0;
	for (size_t v = 0; v < bk->n_vendors; v += PER_TABLE)
		vendor_table(r, v, v + PER_TABLE < bk->n_vendors ? v + PER_TABLE : bk->n_vendors);
	const struct az_checklist *form = az_vendor_form_for(r->cat, bk);
	if (form)
		az_doc_paragraph(r->doc, rp_fmt(r, "%s: %s%s%s", R_("Vendor form (事業者確認用)"), rp_text(r, &form->title),
						r->form_marked ? "  " : "",
						r->form_marked ? R_("※Check the number and wording against the official form.") : ""));
	/* a vendor's note runs the full width below the tables */
	for (size_t v = 0; v < bk->n_vendors; v++) {
		const struct az_vendor *vd = &bk->vendors[v];
		if (vd->note && *vd->note)
			az_doc_paragraph(r->doc, rp_fmt(r, "%s: %s", rp_or_dash(vd->name), vd->note));
	}
	return az_doc_status(r->doc);
}
