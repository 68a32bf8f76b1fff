/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* anzen aggregate reads members' exported PDFs through their JSON attachment. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export/report_changes.h"
#include "export/typeset.h"
#include "model/diff.h"
#include "tests/fixture.h"
#include "tests/tap.h"
#include "cli/cli.h"

static const char *srcdir(void) { return getenv("top_srcdir") ? getenv("top_srcdir") : "."; }

/* An exported PDF carries its JSON as an attachment; aggregate reads it from there. */
static void pdf_tests(const char *dir)
{
	char fx[512], pdf[256], csv[256];
	struct az_error err = { 0 };
	size_t len = 0;
	snprintf(fx, sizeof fx, "%s/tests/data/year/agg-a.json", srcdir());
	snprintf(pdf, sizeof pdf, "%s/a.pdf", dir);
	snprintf(csv, sizeof csv, "%s/a.csv", dir);
	char *json = slurp(fx, &len);
	struct az_doc_options o = { 0 };
	struct az_doc *d = az_doc_new(&o, &err);
	if (!d) {
		printf("# skipped the PDF input: %s\n", err.msg);
		free(json);
		return;
	}
	az_doc_paragraph(d, "anzen");
	az_doc_attach(d, "anzen-workbook.json", "application/json", json, len);
	ok(az_doc_save(d, pdf, 0, &err) == AZ_OK, "a PDF with the workbook attached (%s)", err.msg);
	az_doc_free(d);
	free(json);
	char gl[512];
	snprintf(gl, sizeof gl, "%s/guideline", srcdir());
	setenv("ANZEN_GUIDELINE", gl, 1);
	char *argv[] = { "aggregate", "-o", csv, pdf, NULL };
	is_int(cmd_aggregate(4, argv), 0, "aggregate reads the PDF");
	char *out = slurp(csv, &len);
	ok(out && strstr(out, "summary,read,workbooks read,1,") != NULL, "as one workbook");
	ok(out && strstr(out, "Q3,") && strstr(out, ",1,1,100.0,6,"), "with its answers (Fortinet used)");
	free(out);
}

/* The section 「前年度からの変更」 from a next-year workbook with a few edits. */
static void changes_tests(const char *dir)
{
	char src[512], a[256], b[256], pdf[256], cmd[1024];
	struct az_error err = { 0 };
	snprintf(src, sizeof src, "%s/tests/data/small.json", srcdir());
	snprintf(a, sizeof a, "%s/c-a.anzen", dir);
	snprintf(b, sizeof b, "%s/c-b.anzen", dir);
	snprintf(pdf, sizeof pdf, "%s/changes.pdf", dir);
	char *imp[] = { "import", "-o", a, src, NULL }, *ny[] = { "next-year", "-o", b, a, NULL };
	if (!ok(cmd_import(4, imp) == 0 && cmd_next_year(4, ny) == 0, "a workbook and its next year"))
		return;
	struct az_store *s = NULL;
	struct az_diff diff;
	ok(az_store_open(b, 0, &s, &err) == AZ_OK &&
		   sqlite3_exec(az_store_db(s),
				"UPDATE systems SET firmware = 'Rev.99', importance = 1 WHERE id = 1;"
				"INSERT INTO vendors (name) VALUES ('NEWVENDOR');",
				NULL, NULL, NULL) == SQLITE_OK,
	   "edits");
	ok(s && az_diff_compute(s, 0, &diff, &err) == AZ_OK, "diff (%s)", err.msg);
	az_store_close(s);
	struct az_doc_options o = { 0 };
	struct az_doc *d = az_doc_new(&o, &err);
	if (!d) {
		az_diff_free(&diff);
		return;
	}
	ok(az_report_changes(d, &diff, NULL, NULL, NULL) == 0, "the section is laid out");
	ok(az_doc_save(d, pdf, 0, &err) == AZ_OK, "and saved (%s)", err.msg);
	az_doc_free(d);
	az_diff_free(&diff);
	snprintf(cmd, sizeof cmd, "pdftotext -layout '%s' '%s.txt' 2>/dev/null", pdf, pdf);
	if (system(cmd) != 0) {
		printf("# pdftotext not available\n");
		return;
	}
	size_t n;
	char txt[300];
	snprintf(txt, sizeof txt, "%s.txt", pdf);
	char *t = slurp(txt, &n);
	ok(t && strstr(t, "Changes from the previous year"), "the heading");
	ok(t && strstr(t, "Fiscal year 2027 compared with fiscal year 2026"), "the years compared");
	ok(t && strstr(t, "NEWVENDOR") && strstr(t, "New"), "a new vendor is listed as New");
	ok(t && strstr(t, "firmware, importance"), "a changed system names the changed fields");
	free(t);
}

int main(void)
{
	char dir[] = "/tmp/anzen-t_aggregate-XXXXXX";
	if (!mkdtemp(dir))
		return 99;
	pdf_tests(dir);
	if (tap_n)
		changes_tests(dir);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	if (tap_n == 0)
		printf("1..0 # SKIP no font for the PDF\n");
	return tap_n ? done_testing() : 0;
}
