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
#include "model/tables.h"

/* How each kind is matched and named. The key and label are SQL over the table's own columns. */
struct kind {
	const char *table, *key, *label;
	const char *skip[6]; /* columns not compared: the key's own, and what next-year clears (year.h) */
};

static const struct kind kinds[AZ_DIFF_NKINDS] = {
	[AZ_DIFF_SYSTEMS] = { AZ_TABLE(systems), "CAST(id AS TEXT)", "name", { AZ_COL(systems, id), NULL } },
	[AZ_DIFF_VENDORS] = { AZ_TABLE(vendors), "CAST(id AS TEXT)", "name", { AZ_COL(vendors, id), NULL } },
	[AZ_DIFF_RISKS] = { AZ_TABLE(risks), "system_id || '/' || threat",
	  "coalesce((SELECT s.name FROM systems s WHERE s.id = risks.system_id) || ' / ', '') || threat",
	  { AZ_COL(risks, id), AZ_COL(risks, system_id), AZ_COL(risks, threat), AZ_COL(risks, accepted_by),
	    AZ_COL(risks, accepted_at) } },
	[AZ_DIFF_ACTIONS] = { AZ_TABLE(actions), "CAST(id AS TEXT)",
	  "CASE WHEN description <> '' THEN description ELSE control END", { AZ_COL(actions, id), NULL } },
	/* the form (clinic, vendor) without the year prefix: r6-clinic and r7-clinic answers match */
	[AZ_DIFF_CHECKLIST] = { AZ_TABLE(checklist_answers),
	  "substr(checklist, instr(checklist, '-') + 1) || '/' || item || '/' || device",
	  "item || CASE device WHEN 'all' THEN '' ELSE ' (' || device || ')' END",
	  { AZ_COL(checklist_answers, checklist), AZ_COL(checklist_answers, item), AZ_COL(checklist_answers, device),
	    AZ_COL(checklist_answers, checked_at) } },
};

struct row {
	const char *key, *label;
	const char **vals; /* per table column; NULL for SQL NULL or a skipped column */
	unsigned char *isnull;
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

static int read_side(struct az_store *s, struct az_arena *a, const struct kind *k, const struct az_table *t,
		     struct side *out, struct az_error *err)
{
	sqlite3_str *q = sqlite3_str_new(NULL);
	sqlite3_str_appendf(q, "SELECT %s, %s", k->key, k->label);
	for (size_t c = 0; c < t->ncols; c++)
		sqlite3_str_appendf(q, ", %s", t->cols[c].name);
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
		struct row *r = &out->v[out->n];
		const char *key = (const char *)sqlite3_column_text(st, 0), *label = (const char *)sqlite3_column_text(st, 1);
		r->key = az_arena_strndup(a, key ? key : "", key ? strlen(key) : 0);
		r->label = az_arena_strndup(a, label ? label : "", label ? strlen(label) : 0);
		r->vals = az_arena_alloc(a, t->ncols * sizeof *r->vals);
		r->isnull = az_arena_alloc(a, t->ncols);
		if (!r->key || !r->label || !r->vals || !r->isnull)
			break;
		for (size_t c = 0; c < t->ncols; c++) {
			if (skipped(k, t->cols[c].name))
				continue;
			const char *v = (const char *)sqlite3_column_text(st, (int)c + 2);
			r->isnull[c] = v == NULL;
			if (v && !(r->vals[c] = az_arena_strndup(a, v, (size_t)sqlite3_column_bytes(st, (int)c + 2))))
				goto oom;
		}
		out->n++;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		goto oom_done;
	if (rc != SQLITE_DONE)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
	return AZ_OK;
oom:
	sqlite3_finalize(st);
oom_done:
	return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct row *)a)->key, ((const struct row *)b)->key);
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

static int compare_kind(struct az_store *cur, struct az_store *prev, struct az_arena *a, int kind, struct az_diff *d,
			size_t *cap, struct az_error *err)
{
	const struct kind *k = &kinds[kind];
	const struct az_table *t = az_table_find(k->table);
	struct side now, before;
	if (!t)
		return az_fail(err, AZ_IOERR, "no table %s", k->table);
	if (read_side(cur, a, k, t, &now, err) || read_side(prev, a, k, t, &before, err))
		return err->code;
	qsort(before.v, before.n, sizeof *before.v, by_key);
	for (size_t i = 0; i < now.n; i++) {
		struct row *r = &now.v[i];
		struct row *p = bsearch(r, before.v, before.n, sizeof *before.v, by_key);
		struct az_diff_row out = { kind, AZ_NEW, t, r->key, r->label, 0 };
		if (p && !p->matched) {
			p->matched = 1;
			for (size_t c = 0; c < t->ncols && c < 64; c++) {
				if (skipped(k, t->cols[c].name))
					continue;
				if (r->isnull[c] != p->isnull[c] ||
				    (!r->isnull[c] && strcmp(r->vals[c], p->vals[c]) != 0))
					out.fields |= 1ULL << c;
			}
			out.change = out.fields ? AZ_CHANGED : AZ_UNCHANGED;
		}
		if (add(d, cap, out, err))
			return err->code;
	}
	for (size_t i = 0; i < before.n; i++)
		if (!before.v[i].matched) {
			struct az_diff_row out = { kind, AZ_REMOVED, t, before.v[i].key, before.v[i].label, 0 };
			if (add(d, cap, out, err))
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

int az_history_snapshot(struct az_store *s, int year, char **out, size_t *len, struct az_error *err)
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
	*out = malloc(*len + 1);
	if (*out) {
		memcpy(*out, sqlite3_column_text(st, 0), *len);
		(*out)[*len] = '\0';
	}
	sqlite3_finalize(st);
	return *out ? AZ_OK : az_fail(err, AZ_IOERR, "%s", _("out of memory"));
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
	struct az_store *prev = NULL;
	int rc = az_history_open(s, base_year, &prev, err);
	if (rc != AZ_OK)
		return rc;
	struct az_arena *a = az_arena_new();
	if (!a) {
		az_store_close(prev);
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	}
	d->mem = a;
	d->base_year = base_year;
	size_t cap = 0;
	for (int k = 0; k < AZ_DIFF_NKINDS && rc == AZ_OK; k++)
		rc = compare_kind(s, prev, a, k, d, &cap, err);
	az_store_close(prev);
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
