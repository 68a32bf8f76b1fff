/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * The catalogue loader: libyaml's document API walked by schema tables in the style of
 * netplan ({key, node type, required, handler, nested table, offset}), then the checks
 * that span entries and files. Every problem is reported; none stops the run.
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>
#include <unistr.h>

#include "base/date.h"
#include "base/readfile.h"
#include "base/arena.h"
#include "guideline/catalogue.h"
#include "base/i18n.h"

#define MAX_FILE (4L * 1024 * 1024) /* the shipped files are tens of kB */
#define MAX_ID 64
#define MAX_ITEM_ID 40
#define MAX_ENTRIES 1000 /* per list of entries; the checks across lists are quadratic */
#define MAX_IDS 64       /* per list of ids */

enum file_kind { F_SCALES, F_MATRIX, F_TREATMENTS, F_SYSTEMS, F_THREATS, F_CONTROLS, F_QUESTIONS, F_FACTS, F_SOURCES,
		 F_NKINDS };

static const char *const file_names[F_NKINDS] = {
	"scales.yaml", "matrix.yaml", "treatments.yaml", "systems.yaml",
	"threats.yaml", "controls.yaml", "vendor_questions.yaml", "facts.yaml", "sources.yaml",
};

struct ld {
	struct az_catalogue *cat;
	struct az_diags *d;
	const char *file; /* relative name, owned by the arena */
	yaml_document_t *doc;
	void *base; /* what the current file fills */
	int ok[F_NKINDS];  /* parsed: its ids can be referred to */
	int checklists_ok; /* every checklist file parsed */
	/* the grid as written, resolved once the ranks are known */
	const char *grid_ids[AZ_LEVELS][AZ_LEVELS];
	struct az_pos grid_pos[AZ_LEVELS][AZ_LEVELS];
	int grid_complete;
	char qbuf[4][160];
	int qi;
};

/* ---- reporting ---- */

static void err_pos(struct ld *ld, const struct az_pos *p, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void err_pos(struct ld *ld, const struct az_pos *p, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	az_diags_add(ld->d, p->file, p->line, p->col, "%s", buf);
}

static struct az_pos pos_of(struct ld *ld, const yaml_node_t *n)
{
	struct az_pos p = { ld->file, n->start_mark.line + 1, n->start_mark.column + 1 };
	return p;
}

#define ERR(ld, node, ...)                                   \
	do {                                                 \
		struct az_pos p_ = pos_of((ld), (node));     \
		err_pos((ld), &p_, __VA_ARGS__);             \
	} while (0)

/* Input quoted in a message: at most 60 bytes, control characters shown as '?'. */
static const char *q(struct ld *ld, const char *s, size_t len)
{
	char *out = ld->qbuf[ld->qi++ % 4];
	size_t o = 0, i = 0;
	while (i < len && o < 60) {
		ucs4_t c;
		size_t n = (size_t)u8_mbtouc(&c, (const uint8_t *)s + i, len - i);
		if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
			out[o++] = '?';
		} else {
			memcpy(out + o, s + i, n);
			o += n;
		}
		i += n;
	}
	if (i < len)
		o += (size_t)snprintf(out + o, 8, "...");
	out[o] = '\0';
	return out;
}

static const char *type_name(yaml_node_type_t t)
{
	switch (t) {
	case YAML_SCALAR_NODE:
		return _("a scalar");
	case YAML_SEQUENCE_NODE:
		return _("a list");
	case YAML_MAPPING_NODE:
		return _("a mapping");
	default:
		return _("empty");
	}
}

static void *alloc(struct ld *ld, size_t n)
{
	void *p = az_arena_alloc(ld->cat->arena, n);
	if (!p)
		az_diags_add(ld->d, ld->file, 0, 0, "%s", _("out of memory"));
	return p;
}

static const char *dup(struct ld *ld, const char *s, size_t n)
{
	char *p = az_arena_strndup(ld->cat->arena, s, n);
	if (!p)
		az_diags_add(ld->d, ld->file, 0, 0, "%s", _("out of memory"));
	return p;
}

/* ---- schema tables ---- */

struct field;
typedef void (*handler_fn)(struct ld *ld, yaml_node_t *v, void *dst, const struct field *f);

enum str_kind { K_ANY, K_ID, K_RANK, K_ITEM, K_DOC, K_SYMBOL, K_DATE };

struct field {
	const char *key;
	yaml_node_type_t type;
	int required;
	handler_fn handler;
	const struct field *nested; /* mappings and the elements of sequences */
	size_t offset;
	size_t count_offset, elem_size; /* sequences */
	void (*init)(void *elem);      /* sequences: defaults before the walk */
	long min, max;                 /* integers; lists: min = least number of items */
	const char *const *values;     /* enumerations and masks */
	int kind;                      /* enum str_kind */
};

static void walk_map(struct ld *ld, yaml_node_t *node, const struct field *fields, void *base);

static const char *scalar(struct ld *ld, yaml_node_t *v, const char *key, size_t *len)
{
	*len = v->data.scalar.length;
	if (memchr(v->data.scalar.value, '\0', *len)) {
		ERR(ld, v, _("'%s' contains a NUL character"), key);
		return NULL;
	}
	return (const char *)v->data.scalar.value;
}

/* An empty plain scalar, or YAML's null written out. */
static int is_null(const yaml_node_t *v)
{
	const char *s = (const char *)v->data.scalar.value;
	if (v->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return v->data.scalar.length == 0;
	return !*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL");
}

static int all_of(const char *s, size_t n, const char *set)
{
	for (size_t i = 0; i < n; i++)
		if (!s[i] || !strchr(set, s[i]))
			return 0;
	return 1;
}

#define LOWER "abcdefghijklmnopqrstuvwxyz"
#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define DIGIT "0123456789"

/* Checks a string by its kind; reports and returns 0 if it is wrong. */
static int check_kind(struct ld *ld, yaml_node_t *v, const char *key, const char *s, size_t n, int kind)
{
	if (n == 0 || is_null(v)) {
		ERR(ld, v, _("'%s' is empty"), key);
		return 0;
	}
	switch (kind) {
	case K_ID:
		if (n > MAX_ID || !all_of(s, n, LOWER DIGIT "_.-")) {
			ERR(ld, v, _("invalid id '%s': use at most %d lower-case letters, digits, '_', '.' and '-'"),
			    q(ld, s, n), MAX_ID);
			return 0;
		}
		break;
	case K_RANK:
		if (n > 8 || !all_of(s, n, UPPER DIGIT "_-") || !strchr(UPPER, s[0])) {
			ERR(ld, v, _("invalid rank id '%s': use an upper-case letter, as S, A, B, C, D"), q(ld, s, n));
			return 0;
		}
		break;
	case K_ITEM:
		if (n > MAX_ITEM_ID || !all_of(s, n, LOWER DIGIT "()-.")) {
			ERR(ld, v, _("invalid checklist item id '%s': write it as 2-(3)"), q(ld, s, n));
			return 0;
		}
		break;
	case K_DOC:
		if (n > 40 || !all_of(s, n, LOWER UPPER DIGIT "_.-")) {
			ERR(ld, v, _("invalid source tag '%s'"), q(ld, s, n));
			return 0;
		}
		break;
	case K_SYMBOL:
		if (n > 3 || !all_of(s, n, "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" LOWER UPPER DIGIT)) {
			ERR(ld, v, _("'%s' must be 1 to 3 ASCII characters, not '%s'"), key, q(ld, s, n));
			return 0;
		}
		break;
	case K_DATE:
		if (n != 10 || !az_date_valid(s)) { /* libyaml ends every scalar with a NUL */
			ERR(ld, v, _("'%s' must be a date written YYYY-MM-DD, not '%s'"), key, q(ld, s, n));
			return 0;
		}
		break;
	}
	return 1;
}

static void h_str(struct ld *ld, yaml_node_t *v, void *dst, const struct field *f)
{
	size_t n;
	const char *s = scalar(ld, v, f->key, &n);
	if (s && check_kind(ld, v, f->key, s, n, f->kind))
		*(const char **)dst = dup(ld, s, n);
}

static void h_translation(struct ld *ld, yaml_node_t *v, void *dst, const struct field *f)
{
	size_t n;
	const char *s = scalar(ld, v, f->key, &n);
	if (!s)
		return;
	if (n == 0 || is_null(v) || all_of(s, n, " \t\n")) {
		ERR(ld, v, _("empty translation '%s'"), f->key);
		return;
	}
	*(const char **)dst = dup(ld, s, n);
}

static const struct field text_fields[] = {
	{ .key = "ja", .type = YAML_SCALAR_NODE, .required = 1, .handler = h_translation,
	  .offset = offsetof(struct az_text, ja) },
	{ .key = "en", .type = YAML_SCALAR_NODE, .required = 1, .handler = h_translation,
	  .offset = offsetof(struct az_text, en) },
	{ 0 },
};

static void h_text(struct ld *ld, yaml_node_t *v, void *dst, const struct field *f)
{
	(void)f;
	walk_map(ld, v, text_fields, dst);
}

static void h_int(struct ld *ld, yaml_node_t *v, void *dst, const struct field *f)
{
	size_t n;
	const char *s = scalar(ld, v, f->key, &n);
	if (!s)
		return;
	size_t digits = n && s[0] == '-' ? n - 1 : n;
	long val = strtol(s, NULL, 10);
	if (v->data.scalar.style != YAML_PLAIN_SCALAR_STYLE) {
		ERR(ld, v, _("'%s' must be a whole number written without quotes"), f->key);
		return;
	}
	if (digits == 0 || digits > 9 ||
	    !all_of(s + (n - digits), digits, DIGIT) || val < f->min || val > f->max) {
		ERR(ld, v, _("'%s' must be a whole number from %ld to %ld, not '%s'"), f->key, f->min, f->max,
		    q(ld, s, n));
		return;
	}
	*(int *)dst = (int)val;
}

static void h_bool(struct ld *ld, yaml_node_t *v, void *dst, const struct field *f)
{
	size_t n;
	const char *s = scalar(ld, v, f->key, &n);
	if (!s)
		return;
	if (v->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		ERR(ld, v, _("'%s' must be true or false, written without quotes"), f->key);
	else if (strcmp(s, "true") == 0)
		*(int *)dst = 1;
	else if (strcmp(s, "false") == 0)
		*(int *)dst = 0;
	else
		ERR(ld, v, _("'%s' must be true or false, not '%s'"), f->key, q(ld, s, n));
}

static int enum_index(const char *const *values, const char *s)
{
	for (int i = 0; values[i]; i++)
		if (strcmp(values[i], s) == 0)
			return i;
	return -1;
}

static void bad_value(struct ld *ld, yaml_node_t *v, const char *key, const char *const *values,
		      const char *s, size_t n)
{
	char list[256] = "";
	for (int i = 0; values[i]; i++) {
		if (i)
			strncat(list, ", ", sizeof list - strlen(list) - 1);
		strncat(list, values[i], sizeof list - strlen(list) - 1);
	}
	ERR(ld, v, _("'%s' must be one of %s, not '%s'"), key, list, q(ld, s, n));
}

static void h_enum(struct ld *ld, yaml_node_t *v, void *dst, const struct field *f)
{
	size_t n;
	const char *s = scalar(ld, v, f->key, &n);
	if (!s)
		return;
	int i = enum_index(f->values, s);
	if (i < 0)
		bad_value(ld, v, f->key, f->values, s, n);
	else
		*(int *)dst = i;
}

static void h_seq(struct ld *ld, yaml_node_t *v, void *dst, const struct field *f);

/* The number of items of a list; reported if too few, and 0 (reported) if too many. */
static size_t list_len(struct ld *ld, yaml_node_t *v, const struct field *f)
{
	size_t n = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
	size_t max = f->handler == h_seq ? MAX_ENTRIES : MAX_IDS;
	if (n < (size_t)f->min)
		ERR(ld, v, _("'%s' must list at least one entry"), f->key);
	if (n > max) {
		ERR(ld, v, _("'%s' has %zu entries; at most %zu are allowed"), f->key, n, max);
		n = 0;
	}
	return n;
}

static yaml_node_t *item(struct ld *ld, yaml_node_t *v, size_t i)
{
	return yaml_document_get_node(ld->doc, v->data.sequence.items.start[i]);
}

static void h_mask(struct ld *ld, yaml_node_t *v, void *dst, const struct field *f)
{
	size_t n = list_len(ld, v, f), len;
	unsigned mask = 0;
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *it = item(ld, v, i);
		if (!it)
			continue;
		if (it->type != YAML_SCALAR_NODE) {
			ERR(ld, it, _("each entry of '%s' must be a scalar, not %s"), f->key, type_name(it->type));
			continue;
		}
		const char *s = scalar(ld, it, f->key, &len);
		if (!s)
			continue;
		int k = enum_index(f->values, s);
		if (k < 0)
			bad_value(ld, it, f->key, f->values, s, len);
		else
			mask |= 1u << k;
	}
	*(unsigned *)dst = mask;
}

static void h_ids(struct ld *ld, yaml_node_t *v, void *dst, const struct field *f)
{
	struct az_idlist *l = dst;
	size_t n = list_len(ld, v, f), len;
	if (n == 0)
		return;
	l->v = alloc(ld, n * sizeof *l->v);
	l->pos = alloc(ld, n * sizeof *l->pos);
	if (!l->v || !l->pos)
		return;
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *it = item(ld, v, i);
		if (!it)
			continue;
		if (it->type != YAML_SCALAR_NODE) {
			ERR(ld, it, _("each entry of '%s' must be a scalar, not %s"), f->key, type_name(it->type));
			continue;
		}
		const char *s = scalar(ld, it, f->key, &len);
		if (!s || !check_kind(ld, it, f->key, s, len, f->kind))
			continue;
		const char *c = dup(ld, s, len);
		if (!c)
			return;
		l->v[l->n] = c;
		l->pos[l->n++] = pos_of(ld, it);
	}
}

/* A nested mapping; its struct starts with a struct az_pos. */
static void h_map(struct ld *ld, yaml_node_t *v, void *dst, const struct field *f)
{
	*(struct az_pos *)dst = pos_of(ld, v);
	walk_map(ld, v, f->nested, dst);
}

/* A list of entries; each struct starts with a struct az_pos. */
static void h_seq(struct ld *ld, yaml_node_t *v, void *dst, const struct field *f)
{
	size_t n = list_len(ld, v, f);
	if (n == 0)
		return;
	if (n > SIZE_MAX / f->elem_size)
		return;
	unsigned char *elems = alloc(ld, n * f->elem_size);
	if (!elems)
		return;
	void *ptr = elems;
	memcpy(dst, &ptr, sizeof ptr);
	memcpy((unsigned char *)dst - f->offset + f->count_offset, &n, sizeof n);
	for (size_t i = 0; i < n; i++) {
		unsigned char *e = elems + i * f->elem_size;
		yaml_node_t *it = item(ld, v, i);
		if (f->init)
			f->init(e);
		if (!it)
			continue;
		*(struct az_pos *)e = pos_of(ld, it);
		walk_map(ld, it, f->nested, e);
	}
}

static void h_grid(struct ld *ld, yaml_node_t *v, void *dst, const struct field *f)
{
	(void)dst;
	size_t rows = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start), len;
	int complete = rows == AZ_LEVELS;
	if (!complete)
		ERR(ld, v, _("'%s' must have %d rows, not %zu"), f->key, AZ_LEVELS, rows);
	for (size_t r = 0; r < rows && r < AZ_LEVELS; r++) {
		yaml_node_t *row = item(ld, v, r);
		if (!row)
			continue;
		if (row->type != YAML_SEQUENCE_NODE) {
			ERR(ld, row, _("grid row %zu must be a list, not %s"), r + 1, type_name(row->type));
			complete = 0;
			continue;
		}
		size_t cells = (size_t)(row->data.sequence.items.top - row->data.sequence.items.start);
		if (cells != AZ_LEVELS) {
			ERR(ld, row, _("grid row %zu must have %d cells, not %zu"), r + 1, AZ_LEVELS, cells);
			complete = 0;
		}
		for (size_t c = 0; c < cells && c < AZ_LEVELS; c++) {
			yaml_node_t *cell = item(ld, row, c);
			if (!cell)
				continue;
			if (cell->type != YAML_SCALAR_NODE) {
				ERR(ld, cell, _("each grid cell must be a rank id, not %s"), type_name(cell->type));
				complete = 0;
				continue;
			}
			const char *s = scalar(ld, cell, "grid", &len);
			if (!s || !check_kind(ld, cell, "grid", s, len, K_RANK)) {
				complete = 0;
				continue;
			}
			ld->grid_ids[r][c] = dup(ld, s, len);
			ld->grid_pos[r][c] = pos_of(ld, cell);
		}
	}
	ld->grid_complete = complete;
}

#define SCALAR_F(k, T, m, req, h) \
	{ .key = k, .type = YAML_SCALAR_NODE, .required = req, .handler = h, .offset = offsetof(T, m)
#define STR(k, T, m, req, kd) SCALAR_F(k, T, m, req, h_str), .kind = kd }
#define INT(k, T, m, req, lo, hi) SCALAR_F(k, T, m, req, h_int), .min = lo, .max = hi }
#define BOOL(k, T, m, req) SCALAR_F(k, T, m, req, h_bool) }
#define ENUM(k, T, m, req, vals) SCALAR_F(k, T, m, req, h_enum), .values = vals }
#define TEXT(k, T, m, req) \
	{ .key = k, .type = YAML_MAPPING_NODE, .required = req, .handler = h_text, .offset = offsetof(T, m) }
#define MAP(k, T, m, req, fields) \
	{ .key = k, .type = YAML_MAPPING_NODE, .required = req, .handler = h_map, .nested = fields, \
	  .offset = offsetof(T, m) }
#define LIST_F(k, T, m, req, h, least) \
	{ .key = k, .type = YAML_SEQUENCE_NODE, .required = req, .handler = h, .offset = offsetof(T, m), \
	  .min = least
#define MASK(k, T, m, req, vals, least) LIST_F(k, T, m, req, h_mask, least), .values = vals }
#define IDS(k, T, m, req, kd, least) LIST_F(k, T, m, req, h_ids, least), .kind = kd }
#define SEQ(k, T, m, req, ET, fields, ini) LIST_F(k, T, m, req, h_seq, 1), .nested = fields, \
	.count_offset = offsetof(T, n##m), .elem_size = sizeof(ET), .init = ini }
#define COMMON(T) \
	SEQ("refs", T, refs, 0, struct az_ref, ref_fields, NULL), \
	BOOL("unverified", T, unverified, 0), \
	TEXT("note", T, note, 0)
#define END { 0 }

static const struct field ref_fields[] = {
	STR("doc", struct az_ref, doc, 1, K_DOC),
	STR("section", struct az_ref, section, 1, K_ANY),
	END,
};

static const struct field level_fields[] = {
	INT("level", struct az_level, level, 1, 1, AZ_LEVELS),
	TEXT("name", struct az_level, name, 1),
	TEXT("description", struct az_level, description, 1),
	COMMON(struct az_level),
	END,
};

static const struct field scales_top[] = {
	SEQ("likelihood", struct az_catalogue, likelihood, 1, struct az_level, level_fields, NULL),
	SEQ("severity", struct az_catalogue, severity, 1, struct az_level, level_fields, NULL),
	END,
};

static const struct field rank_fields[] = {
	STR("id", struct az_rank, id, 1, K_RANK),
	TEXT("name", struct az_rank, name, 1),
	TEXT("response", struct az_rank, response, 1),
	ENUM("color", struct az_rank, color, 1, az_cat_color_values),
	STR("symbol", struct az_rank, symbol, 1, K_SYMBOL),
	COMMON(struct az_rank),
	END,
};

static const struct field matrix_top[] = {
	SEQ("ranks", struct az_catalogue, ranks, 1, struct az_rank, rank_fields, NULL),
	{ .key = "grid", .type = YAML_SEQUENCE_NODE, .required = 1, .handler = h_grid,
	  .offset = offsetof(struct az_catalogue, grid) },
	END,
};

static void treatment_init(void *e) { ((struct az_treatment *)e)->kind = -1; }

static const struct field treatment_fields[] = {
	STR("id", struct az_treatment, id, 1, K_ID),
	TEXT("name", struct az_treatment, name, 1),
	TEXT("meaning", struct az_treatment, meaning, 1),
	TEXT("requires", struct az_treatment, requires, 1),
	COMMON(struct az_treatment),
	END,
};

static const struct field untreated_fields[] = {
	TEXT("name", struct az_untreated, name, 1),
	COMMON(struct az_untreated),
	END,
};

static const struct field treatments_top[] = {
	SEQ("treatments", struct az_catalogue, treatments, 1, struct az_treatment, treatment_fields,
	    treatment_init),
	MAP("untreated", struct az_catalogue, untreated, 1, untreated_fields),
	END,
};

static const struct field defaults_fields[] = {
	ENUM("hosting", struct az_defaults, hosting, 1, az_cat_hosting_values),
	ENUM("remote_maintenance", struct az_defaults, remote_maintenance, 1, az_cat_remote_values),
	ENUM("connection", struct az_defaults, connection, 1, az_cat_connection_values),
	BOOL("holds_patient_data", struct az_defaults, holds_patient_data, 1),
	INT("importance", struct az_defaults, importance, 1, 1, 3),
	END,
};

static const struct field category_fields[] = {
	STR("id", struct az_category, id, 1, K_ID),
	TEXT("name", struct az_category, name, 1),
	TEXT("description", struct az_category, description, 1),
	MAP("defaults", struct az_category, defaults, 1, defaults_fields),
	COMMON(struct az_category),
	END,
};

static const struct field systems_top[] = {
	SEQ("categories", struct az_catalogue, categories, 1, struct az_category, category_fields, NULL),
	END,
};

static const struct field applies_fields[] = {
	IDS("categories", struct az_applies, categories, 0, K_ID, 1),
	MASK("hosting", struct az_applies, hosting, 0, az_cat_hosting_values, 1),
	MASK("remote_maintenance", struct az_applies, remote_maintenance, 0, az_cat_remote_values, 1),
	MASK("connection", struct az_applies, connection, 0, az_cat_connection_values, 1),
	BOOL("holds_patient_data", struct az_applies, holds_patient_data, 0),
	END,
};

static void threat_init(void *e) { ((struct az_threat *)e)->applies.holds_patient_data = -1; }

static const struct field threat_fields[] = {
	STR("id", struct az_threat, id, 1, K_ID),
	TEXT("name", struct az_threat, name, 1),
	TEXT("description", struct az_threat, description, 1),
	MAP("applies", struct az_threat, applies, 0, applies_fields),
	INT("likelihood", struct az_threat, likelihood, 1, 1, AZ_LEVELS),
	INT("severity", struct az_threat, severity, 1, 1, AZ_LEVELS),
	COMMON(struct az_threat),
	END,
};

static const struct field threats_top[] = {
	SEQ("threats", struct az_catalogue, threats, 1, struct az_threat, threat_fields, threat_init),
	END,
};

static const struct field control_fields[] = {
	STR("id", struct az_control, id, 1, K_ID),
	TEXT("name", struct az_control, name, 1),
	TEXT("description", struct az_control, description, 1),
	IDS("mitigates", struct az_control, mitigates, 1, K_ID, 1),
	IDS("checklist", struct az_control, checklist, 0, K_ITEM, 0),
	COMMON(struct az_control),
	END,
};

static const struct field controls_top[] = {
	SEQ("controls", struct az_catalogue, controls, 1, struct az_control, control_fields, NULL),
	END,
};

static void question_init(void *e) { ((struct az_question *)e)->applies.holds_patient_data = -1; }

static const struct field question_fields[] = {
	STR("id", struct az_question, id, 1, K_ID),
	TEXT("text", struct az_question, text, 1),
	TEXT("why", struct az_question, why, 1),
	ENUM("answer", struct az_question, answer, 1, az_cat_answer_values),
	IDS("feeds", struct az_question, feeds, 0, K_ITEM, 0),
	MAP("applies", struct az_question, applies, 0, applies_fields),
	COMMON(struct az_question),
	END,
};

static const struct field questions_top[] = {
	SEQ("questions", struct az_catalogue, questions, 1, struct az_question, question_fields, question_init),
	END,
};

static void fact_init(void *e) { ((struct az_fact *)e)->applies.holds_patient_data = -1; }

static const struct field fact_fields[] = {
	STR("id", struct az_fact, id, 1, K_ID),
	ENUM("scope", struct az_fact, scope, 1, az_cat_scope_values),
	ENUM("answer", struct az_fact, answer, 1, az_cat_fact_answer_values),
	TEXT("question", struct az_fact, question, 1),
	TEXT("why", struct az_fact, why, 1),
	MAP("applies", struct az_fact, applies, 0, applies_fields),
	COMMON(struct az_fact),
	END,
};

static const struct field score_rule_fields[] = {
	STR("fact", struct az_score_rule, fact, 1, K_ID),
	MASK("when", struct az_score_rule, when, 1, az_cat_when_values, 1),
	INT("likelihood", struct az_score_rule, likelihood, 0, -2, 2),
	INT("severity", struct az_score_rule, severity, 0, -2, 2),
	TEXT("reason", struct az_score_rule, reason, 1),
	END,
};

static const struct field scoring_fields[] = {
	STR("threat", struct az_scoring, threat, 1, K_ID),
	SEQ("rules", struct az_scoring, rules, 1, struct az_score_rule, score_rule_fields, NULL),
	END,
};

static const struct field facts_top[] = {
	SEQ("facts", struct az_catalogue, facts, 1, struct az_fact, fact_fields, fact_init),
	SEQ("scoring", struct az_catalogue, scorings, 0, struct az_scoring, scoring_fields, NULL),
	END,
};

static const struct field source_fields[] = {
	STR("id", struct az_cited_doc, id, 1, K_DOC),
	TEXT("short", struct az_cited_doc, short_name, 1),
	TEXT("title", struct az_cited_doc, title, 1),
	END,
};

static const struct field sources_top[] = {
	SEQ("sources", struct az_catalogue, sources, 1, struct az_cited_doc, source_fields, NULL),
	END,
};

static const struct field item_fields[] = {
	STR("id", struct az_check_item, id, 1, K_ITEM),
	STR("number", struct az_check_item, number, 0, K_ANY),
	TEXT("text", struct az_check_item, text, 1),
	TEXT("meaning", struct az_check_item, meaning, 1),
	MASK("columns", struct az_check_item, columns, 0, az_cat_column_values, 0),
	TEXT("deadline", struct az_check_item, deadline, 0),
	COMMON(struct az_check_item),
	END,
};

static const struct field checklist_top[] = {
	STR("id", struct az_checklist, id, 1, K_ID),
	TEXT("title", struct az_checklist, title, 1),
	ENUM("form", struct az_checklist, form, 1, az_cat_form_values),
	INT("fiscal_year", struct az_checklist, fiscal_year, 1, 2000, 2100),
	STR("published", struct az_checklist, published, 1, K_DATE),
	SEQ("items", struct az_checklist, items, 1, struct az_check_item, item_fields, NULL),
	COMMON(struct az_checklist),
	END,
};

static const struct field *const file_tables[F_NKINDS] = {
	scales_top, matrix_top, treatments_top, systems_top, threats_top, controls_top, questions_top, facts_top,
	sources_top,
};

static void walk_map(struct ld *ld, yaml_node_t *node, const struct field *fields, void *base)
{
	unsigned char seen[32] = { 0 };
	if (node->type != YAML_MAPPING_NODE) {
		ERR(ld, node, _("expected a mapping, not %s"), type_name(node->type));
		return;
	}
	for (yaml_node_pair_t *pair = node->data.mapping.pairs.start; pair < node->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = yaml_document_get_node(ld->doc, pair->key);
		yaml_node_t *v = yaml_document_get_node(ld->doc, pair->value);
		if (!k || !v)
			continue;
		if (k->type != YAML_SCALAR_NODE) {
			ERR(ld, k, _("a key must be a scalar, not %s"), type_name(k->type));
			continue;
		}
		const char *key = (const char *)k->data.scalar.value;
		size_t klen = k->data.scalar.length, i;
		for (i = 0; fields[i].key; i++)
			if (strlen(fields[i].key) == klen && memcmp(fields[i].key, key, klen) == 0)
				break;
		const struct field *f = &fields[i];
		if (!f->key) {
			ERR(ld, k, _("unknown key '%s'"), q(ld, key, klen));
			continue;
		}
		if (seen[i]) {
			ERR(ld, k, _("duplicate key '%s'"), f->key);
			continue;
		}
		seen[i] = 1;
		if (v->type != f->type) {
			ERR(ld, v, _("'%s' must be %s, not %s"), f->key, type_name(f->type), type_name(v->type));
			continue;
		}
		f->handler(ld, v, (unsigned char *)base + f->offset, f);
	}
	for (size_t i = 0; fields[i].key; i++)
		if (fields[i].required && !seen[i]) {
			if (fields == text_fields)
				ERR(ld, node, _("missing translation '%s'"), fields[i].key);
			else
				ERR(ld, node, _("missing required key '%s'"), fields[i].key);
		}
}

/* ---- checks within one file ---- */

static yaml_node_t *value_of(struct ld *ld, yaml_node_t *map, const char *key)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(ld->doc, p->key);
		if (k && k->type == YAML_SCALAR_NODE && strcmp((const char *)k->data.scalar.value, key) == 0)
			return yaml_document_get_node(ld->doc, p->value);
	}
	return NULL;
}

/* Reports the second and later entries with the same id. */
#define CHECK_DUPS(ld, array, n, what)                                                              \
	do {                                                                                        \
		for (size_t i_ = 0; i_ < (n); i_++)                                                 \
			for (size_t j_ = 0; j_ < i_ && (array)[i_].id; j_++)                        \
				if ((array)[j_].id && strcmp((array)[i_].id, (array)[j_].id) == 0) { \
					err_pos((ld), &(array)[i_].pos,                             \
						_("duplicate %s id '%s' (first at line %lu)"), (what), \
						(array)[i_].id, (array)[j_].pos.line);               \
					break;                                                      \
				}                                                                   \
	} while (0)

static void check_levels(struct ld *ld, yaml_node_t *root, const char *key, const struct az_level *lv, size_t n)
{
	yaml_node_t *seq = value_of(ld, root, key);
	if (!seq || seq->type != YAML_SEQUENCE_NODE)
		return;
	if (n != AZ_LEVELS)
		ERR(ld, seq, _("'%s' must have exactly %d levels, not %zu"), key, AZ_LEVELS, n);
	for (size_t i = 0; i < n; i++)
		if (lv[i].level && (size_t)lv[i].level != i + 1)
			err_pos(ld, &lv[i].pos, _("level %d is out of order: expected %zu here"), lv[i].level, i + 1);
}

static void check_scales(struct ld *ld, yaml_node_t *root)
{
	check_levels(ld, root, "likelihood", ld->cat->likelihood, ld->cat->nlikelihood);
	check_levels(ld, root, "severity", ld->cat->severity, ld->cat->nseverity);
}

static void check_matrix(struct ld *ld, yaml_node_t *root)
{
	struct az_catalogue *cat = ld->cat;
	int used[256] = { 0 };
	(void)root;
	CHECK_DUPS(ld, cat->ranks, cat->nranks, _("rank"));
	if (cat->nranks > 100) {
		err_pos(ld, &cat->ranks[100].pos, _("too many ranks"));
		return;
	}
	memset(cat->grid, -1, sizeof cat->grid);
	int resolved = ld->grid_complete;
	for (int r = 0; r < AZ_LEVELS; r++)
		for (int c = 0; c < AZ_LEVELS; c++) {
			const char *id = ld->grid_ids[r][c];
			if (!id)
				continue;
			size_t k;
			for (k = 0; k < cat->nranks; k++)
				if (cat->ranks[k].id && strcmp(cat->ranks[k].id, id) == 0)
					break;
			if (k == cat->nranks) {
				err_pos(ld, &ld->grid_pos[r][c], _("unknown rank '%s' in the grid"), id);
				resolved = 0;
				continue;
			}
			cat->grid[r][c] = (signed char)k;
			used[k] = 1;
		}
	if (!resolved)
		return;
	for (size_t k = 0; k < cat->nranks; k++)
		if (cat->ranks[k].id && !used[k] && az_catalogue_rank(cat, cat->ranks[k].id) == &cat->ranks[k])
			err_pos(ld, &cat->ranks[k].pos, _("rank '%s' is not used in the grid"), cat->ranks[k].id);
}

static void check_treatments(struct ld *ld, yaml_node_t *root)
{
	struct az_catalogue *cat = ld->cat;
	int have[AZ_NTREATMENTS] = { 0 };
	CHECK_DUPS(ld, cat->treatments, cat->ntreatments, _("treatment"));
	for (size_t i = 0; i < cat->ntreatments; i++) {
		struct az_treatment *t = &cat->treatments[i];
		if (!t->id)
			continue;
		t->kind = enum_index(az_cat_treatment_values, t->id);
		if (t->kind < 0)
			err_pos(ld, &t->pos, _("unknown treatment '%s': expected avoid, reduce, transfer or accept"), t->id);
		else
			have[t->kind] = 1;
	}
	yaml_node_t *seq = value_of(ld, root, "treatments");
	if (!seq || seq->type != YAML_SEQUENCE_NODE)
		return;
	for (int k = 0; k < AZ_NTREATMENTS; k++)
		if (!have[k])
			ERR(ld, seq, _("missing treatment '%s'"), az_cat_treatment_values[k]);
}

static void check_systems(struct ld *ld, yaml_node_t *root)
{
	(void)root;
	CHECK_DUPS(ld, ld->cat->categories, ld->cat->ncategories, _("category"));
}

static void check_threats(struct ld *ld, yaml_node_t *root)
{
	(void)root;
	CHECK_DUPS(ld, ld->cat->threats, ld->cat->nthreats, _("threat"));
}

static void check_controls(struct ld *ld, yaml_node_t *root)
{
	(void)root;
	CHECK_DUPS(ld, ld->cat->controls, ld->cat->ncontrols, _("control"));
}

static void check_questions(struct ld *ld, yaml_node_t *root)
{
	(void)root;
	CHECK_DUPS(ld, ld->cat->questions, ld->cat->nquestions, _("vendor question"));
}

static void check_facts(struct ld *ld, yaml_node_t *root)
{
	(void)root;
	struct az_catalogue *cat = ld->cat;
	CHECK_DUPS(ld, cat->facts, cat->nfacts, _("fact"));
	for (size_t i = 0; i < cat->nfacts; i++)
		if (cat->facts[i].scope == AZ_SCOPE_CLINIC && cat->facts[i].applies.pos.line)
			err_pos(ld, &cat->facts[i].applies.pos, "%s",
				_("a fact about the clinic cannot have 'applies'"));
	for (size_t i = 0; i < cat->nscorings; i++) {
		const struct az_scoring *sc = &cat->scorings[i];
		for (size_t j = 0; j < i && sc->threat; j++)
			if (cat->scorings[j].threat && strcmp(sc->threat, cat->scorings[j].threat) == 0) {
				err_pos(ld, &sc->pos, _("threat '%s' has its rules twice (first at line %lu)"),
					sc->threat, cat->scorings[j].pos.line);
				break;
			}
		for (size_t k = 0; k < sc->nrules; k++) {
			struct az_score_rule *r = &sc->rules[k];
			if (!r->likelihood && !r->severity)
				err_pos(ld, &r->pos, "%s", _("a rule must move the likelihood or the severity"));
			r->f = r->fact ? az_catalogue_fact(cat, r->fact) : NULL;
			if (r->fact && !r->f)
				err_pos(ld, &r->pos, _("unknown fact '%s'"), r->fact);
			else if (r->f && r->f->answer == AZ_FACT_YES_NO_UNKNOWN && (r->when & (1u << AZ_WHEN_OLD)))
				err_pos(ld, &r->pos, _("'old' applies only to a fact answered with a date ('%s' is not)"),
					r->fact);
			else if (r->f && r->f->answer == AZ_FACT_DATE && (r->when & (1u << AZ_WHEN_NO)))
				err_pos(ld, &r->pos, _("fact '%s' is answered with a date: use yes (recent), old or unknown"),
					r->fact);
		}
	}
}

static void check_sources(struct ld *ld, yaml_node_t *root)
{
	(void)root;
	CHECK_DUPS(ld, ld->cat->sources, ld->cat->nsources, _("source"));
}

static void check_checklist(struct ld *ld, yaml_node_t *root)
{
	struct az_checklist *cl = ld->base;
	const char *base = strrchr(ld->file, '/');
	base = base ? base + 1 : ld->file;
	cl->pos = pos_of(ld, root);
	yaml_node_t *id = value_of(ld, root, "id");
	if (cl->id && id && (strlen(cl->id) + 5 != strlen(base) || strncmp(cl->id, base, strlen(cl->id)) != 0))
		ERR(ld, id, _("checklist id '%s' does not match the file name '%s'"), cl->id, q(ld, base, strlen(base)));
	CHECK_DUPS(ld, cl->items, cl->nitems, _("checklist item"));
}

static void (*const file_checks[F_NKINDS])(struct ld *, yaml_node_t *) = {
	check_scales, check_matrix, check_treatments, check_systems,
	check_threats, check_controls, check_questions, check_facts, check_sources,
};

/* ---- reading and parsing ---- */

static int read_file(const char *path, char **out, size_t *len, int *eno)
{
	if (az_read_file(path, MAX_FILE, out, len) == 0)
		return 0;
	*eno = errno == EINVAL ? EFBIG : errno; /* a FIFO or device: not one of our files */
	return -1;
}

/* Line and column (1-based, in characters) of a byte offset into valid UTF-8. */
static void offset_pos(const char *buf, size_t len, size_t off, unsigned long *line, unsigned long *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off && i < len; i++) {
		unsigned char c = (unsigned char)buf[i];
		if (c == '\n' || (c == '\r' && (i + 1 >= len || buf[i + 1] != '\n'))) {
			(*line)++;
			*col = 1;
		} else if ((c & 0xC0) != 0x80 && c != '\r') {
			(*col)++;
		}
	}
}

static void parser_error(struct ld *ld, yaml_parser_t *p, const char *buf, size_t len)
{
	unsigned long line, col;
	switch (p->error) {
	case YAML_MEMORY_ERROR:
		az_diags_add(ld->d, ld->file, 0, 0, "%s", _("out of memory"));
		break;
	case YAML_READER_ERROR:
		offset_pos(buf, len, p->problem_offset, &line, &col);
		if (p->problem_value != -1)
			az_diags_add(ld->d, ld->file, line, col, _("invalid input: %s (#%X)"), p->problem,
				     (unsigned)p->problem_value);
		else
			az_diags_add(ld->d, ld->file, line, col, _("invalid input: %s"), p->problem);
		break;
	default:
		if (p->context)
			az_diags_add(ld->d, ld->file, p->problem_mark.line + 1, p->problem_mark.column + 1,
				     _("syntax error: %s (%s at line %lu, column %lu)"), p->problem, p->context,
				     (unsigned long)p->context_mark.line + 1,
				     (unsigned long)p->context_mark.column + 1);
		else
			az_diags_add(ld->d, ld->file, p->problem_mark.line + 1, p->problem_mark.column + 1,
				     _("syntax error: %s"), p->problem ? p->problem : "?");
		break;
	}
}

/* Anchors and aliases would let one node stand in many places: refused. */
static int has_alias(struct ld *ld)
{
	yaml_document_t *doc = ld->doc;
	size_t n = (size_t)(doc->nodes.top - doc->nodes.start);
	unsigned char *refs = calloc(n + 1, 1);
	int found = 0;
	if (!refs) {
		az_diags_add(ld->d, ld->file, 0, 0, "%s", _("out of memory"));
		return 1;
	}
	refs[1] = 1; /* the root */
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *node = &doc->nodes.start[i];
		yaml_node_item_t ids[2], *it, *end;
		if (node->type == YAML_SEQUENCE_NODE) {
			it = node->data.sequence.items.start;
			end = node->data.sequence.items.top;
		} else if (node->type == YAML_MAPPING_NODE) {
			for (yaml_node_pair_t *pr = node->data.mapping.pairs.start; pr < node->data.mapping.pairs.top; pr++) {
				ids[0] = pr->key;
				ids[1] = pr->value;
				for (int k = 0; k < 2; k++)
					if (ids[k] >= 1 && (size_t)ids[k] <= n && refs[ids[k]]++ && !found) {
						found = 1;
						ERR(ld, &doc->nodes.start[ids[k] - 1], "%s",
						    _("anchors and aliases are not allowed: this node is used again by an alias"));
					}
			}
			continue;
		} else {
			continue;
		}
		for (; it < end; it++)
			if (*it >= 1 && (size_t)*it <= n && refs[*it]++ && !found) {
				found = 1;
				ERR(ld, &doc->nodes.start[*it - 1], "%s", _("anchors and aliases are not allowed: this node is used again by an alias"));
			}
	}
	free(refs);
	return found;
}

#define MAX_DEPTH 32 /* the schema needs 6 */

/*
 * A first pass over the events, stopped at the first too deep collection: libyaml's
 * scanner costs time in the square of the flow nesting, so "[[[[..." would hang the
 * document loader. Returns 1 if the file may be loaded.
 */
static int depth_ok(struct ld *ld, const char *buf, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int depth = 0, ok = 1, done = 0;
	if (!yaml_parser_initialize(&p)) {
		az_diags_add(ld->d, ld->file, 0, 0, "%s", _("out of memory"));
		return 0;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			parser_error(ld, &p, buf, len);
			ok = 0;
			break;
		}
		if (ev.type == YAML_SEQUENCE_START_EVENT || ev.type == YAML_MAPPING_START_EVENT) {
			if (++depth > MAX_DEPTH) {
				az_diags_add(ld->d, ld->file, ev.start_mark.line + 1, ev.start_mark.column + 1,
					     _("nested deeper than %d levels"), MAX_DEPTH);
				ok = 0;
				done = 1;
			}
		} else if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT) {
			depth--;
		} else if (ev.type == YAML_STREAM_END_EVENT) {
			done = 1;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return ok;
}

/* Parses one file and walks it with the table; returns 1 if its entries can be used. */
static int load_file(struct ld *ld, const char *name, const char *path, const void *mem, size_t memlen,
		     const struct field *table, void *base, void (*check)(struct ld *, yaml_node_t *))
{
	char *buf = NULL;
	size_t len = 0;
	int eno = 0, ok = 0;
	ld->file = dup(ld, name, strlen(name));
	if (!ld->file)
		return 0;
	if (mem) {
		len = memlen;
		buf = malloc(len + 1);
		if (!buf) {
			az_diags_add(ld->d, ld->file, 0, 0, "%s", _("out of memory"));
			return 0;
		}
		memcpy(buf, mem, len);
		buf[len] = '\0';
	} else if (read_file(path, &buf, &len, &eno) != 0) {
		if (eno == EFBIG)
			az_diags_add(ld->d, ld->file, 0, 0, _("cannot read: larger than %ld MB, or not a regular file"),
				     MAX_FILE / 1024 / 1024);
		else
			az_diags_add(ld->d, ld->file, 0, 0, _("cannot read: %s"), strerror(eno));
		return 0;
	}
	yaml_parser_t parser;
	yaml_document_t doc, next;
	if (!depth_ok(ld, buf, len)) {
		free(buf);
		return 0;
	}
	if (!yaml_parser_initialize(&parser)) {
		az_diags_add(ld->d, ld->file, 0, 0, "%s", _("out of memory"));
		free(buf);
		return 0;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	if (!yaml_parser_load(&parser, &doc)) {
		parser_error(ld, &parser, buf, len);
		yaml_parser_delete(&parser);
		free(buf);
		return 0;
	}
	ld->doc = &doc;
	ld->base = base;
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (!root) {
		az_diags_add(ld->d, ld->file, 0, 0, "%s", _("the file is empty"));
	} else if (yaml_parser_load(&parser, &next)) {
		yaml_node_t *r2 = yaml_document_get_root_node(&next);
		if (r2)
			ERR(ld, r2, "%s", _("only one YAML document is allowed in a file"));
		yaml_document_delete(&next);
		if (!r2 && !has_alias(ld)) {
			walk_map(ld, root, table, base);
			ok = root->type == YAML_MAPPING_NODE;
			if (check && ok)
				check(ld, root);
		}
	} else {
		parser_error(ld, &parser, buf, len);
	}
	ld->doc = NULL;
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	free(buf);
	return ok;
}

/* ---- the files of a catalogue ---- */

static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s", dir, name);
	return p;
}

/* The path to read name from: the overlay's if it has one, else the catalogue's. */
static char *source_path(const struct az_catalogue_source *src, const char *name)
{
	struct stat st;
	if (src->overlay) {
		char *p = join(src->overlay, name);
		if (!p || stat(p, &st) == 0)
			return p;
		free(p);
	}
	return join(src->dir, name);
}

struct names {
	char **v;
	size_t n, cap;
};

static int add_name(struct names *l, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], name) == 0)
			return 0;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		char **v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	if (!(l->v[l->n] = strdup(name)))
		return -1;
	l->n++;
	return 0;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n > m && strcmp(s + n - m, suffix) == 0;
}

static int list_checklists(const char *dir, struct names *l)
{
	char *path = join(dir, "checklists");
	DIR *dp = path ? opendir(path) : NULL;
	struct dirent *e;
	int rc = path ? 0 : -1;
	free(path);
	if (!dp)
		return rc;
	while ((e = readdir(dp)) != NULL)
		if (e->d_name[0] != '.' && ends_with(e->d_name, ".yaml")) {
			char name[300];
			snprintf(name, sizeof name, "checklists/%s", e->d_name);
			if (add_name(l, name) != 0)
				rc = -1;
		}
	closedir(dp);
	return rc;
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void load_checklists(struct ld *ld, const struct az_catalogue_source *src)
{
	struct names l = { 0 };
	int rc = list_checklists(src->dir, &l);
	if (src->overlay && list_checklists(src->overlay, &l) != 0)
		rc = -1;
	if (src->mem_name && strncmp(src->mem_name, "checklists/", 11) == 0 && add_name(&l, src->mem_name) != 0)
		rc = -1;
	if (rc != 0)
		az_diags_add(ld->d, "checklists", 0, 0, "%s", _("out of memory"));
	if (l.n) /* qsort(NULL, 0) is undefined */
		qsort(l.v, l.n, sizeof *l.v, cmp_names);
	ld->checklists_ok = rc == 0 && l.n > 0;
	if (l.n == 0)
		az_diags_add(ld->d, "checklists", 0, 0, "%s", _("no checklist files (checklists/*.yaml)"));
	struct az_checklist *cls = l.n ? alloc(ld, l.n * sizeof *cls) : NULL;
	if (l.n && !cls)
		ld->checklists_ok = 0;
	ld->cat->checklists = cls;
	for (size_t i = 0; cls && i < l.n; i++) {
		struct az_checklist *cl = &cls[ld->cat->nchecklists];
		int mem = src->mem_name && strcmp(src->mem_name, l.v[i]) == 0;
		char *path = mem ? NULL : source_path(src, l.v[i]);
		if (!mem && !path) {
			ld->checklists_ok = 0;
			continue;
		}
		int ok = load_file(ld, l.v[i], path, mem ? src->mem_data : NULL, src->mem_len, checklist_top, cl,
				   check_checklist);
		free(path);
		if (!ok) {
			memset(cl, 0, sizeof *cl);
			ld->checklists_ok = 0;
			continue;
		}
		ld->cat->nchecklists++;
	}
	for (size_t i = 0; i < l.n; i++)
		free(l.v[i]);
	free(l.v);
}

/* ---- checks across files ---- */

static void check_refs(struct ld *ld)
{
	struct az_catalogue *cat = ld->cat;
	if (ld->ok[F_THREATS])
		for (size_t i = 0; i < cat->ncontrols; i++) {
			const struct az_control *c = &cat->controls[i];
			for (size_t k = 0; k < c->mitigates.n; k++)
				if (!az_catalogue_threat(cat, c->mitigates.v[k]))
					err_pos(ld, &c->mitigates.pos[k], _("control '%s' mitigates unknown threat '%s'"),
						c->id ? c->id : "?", c->mitigates.v[k]);
		}
	if (ld->checklists_ok) {
		for (size_t i = 0; i < cat->ncontrols; i++) {
			const struct az_control *c = &cat->controls[i];
			for (size_t k = 0; k < c->checklist.n; k++)
				if (!az_catalogue_has_item(cat, c->checklist.v[k]))
					err_pos(ld, &c->checklist.pos[k], _("checklist item '%s' is in no checklist"),
						c->checklist.v[k]);
		}
		for (size_t i = 0; i < cat->nquestions; i++) {
			const struct az_question *qn = &cat->questions[i];
			for (size_t k = 0; k < qn->feeds.n; k++)
				if (!az_catalogue_has_item(cat, qn->feeds.v[k]))
					err_pos(ld, &qn->feeds.pos[k], _("checklist item '%s' is in no checklist"),
						qn->feeds.v[k]);
		}
	}
	if (ld->ok[F_THREATS] && ld->ok[F_FACTS])
		for (size_t i = 0; i < cat->nscorings; i++) {
			const struct az_scoring *sc = &cat->scorings[i];
			struct az_threat *t = sc->threat ? (struct az_threat *)az_catalogue_threat(cat, sc->threat) : NULL;
			if (!t && sc->threat)
				err_pos(ld, &sc->pos, _("scoring rules for unknown threat '%s'"), sc->threat);
			else if (t)
				t->scoring = sc;
		}
	if (ld->ok[F_SYSTEMS])
		for (size_t i = 0; i < cat->nfacts; i++) {
			const struct az_idlist *l = &cat->facts[i].applies.categories;
			for (size_t k = 0; k < l->n; k++)
				if (!az_catalogue_category(cat, l->v[k]))
					err_pos(ld, &l->pos[k], _("unknown system category '%s'"), l->v[k]);
		}
	if (ld->ok[F_SYSTEMS])
		for (size_t i = 0; i < cat->nthreats; i++) {
			const struct az_idlist *l = &cat->threats[i].applies.categories;
			for (size_t k = 0; k < l->n; k++)
				if (!az_catalogue_category(cat, l->v[k]))
					err_pos(ld, &l->pos[k], _("unknown system category '%s'"), l->v[k]);
		}
	if (ld->ok[F_SYSTEMS])
		for (size_t i = 0; i < cat->nquestions; i++) {
			const struct az_idlist *l = &cat->questions[i].applies.categories;
			for (size_t k = 0; k < l->n; k++)
				if (!az_catalogue_category(cat, l->v[k]))
					err_pos(ld, &l->pos[k], _("unknown system category '%s'"), l->v[k]);
		}
}

int az_catalogue_load_from(const struct az_catalogue_source *src, struct az_catalogue **out,
			   struct az_diags *d)
{
	struct stat st;
	*out = NULL;
	int eno = !src->dir ? EINVAL : stat(src->dir, &st) != 0 ? errno : !S_ISDIR(st.st_mode) ? ENOTDIR : 0;
	if (eno) {
		az_diags_add(d, src->dir ? src->dir : "", 0, 0, _("cannot open the catalogue directory: %s"),
			     strerror(eno));
		return 66;
	}
	struct ld *ld = calloc(1, sizeof *ld);
	struct az_catalogue *cat = calloc(1, sizeof *cat);
	size_t before = d->n;
	if (!ld || !cat || !(cat->arena = src->arena ? src->arena : az_arena_new())) {
		if (src->arena)
			az_arena_free(src->arena);
		free(ld);
		free(cat);
		az_diags_add(d, "", 0, 0, "%s", _("out of memory"));
		return 65;
	}
	ld->cat = cat;
	ld->d = d;
	memset(cat->grid, -1, sizeof cat->grid);
	for (int k = 0; k < F_NKINDS; k++) {
		const char *name = file_names[k];
		int mem = src->mem_name && strcmp(src->mem_name, name) == 0;
		char *path = mem ? NULL : source_path(src, name);
		if (!mem && !path) {
			az_diags_add(d, name, 0, 0, "%s", _("out of memory"));
			continue;
		}
		ld->ok[k] = load_file(ld, name, path, mem ? src->mem_data : NULL, src->mem_len, file_tables[k], cat,
				      file_checks[k]);
		free(path);
	}
	load_checklists(ld, src);
	check_refs(ld);
	free(ld);
	az_diags_sort(d);
	if (d->n > before || d->oom) {
		az_catalogue_free(cat);
		return 65;
	}
	*out = cat;
	return 0;
}

