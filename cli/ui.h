/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * The screens and the PDF writers, with the libraries only they need (curses, HarfBuzz, fontconfig,
 * libdeflate, nettle), live in a module of their own, anzen-ui.so, that the program
 * loads for the commands that use them: status, check, import and the JSON export start without
 * mapping any of those libraries (issue 10: the dynamic loader cost more than the work).
 */
#ifndef ANZEN_CLI_UI_H
#define ANZEN_CLI_UI_H

#include "export/aggregate.h"
#include "export/report.h"
#include "export/verify.h"
#include "tui/app.h"

/* What the module offers: the functions of tui/app.h and export/ the commands call. */
struct cli_ui {
	unsigned size;       /* sizeof (struct cli_ui) when built */
	const char *version; /* PACKAGE_VERSION when built: the module is the program's own */
	__typeof__(tui_wanted) *tui_wanted;
	__typeof__(tui_preflight) *tui_preflight;
	__typeof__(tui_run) *tui_run; /* with the export screen's PDF writer handed in */
	__typeof__(az_report_pdf) *report_pdf;
	__typeof__(az_aggregate_write_csv) *aggregate_write_csv;
	__typeof__(az_aggregate_write_pdf) *aggregate_write_pdf;
	__typeof__(az_verify_pdf) *verify_pdf;
	__typeof__(az_verify_ok) *verify_ok;
};

/* The module's functions, loaded at the first call (a program that links them in, as the tests do,
 * has them already); NULL with err set (AZ_IOERR) when the module cannot be loaded. */
const struct cli_ui *cli_ui(struct az_error *err);

/* Defined by cli/ui_table.c, in the module (or linked in); looked up by that name. */
extern const struct cli_ui cli_ui_table;

#endif
