/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/idmap.h"

static size_t hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
	return (size_t)(h ^ (h >> 32));
}

static const char *id_at(const struct az_idmap *m, size_t i)
{
	return *(const char *const *)((const char *)m->ids + i * m->stride);
}

int az_idmap_init(struct az_idmap *m, const void *base, size_t n, size_t stride, size_t id_off)
{
	size_t cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	memset(m, 0, sizeof *m);
	if (n > UINT32_MAX / 2 || !(m->slot = calloc(cap, sizeof *m->slot)))
		return -1;
	m->ids = (const char *const *)((const char *)base + id_off);
	m->stride = stride;
	m->mask = cap - 1;
	for (size_t i = 0; i < n; i++) {
		const char *id = id_at(m, i);
		if (!id || az_idmap_find(m, id) >= 0) /* the first of equal ids is found, as by a scan */
			continue;
		size_t k = hash(id) & m->mask;
		while (m->slot[k])
			k = (k + 1) & m->mask;
		m->slot[k] = (unsigned)i + 1;
	}
	return 0;
}

long az_idmap_find(const struct az_idmap *m, const char *id)
{
	if (!id || !m->slot)
		return -1;
	for (size_t k = hash(id) & m->mask; m->slot[k]; k = (k + 1) & m->mask)
		if (strcmp(id_at(m, m->slot[k] - 1), id) == 0)
			return (long)m->slot[k] - 1;
	return -1;
}

void az_idmap_free(struct az_idmap *m)
{
	free(m->slot);
	memset(m, 0, sizeof *m);
}
