/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The table of anzen-ui.so (cli/ui.h): the screens. */
#include <config.h>

#include "base/i18n.h"
#include "cli/ui.h"

/* The PDF writer handed to the export screen (tui/ cannot reach export/ itself): anzen-pdf.so's,
 * loaded when the first PDF is written. */
static int write_pdf(struct az_store *s, const struct az_catalogue *cat, const char *path, int force,
		     void (*warn)(void *ctx, const char *msg), struct az_error *err)
{
	struct az_report_opts o = { 0 };
	o.lang = az_ui_japanese() ? "ja" : "en";
	o.force = force;
	o.warn = warn;
	const struct cli_pdf *pdf = cli_pdf(err);
	return pdf ? pdf->report_pdf(s, cat, path, &o, err) : err->code;
}

static int run(const char *path)
{
	tui_pdf_writer = write_pdf;
	return tui_run(path);
}

const struct cli_ui cli_ui_table = {
	.m = { sizeof(struct cli_ui), PACKAGE_VERSION },
	.tui_wanted = tui_wanted,
	.tui_preflight = tui_preflight,
	.tui_run = run,
};
