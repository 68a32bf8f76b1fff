/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The help of the assessment screens with the catalogue's own words after the screen's text: what
 * each level and rank means, what a threat, treatment or checklist item is, and where the guideline
 * says so. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "tui/help.h"
#include "tui/scr_assess.h"
#include "tui/screen.h"
#include "tui/wb.h"

void tui_help_refs(FILE *f, const struct az_ref *refs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s%s %s%s", i ? ", " : " [", refs[i].doc ? refs[i].doc : "",
			refs[i].section ? refs[i].section : "", i + 1 == n ? "]" : "");
}

void tui_help_levels(FILE *f)
{
	const struct az_catalogue *cat = tui_wb->cat;
	for (int k = 0; k < 2; k++) {
		fprintf(f, "\n\n%s", k ? _("Severity (重大性): how bad it would be") : _("Likelihood (顕在化率): how often it could happen"));
		for (int l = 1; l <= AZ_LEVELS; l++) {
			const struct az_level *lv = k ? az_catalogue_severity(cat, l) : az_catalogue_likelihood(cat, l);
			if (!lv)
				continue;
			fprintf(f, "\n%d %s: %s", l, az_text_get(&lv->name), az_text_get(&lv->description));
			tui_help_refs(f, lv->refs, lv->nrefs);
		}
	}
}

void tui_help_ranks(FILE *f)
{
	const struct az_catalogue *cat = tui_wb->cat;
	fprintf(f, "\n\n%s", _("Ranks (likelihood x severity):"));
	for (size_t i = 0; i < cat->nranks; i++) {
		const struct az_rank *r = &cat->ranks[i];
		fprintf(f, "\n%s %s %s: %s", r->symbol, r->id, az_text_get(&r->name), az_text_get(&r->response));
		tui_help_refs(f, r->refs, r->nrefs);
	}
}

void tui_assess_help(const struct tui_screen *s, void (*extra)(FILE *f, void *arg), void *arg)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (!f) {
		tui_help_show(s);
		return;
	}
	fputs(s->ops->help && *s->ops->help ? _(s->ops->help) : "", f);
	if (extra)
		extra(f, arg);
	if (fclose(f) != 0 || !text) {
		free(text);
		tui_help_show(s);
		return;
	}
	/* the help copies the text; the screen's own ops stay as they are */
	struct tui_screen_ops ops = *s->ops;
	ops.help = text;
	struct tui_screen tmp = { &ops, s->data, s->scopes };
	tui_help_show(&tmp);
	free(text);
}
