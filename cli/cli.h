/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The command line: subcommands that do not need the screen. */
#ifndef ANZEN_CLI_H
#define ANZEN_CLI_H

int cmd_new(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_open(int argc, char **argv);
/* cli/cmd_guideline.c */
int cmd_guideline(int argc, char **argv);

/* cli/cmd_year.c */
int cmd_next_year(int argc, char **argv);
int cmd_demo(int argc, char **argv);
/* cli/cmd_aggregate.c */
int cmd_aggregate(int argc, char **argv);
/* cli/cmd_verify.c */
int cmd_verify(int argc, char **argv);

struct az_store;
struct az_catalogue;
struct az_error;

/* cli/usage.c: prints a command's help on stdout (AZ_OK, or AZ_IOERR if stdout failed); "anzen CMD:
 * msg" (if msg) and where to find the help on stderr (AZ_USAGE); the same for the option
 * getopt_long just refused, arg being argv[optind - 1]. */
int cli_print_help(const char *text);
int cli_usage_error(const char *cmd, const char *msg);
int cli_bad_option(const char *cmd, const char *arg);

/* cli/cmd_check.c */
struct az_findings;
int cmd_check(int argc, char **argv);
/* The findings of an open workbook as of today (NULL: the real date); the catalogue is opened here. */
int cli_findings(struct az_store *s, const char *today, struct az_findings *f, struct az_error *err);
/* One finding a line (ID  ITEM  LEVEL: message, sanitised), or a JSON array. */
#include <stdio.h>
void cli_print_findings(FILE *out, const struct az_findings *f, int json);

/* Prints "anzen: msg" on stderr and returns code. */
int cli_fail(int code, const char *msg);
/* The default workbook under $XDG_DATA_HOME/anzen/, its directory created; free() it. */
char *cli_default_workbook(void);

#endif
