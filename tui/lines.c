/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The lines of a read-only list screen. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "tui/lines.h"

static size_t count(void *ctx) { return ((struct tui_lines *)ctx)->n; }
static const char *text(void *ctx, size_t i) { return ((struct tui_lines *)ctx)->v[i]; }

int tui_lines_add(struct tui_lines *l, const char *fmt, ...)
{
	if (l->n == l->cap) {
		size_t nc = l->cap ? l->cap * 2 : 32;
		char **nv = realloc(l->v, nc * sizeof *nv);
		if (!nv)
			return -1;
		l->v = nv;
		l->cap = nc;
	}
	va_list ap;
	va_start(ap, fmt);
	int rc = vasprintf(&l->v[l->n], fmt, ap);
	va_end(ap);
	if (rc < 0)
		return -1;
	l->n++;
	return 0;
}

int tui_lines_list(struct tui_lines *l) { return tui_list_init(&l->list, count, text, l); }

void tui_lines_draw(struct tui_lines *l, struct tui_screen *s, struct tui_rect body)
{
	s->scopes = tui_list_scopes(&l->list);
	tui_list_draw(&l->list, body);
}

void tui_lines_free(struct tui_lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	tui_list_free(&l->list);
}
