/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The catalogue's threats and controls by id (model/idmap.h): the report names one for every row,
 * and at 50,000 risks the catalogue's own search (one strcmp per entry) was a tenth of the export. */
#include <config.h>

#include <stddef.h>
#include <stdlib.h>

#include "export/report_ctx.h"
#include "model/idmap.h"

struct rp_ids {
	struct az_idmap m;
};

void rp_ids_free(struct rp_ids *x)
{
	if (!x)
		return;
	az_idmap_free(&x->m);
	free(x);
}

/* The place of id among n entries of size bytes from first, each with its id at id_off, by the
 * index in *slot (made on first use); (size_t)-1 if absent, (size_t)-2 if there is no memory for
 * the index. */
static size_t place(struct rp_ids **slot, const void *first, size_t n, size_t size, size_t id_off, const char *id)
{
	if (!*slot) {
		struct rp_ids *x = malloc(sizeof *x);
		if (!x || az_idmap_init(&x->m, first, n, size, id_off) != 0) {
			free(x);
			return (size_t)-2;
		}
		*slot = x;
	}
	long at = az_idmap_find(&(*slot)->m, id);
	return at < 0 ? (size_t)-1 : (size_t)at;
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
