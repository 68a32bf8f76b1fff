/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* anzen guideline check: validate the content catalogue and report every problem. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "guideline/catalogue.h"
#include "base/i18n.h"
#include "guideline/locate.h"
#include "guideline/national.h"
#include "guideline/template.h"
#include "base/error.h"
#include "base/text.h"
#include "cli/cli.h"

static int help(void)
{
	return cli_print_help(_("Usage: anzen guideline check [--guideline DIR] [DIR]\n"
		"Check the content catalogue (the YAML files of guideline/): every unknown key,\n"
		"wrong type, missing field, duplicate id, dangling reference and YAML error is\n"
		"printed on standard error as FILE:LINE:COLUMN: MESSAGE; the exit status is then 65.\n"
		"Without errors, prints one line of counts.\n\n"
		"DIR defaults to --guideline DIR, else $ANZEN_GUIDELINE, else the installed catalogue.\n\n"
		"  -g, --guideline=DIR  the catalogue directory\n"
		"  -h, --help           display this help and exit\n"));
}

static int usage_error(const char *msg) { return cli_usage_error("guideline", msg); }

static int check(const char *dir)
{
	struct az_diags d;
	struct az_catalogue *cat = NULL;
	az_diags_init(&d);
	int rc = az_catalogue_load(dir, &cat, &d);
	if (rc != AZ_OK) {
		/* file names and messages may quote the input: print them sanitised */
		for (size_t i = 0; i < d.n; i++) {
			const struct az_diag *e = &d.v[i];
			size_t n = strlen(dir);
			char *file = az_text_sanitize(e->file), *msg = az_text_sanitize(e->msg),
			     *sdir = az_text_sanitize(dir);
			const char *sep = n && dir[n - 1] == '/' ? "" : "/";
			if (rc == AZ_NOINPUT)
				fprintf(stderr, "anzen: %s: %s\n", sdir ? sdir : "?", msg ? msg : "?");
			else if (e->line)
				fprintf(stderr, "%s%s%s:%lu:%lu: %s\n", sdir ? sdir : "?", sep, file ? file : "?", e->line,
					e->col, msg ? msg : "?");
			else
				fprintf(stderr, "%s%s%s: %s\n", sdir ? sdir : "?", sep, file ? file : "?", msg ? msg : "?");
			free(file);
			free(msg);
			free(sdir);
		}
		if (d.oom)
			fprintf(stderr, "anzen: %s\n", _("some errors were not kept: out of memory"));
		if (rc == AZ_DATAERR)
			fprintf(stderr, ngettext("anzen: %zu error in the catalogue\n",
						 "anzen: %zu errors in the catalogue\n", d.n),
				d.n);
		az_diags_free(&d);
		return rc;
	}
	/* the templates (templates/NAME.yaml) are checked against the catalogue just loaded */
	char **names = NULL;
	size_t ntpl = 0;
	if (az_template_names(dir, &names, &ntpl) == 0) {
		for (size_t i = 0; i < ntpl; i++) {
			struct az_template *t = NULL;
			if (az_template_load(dir, names[i], cat, &t, &d) == AZ_OK)
				az_template_free(t);
		}
		az_template_names_free(names, ntpl);
	}
	/* and the national survey figures, where the catalogue has them */
	char *nat_path = malloc(strlen(dir) + 40);
	struct stat st;
	if (nat_path) {
		sprintf(nat_path, "%s/national/isac-2023.yaml", dir);
		struct az_national *nat = NULL;
		if (stat(nat_path, &st) == 0 && az_national_load(dir, &nat, &d) == AZ_OK)
			az_national_free(nat);
		free(nat_path);
	}
	if (d.n) {
		az_diags_sort(&d);
		char *sdir = az_text_sanitize(dir);
		size_t n = strlen(dir);
		for (size_t i = 0; i < d.n; i++) {
			char *file = az_text_sanitize(d.v[i].file), *msg = az_text_sanitize(d.v[i].msg);
			const char *sep = n && dir[n - 1] == '/' ? "" : "/";
			if (d.v[i].line)
				fprintf(stderr, "%s%s%s:%lu:%lu: %s\n", sdir ? sdir : "?", sep, file ? file : "?",
					d.v[i].line, d.v[i].col, msg ? msg : "?");
			else
				fprintf(stderr, "%s%s%s: %s\n", sdir ? sdir : "?", sep, file ? file : "?", msg ? msg : "?");
			free(file);
			free(msg);
		}
		fprintf(stderr, ngettext("anzen: %zu error in the templates or national figures\n",
				 "anzen: %zu errors in the templates or national figures\n", d.n),
			d.n);
		free(sdir);
		az_catalogue_free(cat);
		az_diags_free(&d);
		return AZ_DATAERR;
	}
	size_t items = 0;
	for (size_t i = 0; i < cat->nchecklists; i++)
		items += cat->checklists[i].nitems;
	char *sdir = az_text_sanitize(dir);
	printf(_("%s: ok: %zu ranks, %zu treatments, %zu system categories, %zu threats, %zu controls, "
		 "%zu vendor questions, %zu checklists with %zu items\n"),
	       sdir ? sdir : "?", cat->nranks, cat->ntreatments, cat->ncategories, cat->nthreats, cat->ncontrols,
	       cat->nquestions, cat->nchecklists, items);

	free(sdir);
	az_catalogue_free(cat);
	az_diags_free(&d);
	return ferror(stdout) ? AZ_IOERR : AZ_OK;
}

/* The options, before and after "check": -1 to go on, else the exit code. */
static int options(int argc, char **argv, const char *shortopts)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "guideline", required_argument, NULL, 'g' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (c == 'h')
			return help();
		if (c != 'g')
			return cli_bad_option("guideline", argv[optind - 1]);
		az_guideline_option = optarg;
	}
	return -1;
}

int cmd_guideline(int argc, char **argv)
{
	opterr = 0;
	optind = 1;
	int rc = options(argc, argv, "+hg:");
	if (rc >= 0)
		return rc;
	if (optind >= argc)
		return usage_error(_("expected a command: check"));
	if (strcmp(argv[optind], "check") != 0) {
		char msg[160];
		char *s = az_text_sanitize(argv[optind]);
		snprintf(msg, sizeof msg, _("unknown command '%s'"), s ? s : "?");
		free(s);
		return usage_error(msg);
	}
	/* options may also follow "check" */
	int sub_argc = argc - optind;
	char **sub_argv = argv + optind;
	optind = 1;
	if ((rc = options(sub_argc, sub_argv, "hg:")) >= 0)
		return rc;
	if (sub_argc - optind > 1)
		return usage_error(_("expected at most one DIR"));
	if (sub_argc - optind == 1)
		return check(sub_argv[optind]);
	char *dir = az_guideline_locate();
	if (!dir)
		return cli_fail(AZ_IOERR, _("out of memory"));
	rc = check(dir);
	free(dir);
	return rc;
}
