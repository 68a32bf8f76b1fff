/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* anzen check: the workbook's self-check (model/findings.h), one finding a line or as JSON. */
#include <config.h>

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/book.h"
#include "model/catalogue_open.h"
#include "model/findings.h"
#include "model/store.h"
#include "base/date.h"
#include "base/text.h"
#include "cli/cli.h"

/* Findings quote workbook text, and the report may go to a terminal: every control (C0, DEL, C1) is
 * escaped and invalid UTF-8 becomes U+FFFD, so the JSON is valid and nothing reaches the terminal raw. */
static void json_string(FILE *out, const char *s)
{
	const char *t = s ? s : "";
	size_t len = strlen(t);
	fputc('"', out);
	for (size_t i = 0; i < len;) {
		size_t at = i;
		uint32_t c = az_utf8_next(t, len, &i);
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", (int)c);
		else if (c < 0x20 || (c >= 0x7F && c < 0xA0))
			fprintf(out, "\\u%04x", (unsigned)c);
		else if (c == 0xFFFD)
			fputs("\xEF\xBF\xBD", out); /* also for an invalid byte */
		else
			fwrite(t + at, 1, i - at, out);
	}
	fputc('"', out);
}

void cli_print_findings(FILE *out, const struct az_findings *f, int json)
{
	if (json) {
		fputs("[", out);
		for (size_t i = 0; i < f->n; i++) {
			const struct az_finding *x = &f->v[i];
			fputs(i ? ",\n " : "\n ", out);
			fputs("{\"id\": ", out);
			json_string(out, x->id);
			fputs(", \"level\": ", out);
			json_string(out, az_finding_level_code(x->level));
			fputs(", \"step\": ", out);
			json_string(out, az_step_code(x->step));
			fputs(", \"item\": ", out);
			json_string(out, x->item);
			fputs(", \"checklist_item\": ", out);
			if (x->check_item)
				json_string(out, x->check_item);
			else
				fputs("null", out);
			fprintf(out, ", \"row\": %lld, \"message\": ", x->row);
			json_string(out, x->message);
			fputs("}", out);
		}
		fputs(f->n ? "\n]\n" : "]\n", out);
		return;
	}
	/* a line of "ID  ITEM  LEVEL: MESSAGE" each, written piece by piece: a hospital's second year
	 * prints thousands */
	const char *must = az_finding_level_name(AZ_FINDING_MUST), *check = az_finding_level_name(AZ_FINDING_CHECK);
	for (size_t i = 0; i < f->n; i++) {
		const struct az_finding *x = &f->v[i];
		fputs(x->id, out);
		fputs("  ", out);
		az_text_fputs(x->item, out);
		fputs("  ", out);
		fputs(x->level == AZ_FINDING_MUST ? must : check, out);
		fputs(": ", out);
		az_text_fputs(x->message, out);
		putc('\n', out);
	}
}

int cli_findings(struct az_store *s, const char *today, struct az_findings *f, struct az_error *err)
{
	struct az_catalogue *cat = NULL;
	struct az_book b;
	int rc = az_catalogue_open(&cat, err);
	if (rc == AZ_OK && (rc = az_book_load(s, &b, err)) == AZ_OK) {
		if (az_findings_compute(&b, cat, today, f) != 0)
			rc = az_fail(err, AZ_IOERR, "%s", _("out of memory"));
		az_book_free(&b);
	}
	az_catalogue_free(cat);
	return rc;
}

int cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "format", required_argument, NULL, 'F' },
		{ "date", required_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text", *date = NULL;
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "hF:", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			fputs(_("Usage: anzen check [--format text|json] [--date YYYY-MM-DD] WORKBOOK\n"
				"Cross-check WORKBOOK as an inspector would: checklist answers the workbook contradicts,\n"
				"No without a target date, target dates outside the fiscal year or past, answers without\n"
				"the date checked, overdue actions, S and A risks undecided or accepted without approval,\n"
				"vendor answers of the wrong kind, vendors without the vendor form, an approval older\n"
				"than the last change, a contact chart without an outside body.\n"
				"One finding a line: ID  ITEM  LEVEL: what to do.\n\n"
				"  -F, --format=FORMAT  text (the default) or json\n"
				"      --date=DATE      check as of DATE instead of today\n"
				"  -h, --help           display this help and exit\n\n"
				"Exit status: 0 no findings, 1 findings, 65 not a workbook, 66 cannot open it.\n"),
			      stdout);
			return ferror(stdout) ? AZ_IOERR : AZ_OK;
		case 'F':
			format = optarg;
			break;
		case 'D':
			date = optarg;
			break;
		default:
			fprintf(stderr, _("anzen check: unrecognized option '%s'\n"), argv[optind - 1]);
			fputs(_("Try 'anzen check --help' for more information.\n"), stderr);
			return AZ_USAGE;
		}
	}
	int json = strcmp(format, "json") == 0;
	if (!json && strcmp(format, "text") != 0) {
		fprintf(stderr, _("anzen check: unknown format '%s' (text or json)\n"), format);
		return AZ_USAGE;
	}
	if (date && !az_date_valid(date)) {
		fprintf(stderr, _("anzen check: --date wants a date YYYY-MM-DD, not '%s'\n"), date);
		return AZ_USAGE;
	}
	if (argc - optind != 1) {
		fprintf(stderr, "anzen check: %s\n", _("expected one WORKBOOK"));
		fputs(_("Try 'anzen check --help' for more information.\n"), stderr);
		return AZ_USAGE;
	}
	struct az_error err = { 0 };
	struct az_store *s;
	if (az_store_open(argv[optind], AZ_STORE_READONLY, &s, &err) != AZ_OK)
		return cli_fail(err.code, err.msg);
	struct az_findings f;
	int rc = cli_findings(s, date, &f, &err);
	az_store_close(s);
	if (rc != AZ_OK)
		return cli_fail(rc, err.msg);
	cli_print_findings(stdout, &f, json);
	size_t n = f.n;
	az_findings_free(&f);
	if (fflush(stdout) != 0 || ferror(stdout))
		return AZ_IOERR;
	return n ? 1 : AZ_OK;
}
