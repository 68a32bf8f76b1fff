/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Small YAML files outside the catalogue proper (templates, national figures): one document read
 * with libyaml's document API, and helpers that report problems as file:line:col. */
#ifndef ANZEN_YDOC_H
#define ANZEN_YDOC_H

#include <yaml.h>

#include "guideline/diags.h"

struct az_ydoc {
	yaml_document_t doc;
	int loaded;
	const char *file; /* the name used in messages */
	struct az_diags *d;
};

/* Reads path (at most 1 MB, one document, a mapping at the top); 0 if it can be walked. */
int az_ydoc_load(struct az_ydoc *y, const char *path, const char *name, struct az_diags *d);
void az_ydoc_free(struct az_ydoc *y);
yaml_node_t *az_ydoc_root(struct az_ydoc *y);

void az_ydoc_err(struct az_ydoc *y, const yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Reports keys of map not in allowed (NULL-terminated) and keys that are not scalars. */
void az_ydoc_check_keys(struct az_ydoc *y, yaml_node_t *map, const char *const *allowed);
/* The value of key in map, or NULL (reported if required). */
yaml_node_t *az_ydoc_get(struct az_ydoc *y, yaml_node_t *map, const char *key, int required);
/* The scalar text of n (NUL-free), or NULL after reporting; n NULL gives NULL silently. */
const char *az_ydoc_str(struct az_ydoc *y, yaml_node_t *n, const char *key);
/* The items of a sequence node: count and node at i. */
int az_ydoc_seq_len(yaml_node_t *n);
yaml_node_t *az_ydoc_seq_at(struct az_ydoc *y, yaml_node_t *n, int i);

#endif
