/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Formatting shared by the sections: scratch strings, dates, labels of enumerations and of
 * catalogue entries, rank cells. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/report_ctx.h"
#include "base/date.h"
#include "base/text.h"
#include "base/wareki.h"

const char *rp_fmt(struct rp *r, const char *fmt, ...)
{
	unsigned k = r->next++ % RP_NBUF;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(r->buf[k], r->cap[k], fmt, ap);
	va_end(ap);
	if (n < 0)
		return "";
	if ((size_t)n >= r->cap[k]) {
		size_t cap = (size_t)n + 1 < 256 ? 256 : (size_t)n + 1;
		char *b = realloc(r->buf[k], cap);
		if (!b)
			return "";
		r->buf[k] = b, r->cap[k] = cap;
		va_start(ap, fmt);
		vsnprintf(b, cap, fmt, ap);
		va_end(ap);
	}
	return r->buf[k];
}

const char *rp_or_dash(const char *s)
{
	return s && *s ? s : "—";
}

const char *rp_date(struct rp *r, const char *ymd)
{
	char era[64];
	if (!ymd || !*ymd)
		return "—";
	if (r->ja && az_wareki(ymd, era, sizeof era) == 0)
		return rp_fmt(r, "%s (%s)", era, ymd);
	return ymd;
}

void rp_risk_facts(const struct rp *r, const struct az_risk *k, struct az_risk_facts *f,
		   struct az_action_facts *buf, size_t max)
{
	memset(f, 0, sizeof *f);
	f->likelihood = k->likelihood, f->severity = k->severity;
	f->treatment = k->treatment;
	f->residual_likelihood = k->residual_likelihood, f->residual_severity = k->residual_severity;
	f->rationale = k->rationale, f->transfer_to = k->transfer_to;
	f->accepted_by = k->accepted_by, f->accepted_at = k->accepted_at;
	size_t n = 0;
	for (size_t i = 0; i < r->book->n_actions && n < max; i++) {
		const struct az_action *a = &r->book->actions[i];
		if (a->risk_id == k->id)
			buf[n++] = (struct az_action_facts){ a->owner, a->due, a->status };
	}
	f->actions = buf, f->nactions = n;
	f->dismissed = k->dismissed >= 0;
	az_risk_facts_rank(r->cat, f);
}

/* Tints of the rank colours whose greys differ by about a tenth (luminance S 0.63, A 0.73, B 0.80,
 * C 0.89, D 0.96), so a black-and-white print still tells the ranks apart; black text stays
 * readable on the darkest, and the symbol in the cell carries the rank as well. */
const struct az_rgb *rp_rank_fill(const struct az_rank *k)
{
	static const struct az_rgb tint[] = {
		[AZ_RED] = { 0.95f, 0.50f, 0.50f },    [AZ_MAGENTA] = { 0.90f, 0.62f, 0.88f },
		[AZ_YELLOW] = { 1.0f, 0.78f, 0.35f },  [AZ_GREEN] = { 0.93f, 0.98f, 0.93f },
		[AZ_BLUE] = { 0.70f, 0.78f, 0.98f },   [AZ_CYAN] = { 0.78f, 0.93f, 0.96f },
		[AZ_WHITE] = { 1.0f, 1.0f, 1.0f },
	};
	if (!k || k->color < 0 || k->color > AZ_WHITE)
		return NULL;
	return &tint[k->color];
}

const char *rp_rank_cell(struct rp *r, int likelihood, int severity, const struct az_rgb **fill)
{
	const struct az_rank *k = az_rank_of(r->cat, likelihood, severity);
	*fill = rp_rank_fill(k);
	if (!k)
		return "—";
	return rp_fmt(r, "%s %s%s%d×%d", k->id, k->symbol ? k->symbol : "", r->rank_one_line ? " " : "\n", likelihood,
		      severity);
}

const char *rp_treatment(struct rp *r, int treatment)
{
	if (treatment < 0 || treatment >= AZ_NTREATMENTS)
		return rp_text(r, &r->cat->untreated.name);
	for (size_t i = 0; i < r->cat->ntreatments; i++)
		if (r->cat->treatments[i].kind == treatment)
			return rp_text(r, &r->cat->treatments[i].name);
	return "—";
}

const char *rp_threat(struct rp *r, const char *id)
{
	const struct az_threat *t = rp_find_threat(r, id);
	return t ? rp_text(r, &t->name) : rp_or_dash(id);
}

const char *rp_control(struct rp *r, const char *id)
{
	const struct az_control *c = id && *id ? rp_find_control(r, id) : NULL;
	return c ? rp_text(r, &c->name) : rp_or_dash(id);
}

const char *rp_action_status(struct rp *r, int status)
{
	static const char *const label[] = { N_("Planned"), N_("In progress"), N_("Done"), N_("Dropped") };
	return status >= 0 && status < 4 ? R_(label[status]) : "—";
}

const char *rp_answer3(struct rp *r, int answer)
{
	static const char *const label[] = { N_("Yes"), N_("No"), N_("Unknown") };
	return answer >= 0 && answer < 3 ? R_(label[answer]) : R_("Not answered");
}

const char *rp_check_answer(struct rp *r, int answer)
{
	static const char *const label[] = { N_("Yes"), N_("No"), N_("Not applicable") };
	return answer >= 0 && answer < 3 ? R_(label[answer]) : R_("Not answered");
}

const struct az_checklist *rp_checklist(const struct rp *r)
{
	return az_checklist_for(r->cat, r->book->assessment.checklist_version);
}

static const struct az_book *sort_book;

static int by_due(const void *a, const void *b)
{
	const struct az_action *x = &sort_book->actions[*(const size_t *)a], *y = &sort_book->actions[*(const size_t *)b];
	int xd = x->due && *x->due, yd = y->due && *y->due;
	if (xd != yd)
		return yd - xd;
	int c = xd ? strcmp(x->due, y->due) : 0;
	if (c)
		return c;
	return (x->id > y->id) - (x->id < y->id);
}

size_t *rp_actions_by_due(const struct rp *r)
{
	size_t n = r->book->n_actions;
	size_t *v = n ? malloc(n * sizeof *v) : NULL;
	if (!v)
		return NULL;
	for (size_t i = 0; i < n; i++)
		v[i] = i;
	sort_book = r->book;
	qsort(v, n, sizeof *v, by_due);
	return v;
}

const char *rp_date_cell(struct rp *r, const char *ymd)
{
	char era[64];
	if (!ymd || !*ymd)
		return "—";
	if (r->ja && az_wareki(ymd, era, sizeof era) == 0)
		return rp_fmt(r, "%s", era);
	return ymd;
}

void rp_heading_keep(struct rp *r, int level, const char *heading, const char *para,
		     const struct az_doc_column *cols, size_t ncols, const struct az_cell *rows, size_t nrows)
{
	double h = az_doc_heading_height(r->doc, level, heading) + (para ? az_doc_paragraph_height(r->doc, para) : 0);
	if (nrows)
		h += az_doc_table_height(r->doc, cols, ncols, rows, nrows);
	az_doc_keep(r->doc, h);
	az_doc_heading(r->doc, level, heading);
	if (para)
		az_doc_paragraph(r->doc, para);
}

void rp_cells_keep(struct az_cell *dst, const struct az_cell *src, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		dst[i] = src[i];
		dst[i].text = src[i].text ? strdup(src[i].text) : NULL;
	}
}

void rp_cells_free(struct az_cell *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free((char *)cells[i].text);
		cells[i].text = NULL;
	}
}

void rp_anchor(struct rp *r, enum rp_anchor a)
{
	if (!r->at[a])
		r->at[a] = az_doc_page_count(r->doc);
}

/* The keys of the references (az_doc_ref): per anchor, then per checklist item one page and a
 * range, each in three widths (pages of two, three or four digits). */
#define REF_WIDTHS 3
static unsigned ref_key(unsigned slot, int wide) { return REF_WIDTHS * slot + (unsigned)wide; }
static unsigned item_slot(size_t i, int range) { return RP_NANCHORS + 2 * (unsigned)i + (range != 0); }

/* What an anchor's and an item's references print, from the pages of a laid-out pass. */
static const char *anchor_text(struct rp *r, const int *at, unsigned a)
{
	return at[a] ? rp_fmt(r, "p.%d", at[a]) : "";
}

static const char *item_text(struct rp *r, const int *ctl, size_t i)
{
	int lo, hi;
	rp_item_pages(r, &rp_checklist(r)->items[i], ctl, &lo, &hi);
	return !lo ? "" : lo == hi ? rp_fmt(r, "p.%d", lo) : rp_fmt(r, "p.%d–%d", lo, hi);
}

static const char *ref(struct rp *r, unsigned slot, int range, const char *known)
{
	static const char *const template[2][REF_WIDTHS] = { { "p.99", "p.999", "p.9999" },
							     { "p.99–99", "p.999–999", "p.9999–9999" } };
	char ph[5];
	unsigned key = ref_key(slot, r->wide);
	if (ref_key(slot + 1, 0) > AZ_DOC_REFS)
		return ""; /* a checklist of over a thousand items: its later ones point nowhere */
	const char *s = rp_fmt(r, "%s", az_doc_ref(r->doc, key, template[range][r->wide], ph));
	if (known)
		az_doc_ref_set(r->doc, key, known); /* as wide as laid out: counted with this template */
	return s;
}

const char *rp_page_of(struct rp *r, enum rp_anchor a)
{
	if (!r->prev_at[a])
		return "";
	r->asked[a] = 1;
	return ref(r, a, 0, r->known_at ? anchor_text(r, r->known_at, a) : NULL);
}

const char *rp_pages_of_item(struct rp *r, size_t i, int range)
{
	return ref(r, item_slot(i, range), range, r->known_ctl ? item_text(r, r->known_ctl, i) : NULL);
}

int rp_refs_set(struct rp *r)
{
	int fit = 1;
	for (unsigned a = 0; a < RP_NANCHORS; a++)
		for (int w = 0; w < REF_WIDTHS; w++)
			fit &= az_doc_ref_set(r->doc, ref_key(a, w), anchor_text(r, r->at, a)) != 0;
	const struct az_checklist *cl = rp_checklist(r);
	for (size_t i = 0; cl && r->ctl_page && i < cl->nitems; i++) {
		const char *t = item_text(r, r->ctl_page, i);
		for (int range = 0; range < 2; range++)
			for (int w = 0; w < REF_WIDTHS; w++)
				fit &= az_doc_ref_set(r->doc, ref_key(item_slot(i, range), w), t) != 0;
	}
	return fit;
}

const char *rp_refs(struct rp *r, const struct az_ref *refs, size_t n)
{
	if (!n)
		return "—";
	const char *s = "";
	for (size_t i = 0; i < n; i++) {
		const struct az_cited_doc *src = az_catalogue_source(r->cat, refs[i].doc);
		if (src && r->cited)
			r->cited[src - r->cat->sources] = 1;
		/* a source the catalogue does not describe is named by its section alone, never its tag */
		const char *name = src ? rp_text(r, &src->short_name) : "";
		const char *sec = refs[i].section ? refs[i].section : "";
		if (az_date_valid(sec)) /* a section that is a date (a dated sheet) reads as the dates do */
			sec = rp_date_cell(r, sec);
		s = rp_fmt(r, "%s%s%s%s%s", s, i ? "\n" : "", name, *name && *sec ? " " : "", sec);
	}
	return s;
}

const char *rp_residual_cell(struct rp *r, const struct az_risk *k, size_t open, size_t done,
			     const struct az_rgb **fill)
{
	const char *cell = rp_rank_cell(r, k->residual_likelihood, k->residual_severity, fill);
	if (!az_rank_of(r->cat, k->residual_likelihood, k->residual_severity))
		return cell;
	return open || !done ? rp_fmt(r, "%s\n%s", cell, R_("(expected)")) : cell;
}
