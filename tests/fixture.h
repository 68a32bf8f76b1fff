/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Reading test fixtures, shared by the C tests. */
#ifndef ANZEN_TESTS_FIXTURE_H
#define ANZEN_TESTS_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

/* The whole file at p, NUL-terminated (*n excludes the NUL), or NULL. */
__attribute__((unused)) static char *slurp(const char *p, size_t *n)
{
	FILE *f = fopen(p, "rb");
	if (!f)
		return NULL;
	char *b = NULL;
	long sz = -1;
	if (fseek(f, 0, SEEK_END) == 0 && (sz = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0)
		b = malloc((size_t)sz + 1);
	if (b && fread(b, 1, (size_t)sz, f) != (size_t)sz) {
		free(b);
		b = NULL;
	}
	if (b) {
		b[sz] = '\0';
		*n = (size_t)sz;
	}
	fclose(f);
	return b;
}

#ifdef ANZEN_IMPORT_H
/* A workbook in memory imported from tests/data/NAME of the source tree, or NULL (err says why). */
__attribute__((unused)) static struct az_store *fixture_import(const char *name, struct az_error *err)
{
	char path[512];
	size_t len = 0;
	struct az_store *s = NULL;
	snprintf(path, sizeof path, "%s/tests/data/%s", getenv("top_srcdir") ? getenv("top_srcdir") : ".", name);
	char *json = slurp(path, &len);
	if (json && az_store_create_memory(&s, err) == AZ_OK && az_import_json(s, json, len, name, err) != AZ_OK) {
		az_store_close(s);
		s = NULL;
	}
	free(json);
	return s;
}
#endif

#endif
