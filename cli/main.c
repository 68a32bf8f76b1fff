/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Program entry: locale, translations, and the subcommand table. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "guideline/catalogue.h"
#include "guideline/locate.h"
#include "base/error.h"
#include "cli/cli.h"
#include "model/catalogue_open.h"
#include "model/store.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{ "open", cmd_open, N_("open a workbook (the default if none is named)") },
	{ "new", cmd_new, N_("create an empty workbook") },
	{ "status", cmd_status, N_("print a summary of a workbook") },
	{ "check", cmd_check, N_("list where a workbook contradicts itself or lacks what is needed") },
	{ "export", cmd_export, N_("write a workbook as JSON or as the inspection PDF") },
	{ "import", cmd_import, N_("create a workbook from its JSON export or PDF") },
	{ "guideline", cmd_guideline, N_("check the content catalogue (guideline check)") },
	{ "next-year", cmd_next_year, N_("start the next fiscal year from a workbook") },
	{ "demo", cmd_demo, N_("open a complete fictional clinic") },
	{ "aggregate", cmd_aggregate, N_("summarise many workbooks (CSV or PDF)") },
	{ "verify", cmd_verify, N_("check that an inspection PDF is as anzen wrote it") },
};

static void usage(FILE *out)
{
	fprintf(out, _("Usage: %s [COMMAND] [OPTION]... [ARG]...\n"), "anzen");
	fputs(_("Risk assessment workbook for clinics, after the MHLW Guideline for the security of\n"
		"medical information systems, version 6.0.\n\n"), out);
	fputs(_("Commands:\n"), out);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
	fputs(_("\nWith no command, opens the default workbook.\n"
		"Run 'anzen COMMAND --help' for the options of a command.\n\n"), out);
	fputs(_("Options:\n"
		"  -h, --help     display this help and exit\n"
		"  -V, --version  output version information and exit\n\n"), out);
	fputs(_("Exit status: 0 ok, 64 usage error, 65 bad data, 66 cannot open input,\n"
		"73 cannot create output, 74 input/output error, 75 workbook in use.\n\n"), out);
	fputs(_("Environment: XDG_DATA_HOME (where the default workbook lives), NO_COLOR.\n"), out);
	fputs(_("ANZEN_GUIDELINE: the content catalogue directory; 'anzen --guideline=DIR COMMAND'\n"
		"overrides it.\n"), out);
}

static void version(void)
{
	printf("anzen %s\n", PACKAGE_VERSION);
	/* the GNU lines: copyright, licence, freedom, no warranty */
	printf(_("Copyright (C) %s %s.\n"), "2026", _("The anzen authors"));
	fputs(_("License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
		"This is free software: you are free to change and redistribute it.\n"
		"There is NO WARRANTY, to the extent permitted by law.\n"), stdout);
}

/* GNU close_stdout: a write error on standard output (a full disk, /dev/full) is an error, even for
 * --help, and only the final flush may reveal it. */
static int close_stdout(int rc)
{
	int bad = fflush(stdout) != 0 || ferror(stdout);
	int e = errno;
	if (fclose(stdout) != 0 && !bad)
		bad = 1, e = errno;
	if (!bad || (e == EPIPE && rc != AZ_OK))
		return rc;
	fprintf(stderr, _("anzen: write error on standard output: %s\n"), strerror(e));
	return rc == AZ_OK ? AZ_IOERR : rc;
}

/* --guideline names a catalogue: a bad one fails every command (65), not only those that use it. */
/* A catalogue the user chose (--guideline, else ANZEN_GUIDELINE) must load; only the installed one, when
 * missing, leaves the commands that can work without it a warning. */
static int check_guideline_option(void)
{
	struct az_catalogue *cat = NULL;
	struct az_error err = { 0 };
	int rc = az_catalogue_open(&cat, &err);
	az_catalogue_free(cat);
	if (rc == AZ_OK)
		return AZ_OK;
	cli_fail(rc, err.msg);
	if (!az_guideline_option)
		fputs(_("anzen: the catalogue is the one ANZEN_GUIDELINE names; correct it, or unset ANZEN_GUIDELINE "
			"to use the installed one\n"), stderr);
	return rc;
}

static int run(int argc, char **argv);

int main(int argc, char **argv)
{
	az_store_startup();
	return close_stdout(run(argc, argv));
}

static int run(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	az_i18n_start();
	/* --guideline DIR before the command applies to every command */
	while (argc >= 2 && strncmp(argv[1], "--guideline", 11) == 0 &&
	       (argv[1][11] == '=' || (argv[1][11] == '\0' && argc >= 3))) {
		int eq = argv[1][11] == '=';
		az_guideline_option = eq ? argv[1] + 12 : argv[2];
		argv[eq ? 1 : 2] = argv[0];
		argc -= eq ? 1 : 2;
		argv += eq ? 1 : 2;
	}
	const char *env = getenv("ANZEN_GUIDELINE");
	if ((az_guideline_option || (env && *env)) &&
	    (argc < 2 || (strcmp(argv[1], "guideline") != 0 && argv[1][0] != '-'))) {
		int rc = check_guideline_option();
		if (rc != AZ_OK)
			return rc;
	}
	if (argc < 2)
		return cmd_open(1, argv);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return ferror(stdout) ? AZ_IOERR : AZ_OK;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		version();
		return ferror(stdout) ? AZ_IOERR : AZ_OK;
	}
	fprintf(stderr, _("anzen: unknown command or option '%s'\n"), argv[1]);
	fputs(_("Try 'anzen --help' for more information.\n"), stderr);
	return AZ_USAGE;
}
