/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The PDF writer handed to the export screen (tui/ cannot reach export/ itself). */
#include <config.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "export/report.h"

int cli_write_pdf(struct az_store *s, const struct az_catalogue *cat, const char *path, int force,
		  void (*warn)(void *ctx, const char *msg), struct az_error *err)
{
	struct az_report_opts o = { 0 };
	o.lang = az_ui_japanese() ? "ja" : "en";
	o.force = force;
	o.warn = warn;
	return az_report_pdf(s, cat, path, &o, err);
}
