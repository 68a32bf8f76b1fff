/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The table of anzen-pdf.so (cli/ui.h): the PDF writers and readers. */
#include <config.h>

#include "cli/ui.h"

const struct cli_pdf cli_pdf_table = {
	.m = { sizeof(struct cli_pdf), PACKAGE_VERSION },
	.report_pdf = az_report_pdf,
	.aggregate_write_csv = az_aggregate_write_csv,
	.aggregate_write_pdf = az_aggregate_write_pdf,
	.verify_pdf = az_verify_pdf,
	.verify_ok = az_verify_ok,
};
