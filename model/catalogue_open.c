/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdlib.h>

#include "guideline/diags.h"
#include "base/i18n.h"
#include "guideline/locate.h"
#include "model/catalogue_open.h"

int az_catalogue_open(struct az_catalogue **out, struct az_error *err)
{
	*out = NULL;
	char *dir = az_guideline_locate();
	if (!dir)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	struct az_diags d;
	az_diags_init(&d);
	int rc = az_catalogue_load(dir, out, &d);
	if (rc != AZ_OK) {
		az_diags_sort(&d);
		if (d.n)
			az_fail(err, rc, _("the content catalogue in %s cannot be read: %s:%lu:%lu: %s; run 'anzen guideline check'"),
				dir, d.v[0].file, d.v[0].line, d.v[0].col, d.v[0].msg);
		else
			az_fail(err, rc, _("the content catalogue in %s cannot be read; run 'anzen guideline check'"), dir);
	}
	az_diags_free(&d);
	free(dir);
	return rc;
}
