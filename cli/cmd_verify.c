/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* anzen verify FILE.pdf: is this inspection PDF as anzen wrote it? For an inspector given the PDF
 * by e-mail, before the visit. Exit 0: it is; 1: it is not; 65: it holds no workbook. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/wareki.h"
#include "export/verify.h"
#include "model/book.h"
#include "model/import.h"
#include "model/store.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/ui.h"

static int help(void)
{
	return cli_print_help(_("Usage: anzen verify FILE.pdf\n"
		"Check that an inspection PDF is as anzen wrote it: the workbook attached to it is\n"
		"fingerprinted again and compared with the fingerprint in the document information\n"
		"and on every page, and the file's seal tells whether any byte changed since.\n"
		"Prints the clinic, the fiscal year and the approval.\n\n"
		"Exit status: 0 verified, 1 not verified (changed or not matching), 65 no workbook\n"
		"in the PDF, 66 cannot read the file.\n\n"
		"  -h, --help  display this help and exit\n"));
}

/* A workbook's text, made safe for the terminal. */
static void line(const char *label, const char *value)
{
	char *s = az_text_sanitize(value && *value ? value : "—");
	printf("%s %s\n", label, s ? s : "?");
	free(s);
}

/* What the attached workbook says: clinic, fiscal year, approval. */
static void describe(const struct az_verify *v)
{
	struct az_store *s = NULL;
	struct az_error err = { 0 };
	struct az_book b;
	if (az_store_create_memory(&s, &err) != AZ_OK || az_import_json(s, v->json, v->json_len, "PDF", &err) != AZ_OK ||
	    az_book_load(s, &b, &err) != AZ_OK) {
		line(_("Workbook:"), err.msg);
		if (s)
			az_store_close(s);
		return;
	}
	line(_("Clinic:"), b.clinic.name);
	/* an official reads 令和 dates */
	char fy[48], era[64], at[96];
	int fyear = b.assessment.fiscal_year, ja = az_ui_japanese();
	if (ja && fyear >= 2019)
		snprintf(fy, sizeof fy, "令和%d年度 (%d)", fyear - 2018, fyear);
	else
		snprintf(fy, sizeof fy, "%d", fyear);
	line(_("Fiscal year:"), fy);
	const char *date = b.assessment.approved_at && *b.assessment.approved_at ? b.assessment.approved_at : "—";
	if (ja && az_wareki(date, era, sizeof era) == 0)
		snprintf(at, sizeof at, "%s", era);
	else
		snprintf(at, sizeof at, "%s", date);
	if (b.assessment.approved_by && *b.assessment.approved_by) {
		char *who = az_text_sanitize(b.assessment.approved_by), *when = az_text_sanitize(at);
		printf(_("Approved by: %s on %s\n"), who ? who : "?", when ? when : "?");
		free(who), free(when);
	} else {
		line(_("Approved by:"), _("(not approved)"));
	}
	az_book_free(&b);
	az_store_close(s);
}

int cmd_verify(int argc, char **argv)
{
	static const struct option longopts[] = { { "help", no_argument, NULL, 'h' }, { 0, 0, 0, 0 } };
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'h')
			return help();
		return cli_bad_option("verify", argv[optind - 1]);
	}
	if (argc - optind != 1)
		return cli_usage_error("verify", _("expected one FILE.pdf"));
	const char *path = argv[optind];
	struct az_verify v;
	struct az_error err = { 0 };
	const struct cli_pdf *pdf = cli_pdf(&err);
	if (!pdf)
		return cli_fail(err.code, err.msg);
	int rc = pdf->verify_pdf(path, &v, &err);
	if (rc != AZ_OK) {
		char *msg = az_text_sanitize(err.msg);
		fprintf(stderr, "anzen: %s\n", msg ? msg : "?");
		if (rc == AZ_DATAERR)
			fprintf(stderr, "anzen: %s\n", _("no anzen workbook in this PDF: it was not written by anzen, or "
							  "the attachment was removed"));
		free(msg);
		return rc;
	}
	describe(&v);
	printf(_("Fingerprint of the attached workbook: %s\n"), v.fingerprint);
	printf(_("  in the document information: %s (%s)\n"), *v.meta ? v.meta : "—",
	       strcmp(v.meta, v.fingerprint) == 0 ? _("same") : _("DIFFERENT"));
	printf(_("  on every page: %s\n"), v.on_pages ? _("same") : _("NOT FOUND"));
	puts(v.seal == 1   ? _("The file is unchanged since anzen wrote it.")
	     : v.seal == 0 ? _("The file was CHANGED after anzen wrote it (edited, or saved again by another program).")
			   : _("The file's seal cannot be found: it was saved again by another program (or written "
			       "by an older anzen), so whether it changed cannot be told."));
	int good = pdf->verify_ok(&v);
	puts(good ? _("Verified: this PDF is as anzen wrote it.") : _("NOT verified."));
	free(v.json);
	if (fflush(stdout) != 0)
		return AZ_IOERR;
	return good ? AZ_OK : 1;
}
