/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* anzen next-year and anzen demo: whole-workbook commands built on model/year and model/demo. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "guideline/locate.h"
#include "model/demo.h"
#include "base/readfile.h"
#include "base/text.h"
#include "model/workbook.h"
#include "cli/cli.h"
#include "model/next_year.h"

static int usage_error(const char *cmd, const char *msg)
{
	if (msg)
		fprintf(stderr, "anzen %s: %s\n", cmd, msg);
	fprintf(stderr, _("Try 'anzen %s --help' for more information.\n"), cmd);
	return AZ_USAGE;
}

/* -h, -o OUT, -f; returns -1 to go on, else an exit code. */
static int parse(int argc, char **argv, const char *cmd, const char *help, const char *shortopts,
		 const char **output, int *force)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		char msg[160];
		if (c == 'h') {
			fputs(help, stdout);
			return ferror(stdout) ? AZ_IOERR : AZ_OK;
		}
		if (c == 'o' && strchr(shortopts, 'o'))
			*output = optarg;
		else if (c == 'f' && strchr(shortopts, 'f'))
			*force = 1;
		else {
			if (optopt && c == '?')
				snprintf(msg, sizeof msg, _("invalid option -- '%c'"), optopt);
			else
				snprintf(msg, sizeof msg, _("unrecognized option '%s'"), argv[optind - 1]);
			return usage_error(cmd, msg);
		}
	}
	return -1;
}

int cmd_next_year(int argc, char **argv)
{
	const char *output = NULL;
	int force = 0;
	struct az_error err = { 0 };
	int rc = parse(argc, argv, "next-year",
		       _("Usage: anzen next-year [--force] -o NEW WORKBOOK\n"
			 "Start the next fiscal year's assessment in NEW from WORKBOOK, which is not changed.\n"
			 "Systems, vendors, risks, actions, checklist and vendor answers, contacts and the\n"
			 "clinic are carried over; the approval of the assessment, the acceptance of accepted\n"
			 "risks, and the dates checklist and vendor answers were checked are cleared, to be\n"
			 "confirmed again. WORKBOOK's year is kept in NEW as an earlier year, so that the\n"
			 "changes can be shown ('anzen status NEW').\n\n"
			 "  -o, --output=NEW  the workbook to create\n"
			 "  -f, --force       replace NEW if it exists\n"
			 "  -h, --help        display this help and exit\n"),
		       "ho:f", &output, &force);
	if (rc >= 0)
		return rc;
	if (!output)
		return usage_error("next-year", _("missing -o NEW"));
	if (argc - optind != 1)
		return usage_error("next-year", _("expected one WORKBOOK"));
	const char *src = argv[optind];
	struct az_store *s = NULL;
	int old_year = 0, new_year = 0;
	if (az_store_open(src, AZ_STORE_READONLY, &s, &err) != AZ_OK)
		return cli_fail(err.code, err.msg);
	rc = tui_next_year_write(s, src, output, force, &old_year, &new_year, &err);
	az_store_close(s);
	if (rc != AZ_OK)
		return cli_fail(err.code, err.msg);
	char *out = az_text_sanitize(output);
	printf(_("Created %s for fiscal year %d (fiscal year %d is kept as an earlier year)\n"), out ? out : "?",
	       new_year, old_year);
	free(out);
	return ferror(stdout) ? AZ_IOERR : AZ_OK;
}

static char *demo_default_path(void)
{
	char *wb = cli_default_workbook();
	if (!wb)
		return NULL;
	char *slash = strrchr(wb, '/');
	size_t n = (size_t)(slash - wb) + 16;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%.*s/demo.anzen", (int)(slash - wb), wb);
	free(wb);
	return p;
}

static int read_file(const char *path, char **out, size_t *len)
{
	return az_read_file(path, 64u << 20, out, len);
}

int cmd_demo(int argc, char **argv)
{
	const char *unused = NULL;
	int force = 0;
	struct az_error err = { 0 };
	struct stat st;
	int rc = parse(argc, argv, "demo",
		       _("Usage: anzen demo [WORKBOOK]\n"
			 "Create a complete fictional dental clinic in WORKBOOK and open it, for showing anzen\n"
			 "on a projector. Its dates are moved to today, so that some actions are due soon and\n"
			 "the targets stay in this fiscal year; 'anzen check' finds nothing in it. Without\n"
			 "WORKBOOK, uses demo.anzen in $XDG_DATA_HOME/anzen/. A demo workbook is replaced\n"
			 "each time; any other existing file is refused.\n\n"
			 "  -h, --help  display this help and exit\n"),
		       "h", &unused, &force);
	if (rc >= 0)
		return rc;
	if (argc - optind > 1)
		return usage_error("demo", _("expected at most one WORKBOOK"));
	char *path = argc - optind == 1 ? strdup(argv[optind]) : demo_default_path();
	if (!path)
		return cli_fail(AZ_CANTCREAT, _("cannot find a place for the demo workbook: set XDG_DATA_HOME or HOME"));
	int exists = stat(path, &st) == 0, demo = exists ? az_demo_is_demo(path) : 0;
	if (demo < 0) {
		char *p = az_text_sanitize(path);
		fprintf(stderr, _("anzen: %s: the workbook is in use by another anzen process; close it there first\n"),
			p ? p : "?");
		free(p);
		free(path);
		return AZ_TEMPFAIL;
	}
	if (exists && !demo) {
		char *p = az_text_sanitize(path);
		fprintf(stderr, _("anzen: %s: exists and is not a demo workbook; not replaced\n"), p ? p : "?");
		free(p);
		free(path);
		return AZ_CANTCREAT;
	}
	char *dir = az_guideline_locate();
	size_t dn = dir ? strlen(dir) + 40 : 0;
	char *file = dir ? malloc(dn) : NULL;
	struct az_demo_input in = { NULL, 0, file };
	if (!file) {
		free(dir);
		free(path);
		return cli_fail(AZ_IOERR, _("out of memory"));
	}
	snprintf(file, dn, "%s/demo/dental-clinic.json", dir);
	free(dir);
	if (read_file(file, (char **)&in.json, &in.len) != 0) {
		char *f = az_text_sanitize(file);
		fprintf(stderr, _("anzen: %s: cannot read: %s\n"), f ? f : "?", strerror(errno));
		free(f);
		free(file);
		free(path);
		return AZ_NOINPUT;
	}
	rc = az_workbook_write_new(path, exists, az_demo_fill, &in, &err);
	free((char *)in.json);
	free(file);
	if (rc != AZ_OK) {
		free(path);
		return cli_fail(err.code, err.msg);
	}
	char *args[] = { "open", path, NULL };
	rc = cmd_open(2, args);
	free(path);
	return rc;
}
