/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <dlfcn.h>

#include <qpdf/qpdf-c.h>

#include "base/i18n.h"
#define AZ_QPDF_LAZY_C
#include "model/qpdf_lazy.h"

#define X(f) __typeof__(f) *az_##f;
AZ_QPDF_FUNCS
#undef X

int az_qpdf_load(struct az_error *err)
{
	static int loaded;
	if (loaded)
		return 0;
	void *lib = dlopen(QPDF_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!lib)
		return az_fail(err, AZ_IOERR, _("cannot read PDF files: %s (install the Debian package libqpdf29)"),
			       dlerror());
	const char *missing = NULL;
	/* the POSIX way to take a function from dlsym */
#define X(f)                                                   \
	if (!(*(void **)&az_##f = dlsym(lib, #f)) && !missing) \
		missing = #f;
	AZ_QPDF_FUNCS
#undef X
	if (missing) {
		dlclose(lib);
		return az_fail(err, AZ_IOERR, _("cannot read PDF files: %s has no %s"), QPDF_SONAME, missing);
	}
	loaded = 1;
	return 0;
}
