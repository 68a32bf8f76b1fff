/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/date.h"
#include "base/text.h"
#include "base/arena.h"
#include "base/i18n.h"
#include "guideline/template.h"
#include "guideline/ydoc.h"
#include "base/error.h"

#define MAX_ROWS 200

const char *const az_tpl_certification_values[] = { "isms", "pmark", "both", "none", "unknown", NULL };

struct tl {
	struct az_ydoc y;
	struct az_template *t;
	const struct az_catalogue *cat;
};

static const char *text(struct tl *L, yaml_node_t *map, const char *key, int required, size_t max)
{
	yaml_node_t *n = az_ydoc_get(&L->y, map, key, required);
	const char *s = az_ydoc_str(&L->y, n, key);
	if (!s)
		return n ? NULL : "";
	size_t chars = az_utf8_count(s, strlen(s));
	if ((required && chars == 0) || chars > max) {
		az_ydoc_err(&L->y, n, _("'%s' must have %d to %zu characters"), key, required, max);
		return NULL;
	}
	return az_arena_strndup(L->t->arena, s, strlen(s));
}

static int choice(struct tl *L, yaml_node_t *map, const char *key, const char *const *values, int dflt)
{
	yaml_node_t *n = az_ydoc_get(&L->y, map, key, 0);
	const char *s = az_ydoc_str(&L->y, n, key);
	if (!s)
		return dflt;
	for (int i = 0; values[i]; i++)
		if (!strcmp(values[i], s))
			return i;
	char list[256] = "";
	for (int i = 0; values[i]; i++)
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", values[i]);
	az_ydoc_err(&L->y, n, _("'%s': '%.40s' is not one of: %s"), key, s, list);
	return dflt;
}

static int integer(struct tl *L, yaml_node_t *map, const char *key, int min, int max, int dflt)
{
	static const char *const bools[] = { "false", "true", NULL };
	if (min == 0 && max == 1)
		return choice(L, map, key, bools, dflt);
	yaml_node_t *n = az_ydoc_get(&L->y, map, key, 0);
	const char *s = az_ydoc_str(&L->y, n, key);
	if (!s)
		return dflt;
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < min || v > max) {
		az_ydoc_err(&L->y, n, _("'%s' must be a whole number from %d to %d"), key, min, max);
		return dflt;
	}
	return (int)v;
}

static void lang_text(struct tl *L, yaml_node_t *map, const char *key, struct az_text *out)
{
	static const char *const keys[] = { "ja", "en", NULL };
	yaml_node_t *n = az_ydoc_get(&L->y, map, key, 1);
	if (!n)
		return;
	if (n->type != YAML_MAPPING_NODE) {
		az_ydoc_err(&L->y, n, _("'%s' must be a mapping with ja and en"), key);
		return;
	}
	az_ydoc_check_keys(&L->y, n, keys);
	out->ja = text(L, n, "ja", 1, 400);
	out->en = text(L, n, "en", 1, 400);
}

/* Room in the arena for the entries of the list key (*seq, *count of them); NULL and 0 if there are
 * none or the list is wrong (said). */
static void *list(struct tl *L, yaml_node_t *root, const char *key, size_t size, yaml_node_t **seq, size_t *count)
{
	yaml_node_t *n = az_ydoc_get(&L->y, root, key, 0);
	*count = 0;
	*seq = n;
	if (!n)
		return NULL;
	if (n->type != YAML_SEQUENCE_NODE) {
		az_ydoc_err(&L->y, n, _("'%s' must be a list"), key);
		return NULL;
	}
	*count = (size_t)az_ydoc_seq_len(n);
	if (*count > MAX_ROWS) {
		az_ydoc_err(&L->y, n, _("'%s' has more than %d entries"), key, MAX_ROWS);
		*count = 0;
		return NULL;
	}
	void *rows = *count ? az_arena_alloc(L->t->arena, *count * size) : NULL;
	if (!rows)
		*count = 0;
	return rows;
}

/* Entry i of seq if it is a mapping (its keys checked against keys), else NULL with not_mapping said. */
static yaml_node_t *entry(struct tl *L, yaml_node_t *seq, size_t i, const char *const *keys, const char *not_mapping)
{
	yaml_node_t *m = az_ydoc_seq_at(&L->y, seq, (int)i);
	if (!m || m->type != YAML_MAPPING_NODE) {
		az_ydoc_err(&L->y, m, "%s", not_mapping);
		return NULL;
	}
	az_ydoc_check_keys(&L->y, m, keys);
	return m;
}

static void vendors(struct tl *L, yaml_node_t *root)
{
	static const char *const keys[] = { "key", "name", "contact", "certification", "note", NULL };
	size_t n;
	yaml_node_t *seq;
	L->t->vendors = list(L, root, "vendors", sizeof *L->t->vendors, &seq, &n);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *m = entry(L, seq, i, keys, _("a vendor must be a mapping"));
		if (!m)
			continue;
		struct az_tpl_vendor *v = &L->t->vendors[L->t->nvendors];
		v->key = text(L, m, "key", 1, 64);
		v->name = text(L, m, "name", 1, 200);
		v->contact = text(L, m, "contact", 0, 200);
		v->note = text(L, m, "note", 0, 4000);
		v->certification = choice(L, m, "certification", az_tpl_certification_values, 4);
		for (size_t j = 0; v->key && j < L->t->nvendors; j++)
			if (L->t->vendors[j].key && !strcmp(L->t->vendors[j].key, v->key))
				az_ydoc_err(&L->y, az_ydoc_get(&L->y, m, "key", 0), _("duplicate vendor key '%.60s'"),
					    v->key);
		if (v->key && v->name && v->contact && v->note)
			L->t->nvendors++;
	}
}

static void systems(struct tl *L, yaml_node_t *root)
{
	static const char *const keys[] = { "category", "name", "vendor", "hosting", "remote_maintenance",
					    "connection", "device_make", "device_model", "holds_patient_data",
					    "importance", "note", NULL };
	size_t n;
	yaml_node_t *seq;
	L->t->systems = list(L, root, "systems", sizeof *L->t->systems, &seq, &n);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *m = entry(L, seq, i, keys, _("a system must be a mapping"));
		if (!m)
			continue;
		struct az_tpl_system *s = &L->t->systems[L->t->nsystems];
		s->category = text(L, m, "category", 1, 64);
		const struct az_category *c = s->category ? az_catalogue_category(L->cat, s->category) : NULL;
		if (s->category && !c)
			az_ydoc_err(&L->y, az_ydoc_get(&L->y, m, "category", 0),
				    _("unknown system category '%.60s' (see systems.yaml)"), s->category);
		s->name = text(L, m, "name", 1, 200);
		s->device_make = text(L, m, "device_make", 0, 200);
		s->device_model = text(L, m, "device_model", 0, 200);
		s->note = text(L, m, "note", 0, 4000);
		/* a category's own defaults stand where the template says nothing */
		s->hosting = choice(L, m, "hosting", az_cat_hosting_values, c ? c->defaults.hosting : 0);
		s->remote_maintenance = choice(L, m, "remote_maintenance", az_cat_remote_values,
					       c ? c->defaults.remote_maintenance : 2);
		s->connection = choice(L, m, "connection", az_cat_connection_values, c ? c->defaults.connection : 6);
		s->holds_patient_data = integer(L, m, "holds_patient_data", 0, 1, c ? c->defaults.holds_patient_data : 1);
		s->importance = integer(L, m, "importance", 1, 3, c ? c->defaults.importance : 2);
		yaml_node_t *vn = az_ydoc_get(&L->y, m, "vendor", 0);
		s->vendor = vn ? text(L, m, "vendor", 1, 64) : NULL;
		if (s->vendor) {
			size_t j;
			for (j = 0; j < L->t->nvendors && strcmp(L->t->vendors[j].key, s->vendor); j++)
				;
			if (j == L->t->nvendors)
				az_ydoc_err(&L->y, vn, _("no vendor with key '%.60s' in this template"), s->vendor);
		}
		if (s->category && c && s->name && s->device_make && s->device_model && s->note)
			L->t->nsystems++;
	}
}

/* facts: {fact_id: yes|no|unknown, or a date for a date fact} */
static void facts(struct tl *L, yaml_node_t *root)
{
	static const char *const answers[] = { "yes", "no", "unknown", NULL };
	yaml_node_t *m = az_ydoc_get(&L->y, root, "facts", 0);
	if (!m)
		return;
	if (m->type != YAML_MAPPING_NODE) {
		az_ydoc_err(&L->y, m, "%s", _("'facts' must be a mapping of fact ids to answers"));
		return;
	}
	size_t n = (size_t)(m->data.mapping.pairs.top - m->data.mapping.pairs.start);
	L->t->facts = n ? az_arena_alloc(L->t->arena, n * sizeof *L->t->facts) : NULL;
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start; L->t->facts && p < m->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&L->y.doc, p->key), *v = yaml_document_get_node(&L->y.doc, p->value);
		const char *id = az_ydoc_str(&L->y, k, "facts"), *a = v ? az_ydoc_str(&L->y, v, id ? id : "facts") : NULL;
		const struct az_fact *f = id ? az_catalogue_fact(L->cat, id) : NULL;
		if (id && !f) {
			az_ydoc_err(&L->y, k, _("unknown fact '%.60s' (see facts.yaml)"), id);
			continue;
		}
		if (!f || !a)
			continue;
		struct az_tpl_fact *tf = &L->t->facts[L->t->nfacts];
		int i = 0;
		while (answers[i] && strcmp(answers[i], a))
			i++;
		tf->fact = az_arena_strndup(L->t->arena, id, strlen(id));
		tf->answer = answers[i] ? i : 0;
		tf->value = NULL;
		if (f->answer == AZ_FACT_DATE && !answers[i] && az_date_valid(a))
			tf->value = az_arena_strndup(L->t->arena, a, strlen(a));
		else if (f->answer == AZ_FACT_DATE ? (i != 2 || !answers[i]) : !answers[i]) {
			az_ydoc_err(&L->y, v, f->answer == AZ_FACT_DATE ? _("'%.60s' is answered with a date or unknown")
									: _("'%.60s' is answered yes, no or unknown"),
				    id);
			continue;
		}
		if (tf->fact)
			L->t->nfacts++;
	}
}

int az_template_load(const char *dir, const char *name, const struct az_catalogue *cat, struct az_template **out,
		     struct az_diags *d)
{
	static const char *const keys[] = { "title", "description", "vendors", "systems", "facts", NULL };
	struct tl L = { .cat = cat };
	size_t before = d->n;
	*out = NULL;
	for (const char *p = name; *p || p == name; p++)
		if (!*p || !strchr("abcdefghijklmnopqrstuvwxyz0123456789-_", *p)) {
			az_diags_add(d, name, 0, 0, "%s", _("a template name has only a-z, 0-9, '-' and '_'"));
			return AZ_NOINPUT;
		}
	size_t n = strlen(dir) + strlen(name) + 32;
	char *path = malloc(n), *rel = malloc(strlen(name) + 32);
	if (!path || !rel) {
		free(path);
		free(rel);
		az_diags_add(d, name, 0, 0, "%s", _("out of memory"));
		return AZ_IOERR;
	}
	snprintf(path, n, "%s/templates/%s.yaml", dir, name);
	snprintf(rel, strlen(name) + 32, "templates/%s.yaml", name);
	struct stat st;
	if (stat(path, &st) != 0) {
		az_diags_add(d, rel, 0, 0, "%s", _("no such template (see 'anzen new --list-templates')"));
		free(path);
		free(rel);
		return AZ_NOINPUT;
	}
	L.t = calloc(1, sizeof *L.t);
	if (!L.t || !(L.t->arena = az_arena_new())) {
		free(L.t);
		free(path);
		free(rel);
		az_diags_add(d, name, 0, 0, "%s", _("out of memory"));
		return AZ_IOERR;
	}
	L.t->id = az_arena_strndup(L.t->arena, name, strlen(name));
	const char *fname = az_arena_strndup(L.t->arena, rel, strlen(rel));
	free(rel);
	if (az_ydoc_load(&L.y, path, fname, d) == 0) {
		yaml_node_t *root = az_ydoc_root(&L.y);
		az_ydoc_check_keys(&L.y, root, keys);
		lang_text(&L, root, "title", &L.t->title);
		lang_text(&L, root, "description", &L.t->description);
		vendors(&L, root);
		systems(&L, root);
		facts(&L, root);
	}
	az_ydoc_free(&L.y);
	free(path);
	if (d->n > before) {
		az_template_free(L.t);
		return AZ_DATAERR;
	}
	*out = L.t;
	return AZ_OK;
}

void az_template_free(struct az_template *t)
{
	if (!t)
		return;
	az_arena_free(t->arena);
	free(t);
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int az_template_names(const char *dir, char ***names, size_t *n)
{
	size_t len = strlen(dir) + 16;
	char *path = malloc(len);
	*names = NULL;
	*n = 0;
	if (!path)
		return -1;
	snprintf(path, len, "%s/templates", dir);
	DIR *dp = opendir(path);
	free(path);
	if (!dp)
		return -1;
	struct dirent *e;
	size_t cap = 0;
	while ((e = readdir(dp))) {
		size_t l = strlen(e->d_name);
		if (l <= 5 || strcmp(e->d_name + l - 5, ".yaml") != 0 || e->d_name[0] == '.')
			continue;
		if (*n == cap) {
			char **nv = realloc(*names, (cap = cap ? cap * 2 : 8) * sizeof *nv);
			if (!nv)
				break;
			*names = nv;
		}
		if (((*names)[*n] = strndup(e->d_name, l - 5)))
			(*n)++;
	}
	closedir(dp);
	if (*n)
		qsort(*names, *n, sizeof **names, by_name);
	return 0;
}

void az_template_names_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}
