/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "model/diff.h"
#include "model/import.h"
#include "model/snapshot_json.h"
#include "model/tables.h"

/* The compared kinds: each one table, matched by a stable key and named by a label (keys(), below). */
struct kind {
	const char *table;
	const char *skip[6]; /* columns not compared: the key's own, and what next-year clears (year.h) */
};

static const struct kind kinds[AZ_DIFF_NKINDS] = {
	[AZ_DIFF_SYSTEMS] = { AZ_TABLE(systems), { AZ_COL(systems, id), NULL } },
	[AZ_DIFF_VENDORS] = { AZ_TABLE(vendors), { AZ_COL(vendors, id), NULL } },
	[AZ_DIFF_RISKS] = { AZ_TABLE(risks), { AZ_COL(risks, id), AZ_COL(risks, system_id), AZ_COL(risks, threat),
					       AZ_COL(risks, accepted_by), AZ_COL(risks, accepted_at) } },
	[AZ_DIFF_ACTIONS] = { AZ_TABLE(actions), { AZ_COL(actions, id), NULL } },
	[AZ_DIFF_CHECKLIST] = { AZ_TABLE(checklist_answers),
				{ AZ_COL(checklist_answers, checklist), AZ_COL(checklist_answers, item),
				  AZ_COL(checklist_answers, device), AZ_COL(checklist_answers, checked_at) } },
};

struct row {
	const char *key, *label;
	const char **vals; /* per table column, as SQLite's text of it; NULL for SQL NULL */
	int matched;
};

struct side {
	struct row *v;
	size_t n;
};

static int skipped(const struct kind *k, const char *col)
{
	for (int i = 0; i < 6 && k->skip[i]; i++)
		if (!strcmp(k->skip[i], col))
			return 1;
	return 0;
}

const struct az_table *az_diff_table(int kind)
{
	return kind >= 0 && kind < AZ_DIFF_NKINDS ? az_table_find(kinds[kind].table) : NULL;
}

int az_diff_compared(int kind, size_t col)
{
	const struct az_table *t = az_diff_table(kind);
	return t && col < t->ncols && col < 64 && !skipped(&kinds[kind], t->cols[col].name);
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct row *)a)->key, ((const struct row *)b)->key);
}

/* a || b || c as SQL has it: NULL (here "") if any is NULL */
static const char *cat3(struct az_arena *a, const char *x, const char *y, const char *z)
{
	if (!x || !y || !z)
		return "";
	size_t nx = strlen(x), ny = strlen(y), nz = strlen(z);
	char *o = az_arena_alloc(a, nx + ny + nz + 1);
	if (o) {
		memcpy(o, x, nx);
		memcpy(o + nx, y, ny);
		memcpy(o + nx + ny, z, nz);
	}
	return o;
}

/*
 * Each row's key and label, the same for the workbook and the snapshot. systems: the side's systems
 * sorted by key, which the risks' labels name. Keys: systems, vendors and actions by id (next-year keeps
 * the ids), risks by system id and threat, checklist answers by the form without its year prefix (r6-clinic
 * and r7-clinic answers match), item and device.
 */
static int keys(struct az_arena *a, int kind, struct side *sd, const struct side *systems)
{
#define V(table, col) r->vals[AZ_COL_##table##_##col]
	for (size_t i = 0; i < sd->n; i++) {
		struct row *r = &sd->v[i];
		const char *dash;
		switch (kind) {
		case AZ_DIFF_SYSTEMS:
			r->key = V(systems, id), r->label = V(systems, name);
			break;
		case AZ_DIFF_VENDORS:
			r->key = V(vendors, id), r->label = V(vendors, name);
			break;
		case AZ_DIFF_RISKS: {
			r->key = cat3(a, V(risks, system_id), "/", V(risks, threat));
			struct row probe = { .key = V(risks, system_id) };
			const struct row *sys = probe.key ? bsearch(&probe, systems->v, systems->n, sizeof *systems->v, by_key)
							  : NULL;
			const char *name = sys ? sys->vals[AZ_COL_systems_name] : NULL;
			r->label = name ? cat3(a, name, " / ", V(risks, threat)) : V(risks, threat);
			break;
		}
		case AZ_DIFF_ACTIONS:
			r->key = V(actions, id);
			r->label = V(actions, description) && *V(actions, description) ? V(actions, description)
											: V(actions, control);
			break;
		default: {
			const char *form = V(checklist_answers, checklist), *dev = V(checklist_answers, device);
			if (form && (dash = strchr(form, '-')))
				form = dash + 1;
			r->key = cat3(a, cat3(a, form, "/", V(checklist_answers, item)), "/", dev);
			r->label = !dev ? "" : !strcmp(dev, "all") ? V(checklist_answers, item)
								   : cat3(a, V(checklist_answers, item), " (",
									  cat3(a, dev, ")", ""));
		}
		}
		if (!r->key)
			r->key = "";
		if (!r->label)
			r->label = "";
	}
#undef V
	return 0;
}

static int read_side(struct az_store *s, struct az_arena *a, const struct az_table *t, struct side *out,
		     struct az_error *err)
{
	sqlite3_str *q = sqlite3_str_new(NULL);
	sqlite3_str_appendall(q, "SELECT ");
	for (size_t c = 0; c < t->ncols; c++)
		sqlite3_str_appendf(q, "%s%s", c ? ", " : "", t->cols[c].name);
	sqlite3_str_appendf(q, " FROM %s ORDER BY %s", t->name, t->order);
	char *sql = sqlite3_str_finish(q);
	sqlite3_stmt *st = NULL;
	if (!sql || sqlite3_prepare_v2(az_store_db(s), sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_free(sql);
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
	}
	sqlite3_free(sql);
	size_t cap = 0;
	out->v = NULL;
	out->n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct row *nv = az_arena_alloc(a, ncap * sizeof *nv);
			if (!nv)
				break;
			if (out->n)
				memcpy(nv, out->v, out->n * sizeof *nv);
			out->v = nv;
			cap = ncap;
		}
		/* the row's values in one allocation after its pointers */
		struct row *r = &out->v[out->n];
		size_t bytes = t->ncols * sizeof *r->vals;
		for (size_t c = 0; c < t->ncols; c++)
			if (sqlite3_column_text(st, (int)c))
				bytes += (size_t)sqlite3_column_bytes(st, (int)c) + 1;
		if (!(r->vals = az_arena_alloc(a, bytes)))
			break;
		char *text = (char *)(r->vals + t->ncols);
		for (size_t c = 0; c < t->ncols; c++) {
			const char *v = (const char *)sqlite3_column_text(st, (int)c);
			if (!v)
				continue;
			size_t n = (size_t)sqlite3_column_bytes(st, (int)c);
			memcpy(text, v, n); /* the arena's memory is zeroed: the NUL is there */
			r->vals[c] = text;
			text += n + 1;
		}
		out->n++;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	if (rc != SQLITE_DONE)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
	return AZ_OK;
}

/* The snapshot's rows of one kind, read by model/snapshot_json.c. */
static int snap_side(struct az_arena *a, const struct az_table *t, const struct az_snap_rows *sr, struct side *out)
{
	out->n = sr->n;
	out->v = az_arena_alloc(a, (sr->n ? sr->n : 1) * sizeof *out->v);
	if (!out->v)
		return -1;
	for (size_t i = 0; i < sr->n; i++)
		out->v[i].vals = sr->vals + i * t->ncols;
	return 0;
}

static int add(struct az_diff *d, size_t *cap, struct az_diff_row r, struct az_error *err)
{
	if (d->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 64;
		struct az_diff_row *nv = realloc(d->rows, ncap * sizeof *nv);
		if (!nv)
			return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
		d->rows = nv;
		*cap = ncap;
	}
	d->rows[d->n++] = r;
	d->count[r.kind][r.change]++;
	return AZ_OK;
}

/* now in the workbook's order, before sorted by key. */
static int compare_kind(int kind, const struct side *now, const struct side *before, struct az_diff *d, size_t *cap,
			struct az_error *err)
{
	const struct kind *k = &kinds[kind];
	const struct az_table *t = az_table_find(k->table);
	for (size_t i = 0; i < now->n; i++) {
		struct row *r = &now->v[i];
		struct row *p = bsearch(r, before->v, before->n, sizeof *before->v, by_key);
		struct az_diff_row out = { kind, AZ_NEW, t, r->key, r->label, 0 };
		if (p && !p->matched) {
			p->matched = 1;
			for (size_t c = 0; c < t->ncols && c < 64; c++) {
				if (skipped(k, t->cols[c].name))
					continue;
				if (!r->vals[c] != !p->vals[c] || (r->vals[c] && strcmp(r->vals[c], p->vals[c]) != 0))
					out.fields |= 1ULL << c;
			}
			out.change = out.fields ? AZ_CHANGED : AZ_UNCHANGED;
		}
		if (add(d, cap, out, err))
			return err->code;
	}
	for (size_t i = 0; i < before->n; i++)
		if (!before->v[i].matched) {
			struct az_diff_row out = { kind, AZ_REMOVED, t, before->v[i].key, before->v[i].label, 0 };
			if (add(d, cap, out, err))
				return err->code;
		}
	return AZ_OK;
}

/* Both sides of every kind, keyed; the systems first, as the risks' labels name them. */
static int compare_all(struct az_store *s, char *json, size_t len, int year, struct az_arena *a,
		       struct az_diff *d, struct az_error *err)
{
	const struct az_table *tables[AZ_DIFF_NKINDS];
	struct az_snap_rows snap[AZ_DIFF_NKINDS];
	struct side now[AZ_DIFF_NKINDS], before[AZ_DIFF_NKINDS], sys_now;
	const char *why;
	for (int k = 0; k < AZ_DIFF_NKINDS; k++)
		if (!(tables[k] = az_table_find(kinds[k].table)))
			return az_fail(err, AZ_IOERR, "no table %s", kinds[k].table);
	if (az_snapshot_read(json, len, tables, AZ_DIFF_NKINDS, a, snap, &why) != 0)
		return az_fail(err, AZ_DATAERR, _("%s: the earlier year %d cannot be read: %s"), az_store_path(s), year,
			       why);
	for (int k = 0; k < AZ_DIFF_NKINDS; k++) {
		if (read_side(s, a, tables[k], &now[k], err) != AZ_OK)
			return err->code;
		if (snap_side(a, tables[k], &snap[k], &before[k]))
			return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	}
	/* the workbook's systems sorted by key for the labels; now keeps the workbook's order for the rows */
	keys(a, AZ_DIFF_SYSTEMS, &now[AZ_DIFF_SYSTEMS], NULL);
	keys(a, AZ_DIFF_SYSTEMS, &before[AZ_DIFF_SYSTEMS], NULL);
	sys_now.n = now[AZ_DIFF_SYSTEMS].n;
	if (!(sys_now.v = az_arena_alloc(a, (sys_now.n ? sys_now.n : 1) * sizeof *sys_now.v)))
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	memcpy(sys_now.v, now[AZ_DIFF_SYSTEMS].v, sys_now.n * sizeof *sys_now.v);
	qsort(sys_now.v, sys_now.n, sizeof *sys_now.v, by_key);
	qsort(before[AZ_DIFF_SYSTEMS].v, before[AZ_DIFF_SYSTEMS].n, sizeof *before[0].v, by_key);
	size_t cap = 0;
	for (int k = 0; k < AZ_DIFF_NKINDS; k++) {
		if (k != AZ_DIFF_SYSTEMS) {
			keys(a, k, &now[k], &sys_now);
			keys(a, k, &before[k], &before[AZ_DIFF_SYSTEMS]);
			qsort(before[k].v, before[k].n, sizeof *before[k].v, by_key);
		}
		if (compare_kind(k, &now[k], &before[k], d, &cap, err) != AZ_OK)
			return err->code;
	}
	return AZ_OK;
}

int az_history_years(struct az_store *s, int *years, int max, struct az_error *err)
{
	sqlite3_stmt *st = NULL;
	int n = 0, rc;
	if (sqlite3_prepare_v2(az_store_db(s), "SELECT fiscal_year FROM history ORDER BY fiscal_year DESC", -1, &st,
			       NULL) != SQLITE_OK)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read")), -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (n < max)
			years[n++] = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read")), -1;
	return n;
}

/* The snapshot text, in a's memory (a NULL: malloc'd). */
static int snapshot_text(struct az_store *s, int year, struct az_arena *a, char **out, size_t *len,
			 struct az_error *err)
{
	sqlite3_stmt *st = NULL;
	*out = NULL;
	if (sqlite3_prepare_v2(az_store_db(s), "SELECT snapshot FROM history WHERE fiscal_year = ?1", -1, &st, NULL) !=
	    SQLITE_OK)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
	sqlite3_bind_int(st, 1, year);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return az_fail(err, AZ_DATAERR, _("%s: no earlier year %d in the workbook"), az_store_path(s), year);
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
	}
	*len = (size_t)sqlite3_column_bytes(st, 0);
	*out = a ? az_arena_alloc(a, *len + 1) : malloc(*len + 1);
	if (*out) {
		memcpy(*out, sqlite3_column_text(st, 0), *len);
		(*out)[*len] = '\0';
	}
	sqlite3_finalize(st);
	return *out ? AZ_OK : az_fail(err, AZ_IOERR, "%s", _("out of memory"));
}

int az_history_snapshot(struct az_store *s, int year, char **out, size_t *len, struct az_error *err)
{
	return snapshot_text(s, year, NULL, out, len, err);
}

int az_history_open(struct az_store *s, int year, struct az_store **out, struct az_error *err)
{
	char *json = NULL, name[64];
	size_t len = 0;
	*out = NULL;
	int rc = az_history_snapshot(s, year, &json, &len, err);
	if (rc != AZ_OK)
		return rc;
	snprintf(name, sizeof name, "history[%d]", year);
	struct az_store *m = NULL;
	rc = az_store_create_memory(&m, err);
	if (rc == AZ_OK)
		rc = az_import_json(m, json, len, name, err);
	free(json);
	if (rc != AZ_OK) {
		az_store_close(m);
		return rc;
	}
	*out = m;
	return AZ_OK;
}

int az_diff_compute(struct az_store *s, int base_year, struct az_diff *d, struct az_error *err)
{
	memset(d, 0, sizeof *d);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(az_store_db(s), "SELECT fiscal_year FROM assessment WHERE id = 1", -1, &st, NULL) !=
	    SQLITE_OK)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
	if (sqlite3_step(st) == SQLITE_ROW)
		d->year = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (!base_year) {
		int y;
		int n = az_history_years(s, &y, 1, err);
		if (n < 0)
			return err->code;
		if (n == 0)
			return AZ_OK;
		base_year = y;
	}
	char *json = NULL;
	size_t len = 0;
	struct az_arena *a = az_arena_new();
	if (!a)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	d->mem = a;
	d->base_year = base_year;
	/* in the diff's memory: the earlier year's values are read in place and kept for the rows */
	int rc = snapshot_text(s, base_year, a, &json, &len, err);
	if (rc == AZ_OK)
		rc = compare_all(s, json, len, base_year, a, d, err);
	if (rc != AZ_OK)
		az_diff_free(d);
	return rc;
}

void az_diff_free(struct az_diff *d)
{
	free(d->rows);
	az_arena_free(d->mem);
	memset(d, 0, sizeof *d);
}

const char *az_diff_kind_name(int kind)
{
	static const char *const names[] = { "systems", "vendors", "risks", "actions", "checklist" };
	_Static_assert(sizeof names / sizeof names[0] == AZ_DIFF_NKINDS, "a name per kind");
	return kind >= 0 && kind < AZ_DIFF_NKINDS ? names[kind] : "?";
}

const char *az_diff_change_name(int change)
{
	static const char *const names[] = { "unchanged", "new", "changed", "removed" };
	_Static_assert(sizeof names / sizeof names[0] == AZ_NCHANGES, "a name per change");
	return change >= 0 && change < AZ_NCHANGES ? names[change] : "?";
}

size_t az_diff_fields(const struct az_diff_row *r, const char **names, size_t max)
{
	size_t n = 0;
	for (size_t c = 0; c < r->table->ncols && c < 64 && n < max; c++)
		if ((r->fields >> c) & 1)
			names[n++] = r->table->cols[c].name;
	return n;
}

/* The label of the first column of that name that has one (model/table_defs.h); names label alike. */
const char *az_diff_field_msgid(const char *column)
{
	for (size_t t = 0; t < az_ntables; t++) {
		const struct az_column *c = az_column_find(&az_tables[t], column);
		if (c && c->label)
			return c->label;
	}
	return column;
}

const char *az_diff_field_label(const char *column)
{
	for (size_t t = 0; t < az_ntables; t++) {
		const struct az_column *c = az_column_find(&az_tables[t], column);
		if (c && c->label)
			return _(c->label);
	}
	return column;
}
