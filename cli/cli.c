/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Subcommands that work on a workbook without the screen. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include "model/json_write.h"
#include "model/pdfattach.h"
#include "guideline/catalogue.h"
#include "guideline/locate.h"
#include "base/i18n.h"
#include "guideline/catalogue.h"
#include "guideline/locate.h"
#include "guideline/template.h"
#include "model/catalogue_open.h"
#include "model/changes_digest.h"
#include "model/diff.h"
#include "model/findings.h"
#include "model/vendor_rules.h"
#include "model/book.h"
#include "model/progress.h"
#include "model/template_fill.h"
#include "model/import.h"
#include "base/date.h"
#include "base/readfile.h"
#include "base/outfile.h"
#include "base/text.h"
#include "model/workbook.h"
#include "cli/cli.h"
#include "cli/ui.h"

#define MAX_INPUT ((long)AZ_ATTACHMENT_MAX) /* what a PDF can carry back */

int cli_fail(int code, const char *msg)
{
	/* messages may quote input: one sanitised line at a time */
	char *copy = strdup(msg), *save = NULL;
	for (char *l = copy ? strtok_r(copy, "\n", &save) : NULL; l; l = strtok_r(NULL, "\n", &save)) {
		char *safe = az_text_sanitize(l);
		fprintf(stderr, "anzen: %s\n", safe ? safe : "?");
		free(safe);
	}
	free(copy);
	return code;
}

static int fail_err(const struct az_error *err) { return cli_fail(err->code, err->msg); }

static int usage_error(const char *cmd, const char *msg)
{
	if (msg)
		fprintf(stderr, "anzen %s: %s\n", cmd, msg);
	fprintf(stderr, _("Try 'anzen %s --help' for more information.\n"), cmd);
	return AZ_USAGE;
}

static int print_help(const char *text)
{
	fputs(text, stdout);
	return ferror(stdout) ? AZ_IOERR : AZ_OK;
}

/* Parses the options shared by every subcommand; returns -1 to continue, else an exit code. */
struct opts {
	const char *output;
	const char *format;
	const char *lang, *font, *date; /* export --format pdf */
	int force;
	const char *template_name;
	int list_templates;
	const char *year;
};

enum { OPT_LANG = 256, OPT_FONT, OPT_DATE };

static int parse(int argc, char **argv, const char *cmd, const char *help, const char *shortopts,
		 struct opts *o)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },   { "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'f' },  { "format", required_argument, NULL, 'F' },
		{ "lang", required_argument, NULL, OPT_LANG }, { "font", required_argument, NULL, OPT_FONT },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "template", required_argument, NULL, 'T' }, { "list-templates", no_argument, NULL, 'L' },
		{ "year", required_argument, NULL, 'Y' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	memset(o, 0, sizeof *o);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			return print_help(help);
		case 'o':
			o->output = optarg;
			break;
		case 'f':
			o->force = 1;
			break;
		case 'F':
			o->format = optarg;
			break;
		case OPT_LANG:
			o->lang = optarg;
			break;
		case OPT_FONT:
			o->font = optarg;
			break;
		case OPT_DATE:
			o->date = optarg;
			break;
		case 'T':
			o->template_name = optarg;
			break;
		case 'L':
			o->list_templates = 1;
			break;
		case 'Y':
			o->year = optarg;
			break;
		default: {
			char msg[160];
			if (optopt)
				snprintf(msg, sizeof msg, _("invalid option -- '%c'"), optopt);
			else
				snprintf(msg, sizeof msg, _("unrecognized option '%s'"), argv[optind - 1]);
			return usage_error(cmd, msg);
		}
		}
		/* reject options this command does not take */
		if ((c == 'o' && !strchr(shortopts, 'o')) || (c == 'f' && !strchr(shortopts, 'f')) ||
		    (c == 'F' && !strchr(shortopts, 'F')) || (c == 'T' && !strchr(shortopts, 'T')) ||
		    (c == 'L' && !strchr(shortopts, 'L')) || (c == 'Y' && !strchr(shortopts, 'Y')) ||
		    (c >= OPT_LANG && strcmp(cmd, "export") != 0)) {
			char msg[160];
			snprintf(msg, sizeof msg, _("unrecognized option '%s'"), argv[optind - 1]);
			return usage_error(cmd, msg);
		}
	}
	return -1;
}

/* Prints the catalogue's or the template's problems as DIR/FILE:LINE:COL: MESSAGE. */
static void print_diags(const char *dir, const struct az_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		char *f = az_text_sanitize(d->v[i].file), *m = az_text_sanitize(d->v[i].msg), *sd = az_text_sanitize(dir);
		if (d->v[i].line)
			fprintf(stderr, "%s/%s:%lu:%lu: %s\n", sd ? sd : "?", f ? f : "?", d->v[i].line, d->v[i].col,
				m ? m : "?");
		else
			fprintf(stderr, "%s/%s: %s\n", sd ? sd : "?", f ? f : "?", m ? m : "?");
		free(f);
		free(m);
		free(sd);
	}
}

/* The template, validated against the catalogue; problems printed. */
static int load_template(const char *name, struct az_template **out)
{
	struct az_diags d;
	struct az_catalogue *cat = NULL;
	char *dir = az_guideline_locate();
	if (!dir)
		return cli_fail(AZ_IOERR, _("out of memory"));
	az_diags_init(&d);
	int rc = az_catalogue_load(dir, &cat, &d);
	if (rc == AZ_OK)
		rc = az_template_load(dir, name, cat, out, &d);
	if (rc != AZ_OK) {
		az_diags_sort(&d);
		print_diags(dir, &d);
	}
	az_catalogue_free(cat);
	az_diags_free(&d);
	free(dir);
	return rc;
}

static int list_templates(void)
{
	char *dir = az_guideline_locate(), **names = NULL;
	size_t n = 0;
	struct az_diags d;
	struct az_catalogue *cat = NULL;
	if (!dir)
		return cli_fail(AZ_IOERR, _("out of memory"));
	az_diags_init(&d);
	int rc = az_catalogue_load(dir, &cat, &d);
	if (rc == AZ_OK && az_template_names(dir, &names, &n) != 0)
		rc = cli_fail(AZ_NOINPUT, _("cannot read the templates directory"));
	for (size_t i = 0; rc == AZ_OK && i < n; i++) {
		struct az_template *t = NULL;
		if (az_template_load(dir, names[i], cat, &t, &d) == AZ_OK) {
			char *title = az_text_sanitize(az_text_get(&t->title));
			printf(_("%-16s %s (%zu systems, %zu vendors)\n"), names[i], title ? title : "", t->nsystems,
			       t->nvendors);
			free(title);
			az_template_free(t);
		} else {
			printf(_("%-16s (invalid: see 'anzen guideline check')\n"), names[i]);
		}
	}
	if (d.n && rc != AZ_OK)
		print_diags(dir, &d);
	az_template_names_free(names, n);
	az_catalogue_free(cat);
	az_diags_free(&d);
	free(dir);
	return rc == AZ_OK && ferror(stdout) ? AZ_IOERR : rc;
}

int cmd_new(int argc, char **argv)
{
	struct opts o;
	struct az_error err = { 0 };
	int rc = parse(argc, argv, "new",
		       _("Usage: anzen new [--force] [--template NAME] WORKBOOK\n"
			 "       anzen new --list-templates\n"
			 "Create an empty workbook (private: mode 0600) for the current fiscal year.\n\n"
			 "  -T, --template=NAME   start from a template: a typical clinic's systems and\n"
			 "                        vendors, nothing scored\n"
			 "  -L, --list-templates  print the templates and exit\n"
			 "  -f, --force           replace WORKBOOK if it exists\n"
			 "  -h, --help            display this help and exit\n"),
		       "hfT:L", &o);
	if (rc >= 0)
		return rc;
	if (o.list_templates)
		return argc - optind ? usage_error("new", _("--list-templates takes no WORKBOOK")) : list_templates();
	if (argc - optind != 1)
		return usage_error("new", _("expected one WORKBOOK"));
	if (o.template_name) {
		struct az_template *t = NULL;
		if ((rc = load_template(o.template_name, &t)) != AZ_OK)
			return rc;
		rc = az_workbook_write_new(argv[optind], o.force, az_template_fill, t, &err);
		az_template_free(t);
		if (rc != AZ_OK)
			return fail_err(&err);
	} else if (az_workbook_write_new(argv[optind], o.force, az_workbook_fill_empty, NULL, &err) != AZ_OK)
		return fail_err(&err);
	printf(_("Created %s\n"), argv[optind]);
	return AZ_OK;
}

/* Pads by display columns, not bytes, so Japanese labels line up too. */
static void line(const char *label, long n)
{
	wchar_t w[128];
	size_t len = mbstowcs(w, label, 128);
	int cols = len == (size_t)-1 || len >= 128 ? (int)strlen(label) : wcswidth(w, len);
	if (cols < 0)
		cols = (int)strlen(label);
	printf("  %s%*s %ld\n", label, cols < 22 ? 22 - cols : 0, "", n);
}

/* The counts, the steps as the home screen shows them and the findings of 'anzen check', from one
 * reading of the book and the catalogue. The counts come from SQL when the book cannot be read;
 * without the book or the catalogue there are no steps (*have 0, and a warning), since the counts
 * are still worth printing. The book, for the changes since last year, stays in *b (*book_ok) for
 * the caller to free. */
static int counts_progress_findings(struct az_store *s, struct az_counts *c, struct az_progress *p,
				    struct az_findings *f, int *have, struct az_book *b, int *book_ok,
				    struct az_error *err)
{
	struct az_error why = { 0 }, ignored = { 0 };
	struct az_catalogue *cat = NULL;
	int cat_ok = az_catalogue_open(&cat, &why) == AZ_OK;
	*book_ok = az_book_load(s, b, cat_ok ? &why : &ignored) == AZ_OK;
	int rc = AZ_OK;
	if (*book_ok)
		az_workbook_counts_of(b, c);
	else
		rc = az_workbook_counts(s, c, err);
	*have = 0;
	if (rc == AZ_OK && cat_ok && *book_ok) {
		*have = az_progress_compute(b, cat, p) == 0;
		if (*have && az_findings_compute(b, cat, NULL, f) != 0) {
			az_progress_free(p);
			*have = 0;
		}
		if (!*have)
			az_fail(&why, AZ_IOERR, "%s", _("out of memory"));
	}
	az_catalogue_free(cat);
	if (rc == AZ_OK && !*have) {
		char *m = az_text_sanitize(why.msg);
		fprintf(stderr, _("anzen: warning: no progress per step: %s\n"), m ? m : "?");
		free(m);
	}
	return rc;
}

/* Per step: percent, done of total, and the first things still missing. */
static void print_progress(const struct az_progress *p)
{
	printf("%s\n", _("Progress:"));
	for (int i = 0; i < AZ_NSTEPS; i++) {
		const struct az_step_progress *st = &p->step[i];
		const char *name = az_step_name((enum az_step)i);
		wchar_t w[128];
		size_t len = mbstowcs(w, name, 128);
		int cols = len == (size_t)-1 || len >= 128 ? (int)strlen(name) : wcswidth(w, len);
		if (cols < 0)
			cols = (int)strlen(name);
		if (!st->total)
			printf("  %s%*s    -  %s\n", name, cols < 22 ? 22 - cols : 0, "", _("nothing to do yet"));
		else
			printf("  %s%*s %3d%%  %zu/%zu\n", name, cols < 22 ? 22 - cols : 0, "", az_step_percent(st), st->done,
			       st->total);
		size_t kept = st->nmissing < AZ_PROGRESS_KEPT ? st->nmissing : AZ_PROGRESS_KEPT;
		for (size_t k = 0; k < kept && k < 3; k++) {
			char *m = az_text_sanitize(st->missing[k]);
			printf("      %s\n", m ? m : "?");
			free(m);
		}
		if (st->nmissing > 3)
			printf(ngettext("      ... and %zu more\n", "      ... and %zu more\n", st->nmissing - 3),
			       st->nmissing - 3);
	}
}

/* The counts of model/diff against the latest earlier year, one line per kind. */
static void print_changes(const struct az_diff *d, const int *years, int nyears)
{
	static const char *const kinds[AZ_DIFF_NKINDS] = { N_("Systems"), N_("Vendors"), N_("Risks"), N_("Actions"),
							    N_("Checklist answers") };
	if (!d->base_year)
		return;
	if (nyears > 1) {
		printf("%s", _("Earlier years:"));
		for (int i = 0; i < nyears; i++)
			printf(" %d", years[i]);
		putchar('\n');
	}
	printf(_("Changes since fiscal year %d:\n"), d->base_year);
	for (int k = 0; k < AZ_DIFF_NKINDS; k++) {
		wchar_t w[128];
		const char *label = _(kinds[k]);
		size_t len = mbstowcs(w, label, 128);
		int cols = len == (size_t)-1 || len >= 128 ? (int)strlen(label) : wcswidth(w, len);
		if (cols < 0)
			cols = (int)strlen(label);
		printf(_("  %s%*s new %zu, changed %zu, unchanged %zu, removed %zu\n"), label, cols < 22 ? 22 - cols : 0,
		       "", d->count[k][AZ_NEW], d->count[k][AZ_CHANGED], d->count[k][AZ_UNCHANGED],
		       d->count[k][AZ_REMOVED]);
	}
}

int cmd_status(int argc, char **argv)
{
	struct opts o;
	struct az_error err = { 0 };
	struct az_store *s;
	struct az_counts c;
	int rc = parse(argc, argv, "status",
		       _("Usage: anzen status WORKBOOK\n"
			 "Print the clinic and the number of entries of each kind in WORKBOOK, how far each\n"
			 "step of the assessment is and what it still lacks, the findings of 'anzen check',\n"
			 "and the changes since last year.\n\n"
			 "  -h, --help  display this help and exit\n"),
		       "h", &o);
	if (rc >= 0)
		return rc;
	if (argc - optind != 1)
		return usage_error("status", _("expected one WORKBOOK"));
	if (az_store_open(argv[optind], AZ_STORE_READONLY, &s, &err) != AZ_OK)
		return fail_err(&err);
	struct az_diff d = { 0 };
	struct az_error derr = { 0 };
	struct az_progress p;
	struct az_findings fnd;
	struct az_book b;
	int have_progress, book_ok;
	rc = counts_progress_findings(s, &c, &p, &fnd, &have_progress, &b, &book_ok, &err);
	int have_findings = have_progress;
	/* a damaged earlier year must not hide the counts: reported after them. The counts of the
	 * changes only: from the book and the earlier year's digest where it has one */
	int drc = rc == AZ_OK ? az_changes_count(s, book_ok ? &b : NULL, &d, &derr) : AZ_OK;
	if (book_ok)
		az_book_free(&b);
	int years[101], nyears = rc == AZ_OK && drc == AZ_OK ? az_history_years(s, years, 101, &derr) : 0;
	if (nyears < 0)
		drc = derr.code, nyears = 0;
	az_store_close(s);
	if (rc != AZ_OK)
		return fail_err(&err);
	char *path = az_text_sanitize(argv[optind]), *clinic = az_text_sanitize(c.clinic);
	printf(_("Workbook: %s\n"), path ? path : "");
	printf(_("Clinic: %s\n"), clinic && *clinic ? clinic : _("(not entered yet)"));
	if (c.fiscal_year)
		printf(_("Fiscal year: %d\n"), c.fiscal_year);
	free(path);
	free(clinic);
	line(_("Systems"), c.systems);
	line(_("Vendors"), c.vendors);
	line(_("Risks"), c.risks);
	line(_("  scored"), c.scored);
	line(_("  treated"), c.treated);
	line(_("Actions"), c.actions);
	line(_("Contacts"), c.contacts);
	line(_("Vendor answers"), c.vendor_answers);
	line(_("Checklist answers"), c.checklist_answers);
	line(_("Change log entries"), c.changelog);
	if (have_progress) {
		print_progress(&p);
		az_progress_free(&p);
	}
	if (have_findings) {
		/* the same list as 'anzen check', under its two levels' counts */
		if (fnd.n)
			printf(_("Findings: %zu must fix (要対応), %zu to check (要確認)\n"),
			       az_findings_count(&fnd, AZ_FINDING_MUST), az_findings_count(&fnd, AZ_FINDING_CHECK));
		else
			printf("%s\n", _("Findings: none"));
		cli_print_findings(stdout, &fnd, 0);
		az_findings_free(&fnd);
	}
	print_changes(&d, years, nyears);
	az_diff_free(&d);
	if (fflush(stdout) != 0 || ferror(stdout))
		return AZ_IOERR;
	if (drc != AZ_OK)
		return cli_fail(drc, derr.msg);
	return AZ_OK;
}

static void warn_stderr(void *ctx, const char *msg)
{
	(void)ctx;
	char *safe = az_text_sanitize(msg);
	fprintf(stderr, _("anzen: warning: %s\n"), safe ? safe : "?");
	free(safe);
}

/* The inspection PDF: loads the catalogue, then export/report does the rest. */
static int export_pdf(const struct opts *o, const char *workbook)
{
	struct az_error err = { 0 };
	struct az_store *s;
	if (strcmp(o->output, "-") == 0)
		return usage_error("export", _("a PDF is written to a file: give -o OUT.pdf"));
	if (o->lang && strcmp(o->lang, "ja") != 0 && strcmp(o->lang, "en") != 0) {
		char msg[160];
		snprintf(msg, sizeof msg, _("unknown language '%s' (ja or en)"), o->lang);
		return usage_error("export", msg);
	}
	if (o->date && !az_date_valid(o->date)) {
		char msg[160];
		snprintf(msg, sizeof msg, _("--date wants a date YYYY-MM-DD, not '%s'"), o->date);
		return usage_error("export", msg);
	}
	const struct cli_pdf *pdf = cli_pdf(&err);
	if (!pdf)
		return fail_err(&err);
	struct az_catalogue *cat = NULL;
	int rc = az_catalogue_open(&cat, &err);
	if (rc != AZ_OK)
		return fail_err(&err);
	if (az_store_open(workbook, AZ_STORE_READONLY, &s, &err) != AZ_OK) {
		az_catalogue_free(cat);
		return fail_err(&err);
	}
	struct az_report_opts ro = { .lang = o->lang, .font = o->font, .date = o->date, .force = o->force,
				     .warn = warn_stderr };
	rc = pdf->report_pdf(s, cat, o->output, &ro, &err);
	az_store_close(s);
	az_catalogue_free(cat);
	return rc == AZ_OK ? AZ_OK : fail_err(&err);
}

int cmd_export(int argc, char **argv)
{
	struct opts o;
	struct az_error err = { 0 };
	struct az_store *s;
	int rc = parse(argc, argv, "export",
		       _("Usage: anzen export [--format json|pdf] [--year YEAR] [--force] -o OUT WORKBOOK\n"
			 "Write WORKBOOK to OUT ('-' for standard output, JSON only). The JSON is canonical:\n"
			 "sorted keys, one row a line; importing it and exporting again gives the same bytes.\n"
			 "The PDF is the inspection report (A4); it carries the JSON as an attachment, so\n"
			 "'anzen import' restores the workbook from it.\n\n"
			 "  -F, --format=FORMAT  json (the default) or pdf\n"
			 "  -Y, --year=YEAR      json: an earlier fiscal year kept by 'anzen next-year'\n"
			 "  -o, --output=OUT     the file to write; it is written whole or not at all\n"
			 "  -f, --force          replace OUT if it exists\n"
			 "      --lang=LANG      pdf: ja (the default) or en\n"
			 "      --font=FILE      pdf: a TrueType font instead of IPAexGothic\n"
			 "      --date=DATE      pdf: print DATE (YYYY-MM-DD) instead of today; the same\n"
			 "                       workbook and date give the same bytes\n"
			 "  -h, --help           display this help and exit\n"),
		       "ho:fF:Y:", &o);
	if (rc >= 0)
		return rc;
	int pdf = o.format && strcmp(o.format, "pdf") == 0;
	if (o.format && !pdf && strcmp(o.format, "json") != 0) {
		char msg[160];
		snprintf(msg, sizeof msg, _("unknown format '%s'"), o.format);
		return usage_error("export", msg);
	}
	if (!pdf && (o.lang || o.font || o.date))
		return usage_error("export", _("--lang, --font and --date go with --format pdf"));
	if (!o.output)
		return usage_error("export", _("missing -o OUT"));
	if (argc - optind != 1)
		return usage_error("export", _("expected one WORKBOOK"));
	if (pdf && o.year)
		return usage_error("export", _("--year goes with --format json"));
	if (pdf)
		return export_pdf(&o, argv[optind]);
	char *end = NULL;
	long year = o.year ? strtol(o.year, &end, 10) : 0;
	if (o.year && (!*o.year || *end || year < 2000 || year > 2100))
		return usage_error("export", _("--year takes a fiscal year from 2000 to 2100"));
	if (az_store_open(argv[optind], AZ_STORE_READONLY, &s, &err) != AZ_OK)
		return fail_err(&err);
	if (o.year) {
		/* the earlier year, read back into a workbook in memory: written canonical like any export */
		struct az_store *h = NULL;
		rc = az_history_open(s, (int)year, &h, &err);
		az_store_close(s);
		if (rc != AZ_OK)
			return fail_err(&err);
		s = h;
	}
	if (strcmp(o.output, "-") == 0) {
		/* workbook text reaches a terminal only without its controls (JSON escapes C0 anyway) */
		rc = az_export_json_omit(s, stdout, isatty(STDOUT_FILENO) ? AZ_JSON_FOR_TERMINAL : 0, &err);
		if (rc == AZ_OK && fflush(stdout) != 0)
			rc = az_fail(&err, AZ_IOERR, _("write failed: %s"), strerror(errno));
	} else {
		struct az_outfile out;
		rc = az_outfile_open(&out, o.output, o.force, &err);
		if (rc == AZ_OK) {
			rc = az_export_json(s, out.fp, &err);
			if (rc == AZ_OK)
				rc = az_outfile_commit(&out, &err);
			else
				az_outfile_abort(&out);
		}
	}
	az_store_close(s);
	return rc == AZ_OK ? AZ_OK : fail_err(&err);
}

struct json_input {
	char *text;
	size_t len;
	const char *name;
};

static int fill_from_json(struct az_store *s, void *arg, struct az_error *err)
{
	struct json_input *in = arg;
	int rc = az_import_json(s, in->text, in->len, in->name, err);
	if (rc != AZ_OK)
		return rc;
	/* the rules of model/ hold for an import as for the screens */
	struct az_catalogue *cat = NULL;
	struct az_book b;
	if ((rc = az_catalogue_open(&cat, err)) == AZ_OK && (rc = az_book_load(s, &b, err)) == AZ_OK) {
		rc = az_vendor_answers_check(&b, cat, err);
		az_book_free(&b);
	}
	az_catalogue_free(cat);
	return rc;
}

static int read_all(const char *path, char **out, size_t *len, struct az_error *err)
{
	int rc = strcmp(path, "-") == 0 ? az_read_fd(0, MAX_INPUT, out, len)
					: az_read_file(path, MAX_INPUT, out, len);
	if (rc == 0) {
		if (strcmp(path, "-") != 0)
			az_outfile_input_path(path); /* never replaced by this command's output */
		return AZ_OK;
	}
	if (errno == EISDIR)
		return az_fail(err, AZ_NOINPUT, _("%s: is a directory"), path);
	if (errno == EFBIG)
		return az_fail(err, AZ_DATAERR, _("%s: larger than %ld MB; not an anzen export"), path,
			       MAX_INPUT / 1024 / 1024);
	if (errno == EINVAL)
		return az_fail(err, AZ_NOINPUT, _("%s: not a regular file"), path);
	if (errno == ENOMEM || errno == EIO)
		return az_fail(err, AZ_IOERR, _("%s: cannot read: %s"), path,
			       errno == ENOMEM ? _("out of memory") : strerror(errno));
	return az_fail(err, AZ_NOINPUT, _("%s: cannot open: %s"), path, strerror(errno));
}

int cmd_import(int argc, char **argv)
{
	struct opts o;
	struct az_error err = { 0 };
	struct json_input in;
	int rc = parse(argc, argv, "import",
		       _("Usage: anzen import [--force] -o WORKBOOK FILE\n"
			 "Create WORKBOOK from FILE, a JSON export or an inspection PDF written by anzen\n"
			 "('-' for standard input). Every value is checked first; nothing is written unless\n"
			 "all of FILE is valid.\n\n"
			 "  -o, --output=WORKBOOK  the workbook to create\n"
			 "  -f, --force            replace WORKBOOK if it exists\n"
			 "  -h, --help             display this help and exit\n"),
		       "ho:f", &o);
	if (rc >= 0)
		return rc;
	if (!o.output)
		return usage_error("import", _("missing -o WORKBOOK"));
	if (argc - optind != 1)
		return usage_error("import", _("expected one FILE"));
	in.name = argv[optind];
	if (read_all(in.name, &in.text, &in.len, &err) != AZ_OK)
		return fail_err(&err);
	if (az_pdf_sniff(in.text, in.len)) {
		/* the report carries the canonical JSON as an attachment */
		char *json;
		size_t len;
		rc = az_pdf_attachment(in.text, in.len, "anzen-workbook.json", &json, &len, &err);
		free(in.text);
		if (rc != AZ_OK)
			return fail_err(&err);
		in.text = json, in.len = len;
	}
	rc = az_workbook_write_new(o.output, o.force, fill_from_json, &in, &err);
	free(in.text);
	if (rc != AZ_OK)
		return fail_err(&err);
	return AZ_OK;
}

char *cli_default_workbook(void)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char dir[4096];
	if (xdg && xdg[0] == '/')
		snprintf(dir, sizeof dir, "%s/anzen", xdg);
	else if (home && *home)
		snprintf(dir, sizeof dir, "%s/.local/share/anzen", home);
	else
		return NULL;
	/* create the parents one by one, private */
	for (char *p = dir + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return NULL;
	size_t n = strlen(dir) + 32;
	char *path = malloc(n);
	if (path)
		snprintf(path, n, "%s/workbook.anzen", dir);
	return path;
}

int cmd_open(int argc, char **argv)
{
	struct opts o;
	struct az_error err = { 0 };
	struct stat st;
	int rc = parse(argc, argv, "open",
		       _("Usage: anzen open [WORKBOOK]\n"
			 "Open WORKBOOK, creating it if it does not exist. Without WORKBOOK, opens the default\n"
			 "workbook in $XDG_DATA_HOME/anzen/ (~/.local/share/anzen/) and prints its path.\n\n"
			 "  -h, --help  display this help and exit\n"),
		       "h", &o);
	if (rc >= 0)
		return rc;
	if (argc - optind > 1)
		return usage_error("open", _("expected at most one WORKBOOK"));
	char *path = argc - optind == 1 ? strdup(argv[optind]) : cli_default_workbook();
	if (!path)
		return cli_fail(AZ_CANTCREAT, _("cannot find a place for the default workbook: set XDG_DATA_HOME or HOME"));
	/* on a terminal (or headless for tests) the screens; otherwise the status print */
	const struct cli_ui *ui = cli_ui(&err);
	if (!ui) {
		free(path);
		return fail_err(&err);
	}
	int screens = ui->tui_wanted();
	if (screens && (rc = ui->tui_preflight()) != AZ_OK) {
		free(path);
		return rc;
	}
	if (argc - optind == 0 && !screens)
		printf(_("Workbook: %s\n"), path);
	if (stat(path, &st) != 0 && errno == ENOENT) {
		if (az_workbook_write_new(path, 0, az_workbook_fill_empty, NULL, &err) != AZ_OK) {
			free(path);
			return fail_err(&err);
		}
		printf(_("Created %s\n"), path);
	}
	char *args[] = { "status", path, NULL };
	rc = screens ? ui->tui_run(path) : cmd_status(2, args);
	free(path);
	return rc;
}
