/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "guideline/diags.h"
#include "base/i18n.h"

void az_diags_init(struct az_diags *d) { memset(d, 0, sizeof *d); }

void az_diags_free(struct az_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	az_diags_init(d);
}

void az_diags_add(struct az_diags *d, const char *file, unsigned long line, unsigned long col,
		  const char *fmt, ...)
{
	va_list ap;
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct az_diag *v = realloc(d->v, cap * sizeof *v);
		if (!v) {
			d->oom = 1;
			return;
		}
		d->v = v;
		d->cap = cap;
	}
	struct az_diag *e = &d->v[d->n];
	char buf[1024];
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	e->file = strdup(file ? file : "");
	e->msg = strdup(buf);
	if (!e->file || !e->msg) {
		free(e->file);
		free(e->msg);
		d->oom = 1;
		return;
	}
	e->line = line;
	e->col = col;
	e->seq = d->n++;
}

static int cmp(const void *a, const void *b)
{
	const struct az_diag *x = a, *y = b;
	int c = strcmp(x->file, y->file);
	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void az_diags_sort(struct az_diags *d)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof *d->v, cmp);
}

int az_diags_print(const struct az_diags *d, FILE *fp, const char *prefix)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct az_diag *e = &d->v[i];
		size_t pl = prefix ? strlen(prefix) : 0;
		const char *sep = pl && prefix[pl - 1] != '/' && *e->file ? "/" : "";
		if (!prefix)
			prefix = "";
		if (e->line)
			fprintf(fp, "%s%s%s:%lu:%lu: %s\n", prefix, sep, e->file, e->line, e->col, e->msg);
		else
			fprintf(fp, "%s%s%s: %s\n", prefix, sep, e->file, e->msg);
	}
	if (d->oom)
		fprintf(fp, "%s\n", _("(some errors were not kept: out of memory)"));
	return ferror(fp) ? -1 : 0;
}
