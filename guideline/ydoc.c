/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/readfile.h"
#include "base/i18n.h"
#include "guideline/ydoc.h"

#define MAX_YDOC (1L * 1024 * 1024)

void az_ydoc_err(struct az_ydoc *y, const yaml_node_t *n, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	az_diags_add(y->d, y->file, n ? n->start_mark.line + 1 : 0, n ? n->start_mark.column + 1 : 0, "%s", buf);
}

#define MAX_DEPTH 32 /* templates need 3 */

/*
 * A first pass over the events, as guideline/load.c does: libyaml's scanner costs time in the square
 * of the flow nesting and its loader recurses, so a deep "[[[[..." is refused before loading; and an
 * alias would let one node stand in many places. Returns 1 if the text may be loaded.
 */
static int events_ok(const char *buf, size_t len, const char *name, struct az_diags *d)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int depth = 0, ok = 1, done = 0;
	if (!yaml_parser_initialize(&p)) {
		az_diags_add(d, name, 0, 0, "%s", _("out of memory"));
		return 0;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			az_diags_add(d, name, p.problem_mark.line + 1, p.problem_mark.column + 1, _("YAML error: %s%s%s"),
				     p.problem ? p.problem : "?", p.context ? " " : "", p.context ? p.context : "");
			ok = 0;
			break;
		}
		if (ev.type == YAML_SEQUENCE_START_EVENT || ev.type == YAML_MAPPING_START_EVENT) {
			if (++depth > MAX_DEPTH) {
				az_diags_add(d, name, ev.start_mark.line + 1, ev.start_mark.column + 1,
					     _("nested deeper than %d levels"), MAX_DEPTH);
				ok = 0;
				done = 1;
			}
		} else if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT) {
			depth--;
		} else if (ev.type == YAML_ALIAS_EVENT) {
			az_diags_add(d, name, ev.start_mark.line + 1, ev.start_mark.column + 1, "%s",
				     _("anchors and aliases are not allowed: this node is used again by an alias"));
			ok = 0;
			done = 1;
		} else if (ev.type == YAML_STREAM_END_EVENT) {
			done = 1;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return ok;
}

int az_ydoc_load(struct az_ydoc *y, const char *path, const char *name, struct az_diags *d)
{
	memset(y, 0, sizeof *y);
	y->file = name;
	y->d = d;
	char *buf;
	size_t len;
	if (az_read_file(path, MAX_YDOC, &buf, &len) != 0) {
		if (errno == EISDIR || errno == EINVAL || errno == EFBIG)
			az_diags_add(d, name, 0, 0, "%s", _("not a regular file of at most 1 MB"));
		else if (errno == ENOMEM || errno == EIO)
			az_diags_add(d, name, 0, 0, "%s", errno == EIO ? _("cannot read") : _("out of memory"));
		else
			az_diags_add(d, name, 0, 0, _("cannot open: %s"), strerror(errno));
		return -1;
	}
	if (!events_ok(buf, len, name, d)) {
		free(buf);
		return -1;
	}
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p)) {
		free(buf);
		az_diags_add(d, name, 0, 0, "%s", _("out of memory"));
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	int rc = -1;
	if (!yaml_parser_load(&p, &y->doc)) {
		az_diags_add(d, name, p.problem_mark.line + 1, p.problem_mark.column + 1, _("YAML error: %s%s%s"),
			     p.problem ? p.problem : "?", p.context ? " " : "", p.context ? p.context : "");
	} else {
		y->loaded = 1;
		yaml_node_t *root = yaml_document_get_root_node(&y->doc);
		if (!root)
			az_diags_add(d, name, 0, 0, "%s", _("the file is empty"));
		else if (root->type != YAML_MAPPING_NODE)
			az_ydoc_err(y, root, _("must be a mapping, not a list or a scalar"));
		else
			rc = 0;
		yaml_document_t next;
		if (rc == 0 && yaml_parser_load(&p, &next)) {
			yaml_node_t *r2 = yaml_document_get_root_node(&next);
			if (r2) {
				az_diags_add(d, name, r2->start_mark.line + 1, r2->start_mark.column + 1, "%s",
					     _("only one YAML document is allowed in a file"));
				rc = -1;
			}
			yaml_document_delete(&next);
		}
	}
	yaml_parser_delete(&p);
	free(buf);
	return rc;
}

void az_ydoc_free(struct az_ydoc *y)
{
	if (y->loaded)
		yaml_document_delete(&y->doc);
	y->loaded = 0;
}

yaml_node_t *az_ydoc_root(struct az_ydoc *y) { return y->loaded ? yaml_document_get_root_node(&y->doc) : NULL; }

void az_ydoc_check_keys(struct az_ydoc *y, yaml_node_t *map, const char *const *allowed)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return;
	for (yaml_node_pair_t *pr = map->data.mapping.pairs.start; pr < map->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yaml_document_get_node(&y->doc, pr->key);
		if (!k || k->type != YAML_SCALAR_NODE) {
			az_ydoc_err(y, k, "%s", _("a key must be a scalar"));
			continue;
		}
		int known = 0;
		for (int i = 0; allowed[i] && !known; i++)
			known = !strcmp((const char *)k->data.scalar.value, allowed[i]);
		if (!known)
			az_ydoc_err(y, k, _("unknown key '%.60s'"), (const char *)k->data.scalar.value);
		/* YAML lets a later key silently win: refused, as in the catalogue */
		for (yaml_node_pair_t *e = map->data.mapping.pairs.start; known && e < pr; e++) {
			yaml_node_t *ek = yaml_document_get_node(&y->doc, e->key);
			if (ek && ek->type == YAML_SCALAR_NODE &&
			    !strcmp((const char *)ek->data.scalar.value, (const char *)k->data.scalar.value)) {
				az_ydoc_err(y, k, _("duplicate key '%.60s' (first at line %lu)"),
					    (const char *)k->data.scalar.value, (unsigned long)ek->start_mark.line + 1);
				break;
			}
		}
	}
}

yaml_node_t *az_ydoc_get(struct az_ydoc *y, yaml_node_t *map, const char *key, int required)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *pr = map->data.mapping.pairs.start; pr < map->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yaml_document_get_node(&y->doc, pr->key);
		if (k && k->type == YAML_SCALAR_NODE && !strcmp((const char *)k->data.scalar.value, key))
			return yaml_document_get_node(&y->doc, pr->value);
	}
	if (required)
		az_ydoc_err(y, map, _("missing required key '%s'"), key);
	return NULL;
}

const char *az_ydoc_str(struct az_ydoc *y, yaml_node_t *n, const char *key)
{
	if (!n)
		return NULL;
	if (n->type != YAML_SCALAR_NODE) {
		az_ydoc_err(y, n, _("'%s' must be a scalar"), key);
		return NULL;
	}
	if (strlen((const char *)n->data.scalar.value) != n->data.scalar.length) {
		az_ydoc_err(y, n, _("'%s' contains a NUL character"), key);
		return NULL;
	}
	return (const char *)n->data.scalar.value;
}

int az_ydoc_seq_len(yaml_node_t *n)
{
	if (!n || n->type != YAML_SEQUENCE_NODE)
		return 0;
	return (int)(n->data.sequence.items.top - n->data.sequence.items.start);
}

yaml_node_t *az_ydoc_seq_at(struct az_ydoc *y, yaml_node_t *n, int i)
{
	return yaml_document_get_node(&y->doc, n->data.sequence.items.start[i]);
}
