/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The MHLW checklist in the official order of the form, with the date each item was checked
 * (確認日) and, for every "no", the date it will be done (目標日). */
#include <config.h>

#include <string.h>

#include "export/report_ctx.h"
#include "model/findings.h"

static int worse(int a, int b)
{
	/* no (1) > unanswered (-1) > yes (0) > not applicable (2) */
	static const int weight[] = { 1, 3, 0 }; /* yes no na */
	int wa = a < 0 ? 2 : weight[a], wb = b < 0 ? 2 : weight[b];
	return wa >= wb ? a : b;
}

void rp_item_status(struct rp *r, const struct az_checklist *cl, const struct az_check_item *it,
		    struct rp_item *out)
{
	static const char *const device[] = { N_("All"), N_("Server"), N_("Terminal"), N_("Network") };
	memset(out, 0, sizeof *out);
	out->answer = -1;
	int first = 1;
	const char *detail = NULL;
	for (size_t i = 0; i < r->book->n_checklist_answers; i++) {
		const struct az_checklist_answer *a = &r->book->checklist_answers[i];
		if (strcmp(a->checklist, cl->id) != 0 || strcmp(a->item, it->id) != 0)
			continue;
		out->answer = first ? a->answer : worse(out->answer, a->answer);
		first = 0;
		if (a->checked_at && *a->checked_at && (!out->checked_at || strcmp(a->checked_at, out->checked_at) > 0))
			out->checked_at = a->checked_at;
		if (a->answer == 1 && a->target_at && *a->target_at &&
		    (!out->target_at || strcmp(a->target_at, out->target_at) < 0))
			out->target_at = a->target_at;
		if (a->note && *a->note)
			out->note = a->note;
		if (a->device > 0 && a->device < 4) {
			const char *line = rp_fmt(r, "%s: %s", R_(device[a->device]), rp_check_answer(r, a->answer));
			detail = detail ? rp_fmt(r, "%s\n%s", detail, line) : line;
		}
	}
	out->detail = detail;
}

const char *rp_certification(struct rp *r, int certification)
{
	static const char *const label[] = { N_("ISMS"), N_("Privacy Mark"), N_("ISMS and Privacy Mark"),
					     N_("None"), N_("Unknown") };
	return certification >= 0 && certification < 5 ? R_(label[certification]) : "—";
}

struct basis {
	const struct az_checklist *cl;
	char text[512];
};

/* Which form is followed and why (model/findings.h), in the report's language. */
static void basis_text(struct rp *r, void *arg)
{
	struct basis *b = arg;
	az_checklist_basis(r->book, b->cl, b->text, sizeof b->text);
}

size_t rp_item_pages(const struct rp *r, const struct az_check_item *it, const int *page, int *lo, int *hi)
{
	size_t n = 0;
	*lo = *hi = 0;
	for (size_t i = 0; page && i < r->cat->ncontrols; i++) {
		const struct az_control *c = &r->cat->controls[i];
		for (size_t k = 0; k < c->checklist.n; k++)
			if (page[i] > 0 && !strcmp(c->checklist.v[k], it->id)) {
				n++;
				*lo = !*lo || page[i] < *lo ? page[i] : *lo, *hi = page[i] > *hi ? page[i] : *hi;
				break;
			}
	}
	return n;
}

/* The sections of this report that back an item's answer, as page references (rp_page_of):
 * the action plan rows of the controls that evidence it, the vendors' answers that feed it, and
 * the cover and contact chart for the controls they are ("→ 対策計画 p.6, 事業者 p.8"). */
static const char *backing(struct rp *r, const struct az_check_item *it)
{
	static const struct {
		const char *control;
		enum rp_anchor at;
		const char *label;
	} shown_in[] = {
		{ "security_officer", RP_AT_COVER, N_("cover") },
		{ "deputy", RP_AT_COVER, N_("cover") },
		{ "contact_chart", RP_AT_CONTACTS, N_("contact chart") },
	};
	const char *s = "";
	for (size_t i = 0; i < r->cat->ncontrols; i++) {
		const struct az_control *c = &r->cat->controls[i];
		for (size_t k = 0; k < c->checklist.n; k++) {
			if (strcmp(c->checklist.v[k], it->id) != 0)
				continue;
			for (size_t j = 0; j < sizeof shown_in / sizeof shown_in[0]; j++)
				if (!strcmp(c->id, shown_in[j].control) && r->prev_at[shown_in[j].at] &&
				    !strstr(s, R_(shown_in[j].label)))
					s = rp_fmt(r, "%s%s%s %s", s, *s ? ", " : "", R_(shown_in[j].label),
						   rp_page_of(r, shown_in[j].at));
		}
	}
	int lo, hi; /* the action plan's rows for it: one page, or a range when several controls */
	size_t n = rp_item_pages(r, it, r->prev_ctl, &lo, &hi);
	if (n) {
		const struct az_checklist *cl = rp_checklist(r);
		const char *list = rp_pages_of_item(r, (size_t)(it - cl->items), n > 1);
		s = rp_fmt(r, "%s%s%s %s", s, *s ? ", " : "", R_("action plan"), list);
	}
	for (size_t i = 0; i < r->cat->nquestions && r->prev_at[RP_AT_VENDORS]; i++) {
		const struct az_question *q = &r->cat->questions[i];
		int feeds = 0;
		for (size_t k = 0; k < q->feeds.n; k++)
			feeds |= !strcmp(q->feeds.v[k], it->id);
		if (feeds) {
			s = rp_fmt(r, "%s%s%s %s", s, *s ? ", " : "", R_("vendors"), rp_page_of(r, RP_AT_VENDORS));
			break;
		}
	}
	return s;
}

/* The cells of an item's row: number, item, answer, the dates, basis and where to look. */
static void item_cells(struct rp *r, const struct az_checklist *cl, const struct az_check_item *it, struct az_cell *c)
{
	struct rp_item st;
	rp_item_status(r, cl, it, &st);
	memset(c, 0, 6 * sizeof *c);
	c[0].text = rp_fmt(r, "%s%s", it->number ? it->number : it->id, it->unverified ? "※" : "");
	const char *item = rp_text(r, &it->text);
	c[1].text = st.note ? rp_fmt(r, "%s\n%s %s", item, R_("Note:"), st.note) : item;
	c[2].text = st.detail ? rp_fmt(r, "%s\n%s", rp_check_answer(r, st.answer), st.detail)
			      : rp_check_answer(r, st.answer);
	c[3].text = rp_date_cell(r, st.checked_at);
	c[4].text = st.target_at ? rp_date_cell(r, st.target_at) : st.answer == 1 ? R_("(missing)") : "—";
	/* the first reference (the MHLW manual, as a rule): the others are in the catalogue */
	const char *refs = rp_refs(r, it->refs, it->nrefs ? 1 : 0), *back = backing(r, it);
	c[5].text = *back ? rp_fmt(r, "%s\n→ %s", refs, back) : refs;
	/* the pointers broken as names are, at their spaces: 「連絡体制図 p.11, / 事業者の回答 p.10」 */
	c[5].style = AZ_REFS | (*back ? AZ_NAME_LEAD(strlen(back)) | AZ_NAMES_LAST : 0);
}

int rp_checklist_section(struct rp *r)
{
	const struct az_checklist *cl = rp_checklist(r);
	az_doc_heading(r->doc, 1, R_("MHLW cyber-security checklist"));
	if (!cl) {
		az_doc_paragraph(r->doc, R_("No checklist in the catalogue."));
		return az_doc_status(r->doc);
	}
	/* the title alone: the next paragraph gives its publication date, as a 令和 date */
	az_doc_paragraph(r->doc, rp_text(r, &cl->title));
	struct basis b = { cl, "" };
	rp_in_report_language(r, basis_text, &b);
	az_doc_paragraph(r->doc, b.text);
	/* the dates just wide enough for 「令和8年12月31日」, the answer for its longest line (「サーバ:
	 * いいえ」 where the form has device columns); the item and its basis, whose lines make a
	 * row's height, share the rest as their texts need */
	static const struct az_doc_column src[] = {
		{ N_("No."), 1.05, AZ_LEFT },    { N_("Item"), 3.55, AZ_LEFT },
		{ N_("Answer"), 1.5, AZ_LEFT }, { N_("Date checked"), 2.05, AZ_LEFT },
		{ N_("Target date"), 2.05, AZ_LEFT }, { N_("Basis and where to look"), 2.6, AZ_LEFT },
	};
	double unit = az_doc_body_width(r->doc) / 12.8; /* the weights' sum */
	struct az_doc_column cols[6];
	for (int i = 0; i < 6; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title), cols[i].weight *= unit;
	struct rp_split split;
	struct az_cell c[6];
	double answer = 1.2 * unit, free = cols[1].weight + cols[2].weight + cols[5].weight;
	for (size_t i = 0; i < cl->nitems; i++) {
		item_cells(r, cl, &cl->items[i], c);
		double w = az_doc_cell_width(r->doc, c[2].text);
		answer = w > answer ? w : answer;
	}
	cols[2].weight = answer < 2.6 * unit ? answer : 2.6 * unit;
	rp_split_init(&split, free - cols[2].weight, 3.55 / 6.15);
	for (size_t i = 0; i < cl->nitems; i++) {
		item_cells(r, cl, &cl->items[i], c);
		rp_split_add(r, &split, &c[1], &c[5]);
	}
	cols[1].weight = rp_split_first(&split);
	cols[5].weight = split.width - cols[1].weight;
	az_doc_table_begin(r->doc, cols, 6);
	az_doc_table_continued(r->doc, rp_fmt(r, "%s %s", R_("MHLW cyber-security checklist"), R_("(continued)")));
	int marked = 0;
	for (size_t i = 0; i < cl->nitems; i++) {
		/* a number or wording not found in an official copy is marked, the mark explained once
		 * below the table (the sentence in each of its cells took two lines a row) */
		marked |= cl->items[i].unverified;
		item_cells(r, cl, &cl->items[i], c);
		az_doc_table_row(r->doc, c);
	}
	az_doc_table_end(r->doc);
	if (marked)
		az_doc_paragraph(r->doc, R_("※Check the number and wording against the official form."));
	return az_doc_status(r->doc);
}
