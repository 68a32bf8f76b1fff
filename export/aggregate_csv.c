/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/aggregate.h"
#include "base/i18n.h"
#include "base/text.h"

void az_agg_input_label(const struct az_agg_report *r, size_t i, char *buf, size_t size)
{
	if (r->named)
		snprintf(buf, size, "%s", r->a->inputs[i].path);
	else
		snprintf(buf, size, _("input %zu"), i + 1);
}

static void field(FILE *out, const char *text)
{
	/* workbook text reaches terminals (`aggregate -o -`, `cat`): never an escape sequence */
	char *safe = az_text_sanitize_lines(text ? text : "");
	const char *s = safe ? safe : "";
	int lead = (*s == '=' || *s == '+' || *s == '-' || *s == '@') && s[1];
	if (!lead && !strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		free(safe);
		return;
	}
	putc('"', out);
	if (lead)
		putc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', out);
		putc(*s, out);
	}
	putc('"', out);
	free(safe);
}

static void row(FILE *out, const char *section, const char *id, const char *label, const char *count,
		const char *base, const char *percent, const char *national, const char *note)
{
	const char *f[] = { section, id, label, count, base, percent, national, note };
	for (int i = 0; i < 8; i++) {
		if (i)
			putc(',', out);
		field(out, f[i]);
	}
	fputs("\r\n", out);
}

#define NUM(buf, v) (snprintf(buf, sizeof buf, "%ld", (long)(v)), buf)

int az_aggregate_write_csv(const struct az_agg_report *r, FILE *out, struct az_error *err)
{
	const struct az_aggregate *a = r->a;
	const struct az_catalogue *cat = a->cat;
	char n1[32], n2[32], pct[32], nat[32], label[4096], note[512];
	fputs("\xEF\xBB\xBF", out);
	row(out, "section", "id", "label", "count", "base", "percent", "national_percent", "note");
	row(out, "summary", "inputs", _("files given"), NUM(n1, a->ninputs), "", "", "", "");
	row(out, "summary", "read", _("workbooks read"), NUM(n1, a->nread), "", "", "", "");
	row(out, "summary", "skipped", _("files skipped"), NUM(n1, a->nskipped), "", "", "", "");
	for (size_t i = 0; i < a->ninputs; i++)
		if (a->inputs[i].skipped) {
			az_agg_input_label(r, i, label, sizeof label);
			row(out, "skipped", label, "", "", "", "", "", a->inputs[i].reason);
		}
	for (int q = 0; q < AZ_AGG_QUESTIONS; q++) {
		const struct az_figure *f = r->nat ? &r->nat->questions[q] : NULL;
		char id[8];
		snprintf(id, sizeof id, "Q%d", q + 1);
		if (f)
			snprintf(nat, sizeof nat, "%s%d", f->approx ? "~" : "", f->percent);
		if (!a->q[q].recorded) {
			row(out, "question", id, f ? az_text_get(&f->text) : "", "", "", "", f ? nat : "",
			    f ? az_text_get(&f->from_workbook) : "");
			continue;
		}
		az_percent(a->q[q].yes, a->q[q].base, pct);
		row(out, "question", id, f ? az_text_get(&f->text) : "", NUM(n1, a->q[q].yes), NUM(n2, a->q[q].base), pct,
		    f ? nat : "", f ? az_text_get(&f->from_workbook) : "");
	}
	long scored = a->risks - a->unscored;
	for (size_t i = 0; cat && i < cat->nranks && i < AZ_AGG_MAXRANKS; i++) {
		az_percent(a->ranks[i], scored, pct);
		row(out, "rank", cat->ranks[i].id, az_text_get(&cat->ranks[i].name), NUM(n1, a->ranks[i]), NUM(n2, scored),
		    pct, "", "");
	}
	az_percent(a->unscored, a->risks, pct);
	row(out, "rank", "unscored", _("not scored yet"), NUM(n1, a->unscored), NUM(n2, a->risks), pct, "", "");
	for (size_t i = 0; i < a->nitems; i++) {
		const struct az_agg_item *it = &a->items[i];
		const struct az_checklist *cl = cat ? az_catalogue_checklist(cat, it->checklist) : NULL;
		const struct az_check_item *ci = cl ? az_checklist_item(cl, it->item) : NULL;
		char id[128];
		snprintf(id, sizeof id, "%s/%s", it->checklist, it->item);
		snprintf(label, sizeof label, "%s %s", ci && ci->number ? ci->number : it->item,
			 ci ? az_text_get(&ci->text) : "");
		long unanswered = (long)a->nread - it->yes - it->no - it->na;
		snprintf(note, sizeof note, _("no %ld; n/a %ld; unanswered %ld"), it->no, it->na, unanswered);
		az_percent(it->yes, (long)a->nread, pct);
		row(out, "checklist", id, label, NUM(n1, it->yes), NUM(n2, a->nread), pct, "", note);
	}
	for (size_t i = 0; i < a->nthreats && i < AZ_AGG_TOP; i++) {
		const struct az_agg_threat *t = &a->threats[i];
		const struct az_threat *ct = cat ? az_catalogue_threat(cat, t->threat) : NULL;
		snprintf(note, sizeof note, ngettext("%ld risk", "%ld risks", (unsigned long)t->risks), t->risks);
		az_percent(t->workbooks, (long)a->nread, pct);
		row(out, "sa_risk", t->threat, ct ? az_text_get(&ct->name) : t->threat, NUM(n1, t->workbooks),
		    NUM(n2, a->nread), pct, "", note);
	}
	size_t listed = 0;
	for (size_t i = 0; i < a->nvendors && listed < AZ_AGG_TOP; i++) {
		const struct az_agg_vendor *v = &a->vendors[i];
		if (!v->no_cert && !v->no_mds)
			continue;
		listed++;
		az_percent(v->no_cert, v->workbooks, pct);
		row(out, "vendor_no_isms_pmark", "", v->name, NUM(n1, v->no_cert), NUM(n2, v->workbooks), pct, "", "");
		az_percent(v->no_mds, v->workbooks, pct);
		row(out, "vendor_no_mds_sds", "", v->name, NUM(n1, v->no_mds), NUM(n2, v->workbooks), pct, "", "");
	}
	for (size_t i = 0; r->nat && i < r->nat->nvendor_figures; i++) {
		const struct az_figure *f = &r->nat->vendor_figures[i];
		snprintf(nat, sizeof nat, "%s%d", f->approx ? "~" : "", f->percent);
		row(out, "national_vendor", f->id, az_text_get(&f->text), "", "", "", nat, r->nat->vendor_source.title);
	}
	if (r->nat) {
		snprintf(note, sizeof note, "%s, %s (%s), n=%d", r->nat->source.title, r->nat->source.publisher,
			 r->nat->source.published, r->nat->source.respondents);
		row(out, "source", "questions", "", "", "", "", "", note);
		snprintf(note, sizeof note, "%s, %s (%s), n=%d", r->nat->vendor_source.title,
			 r->nat->vendor_source.publisher, r->nat->vendor_source.published, r->nat->vendor_source.respondents);
		row(out, "source", "vendors", "", "", "", "", "", note);
	}
	for (size_t i = 0; r->named && i < a->ninputs; i++) {
		const struct az_agg_input *in = &a->inputs[i];
		if (in->skipped)
			continue;
		size_t o = (size_t)snprintf(note, sizeof note, "FY%d", in->fiscal_year);
		for (int q = 0; q < AZ_AGG_QUESTIONS && o < sizeof note; q++)
			o += (size_t)snprintf(note + o, sizeof note - o, " Q%d=%s", q + 1,
					      in->q[q] < 0 ? "-" : in->q[q] ? "yes" : "no");
		row(out, "workbook", in->path, in->clinic, NUM(n1, in->risks), "", "", "", note);
	}
	if (ferror(out))
		return az_fail(err, AZ_IOERR, "%s", _("write failed"));
	return AZ_OK;
}
