/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The inspection PDF: the driver. Loads the workbook, fingerprints its canonical JSON, runs the
 * sections in order, attaches the JSON (so the PDF is also a backup) and writes the file whole
 * or not at all. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "export/fingerprint.h"
#include "export/attach.h"
#include "export/report_changes.h"
#include "export/report_ctx.h"
#include "base/date.h"
#include "base/text.h"

static int rp_has_changes(const struct rp *r) { return r->changes && r->changes->base_year; }

static const char *tr_report(void *ctx, const char *msgid) { return rp_tr(ctx, msgid); }

/* What the changes table calls an entry: a threat's and a control's name instead of its id, an
 * item's number on the form and its device in words. */
static const char *changes_entry(void *ctx, const struct az_diff_row *row)
{
	struct rp *r = ctx;
	static const char *const device[] = { N_("Server"), N_("Terminal"), N_("Network") };
	const char *label = *row->label ? row->label : row->key;
	if (row->kind == AZ_DIFF_RISKS) {
		const char *slash = strchr(row->key, '/');
		const char *sep = strstr(label, " / ");
		if (slash)
			return sep ? rp_fmt(r, "%.*s / %s", (int)(sep - label), label, rp_threat(r, slash + 1))
				   : rp_threat(r, slash + 1);
	} else if (row->kind == AZ_DIFF_ACTIONS && az_catalogue_control(r->cat, label)) {
		return rp_control(r, label);
	} else if (row->kind == AZ_DIFF_CHECKLIST) {
		/* key: form/item/device */
		const char *a = strchr(row->key, '/'), *b = a ? strrchr(row->key, '/') : NULL;
		const struct az_checklist *cl = rp_checklist(r);
		if (a && b > a && cl) {
			const char *item = rp_fmt(r, "%.*s", (int)(b - a - 1), a + 1), *num = item;
			for (size_t i = 0; i < cl->nitems; i++)
				if (!strcmp(cl->items[i].id, item) && cl->items[i].number)
					num = cl->items[i].number;
			for (size_t d = 0; d < 3; d++)
				if (!strcmp(b + 1, az_cat_column_values[d]))
					return rp_fmt(r, "%s (%s)", num, R_(device[d]));
			return num;
		}
	}
	return label;
}

/* 「前年度からの変更」: only in a workbook started with next-year. */
static int rp_changes(struct rp *r) { return az_report_changes(r->doc, r->changes, tr_report, changes_entry, r); }

static int rp_appendix_start(struct rp *r)
{
	if (az_doc_page_break(r->doc) != AZ_OK)
		return az_doc_status(r->doc);
	return rp_full_register(r);
}

/* The report, in order: what the inspector came for first. Sections flow on from one another;
 * the cover and the appendix start a page. A new section is one line here (and its function in
 * report_ctx.h). */
static const struct {
	const char *name;
	rp_section_fn run;
	int (*wanted)(const struct rp *r); /* NULL: always */
	int new_page;
} sections[] = {
	{ .name = "cover", .run = rp_cover },
	{ .name = "checklist", .run = rp_checklist_section, .new_page = 1 },
	{ .name = "findings", .run = rp_findings },
	{ .name = "summary", .run = rp_summary },
	{ .name = "risks", .run = rp_risks },
	{ .name = "action_plan", .run = rp_action_plan },
	{ .name = "inventory", .run = rp_inventory },
	{ .name = "vendors", .run = rp_vendors },
	{ .name = "contacts", .run = rp_contacts },
	/* the appendix */
	{ .name = "register", .run = rp_appendix_start },
	{ .name = "changes", .run = rp_changes, .wanted = rp_has_changes },
	{ .name = "basis", .run = rp_basis },
	{ .name = "sources", .run = rp_sources },
	{ .name = "appendix", .run = rp_appendix },
};

static void today(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;
	if (localtime_r(&t, &tm))
		strftime(out, 11, "%Y-%m-%d", &tm);
	else
		out[0] = '\0';
}

/* The document options; the strings live in r's scratch buffers, so this is called right
 * before each az_doc_new. */
static void doc_options(struct rp *r, const struct az_report_opts *o, struct az_doc_options *dopt)
{
	const struct az_clinic *c = &r->book->clinic;
	const char *clinic = c->name && *c->name ? c->name : R_("(clinic not entered)");
	const char *title = R_("Information security risk assessment report");
	*dopt = (struct az_doc_options){
		.font_file = o ? o->font : NULL,
		.title = title,
		.author = clinic,
		.subject = R_("Risk assessment under the MHLW Guideline for the security of medical information "
			      "systems, version 6.0"),
		.creator = R_("anzen (information security workbook for clinics)"),
		.keywords = rp_fmt(r, "%s %s", R_("fingerprint"), r->fingerprint),
		.fingerprint = r->fingerprint,
		.date = r->date,
		.header_left = clinic,
		.header_right = title,
		.footer_left = rp_fmt(r, "%s %s", R_("Printed"), rp_date_cell(r, r->date)), /* 令和 in Japanese */
		.footer_right = rp_fmt(r, "%s %s", R_("Fingerprint"), r->fingerprint),
		.missing_note = R_("%s: in no installed font, printed as 〓; the workbook keeps the character."),
		.warn = o ? o->warn : NULL,
		.warn_ctx = o ? o->warn_ctx : NULL,
	};
}

static int lay_out(struct rp *r)
{
	memset(r->at, 0, sizeof r->at);
	if (r->ctl_page)
		memset(r->ctl_page, 0, r->cat->ncontrols * sizeof *r->ctl_page);
	for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		if (sections[i].wanted && !sections[i].wanted(r))
			continue;
		if ((sections[i].new_page && az_doc_page_break(r->doc) != AZ_OK) || sections[i].run(r) != AZ_OK)
			break;
	}
	return az_doc_status(r->doc);
}

/* Pages a report may have and still be drawn from a display list (a few MB); up to one more is
 * still drawn so. */
#define SHORT_PAGES 100
/* Risks and actions beyond which a report is taken as long from the start (a page holds about 25
 * rows of the register: this many run well past SHORT_PAGES). */
#define LONG_ROWS 4000
/* Bytes of broken lines such a report keeps: enough for a table measured and then placed, or a
 * header repeated on each page; a hospital's passes are too far apart to share more. */
#define LONG_LINE_BUDGET (64u << 10)

/* Before the first pass: every section the checklist may point to is taken as laid out, and the
 * action plan as holding a row for every control with an action; a reference is made to each. */
static void assume_anchors(struct rp *r)
{
	for (int i = 0; i < RP_NANCHORS; i++)
		r->prev_at[i] = 1;
	for (size_t i = 0; r->prev_ctl && i < r->cat->ncontrols; i++)
		r->prev_ctl[i] = 0;
	for (size_t i = 0; r->prev_ctl && i < r->book->n_actions; i++) {
		const char *id = r->book->actions[i].control;
		const struct az_control *c = id ? rp_find_control(r, id) : NULL;
		if (c)
			r->prev_ctl[c - r->cat->controls] = 1;
	}
}

/* 1 if this pass laid out what it took as laid out (the sections it referred to, the controls whose
 * rows it pointed to, and no other): then its references are right once given their pages. What
 * it found is taken by the next pass. */
static int anchors_settled(struct rp *r)
{
	int same = 1;
	for (int i = 0; i < RP_NANCHORS; i++) {
		same &= !r->asked[i] || !r->prev_at[i] == !r->at[i];
		r->prev_at[i] = r->at[i] != 0;
	}
	for (size_t i = 0; r->ctl_page && i < r->cat->ncontrols; i++) {
		same &= !r->prev_ctl[i] == !r->ctl_page[i];
		r->prev_ctl[i] = r->ctl_page[i] != 0;
	}
	return same;
}

/* A new pass of the report from the document before it (which it then frees). */
static int again(struct rp *r, const struct az_report_opts *o, struct az_error *err)
{
	struct az_doc_options dopt;
	doc_options(r, o, &dopt);
	dopt.warn = NULL; /* the first pass reported every replaced character */
	struct az_doc *d = az_doc_new_again(&dopt, r->doc, err);
	az_doc_free(r->doc);
	if (!(r->doc = d))
		return err->code;
	if (r->cited)
		memset(r->cited, 0, r->cat->nsources);
	return AZ_OK;
}

/* A short report is laid out once, its checklist's page references given their pages afterwards
 * (az_doc_ref); again only when a section it pointed to is missing, or a page number is wider than
 * laid out (three digits). A long one (typeset.h) in two passes: the first counts the pages (its
 * references four digits wide) and collects the characters, the second draws each page as soon as
 * it is laid out, so memory stays flat for a hospital's register, and gives each reference the page
 * the first pass found. */
static int build(struct rp *r, const char *path, const struct az_report_opts *o, struct az_packed *json,
		 struct az_error *err)
{
	struct az_doc_options dopt;
	doc_options(r, o, &dopt);
	if (!(r->doc = az_doc_new(&dopt, err)))
		return err->code;
	/* a hospital's register is long for sure: counted from the start */
	int surely_long = r->book->n_risks + r->book->n_actions > LONG_ROWS;
	assume_anchors(r);
	if (surely_long) {
		az_doc_discard(r->doc, 0);
		az_doc_line_budget(r->doc, LONG_LINE_BUDGET);
		r->wide = 2;
	} else {
		az_doc_discard(r->doc, SHORT_PAGES); /* kept, unless it runs long */
	}
	if (lay_out(r) == AZ_OK && !surely_long && !az_doc_discarded(r->doc)) {
		for (int pass = 0;; pass++) {
			int settled = anchors_settled(r), fit = rp_refs_set(r);
			if ((settled && fit) || pass == 2 || az_doc_status(r->doc) != AZ_OK)
				break;
			r->wide |= !fit;
			if (again(r, o, err) != AZ_OK)
				return err->code;
			if (lay_out(r) != AZ_OK)
				break;
		}
		az_doc_attach_packed(r->doc, "anzen-workbook.json", "application/json", json);
		return AZ_OK;
	}
	/* Long: counted again until the sections pointed to are those laid out, and with references
	 * as wide as the drawing pass lays them out (the short attempt's were narrower), or the two
	 * would disagree. */
	for (int pass = 0; az_doc_status(r->doc) == AZ_OK && pass < 3; pass++) {
		int settled = anchors_settled(r);
		if (settled && r->wide == 2)
			break;
		r->wide = 2;
		if (again(r, o, err) != AZ_OK)
			return err->code;
		az_doc_discard(r->doc, 0);
		lay_out(r);
	}
	int *known = r->ctl_page ? malloc((r->cat->ncontrols ? r->cat->ncontrols : 1) * sizeof *known) : NULL;
	if (r->ctl_page && !known)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	int known_at[RP_NANCHORS];
	memcpy(known_at, r->at, sizeof known_at);
	if (known)
		memcpy(known, r->ctl_page, r->cat->ncontrols * sizeof *known);
	r->known_at = known_at, r->known_ctl = known;
	doc_options(r, o, &dopt);
	dopt.warn = NULL; /* the first pass reported every replaced character */
	struct az_doc *count = r->doc;
	r->doc = az_doc_new_stream(&dopt, count, path, o ? o->force : 0, err);
	az_doc_free(count);
	if (r->doc) {
		az_doc_attach_packed(r->doc, "anzen-workbook.json", "application/json", json);
		lay_out(r);
	}
	r->known_at = r->known_ctl = NULL;
	free(known);
	return r->doc ? AZ_OK : err->code;
}

int az_report_pdf(struct az_store *s, const struct az_catalogue *cat, const char *path,
		  const struct az_report_opts *o, struct az_error *err)
{
	struct az_book book;
	struct az_packed json; /* the workbook's JSON, deflated as it is written: never whole in memory */
	if (o && o->date && !az_date_valid(o->date))
		return az_fail(err, AZ_USAGE, _("%s: not a date (YYYY-MM-DD)"), o->date);
	/* every table is read once, in order: SQLite's cache would only hold 2 MB of what is read */
	az_store_cache_kib(s, 256);
	int rc = az_pack_json(s, &json, err);
	if (rc != AZ_OK)
		return rc;
	if ((rc = az_book_load(s, &book, err)) != AZ_OK) {
		az_packed_free(&json);
		return rc;
	}
	struct az_diff changes;
	if ((rc = az_diff_compute(s, 0, &changes, err)) != AZ_OK) {
		az_book_free(&book);
		az_packed_free(&json);
		return rc;
	}
	struct rp r = { 0 };
	r.book = &book;
	r.changes = &changes;
	r.cat = cat;
	r.ja = !(o && o->lang && strcmp(o->lang, "en") == 0);
	r.lang = rp_lang_open(r.ja);
	size_t nc = cat->ncontrols ? cat->ncontrols : 1;
	r.ctl_page = calloc(nc, sizeof *r.ctl_page);
	r.prev_ctl = calloc(nc, sizeof *r.prev_ctl);
	r.cited = calloc(cat->nsources ? cat->nsources : 1, 1);
	if (!r.lang || !r.ctl_page || !r.prev_ctl || !r.cited)
		rc = az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	/* without the installed catalogue the labels stay English: say so rather than surprise */
	if (rc == AZ_OK && r.ja && strcmp(rp_tr(&r, "Summary"), "Summary") == 0 && o && o->warn)
		o->warn(o->warn_ctx, _("the Japanese messages are not installed: the labels of the PDF are in English"));
	if (o && o->date)
		memcpy(r.date, o->date, 11);
	else
		today(r.date);
	az_fingerprint_digest(json.sha256, r.fingerprint);
	if (rc == AZ_OK)
		rc = build(&r, path, o, &json, err);
	/* Laid out and attached: the workbook is no longer needed while the PDF is drawn. */
	az_book_free(&book);
	az_diff_free(&changes);
	az_packed_free(&json);
	rp_lang_close(r.lang);
	free(r.ctl_page);
	free(r.prev_ctl);
	free(r.cited);
	rp_ids_free(r.threat_ids);
	rp_ids_free(r.control_ids);
	for (int i = 0; i < RP_NBUF; i++)
		free(r.buf[i]);
	if (rc == AZ_OK)
		rc = az_doc_save(r.doc, path, o ? o->force : 0, err);
	az_doc_free(r.doc);
	return rc;
}
