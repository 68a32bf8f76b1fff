/* The inspection PDF: the driver. Loads the workbook, fingerprints its canonical JSON, runs the
 * sections in order, attaches the JSON (so the PDF is also a backup) and writes the file whole
 * or not at all. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "export/fingerprint.h"
#include "model/json_write.h"
#include "export/report_changes.h"
#include "export/report_ctx.h"
#include "base/date.h"
#include "base/text.h"

static int rp_has_changes(const struct rp *r) { return r->changes && r->changes->base_year; }

static const char *tr_report(void *ctx, const char *msgid) { return rp_tr(ctx, msgid); }

/* 「前年度からの変更」: only in a workbook started with next-year. */
static int rp_changes(struct rp *r) { return az_report_changes(r->doc, r->changes, tr_report, r); }

/* The report, in order. A new section is one line here (and its function in report_ctx.h). */
static const struct {
	const char *name;
	rp_section_fn run;
	int (*wanted)(const struct rp *r); /* NULL: always */
} sections[] = {
	{ .name = "cover", .run = rp_cover },
	{ .name = "summary", .run = rp_summary },
	{ .name = "changes", .run = rp_changes, .wanted = rp_has_changes },
	{ .name = "inventory", .run = rp_inventory },
	{ .name = "register", .run = rp_register },
	{ .name = "action_plan", .run = rp_action_plan },
	{ .name = "vendors", .run = rp_vendors },
	{ .name = "checklist", .run = rp_checklist_section },
	{ .name = "findings", .run = rp_findings },
	{ .name = "contacts", .run = rp_contacts },
	{ .name = "basis", .run = rp_basis },
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
		.date = r->date,
		.header_left = clinic,
		.header_right = title,
		.footer_left = rp_fmt(r, "%s %s", R_("Printed"), r->date),
		.footer_right = rp_fmt(r, "%s %s", R_("Fingerprint"), r->fingerprint),
		.warn = o ? o->warn : NULL,
		.warn_ctx = o ? o->warn_ctx : NULL,
	};
}

static int lay_out(struct rp *r)
{
	for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		if (sections[i].wanted && !sections[i].wanted(r))
			continue;
		if ((i && az_doc_page_break(r->doc) != AZ_OK) || sections[i].run(r) != AZ_OK)
			break;
	}
	return az_doc_status(r->doc);
}

/* Pages a report may have and still be drawn from one pass (a few MB of display list). */
#define SHORT_PAGES 100

/* Two passes for a long report (typeset.h): the first counts the pages and collects the
 * characters, the second draws each page as soon as it is laid out, so memory stays flat for a
 * hospital's register. */
static int build(struct rp *r, const struct az_report_opts *o, char **json, size_t json_len,
		 struct az_error *err)
{
	struct az_doc_options dopt;
	doc_options(r, o, &dopt);
	struct az_doc *first = az_doc_new(&dopt, err);
	if (!first)
		return err->code;
	az_doc_discard(first, SHORT_PAGES);
	r->doc = first;
	if (lay_out(r) == AZ_OK && !az_doc_discarded(first)) {
		/* short: the first pass is the document */
		az_doc_attach(r->doc, "anzen-workbook.json", "application/json", *json, json_len);
		return AZ_OK;
	}
	doc_options(r, o, &dopt);
	dopt.warn = NULL; /* the first pass reported every replaced character */
	r->doc = az_doc_new_stream(&dopt, first, err);
	az_doc_free(first);
	if (!r->doc)
		return err->code;
	/* attached (compressed) before the pages grow, and the text freed at once */
	az_doc_attach(r->doc, "anzen-workbook.json", "application/json", *json, json_len);
	free(*json);
	*json = NULL;
	lay_out(r);
	return AZ_OK;
}

int az_report_pdf(struct az_store *s, const struct az_catalogue *cat, const char *path,
		  const struct az_report_opts *o, struct az_error *err)
{
	struct az_book book;
	char *json = NULL;
	size_t json_len = 0;
	if (o && o->date && !az_date_valid(o->date))
		return az_fail(err, AZ_USAGE, _("%s: not a date (YYYY-MM-DD)"), o->date);
	int rc = az_export_json_string(s, &json, &json_len, err);
	if (rc != AZ_OK)
		return rc;
	if ((rc = az_book_load(s, &book, err)) != AZ_OK) {
		free(json);
		return rc;
	}
	struct az_diff changes;
	if ((rc = az_diff_compute(s, 0, &changes, err)) != AZ_OK) {
		az_book_free(&book);
		free(json);
		return rc;
	}
	struct rp r = { 0 };
	r.book = &book;
	r.changes = &changes;
	r.cat = cat;
	r.ja = !(o && o->lang && strcmp(o->lang, "en") == 0);
	r.lang = rp_lang_open(r.ja);
	if (!r.lang)
		rc = az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	/* without the installed catalogue the labels stay English: say so rather than surprise */
	if (rc == AZ_OK && r.ja && strcmp(rp_tr(&r, "Summary"), "Summary") == 0 && o && o->warn)
		o->warn(o->warn_ctx, _("the Japanese messages are not installed: the labels of the PDF are in English"));
	if (o && o->date)
		memcpy(r.date, o->date, 11);
	else
		today(r.date);
	az_fingerprint(json, json_len, r.fingerprint);
	if (rc == AZ_OK)
		rc = build(&r, o, &json, json_len, err);
	/* Laid out and attached: the workbook is no longer needed while the PDF is drawn. */
	az_book_free(&book);
	az_diff_free(&changes);
	free(json);
	rp_lang_close(r.lang);
	for (int i = 0; i < RP_NBUF; i++)
		free(r.buf[i]);
	if (rc == AZ_OK)
		rc = az_doc_save(r.doc, path, o ? o->force : 0, err);
	az_doc_free(r.doc);
	return rc;
}
