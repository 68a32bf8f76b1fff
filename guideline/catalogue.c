/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The catalogue's value lists, language choice and lookups. */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "guideline/catalogue.h"

const char *const az_cat_hosting_values[] = { "onprem", "cloud", NULL };
const char *const az_cat_remote_values[] = { "yes", "no", "unknown", NULL };
const char *const az_cat_connection_values[] = { "internet_vpn", "closed_network", "leased_line", "lte",
						 "internet", "cloud", "none", NULL };
const char *const az_cat_treatment_values[] = { "avoid", "reduce", "transfer", "accept", NULL };
const char *const az_cat_color_values[] = { "red", "magenta", "yellow", "green", "blue", "cyan", "white", NULL };
const char *const az_cat_answer_values[] = { "yes_no_unknown", "date", "text", NULL };
const char *const az_cat_form_values[] = { "clinic", "vendor", NULL };
const char *const az_cat_column_values[] = { "server", "terminal", "network", NULL };
const char *const az_cat_scope_values[] = { "clinic", "system", "vendor", NULL };
const char *const az_cat_fact_answer_values[] = { "yes_no_unknown", "date", NULL };
const char *const az_cat_when_values[] = { "yes", "no", "unknown", "old", NULL };

const char *az_text_get(const struct az_text *t)
{
	if (!t)
		return "";
	const char *first = az_ui_japanese() ? t->ja : t->en, *other = first == t->ja ? t->en : t->ja;
	if (first && *first)
		return first;
	return other ? other : "";
}

void az_catalogue_free(struct az_catalogue *cat)
{
	if (!cat)
		return;
	az_arena_free(cat->arena);
	free(cat);
}

/* the first letters compared first: a hospital's workbook looks ids up thousands of times */
#define FIND(array, n)                                                                                  \
	do {                                                                                            \
		if (!cat || !id)                                                                        \
			return NULL;                                                                    \
		for (size_t i = 0; i < cat->n; i++)                                                     \
			if (cat->array[i].id && cat->array[i].id[0] == id[0] && strcmp(cat->array[i].id, id) == 0) \
				return &cat->array[i];                                                  \
		return NULL;                                                                            \
	} while (0)

const struct az_rank *az_catalogue_rank(const struct az_catalogue *cat, const char *id) { FIND(ranks, nranks); }
const struct az_treatment *az_catalogue_treatment(const struct az_catalogue *cat, const char *id) { FIND(treatments, ntreatments); }
const struct az_category *az_catalogue_category(const struct az_catalogue *cat, const char *id) { FIND(categories, ncategories); }
const struct az_threat *az_catalogue_threat(const struct az_catalogue *cat, const char *id) { FIND(threats, nthreats); }
const struct az_control *az_catalogue_control(const struct az_catalogue *cat, const char *id) { FIND(controls, ncontrols); }
const struct az_fact *az_catalogue_fact(const struct az_catalogue *cat, const char *id) { FIND(facts, nfacts); }
const struct az_question *az_catalogue_question(const struct az_catalogue *cat, const char *id) { FIND(questions, nquestions); }
const struct az_cited_doc *az_catalogue_source(const struct az_catalogue *cat, const char *id) { FIND(sources, nsources); }
const struct az_checklist *az_catalogue_checklist(const struct az_catalogue *cat, const char *id) { FIND(checklists, nchecklists); }

const struct az_check_item *az_checklist_item(const struct az_checklist *cl, const char *id)
{
	if (!cl || !id)
		return NULL;
	for (size_t i = 0; i < cl->nitems; i++)
		if (cl->items[i].id && strcmp(cl->items[i].id, id) == 0)
			return &cl->items[i];
	return NULL;
}

int az_catalogue_has_item(const struct az_catalogue *cat, const char *item)
{
	for (size_t i = 0; cat && i < cat->nchecklists; i++)
		if (az_checklist_item(&cat->checklists[i], item))
			return 1;
	return 0;
}

int az_idlist_has(const struct az_idlist *l, const char *id)
{
	for (size_t i = 0; l && id && i < l->n; i++)
		if (l->v[i][0] == id[0] && strcmp(l->v[i], id) == 0)
			return 1;
	return 0;
}

int az_control_mitigates(const struct az_control *c, const char *threat)
{
	return c && az_idlist_has(&c->mitigates, threat);
}

const struct az_level *az_catalogue_likelihood(const struct az_catalogue *cat, int level)
{
	return cat && level >= 1 && (size_t)level <= cat->nlikelihood ? &cat->likelihood[level - 1] : NULL;
}

const struct az_level *az_catalogue_severity(const struct az_catalogue *cat, int level)
{
	return cat && level >= 1 && (size_t)level <= cat->nseverity ? &cat->severity[level - 1] : NULL;
}
