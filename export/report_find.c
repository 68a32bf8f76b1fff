/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The catalogue's threats and controls by id in log time: the report names one for every row,
 * and at 50,000 risks the catalogue's own search (one strcmp per entry) was a tenth of the export. */
#include <config.h>

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "export/report_ctx.h"

struct rp_ids {
	const char **id; /* sorted by id, then by place */
	size_t *at;      /* the place in the catalogue of each */
	size_t n;
};

static const char *const *sort_ids;

static int by_id(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int c = strcmp(sort_ids[a], sort_ids[b]);
	return c ? c : (a > b) - (a < b);
}

/* The index of n ids (NULL ones left out), or NULL when out of memory. */
static struct rp_ids *index_of(const char **ids, size_t n)
{
	struct rp_ids *x = calloc(1, sizeof *x);
	size_t *order = malloc((n ? n : 1) * sizeof *order);
	if (x)
		x->id = malloc((n ? n : 1) * sizeof *x->id), x->at = malloc((n ? n : 1) * sizeof *x->at);
	if (!x || !order || !x->id || !x->at) {
		rp_ids_free(x);
		free(order);
		return NULL;
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (ids[i])
			order[k++] = i;
	sort_ids = ids;
	qsort(order, k, sizeof *order, by_id);
	for (size_t i = 0; i < k; i++)
		x->id[i] = ids[order[i]], x->at[i] = order[i];
	x->n = k;
	free(order);
	return x;
}

/* The first place of id (as the catalogue's linear search finds it), or (size_t)-1. */
static size_t find(const struct rp_ids *x, const char *id)
{
	size_t lo = 0, hi = x->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(x->id[mid], id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < x->n && strcmp(x->id[lo], id) == 0 ? x->at[lo] : (size_t)-1;
}

void rp_ids_free(struct rp_ids *x)
{
	if (!x)
		return;
	free(x->id);
	free(x->at);
	free(x);
}

/* The place of id among n entries of size bytes from first, each with its id at id_off, by the
 * index in *slot (made on first use); (size_t)-1 if absent, (size_t)-2 if there is no memory for
 * the index. */
static size_t place(struct rp_ids **slot, const void *first, size_t n, size_t size, size_t id_off, const char *id)
{
	if (!*slot) {
		const char **ids = malloc((n ? n : 1) * sizeof *ids);
		for (size_t i = 0; ids && i < n; i++)
			memcpy(&ids[i], (const char *)first + i * size + id_off, sizeof *ids);
		*slot = ids ? index_of(ids, n) : NULL;
		free(ids);
		if (!*slot)
			return (size_t)-2;
	}
	return find(*slot, id);
}

const struct az_threat *rp_find_threat(struct rp *r, const char *id)
{
	if (!id)
		return NULL;
	size_t at = place(&r->threat_ids, r->cat->threats, r->cat->nthreats, sizeof *r->cat->threats,
			  offsetof(struct az_threat, id), id);
	return at == (size_t)-2 ? az_catalogue_threat(r->cat, id) : at == (size_t)-1 ? NULL : &r->cat->threats[at];
}

const struct az_control *rp_find_control(struct rp *r, const char *id)
{
	if (!id)
		return NULL;
	size_t at = place(&r->control_ids, r->cat->controls, r->cat->ncontrols, sizeof *r->cat->controls,
			  offsetof(struct az_control, id), id);
	return at == (size_t)-2 ? az_catalogue_control(r->cat, id) : at == (size_t)-1 ? NULL : &r->cat->controls[at];
}
