/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* anzen aggregate: many clinics' workbooks (or their PDF or JSON exports) summed up as CSV or PDF. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export/aggregate.h"
#include "model/pdfattach.h"
#include "base/i18n.h"
#include "guideline/locate.h"
#include "model/import.h"
#include "base/date.h"
#include "base/readfile.h"
#include "base/outfile.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/ui.h"

static int help(void)
{
	return cli_print_help(_("Usage: anzen aggregate [--named] [--force] [--format csv|pdf] [--font FILE] -o OUT WORKBOOK_OR_PDF...\n"
		"Summarise many clinics' workbooks for an association: the 医療ISAC survey questions\n"
		"Q1-Q8 answered from the workbooks beside the national figures, checklist completion\n"
		"per item, the rank distribution, the most common S/A risks and the vendors most often\n"
		"lacking ISMS/Pマーク or MDS/SDS. Each input is a workbook, a PDF exported by anzen, or\n"
		"a JSON export. No clinic or file is named unless --named. Inputs that cannot be read\n"
		"(missing, damaged, newer, not anzen's) are listed as skipped, with the reason, on\n"
		"standard error and in OUT; the exit status is then 65.\n\n"
		"  -o, --output=OUT     the file to write ('-': CSV on standard output)\n"
		"  -F, --format=FORMAT  csv or pdf (default: from OUT's extension)\n"
		"      --named          name each clinic and file (default: anonymised)\n"
		"      --font=FILE      the TrueType font of the PDF (default: IPAexGothic via fontconfig)\n"
		"  -f, --force          replace OUT if it exists\n"
		"  -h, --help           display this help and exit\n"));
}

static int usage_error(const char *msg) { return cli_usage_error("aggregate", msg); }

static void skipped(struct az_aggregate *a, const char *path, const struct az_error *err)
{
	char *p = az_text_sanitize(path);
	const char *why = err->msg;
	size_t pl = strlen(path);
	if (!strncmp(why, path, pl) && !strncmp(why + pl, ": ", 2))
		why += pl + 2;
	char *w = az_text_sanitize(why);
	fprintf(stderr, _("anzen: %s: skipped: %s\n"), p ? p : "?", w ? w : "?");
	free(p);
	free(w);
	az_aggregate_skip(a, path, err->code, err->msg);
}

/* A JSON export (on its own or attached to a PDF) read into a workbook in memory. */
static int add_json(struct az_aggregate *a, const char *path, const char *json, size_t len, struct az_error *err)
{
	struct az_store *m = NULL;
	int rc = az_store_create_memory(&m, err);
	if (rc == AZ_OK)
		rc = az_import_json(m, json, len, path, err);
	if (rc == AZ_OK)
		rc = az_aggregate_add(a, path, m);
	az_store_close(m);
	return rc;
}

static int slurp(const char *path, char **out, size_t *len, struct az_error *err)
{
	if (az_read_file(path, AZ_ATTACHMENT_MAX, out, len) == 0) {
		az_outfile_input_path(path); /* never replaced by this command's output */
		return AZ_OK;
	}
	if (errno == EFBIG)
		return az_fail(err, AZ_DATAERR, _("%s: too large for a JSON export"), path);
	if (errno == ENOMEM)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	if (errno == EINVAL)
		return az_fail(err, AZ_NOINPUT, _("%s: not a regular file"), path);
	if (errno == EISDIR || errno == EIO)
		return az_fail(err, AZ_IOERR, _("%s: cannot read: %s"), path, strerror(errno));
	return az_fail(err, AZ_NOINPUT, _("%s: cannot open: %s"), path, strerror(errno));
}

static void add_one(struct az_aggregate *a, const char *path)
{
	struct az_error err = { 0 };
	struct stat st;
	char head[16] = { 0 };
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC); /* a FIFO must not block */
	if (fd < 0) {
		az_fail(&err, AZ_NOINPUT, _("%s: cannot open: %s"), path, strerror(errno));
		return skipped(a, path, &err);
	}
	ssize_t n = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? read(fd, head, sizeof head) : -2;
	close(fd);
	if (n == -2) {
		az_fail(&err, AZ_NOINPUT, _("%s: not a regular file"), path);
		return skipped(a, path, &err);
	}
	if (n < 0) {
		az_fail(&err, AZ_IOERR, _("%s: cannot read: %s"), path, strerror(errno));
		return skipped(a, path, &err);
	}
	size_t i = 0;
	while (i < (size_t)n && strchr(" \t\r\n", head[i]))
		i++;
	if (az_pdf_sniff(head, (size_t)n)) {
		char *json = NULL;
		size_t len = 0;
		if (az_pdf_attachment_file(path, NULL, &json, &len, &err) == AZ_OK)
			add_json(a, path, json, len, &err);
		free(json);
	} else if (i < (size_t)n && head[i] == '{') {
		char *json = NULL;
		size_t len = 0;
		if (slurp(path, &json, &len, &err) == AZ_OK)
			add_json(a, path, json, len, &err);
		free(json);
	} else {
		/* a workbook, or something the store refuses with its own message */
		struct az_store *s = NULL;
		if (az_store_open(path, AZ_STORE_READONLY, &s, &err) == AZ_OK) {
			az_aggregate_add(a, path, s);
			az_store_close(s);
		}
	}
	if (err.code)
		skipped(a, path, &err);
	else if (a->ninputs && a->inputs[a->ninputs - 1].skipped) {
		/* refused by the model (no clinic, a copy of one already read): said like the others */
		char *p = az_text_sanitize(path), *w = az_text_sanitize(a->inputs[a->ninputs - 1].reason);
		fprintf(stderr, _("anzen: %s: skipped: %s\n"), p ? p : "?", w ? w : "?");
		free(p);
		free(w);
	}
}

static int write_out(const struct az_agg_report *r, const char *out, int pdf, int force, struct az_error *err)
{
	const struct cli_pdf *w = cli_pdf(err);
	if (!w)
		return err->code;
	if (pdf)
		return w->aggregate_write_pdf(r, out, force, err);
	if (!strcmp(out, "-")) {
		int rc = w->aggregate_write_csv(r, stdout, err);
		if (rc == AZ_OK && fflush(stdout) != 0)
			rc = az_fail(err, AZ_IOERR, _("write failed: %s"), strerror(errno));
		return rc;
	}
	struct az_outfile o;
	int rc = az_outfile_open(&o, out, force, err);
	if (rc != AZ_OK)
		return rc;
	rc = w->aggregate_write_csv(r, o.fp, err);
	if (rc == AZ_OK)
		return az_outfile_commit(&o, err);
	az_outfile_abort(&o);
	return rc;
}

int cmd_aggregate(int argc, char **argv)
{
	enum { OPT_NAMED = 256, OPT_FONT };
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },	   { "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'F' }, { "force", no_argument, NULL, 'f' },
		{ "named", no_argument, NULL, OPT_NAMED },  { "font", required_argument, NULL, OPT_FONT },
		{ NULL, 0, NULL, 0 },
	};
	const char *output = NULL, *format = NULL, *font = NULL;
	int force = 0, named = 0, c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "ho:F:f", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			return help();
		case 'o':
			output = optarg;
			break;
		case 'F':
			format = optarg;
			break;
		case 'f':
			force = 1;
			break;
		case OPT_NAMED:
			named = 1;
			break;
		case OPT_FONT:
			font = optarg;
			break;
		default:
			return cli_bad_option("aggregate", argv[optind - 1]);
		}
	}
	if (!output)
		return usage_error(_("missing -o OUT"));
	if (optind >= argc)
		return usage_error(_("expected at least one WORKBOOK_OR_PDF"));
	size_t ol = strlen(output);
	int pdf;
	if (format)
		pdf = !strcmp(format, "pdf");
	else
		pdf = ol > 4 && !strcasecmp(output + ol - 4, ".pdf");
	if (format && !pdf && strcmp(format, "csv") != 0) {
		char msg[160];
		snprintf(msg, sizeof msg, _("unknown format '%s'"), format);
		return usage_error(msg);
	}
	if (pdf && !strcmp(output, "-"))
		return usage_error(_("a PDF cannot go to standard output; name a file"));

	struct az_diags d;
	struct az_catalogue *cat = NULL;
	struct az_national *nat = NULL;
	char *dir = az_guideline_locate();
	if (!dir)
		return cli_fail(AZ_IOERR, _("out of memory"));
	az_diags_init(&d);
	int rc = az_catalogue_load(dir, &cat, &d);
	if (rc == AZ_OK)
		rc = az_national_load(dir, &nat, &d);
	if (rc != AZ_OK) {
		for (size_t i = 0; i < d.n; i++) {
			/* file names come from the catalogue directory: sanitised like the messages */
			char *m = az_text_sanitize(d.v[i].msg), *sd = az_text_sanitize(dir), *f = az_text_sanitize(d.v[i].file);
			fprintf(stderr, "anzen: %s/%s:%lu:%lu: %s\n", sd ? sd : "?", f ? f : "?", d.v[i].line, d.v[i].col,
				m ? m : "?");
			free(m), free(sd), free(f);
		}
		az_diags_free(&d);
		az_catalogue_free(cat);
		free(dir);
		return rc;
	}
	az_diags_free(&d);
	free(dir);

	struct az_aggregate a;
	struct az_error err = { 0 };
	if (az_aggregate_init(&a, cat) != AZ_OK) {
		az_national_free(nat);
		az_catalogue_free(cat);
		return cli_fail(AZ_IOERR, _("out of memory"));
	}
	for (int i = optind; i < argc; i++)
		add_one(&a, argv[i]);
	az_aggregate_finish(&a);
	char today[11];
	az_date_today(today);
	struct az_agg_report r = { &a, nat, named, font, today };
	rc = write_out(&r, output, pdf, force, &err);
	size_t nskipped = a.nskipped;
	az_aggregate_free(&a);
	az_national_free(nat);
	az_catalogue_free(cat);
	if (rc != AZ_OK)
		return cli_fail(err.code, err.msg);
	return nskipped ? AZ_DATAERR : AZ_OK;
}
