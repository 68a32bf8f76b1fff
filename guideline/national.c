/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "guideline/national.h"
#include "guideline/ydoc.h"
#include "base/error.h"

#define FILE_NAME "national/isac-2023.yaml"

struct nl {
	struct az_ydoc y;
	struct az_national *n;
};

static const char *str(struct nl *L, yaml_node_t *map, const char *key, int required)
{
	const char *s = az_ydoc_str(&L->y, az_ydoc_get(&L->y, map, key, required), key);
	if (!s)
		return "";
	if (required && !*s)
		az_ydoc_err(&L->y, map, _("'%s' may not be empty"), key);
	return az_arena_strndup(L->n->arena, s, strlen(s));
}

static int num(struct nl *L, yaml_node_t *map, const char *key, int min, int max)
{
	yaml_node_t *v = az_ydoc_get(&L->y, map, key, 1);
	const char *s = az_ydoc_str(&L->y, v, key);
	char *end;
	if (!s)
		return min;
	long x = strtol(s, &end, 10);
	if (!*s || *end || x < min || x > max) {
		az_ydoc_err(&L->y, v, _("'%s' must be a whole number from %d to %d"), key, min, max);
		return min;
	}
	return (int)x;
}

static void text(struct nl *L, yaml_node_t *map, const char *key, int required, struct az_text *out)
{
	static const char *const keys[] = { "ja", "en", NULL };
	yaml_node_t *v = az_ydoc_get(&L->y, map, key, required);
	out->ja = out->en = "";
	if (!v)
		return;
	if (v->type != YAML_MAPPING_NODE) {
		az_ydoc_err(&L->y, v, _("'%s' must be a mapping with ja and en"), key);
		return;
	}
	az_ydoc_check_keys(&L->y, v, keys);
	out->ja = str(L, v, "ja", 1);
	out->en = str(L, v, "en", 1);
}

static void source(struct nl *L, yaml_node_t *map, struct az_source *s)
{
	static const char *const keys[] = { "title", "publisher", "published", "respondents", NULL };
	if (!map || map->type != YAML_MAPPING_NODE) {
		az_ydoc_err(&L->y, map, "%s", _("'source' must be a mapping"));
		return;
	}
	az_ydoc_check_keys(&L->y, map, keys);
	s->title = str(L, map, "title", 1);
	s->publisher = str(L, map, "publisher", 1);
	s->published = str(L, map, "published", 1);
	s->respondents = num(L, map, "respondents", 1, 1000000);
}

static void figure(struct nl *L, yaml_node_t *m, struct az_figure *f, int question)
{
	static const char *const qkeys[] = { "id", "text", "percent", "approx", "base", "from_workbook", NULL };
	static const char *const vkeys[] = { "id", "text", "percent", "approx", NULL };
	az_ydoc_check_keys(&L->y, m, question ? qkeys : vkeys);
	f->id = str(L, m, "id", 1);
	text(L, m, "text", 1, &f->text);
	f->percent = num(L, m, "percent", 0, 100);
	const char *a = az_ydoc_str(&L->y, az_ydoc_get(&L->y, m, "approx", 0), "approx");
	if (a && strcmp(a, "true") && strcmp(a, "false"))
		az_ydoc_err(&L->y, az_ydoc_get(&L->y, m, "approx", 0), "%s", _("'approx' must be true or false"));
	f->approx = a && !strcmp(a, "true");
	if (question) {
		text(L, m, "base", 1, &f->base);
		text(L, m, "from_workbook", 1, &f->from_workbook);
	}
}

int az_national_load(const char *dir, struct az_national **out, struct az_diags *d)
{
	static const char *const keys[] = { "source", "questions", "vendors", NULL };
	static const char *const vkeys[] = { "source", "figures", NULL };
	struct nl L = { 0 };
	size_t before = d->n;
	*out = NULL;
	size_t n = strlen(dir) + sizeof FILE_NAME + 2;
	char *path = malloc(n);
	L.n = calloc(1, sizeof *L.n);
	if (!path || !L.n || !(L.n->arena = az_arena_new())) {
		free(path);
		free(L.n);
		az_diags_add(d, FILE_NAME, 0, 0, "%s", _("out of memory"));
		return AZ_IOERR;
	}
	snprintf(path, n, "%s/%s", dir, FILE_NAME);
	int rc = az_ydoc_load(&L.y, path, FILE_NAME, d);
	free(path);
	if (rc == 0) {
		yaml_node_t *root = az_ydoc_root(&L.y);
		az_ydoc_check_keys(&L.y, root, keys);
		source(&L, az_ydoc_get(&L.y, root, "source", 1), &L.n->source);
		yaml_node_t *qs = az_ydoc_get(&L.y, root, "questions", 1);
		if (qs && (qs->type != YAML_SEQUENCE_NODE || az_ydoc_seq_len(qs) != AZ_NATIONAL_QUESTIONS))
			az_ydoc_err(&L.y, qs, _("'questions' must be a list of the %d survey questions Q1 to Q8"),
				    AZ_NATIONAL_QUESTIONS);
		else if (qs)
			for (int i = 0; i < AZ_NATIONAL_QUESTIONS; i++) {
				yaml_node_t *m = az_ydoc_seq_at(&L.y, qs, i);
				char want[8];
				snprintf(want, sizeof want, "Q%d", i + 1);
				if (!m || m->type != YAML_MAPPING_NODE) {
					az_ydoc_err(&L.y, m, "%s", _("a question must be a mapping"));
					continue;
				}
				figure(&L, m, &L.n->questions[i], 1);
				if (strcmp(L.n->questions[i].id, want) != 0)
					az_ydoc_err(&L.y, m, _("expected id %s here"), want);
			}
		yaml_node_t *v = az_ydoc_get(&L.y, root, "vendors", 1);
		if (v && v->type == YAML_MAPPING_NODE) {
			az_ydoc_check_keys(&L.y, v, vkeys);
			source(&L, az_ydoc_get(&L.y, v, "source", 1), &L.n->vendor_source);
			yaml_node_t *fs = az_ydoc_get(&L.y, v, "figures", 1);
			int nf = az_ydoc_seq_len(fs);
			if (nf > 0 && nf <= 100 && (L.n->vendor_figures = az_arena_alloc(L.n->arena, (size_t)nf * sizeof(struct az_figure))))
				for (int i = 0; i < nf; i++) {
					yaml_node_t *m = az_ydoc_seq_at(&L.y, fs, i);
					if (!m || m->type != YAML_MAPPING_NODE) {
						az_ydoc_err(&L.y, m, "%s", _("a figure must be a mapping"));
						continue;
					}
					figure(&L, m, &L.n->vendor_figures[L.n->nvendor_figures++], 0);
				}
		} else if (v) {
			az_ydoc_err(&L.y, v, "%s", _("'vendors' must be a mapping"));
		}
	}
	az_ydoc_free(&L.y);
	if (d->n > before) {
		az_national_free(L.n);
		return AZ_DATAERR;
	}
	*out = L.n;
	return AZ_OK;
}

void az_national_free(struct az_national *n)
{
	if (!n)
		return;
	az_arena_free(n->arena);
	free(n);
}
