/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The table of anzen-ui.so (cli/ui.h): the screens and the PDF writers. */
#include <config.h>

#include "base/i18n.h"
#include "cli/ui.h"

/* The PDF writer handed to the export screen (tui/ cannot reach export/ itself). */
static int write_pdf(struct az_store *s, const struct az_catalogue *cat, const char *path, int force,
		     void (*warn)(void *ctx, const char *msg), struct az_error *err)
{
	struct az_report_opts o = { 0 };
	o.lang = az_ui_japanese() ? "ja" : "en";
	o.force = force;
	o.warn = warn;
	return az_report_pdf(s, cat, path, &o, err);
}

static int run(const char *path)
{
	tui_pdf_writer = write_pdf;
	return tui_run(path);
}

const struct cli_ui cli_ui_table = {
	.size = sizeof(struct cli_ui),
	.version = PACKAGE_VERSION,
	.tui_wanted = tui_wanted,
	.tui_preflight = tui_preflight,
	.tui_run = run,
	.report_pdf = az_report_pdf,
	.aggregate_write_csv = az_aggregate_write_csv,
	.aggregate_write_pdf = az_aggregate_write_pdf,
	.verify_pdf = az_verify_pdf,
	.verify_ok = az_verify_ok,
};
