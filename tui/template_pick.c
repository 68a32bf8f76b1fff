/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Starting a blank workbook from a template, from the home screen (tui/template_pick.h). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "guideline/locate.h"
#include "guideline/template.h"
#include "model/template_fill.h"
#include "tui/choice.h"
#include "tui/template_pick.h"
#include "tui/wb.h"

#define MAX_TEMPLATES 16

/* the names behind the options while the box is open (the callback gets an index) */
static char *names[MAX_TEMPLATES];
static size_t nnames;

static void forget(void)
{
	for (size_t i = 0; i < nnames; i++)
		free(names[i]);
	nnames = 0;
}

static struct az_template *load(const char *dir, const char *name)
{
	struct az_template *t = NULL;
	struct az_diags d;
	az_diags_init(&d);
	if (az_template_load(dir, name, tui_wb->cat, &t, &d) != AZ_OK)
		t = NULL;
	az_diags_free(&d);
	return t;
}

static void picked(void *arg, int i)
{
	(void)arg;
	char *dir = az_guideline_locate();
	struct az_template *t = dir && i >= 0 && (size_t)i < nnames ? load(dir, names[i]) : NULL;
	free(dir);
	forget();
	if (!t) {
		tui_error("%s", _("The template could not be read: see 'anzen guideline check'."));
		return;
	}
	struct az_error err = { 0 };
	int rc = az_template_apply(tui_wb->store, t, &err);
	if (tui_wb_edited(rc, &err) == 0) {
		char *title = az_text_sanitize(az_text_get(&t->title));
		tui_info(_("Started from the template %s: %zu systems and %zu vendors, with their usual answers. Change what differs."),
			 title ? title : "", t->nsystems, t->nvendors);
		free(title);
	}
	az_template_free(t);
}

int tui_template_blank(void)
{
	const struct az_book *b = &tui_wb->book;
	return b->n_systems == 0 && b->n_vendors == 0 && b->n_facts == 0;
}

int tui_template_pick(void)
{
	if (!tui_template_blank()) {
		tui_error("%s", _("A template only starts an empty workbook: this one already has systems or vendors."));
		return -1;
	}
	char *dir = az_guideline_locate(), **all = NULL;
	size_t n = 0;
	if (!dir || az_template_names(dir, &all, &n) != 0 || n == 0) {
		free(dir);
		tui_error("%s", _("No templates were found with the catalogue."));
		return -1;
	}
	forget();
	struct tui_choice_opt opts[MAX_TEMPLATES];
	char labels[MAX_TEMPLATES][200], descs[MAX_TEMPLATES][900];
	for (size_t i = 0; i < n && nnames < MAX_TEMPLATES; i++) {
		struct az_template *t = load(dir, all[i]);
		if (!t || !(names[nnames] = strdup(all[i]))) {
			az_template_free(t);
			continue;
		}
		/* catalogue text: shown as it is (gettext passes it through), sanitised when drawn */
		snprintf(labels[nnames], sizeof labels[nnames], "%s", az_text_get(&t->title));
		snprintf(descs[nnames], sizeof descs[nnames], _("%s (%zu systems, %zu vendors)"), az_text_get(&t->description),
			 t->nsystems, t->nvendors);
		opts[nnames] = (struct tui_choice_opt){ labels[nnames], descs[nnames] };
		nnames++;
		az_template_free(t);
	}
	az_template_names_free(all, n);
	free(dir);
	if (nnames == 0) {
		tui_error("%s", _("No templates were found with the catalogue."));
		return -1;
	}
	/* the dental clinic first: anzen's first users */
	int cur = 0;
	for (size_t i = 0; i < nnames; i++)
		if (!strcmp(names[i], "dental-clinic"))
			cur = (int)i;
	if (tui_choice_pick(_("Start from a template"), opts, nnames, cur, picked, NULL) != 0) {
		forget();
		return -1;
	}
	return 0;
}
