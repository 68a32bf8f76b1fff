/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Forms bound to workbook rows. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/edit.h"
#include "model/edit_row.h"
#include "tui/formrow.h"
#include "tui/screen.h"
#include "tui/wb.h"

/* The model names the column ("name: may not be empty"); the user knows the field's label. */
static int edited(struct tui_form *fm, const struct tui_form_col *cols, int rc, struct az_error *err)
{
	for (size_t i = 0; rc != AZ_OK && i < fm->n; i++) {
		size_t n = cols[i].column ? strlen(cols[i].column) : 0;
		if (n && strncmp(err->msg, cols[i].column, n) == 0 && err->msg[n] == ':') {
			char msg[sizeof err->msg];
			snprintf(msg, sizeof msg, "%s%s", _(fm->items[i].label), err->msg + n);
			snprintf(err->msg, sizeof err->msg, "%s", msg);
			fm->cur = i;
			break;
		}
	}
	return tui_wb_edited(rc, err);
}

/* pairs[2k], pairs[2k+1] for every (changed) field; owned strings in texts. */
static size_t collect(struct tui_form *fm, const struct tui_form_col *cols, int changed_only, const char **pairs,
		      char **texts)
{
	size_t n = 0;
	for (size_t i = 0; i < fm->n; i++) {
		texts[i] = NULL;
		if (!cols[i].column || (changed_only && !fm->fields[i].changed))
			continue;
		const char *v;
		if (fm->items[i].opts) {
			int k = fm->sel[i];
			v = k >= 0 && cols[i].values ? cols[i].values[k] : NULL;
			if (v && !*v) /* "" is the "none" option of a reference */
				v = NULL;
		} else {
			texts[i] = tui_field_text(&fm->fields[i]);
			v = texts[i] ? texts[i] : "";
			if (fm->items[i].kind == TUI_FIELD_DATE && !*v)
				v = NULL;
		}
		pairs[2 * n] = cols[i].column;
		pairs[2 * n + 1] = v;
		n++;
	}
	pairs[2 * n] = NULL;
	return n;
}

static void release(struct tui_form *fm, char **texts)
{
	for (size_t i = 0; i < fm->n; i++)
		free(texts[i]);
	free(texts);
}

int tui_form_save_row(struct tui_form *fm, const struct tui_form_col *cols, const char *table, long long id)
{
	const char **pairs = calloc(2 * fm->n + 2, sizeof *pairs);
	char **texts = calloc(fm->n + 1, sizeof *texts);
	if (!pairs || !texts) {
		free(pairs);
		free(texts);
		tui_error("%s", _("out of memory"));
		return -1;
	}
	struct az_error err = { 0 };
	collect(fm, cols, 1, pairs, texts);
	int rc = az_edit_row(tui_wb->store, table, id, pairs, &err);
	rc = rc == AZ_OK ? tui_wb_saved(rc, &err, table, id, pairs) : edited(fm, cols, rc, &err);
	free(pairs);
	release(fm, texts);
	if (rc == 0)
		for (size_t i = 0; i < fm->n; i++)
			fm->fields[i].changed = 0;
	return rc;
}

int tui_form_insert_row(struct tui_form *fm, const struct tui_form_col *cols, const char *table,
			const char *const *extra, long long *id)
{
	size_t nextra = 0;
	while (extra && extra[2 * nextra])
		nextra++;
	const char **pairs = calloc(2 * (fm->n + nextra) + 2, sizeof *pairs);
	char **texts = calloc(fm->n + 1, sizeof *texts);
	if (!pairs || !texts) {
		free(pairs);
		free(texts);
		tui_error("%s", _("out of memory"));
		return -1;
	}
	size_t n = collect(fm, cols, 0, pairs, texts);
	/* NULL values are left out: the column's default applies */
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (pairs[2 * i + 1]) {
			pairs[2 * k] = pairs[2 * i];
			pairs[2 * k + 1] = pairs[2 * i + 1];
			k++;
		}
	for (size_t i = 0; i < nextra; i++, k++) {
		pairs[2 * k] = extra[2 * i];
		pairs[2 * k + 1] = extra[2 * i + 1];
	}
	pairs[2 * k] = NULL;
	struct az_error err = { 0 };
	int rc = edited(fm, cols, az_edit_insert(tui_wb->store, table, pairs, id, &err), &err);
	free(pairs);
	release(fm, texts);
	if (rc == 0)
		for (size_t i = 0; i < fm->n; i++)
			fm->fields[i].changed = 0;
	return rc;
}

void tui_form_load_choice(struct tui_form *fm, const struct tui_form_col *cols, size_t i, const char *value)
{
	int k = -1;
	for (int j = 0; value && cols[i].values && cols[i].values[j]; j++)
		if (strcmp(cols[i].values[j], value) == 0)
			k = j;
	tui_form_set_choice(fm, i, k);
	fm->fields[i].changed = 0;
}
