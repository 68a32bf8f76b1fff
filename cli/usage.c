/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* What every subcommand prints for --help and for a command line it cannot use. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>

#include "base/error.h"
#include "base/i18n.h"
#include "cli/cli.h"

int cli_print_help(const char *text)
{
	fputs(text, stdout);
	return ferror(stdout) ? AZ_IOERR : AZ_OK;
}

int cli_usage_error(const char *cmd, const char *msg)
{
	if (msg)
		fprintf(stderr, "anzen %s: %s\n", cmd, msg);
	fprintf(stderr, _("Try 'anzen %s --help' for more information.\n"), cmd);
	return AZ_USAGE;
}

int cli_bad_option(const char *cmd, const char *arg)
{
	char msg[160];
	/* optopt is a long option's value (>= 256) when its argument is missing: name it as typed */
	if (optopt && optopt < 256)
		snprintf(msg, sizeof msg, _("invalid option -- '%c'"), optopt);
	else
		snprintf(msg, sizeof msg, _("unrecognized option '%s'"), arg);
	return cli_usage_error(cmd, msg);
}
