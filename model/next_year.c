/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The body of 'anzen next-year', on a store that is already open (the CLI's read-only one, or the
 * screens' own): the JSON export of the old year goes into model/year's fill of the new file. */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/json_write.h"
#include "model/workbook.h"
#include "model/year.h"
#include "model/next_year.h"

int tui_next_year_write(struct az_store *src, const char *name, const char *output, int force, int *old_year,
			int *new_year, struct az_error *err)
{
	struct az_next_year ny = { 0 };
	char *copy = NULL, *snap = NULL;
	int rc = az_export_json_string_omit(src, &copy, &ny.copy_len, AZ_JSON_NO_CHANGELOG, err);
	if (rc == AZ_OK)
		rc = az_export_json_string_omit(src, &snap, &ny.snapshot_len, AZ_JSON_NO_CHANGELOG | AZ_JSON_NO_HISTORY,
						err);
	if (rc == AZ_OK) {
		ny.copy = copy;
		ny.snapshot = snap;
		ny.name = name;
		rc = az_workbook_write_new(output, force, az_year_fill_next, &ny, err);
	}
	free(copy);
	free(snap);
	*old_year = ny.old_year;
	*new_year = ny.new_year;
	return rc;
}

char *tui_next_year_path(const char *path, int year)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t n = strlen(path);
	const char *dot = strrchr(base, '.');
	if (dot && dot != base)
		n = (size_t)(dot - path);
	/* a name that already ends in -YYYY (made here last year) gets the new year instead */
	if (n >= 5 && (size_t)(base - path) + 5 <= n && path[n - 5] == '-' && isdigit((unsigned char)path[n - 4]) &&
	    isdigit((unsigned char)path[n - 3]) && isdigit((unsigned char)path[n - 2]) &&
	    isdigit((unsigned char)path[n - 1]))
		n -= 5;
	size_t cap = n + 32;
	char *out = malloc(cap);
	if (out)
		snprintf(out, cap, "%.*s-%d.anzen", (int)n, path, year);
	return out;
}
