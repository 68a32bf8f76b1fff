/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * The screens and the PDF writers, with the libraries only they need, live in modules of their own
 * that the program loads for the commands that use them: status, check, import and the JSON export
 * start without mapping any of those libraries (issue 10: the dynamic loader cost more than the
 * work). anzen-pdf.so holds the PDF writers (libdeflate, nettle), for export --format pdf, aggregate
 * and verify; anzen-ui.so the screens (curses), which load anzen-pdf.so when they write a PDF: a PDF
 * export maps no curses (500 symbol relocations fewer).
 */
#ifndef ANZEN_CLI_UI_H
#define ANZEN_CLI_UI_H

#include "export/aggregate.h"
#include "export/report.h"
#include "export/verify.h"
#include "tui/app.h"

/* The start of each module's table: the module is the program's own. */
struct cli_module {
	unsigned size;       /* sizeof the table when built */
	const char *version; /* PACKAGE_VERSION when built */
};

/* What anzen-ui.so offers: the functions of tui/app.h the commands call. */
struct cli_ui {
	struct cli_module m;
	__typeof__(tui_wanted) *tui_wanted;
	__typeof__(tui_preflight) *tui_preflight;
	__typeof__(tui_run) *tui_run; /* with the export screen's PDF writer handed in */
};

/* What anzen-pdf.so offers: the PDF writers and readers of export/ the commands call. */
struct cli_pdf {
	struct cli_module m;
	__typeof__(az_report_pdf) *report_pdf;
	__typeof__(az_aggregate_write_csv) *aggregate_write_csv;
	__typeof__(az_aggregate_write_pdf) *aggregate_write_pdf;
	__typeof__(az_verify_pdf) *verify_pdf;
	__typeof__(az_verify_ok) *verify_ok;
};

/* The module's functions, loaded at the first call (a program that links them in, as the tests do,
 * has them already); NULL with err set (AZ_IOERR) when the module cannot be loaded. */
const struct cli_ui *cli_ui(struct az_error *err);
const struct cli_pdf *cli_pdf(struct az_error *err);

/* Defined by cli/ui_table.c and cli/pdf_table.c, in the modules (or linked in); looked up by name. */
extern const struct cli_ui cli_ui_table;
extern const struct cli_pdf cli_pdf_table;

#endif
