/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Loading anzen-ui.so, the screens and the PDF writers (cli/ui.h). */
#include <config.h>

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "guideline/locate.h"
#include "cli/ui.h"

/* A program that links a table in (the tests) does not load it. */
extern const struct cli_ui cli_ui_table __attribute__((weak));
extern const struct cli_pdf cli_pdf_table __attribute__((weak));

/* The table named symbol of the module name, of the given size. */
static const void *load(const char *name, const char *symbol, unsigned size, struct az_error *err)
{
	char *path = az_module_locate(name);
	if (!path)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory")), NULL;
	/* every symbol bound now: one the module lacks is this message, not a crash halfway through a
	 * PDF (it costs a fraction of a millisecond) */
	void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	const struct cli_module *t = lib ? dlsym(lib, symbol) : NULL;
	if (!t) {
		const char *why = dlerror();
		az_fail(err, AZ_IOERR, _("cannot load the screens and the PDF writer: %s (reinstall anzen)"),
			why ? why : path);
	} else if (t->size != size || strcmp(t->version, PACKAGE_VERSION) != 0) {
		az_fail(err, AZ_IOERR, _("cannot load the screens and the PDF writer: %s is not of anzen %s "
					 "(reinstall anzen)"), path, PACKAGE_VERSION);
		t = NULL;
	}
	free(path);
	return t;
}

const struct cli_ui *cli_ui(struct az_error *err)
{
	static const struct cli_ui *ui;
	if (!ui)
		ui = &cli_ui_table ? &cli_ui_table : load("anzen-ui.so", "cli_ui_table", sizeof *ui, err);
	return ui;
}

const struct cli_pdf *cli_pdf(struct az_error *err)
{
	static const struct cli_pdf *pdf;
	if (!pdf)
		pdf = &cli_pdf_table ? &cli_pdf_table : load("anzen-pdf.so", "cli_pdf_table", sizeof *pdf, err);
	return pdf;
}
