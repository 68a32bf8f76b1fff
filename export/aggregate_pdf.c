/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The aggregate as an A4 PDF for an association's workshop, laid out by export/typeset. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/aggregate.h"
#include "export/typeset.h"
#include "base/i18n.h"

#define NUM(buf, v) (snprintf(buf, sizeof buf, "%ld", (long)(v)), buf)

static void warn_stderr(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "anzen: %s\n", msg);
}

static void questions(struct az_doc *d, const struct az_agg_report *r)
{
	const struct az_aggregate *a = r->a;
	static const struct az_doc_column cols[] = {
		{ NULL, 0.6, AZ_LEFT }, { NULL, 3.6, AZ_LEFT }, { NULL, 1.2, AZ_RIGHT },
		{ NULL, 0.9, AZ_RIGHT }, { NULL, 0.9, AZ_RIGHT }, { NULL, 3.0, AZ_LEFT },
	};
	struct az_doc_column c[6];
	memcpy(c, cols, sizeof c);
	c[0].title = "";
	c[1].title = _("Question");
	c[2].title = _("Yes / asked");
	c[3].title = _("Members %");
	c[4].title = _("National %");
	c[5].title = _("How a workbook answers it");
	az_doc_heading(d, 2, _("The 医療ISAC survey questions (Q1-Q8)"));
	az_doc_table_begin(d, c, 6);
	for (int q = 0; q < AZ_AGG_QUESTIONS; q++) {
		const struct az_figure *f = r->nat ? &r->nat->questions[q] : NULL;
		char id[8], yes[64], pct[32], nat[32];
		snprintf(id, sizeof id, "Q%d", q + 1);
		if (a->q[q].recorded)
			snprintf(yes, sizeof yes, "%ld / %ld", a->q[q].yes, a->q[q].base);
		else
			snprintf(yes, sizeof yes, "-");
		az_percent(a->q[q].yes, a->q[q].recorded ? a->q[q].base : 0, pct);
		snprintf(nat, sizeof nat, "%s%d", f && f->approx ? "~" : "", f ? f->percent : 0);
		struct az_cell cells[6] = { { id, NULL, 0 }, { f ? az_text_get(&f->text) : "", NULL, 0 }, { yes, NULL, 0 },
					    { pct, NULL, 0 }, { f ? nat : "", NULL, 0 },
					    { f ? az_text_get(&f->from_workbook) : "", NULL, 0 } };
		az_doc_table_row(d, cells);
	}
	az_doc_table_end(d);
	if (r->nat) {
		char src[1024];
		snprintf(src, sizeof src, _("National: %s, %s (%s), %d respondents. Base of each percentage: %s"),
			 r->nat->source.title, r->nat->source.publisher, r->nat->source.published, r->nat->source.respondents,
			 _("the question's base as in the survey (e.g. Q2 of those answering Q1 yes)."));
		az_doc_paragraph(d, src);
	}
}

static void ranks(struct az_doc *d, const struct az_agg_report *r)
{
	const struct az_aggregate *a = r->a;
	const struct az_catalogue *cat = a->cat;
	struct az_doc_column c[3] = { { _("Rank"), 2, AZ_LEFT }, { _("Risks"), 1, AZ_RIGHT }, { _("Share of scored (%)"), 1, AZ_RIGHT } };
	char n[32], pct[32], name[256];
	long scored = a->risks - a->unscored;
	az_doc_heading(d, 2, _("Rank distribution"));
	az_doc_table_begin(d, c, 3);
	for (size_t i = 0; cat && i < cat->nranks && i < AZ_AGG_MAXRANKS; i++) {
		snprintf(name, sizeof name, "%s %s", cat->ranks[i].id, az_text_get(&cat->ranks[i].name));
		az_percent(a->ranks[i], scored, pct);
		struct az_cell cells[3] = { { name, NULL, 0 }, { NUM(n, a->ranks[i]), NULL, 0 }, { pct, NULL, 0 } };
		az_doc_table_row(d, cells);
	}
	struct az_cell cells[3] = { { _("not scored yet"), NULL, 0 }, { NUM(n, a->unscored), NULL, 0 }, { "", NULL, 0 } };
	az_doc_table_row(d, cells);
	az_doc_table_end(d);
}

static void checklist(struct az_doc *d, const struct az_agg_report *r)
{
	const struct az_aggregate *a = r->a;
	struct az_doc_column c[6] = { { _("Item"), 5, AZ_LEFT }, { _("Yes"), 0.8, AZ_RIGHT }, { _("No"), 0.8, AZ_RIGHT },
				  { _("N/A"), 0.8, AZ_RIGHT }, { _("Unanswered"), 1.1, AZ_RIGHT },
				  { _("Yes %"), 0.9, AZ_RIGHT } };
	az_doc_heading(d, 2, _("Checklist completion per item"));
	az_doc_table_begin(d, c, 6);
	for (size_t i = 0; i < a->nitems; i++) {
		const struct az_agg_item *it = &a->items[i];
		const struct az_checklist *cl = a->cat ? az_catalogue_checklist(a->cat, it->checklist) : NULL;
		const struct az_check_item *ci = cl ? az_checklist_item(cl, it->item) : NULL;
		char label[2048], y[32], no[32], na[32], un[32], pct[32];
		snprintf(label, sizeof label, "%s %s", ci && ci->number ? ci->number : it->item, ci ? az_text_get(&ci->text) : "");
		az_percent(it->yes, (long)a->nread, pct);
		struct az_cell cells[6] = { { label, NULL, 0 }, { NUM(y, it->yes), NULL, 0 }, { NUM(no, it->no), NULL, 0 },
					    { NUM(na, it->na), NULL, 0 },
					    { NUM(un, (long)a->nread - it->yes - it->no - it->na), NULL, 0 }, { pct, NULL, 0 } };
		az_doc_table_row(d, cells);
	}
	az_doc_table_end(d);
}

static void threats(struct az_doc *d, const struct az_agg_report *r)
{
	const struct az_aggregate *a = r->a;
	struct az_doc_column c[3] = { { _("Threat"), 4, AZ_LEFT }, { _("Clinics"), 1, AZ_RIGHT }, { _("Risks"), 1, AZ_RIGHT } };
	az_doc_heading(d, 2, _("Most common risks of rank S or A"));
	if (!a->nthreats) {
		az_doc_paragraph(d, _("None."));
		return;
	}
	az_doc_table_begin(d, c, 3);
	for (size_t i = 0; i < a->nthreats && i < AZ_AGG_TOP; i++) {
		const struct az_threat *t = a->cat ? az_catalogue_threat(a->cat, a->threats[i].threat) : NULL;
		char w[64], n[32], pct[32];
		az_percent(a->threats[i].workbooks, (long)a->nread, pct);
		snprintf(w, sizeof w, "%ld (%s%%)", a->threats[i].workbooks, pct);
		struct az_cell cells[3] = { { t ? az_text_get(&t->name) : a->threats[i].threat, NULL, 0 }, { w, NULL, 0 },
					    { NUM(n, a->threats[i].risks), NULL, 0 } };
		az_doc_table_row(d, cells);
	}
	az_doc_table_end(d);
}

static void vendors(struct az_doc *d, const struct az_agg_report *r)
{
	const struct az_aggregate *a = r->a;
	struct az_doc_column c[4] = { { _("Vendor"), 4, AZ_LEFT }, { _("Clinics"), 1, AZ_RIGHT },
				  { _("No ISMS/Pマーク"), 1.3, AZ_RIGHT }, { _("No MDS/SDS"), 1.3, AZ_RIGHT } };
	az_doc_heading(d, 2, _("Vendors most often lacking ISMS/Pマーク or MDS/SDS"));
	size_t listed = 0;
	for (size_t i = 0; i < a->nvendors && listed < AZ_AGG_TOP; i++) {
		const struct az_agg_vendor *v = &a->vendors[i];
		if (!v->no_cert && !v->no_mds)
			continue;
		if (!listed++)
			az_doc_table_begin(d, c, 4);
		char w[32], nc[32], nm[32];
		struct az_cell cells[4] = { { v->name, NULL, 0 }, { NUM(w, v->workbooks), NULL, 0 }, { NUM(nc, v->no_cert), NULL, 0 },
					    { NUM(nm, v->no_mds), NULL, 0 } };
		az_doc_table_row(d, cells);
	}
	if (listed)
		az_doc_table_end(d);
	else
		az_doc_paragraph(d, _("None."));
	if (r->nat && r->nat->nvendor_figures) {
		struct az_doc_column f[2] = { { _("Dental IT vendors nationally"), 5, AZ_LEFT }, { "%", 1, AZ_RIGHT } };
		az_doc_table_begin(d, f, 2);
		for (size_t i = 0; i < r->nat->nvendor_figures; i++) {
			char p[32];
			snprintf(p, sizeof p, "%s%d", r->nat->vendor_figures[i].approx ? "~" : "", r->nat->vendor_figures[i].percent);
			struct az_cell cells[2] = { { az_text_get(&r->nat->vendor_figures[i].text), NULL, 0 }, { p, NULL, 0 } };
			az_doc_table_row(d, cells);
		}
		az_doc_table_end(d);
		char src[512];
		snprintf(src, sizeof src, "%s, %s (%s), n=%d", r->nat->vendor_source.title, r->nat->vendor_source.publisher,
			 r->nat->vendor_source.published, r->nat->vendor_source.respondents);
		az_doc_paragraph(d, src);
	}
}

static void inputs(struct az_doc *d, const struct az_agg_report *r)
{
	const struct az_aggregate *a = r->a;
	if (a->nskipped) {
		struct az_doc_column c[2] = { { _("File"), 2, AZ_LEFT }, { _("Why it was skipped"), 4, AZ_LEFT } };
		az_doc_heading(d, 2, _("Files skipped"));
		az_doc_table_begin(d, c, 2);
		for (size_t i = 0; i < a->ninputs; i++) {
			if (!a->inputs[i].skipped)
				continue;
			char label[1024];
			az_agg_input_label(r, i, label, sizeof label);
			struct az_cell cells[2] = { { label, NULL, 0 }, { a->inputs[i].reason, NULL, 0 } };
			az_doc_table_row(d, cells);
		}
		az_doc_table_end(d);
	}
	if (!r->named)
		return;
	struct az_doc_column c[4] = { { _("Clinic"), 3, AZ_LEFT }, { _("File"), 3, AZ_LEFT }, { _("Fiscal year"), 1, AZ_RIGHT },
				  { _("Q1-Q7"), 2, AZ_LEFT } };
	az_doc_heading(d, 2, _("Workbooks"));
	az_doc_table_begin(d, c, 4);
	for (size_t i = 0; i < a->ninputs; i++) {
		const struct az_agg_input *in = &a->inputs[i];
		if (in->skipped)
			continue;
		char fy[16], qs[64];
		snprintf(fy, sizeof fy, "%d", in->fiscal_year);
		for (int q = 0; q < AZ_AGG_QUESTIONS - 1; q++)
			qs[q] = in->q[q] < 0 ? '-' : in->q[q] ? 'Y' : 'N';
		qs[AZ_AGG_QUESTIONS - 1] = '\0';
		struct az_cell cells[4] = { { in->clinic, NULL, 0 }, { in->path, NULL, 0 }, { fy, NULL, 0 }, { qs, NULL, 0 } };
		az_doc_table_row(d, cells);
	}
	az_doc_table_end(d);
}

int az_aggregate_write_pdf(const struct az_agg_report *r, const char *path, int force, struct az_error *err)
{
	const struct az_aggregate *a = r->a;
	struct az_doc_options o = { 0 };
	o.font_file = r->font_file;
	o.title = _("Members' security assessment: summary");
	o.creator = "anzen";
	o.date = r->date;
	o.header_right = o.title;
	o.footer_left = r->date;
	o.warn = warn_stderr;
	struct az_doc *d = az_doc_new(&o, err);
	if (!d)
		return err->code;
	char n[32], s[32], k[32];
	az_doc_heading(d, 1, o.title);
	const char *keys[] = { _("Workbooks read"), _("Files skipped"), _("Risks"), _("Clinics named") };
	const char *vals[] = { NUM(n, a->nread), NUM(s, a->nskipped), NUM(k, a->risks),
			       r->named ? _("yes (--named)") : _("no: anonymised") };
	az_doc_keyvalue(d, keys, vals, 4);
	questions(d, r);
	ranks(d, r);
	threats(d, r);
	vendors(d, r);
	checklist(d, r);
	inputs(d, r);
	int rc = az_doc_save(d, path, force, err);
	az_doc_free(d);
	return rc;
}
