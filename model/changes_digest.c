/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/changes_digest.h"
#include "model/import.h"
#include "model/schema.h"
#include "model/tables.h"

/*
 * The stored form, little-endian: "AZCD", the format, the schema version and the year (4 bytes each),
 * the snapshot text's hash, a hash of the compared columns' names and one of the rows below (8 each),
 * the number of rows of each kind (4 each), then per row of each kind in turn its key hash and value
 * hash (8 + 8). FORMAT changes with how rows are hashed; a digest of another format, schema version or
 * set of compared columns is not used.
 */
#define FORMAT 1
#define HEAD (4 + 4 + 4 + 4 + 8 + 8 + 8 + 4 * AZ_DIFF_NKINDS)
#define ENTRY 16
#define MAX_ROWS 100000 /* the largest table's max_rows (model/table_defs.h) */
/* Kept for a year that can have no digest (its keys repeat, or its snapshot cannot be read): not one
 * to count from, but no writer tries again. */
#define NONE "AZCD\0\0\0\0"

struct entry {
	uint64_t key, val;
};

#define FNV_BASIS 0xcbf29ce484222325ull
static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
	return h;
}

static uint64_t fnv_str(uint64_t h, const char *s) { return fnv(h, s, strlen(s)); }

/* Which columns of each kind model/diff compares; returns a hash of their tables' and their names. */
typedef unsigned char compared[AZ_DIFF_NKINDS][64];

static uint64_t compared_columns(compared cmp)
{
	uint64_t h = FNV_BASIS;
	for (int k = 0; k < AZ_DIFF_NKINDS; k++) {
		const struct az_table *t = az_diff_table(k);
		h = fnv(fnv_str(h, t ? t->name : "?"), ":", 1);
		memset(cmp[k], 0, sizeof cmp[k]);
		for (size_t c = 0; t && c < t->ncols && c < 64; c++)
			if ((cmp[k][c] = (unsigned char)az_diff_compared(k, c)))
				h = fnv(fnv_str(h, t->cols[c].name), ",", 1);
		h = fnv(h, ";", 1);
	}
	return h;
}

static uint64_t fmix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 33);
}

/* Eight bytes at a time, its length first. */
static uint64_t text_hash(const char *s, size_t n)
{
	uint64_t h = n * 0x9e3779b97f4a7c15ull;
	for (; n >= 8; n -= 8, s += 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = (h ^ w) * 0x100000001b3ull;
		h ^= h >> 29;
	}
	/* the last bytes shifted in, not copied to memory and read back as a word (a stall each text) */
	uint64_t w = 0;
	for (size_t i = 0; i < n; i++)
		w |= (uint64_t)(unsigned char)s[i] << 8 * i;
	return h ^ w;
}

/* text_hash of a text, without a call for an empty one (most of a row's texts) */
static inline uint64_t str_hash(const char *s) { return *s ? text_hash(s, strlen(s)) : 0; }

/* Values: the sum over the compared columns of each one's field (a text's hash) times an odd number
 * of its own; the columns do not wait for each other, and a change of one column always changes the
 * sum (an odd factor is one-to-one). */
#define COL(t, col) ((uint64_t)(AZ_COL_##t##_##col + 1) * 0x9e3779b97f4a7c15ull)
#define ODD(t, col) (COL(t, col) | 1)
#define V_S_(t, col) h += (str_hash(r->col) ^ COL(t, col)) * ODD(t, col);
#define V_L_(t, col) h += ((uint64_t)r->col ^ COL(t, col)) * ODD(t, col);
#define V_I_(t, col) h += ((uint64_t)(int64_t)r->col ^ COL(t, col)) * ODD(t, col);
#define V_E_(t, col) V_I_(t, col)
#define V_N_(t, col)
#define V_(t, col, field, ...) \
	if (cmp[AZ_COL_##t##_##col]) { V_##field##_(t, col) }
#define VALUE_HASH(name, type, table)                                                 \
	static uint64_t name(const struct type *r, const unsigned char *cmp)          \
	{                                                                             \
		uint64_t h = 0;                                                       \
		AZ_COLUMNS_##table(V_, table) return fmix(h);                         \
	}
VALUE_HASH(system_value, az_system, systems)
VALUE_HASH(vendor_value, az_vendor, vendors)
VALUE_HASH(risk_value, az_risk, risks)
VALUE_HASH(action_value, az_action, actions)
VALUE_HASH(checklist_value, az_checklist_answer, checklist_answers)

static size_t rows_of(const struct az_book *b, int kind)
{
	switch (kind) {
	case AZ_DIFF_SYSTEMS: return b->n_systems;
	case AZ_DIFF_VENDORS: return b->n_vendors;
	case AZ_DIFF_RISKS: return b->n_risks;
	case AZ_DIFF_ACTIONS: return b->n_actions;
	default: return b->n_checklist_answers;
	}
}

/* Row i of a kind: its key and its compared values. Keys are one exactly when model/diff's key texts
 * (keys() there) are: an id, whose text is its value's; a risk's system id and threat, which its
 * text "ID/THREAT" holds apart (an id has no '/'); a checklist answer's text itself (FNV-1a over its
 * pieces), since a '/' in the form or item could make two of them one text. */
static struct entry row_hash(const struct az_book *b, int kind, size_t i, const compared cmp)
{
	struct entry e;
	switch (kind) {
	case AZ_DIFF_SYSTEMS:
		e.key = fmix((uint64_t)b->systems[i].id), e.val = system_value(&b->systems[i], cmp[kind]);
		break;
	case AZ_DIFF_VENDORS:
		e.key = fmix((uint64_t)b->vendors[i].id), e.val = vendor_value(&b->vendors[i], cmp[kind]);
		break;
	case AZ_DIFF_RISKS: {
		const struct az_risk *r = &b->risks[i];
		e.key = fmix(fmix((uint64_t)r->system_id) + text_hash(r->threat, strlen(r->threat)));
		e.val = risk_value(r, cmp[kind]);
		break;
	}
	case AZ_DIFF_ACTIONS:
		e.key = fmix((uint64_t)b->actions[i].id), e.val = action_value(&b->actions[i], cmp[kind]);
		break;
	default: {
		/* the form without its year prefix (r6-clinic and r7-clinic answers match), item, device */
		const struct az_checklist_answer *a = &b->checklist_answers[i];
		const char *form = a->checklist, *dash = strchr(form, '-');
		e.key = FNV_BASIS; /* a NULL device: model/diff's key is "" */
		if (a->device >= 0)
			e.key = fnv_str(fnv(fnv_str(fnv(fnv_str(FNV_BASIS, dash ? dash + 1 : form), "/", 1), a->item), "/", 1),
					az_device_values[a->device]);
		e.val = checklist_value(a, cmp[kind]);
	}
	}
	return e;
}

static void put(unsigned char *p, uint64_t v, int bytes)
{
	for (int i = 0; i < bytes; i++)
		p[i] = (unsigned char)(v >> 8 * i);
}

static uint64_t get(const unsigned char *p, int bytes)
{
	uint64_t v = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	memcpy(&v, p, (size_t)bytes); /* the same, in one load */
#else
	for (int i = 0; i < bytes; i++)
		v |= (uint64_t)p[i] << 8 * i;
#endif
	return v;
}

/* Row i of the stored rows p: its key hash, its value hash. */
static uint64_t key_at(const unsigned char *p, size_t i) { return get(p + i * ENTRY, 8); }
static uint64_t val_at(const unsigned char *p, size_t i) { return get(p + i * ENTRY + 8, 8); }

/* Open addressing over the key hashes of the stored rows p[0..n): slot holds an index + 1. */
struct index {
	uint32_t *slot;
	size_t mask;
};

/* -1 out of memory, 1 a key repeats, 0 built. */
static int index_build(struct index *x, const unsigned char *p, size_t n)
{
	size_t cap = 16;
	while (cap < 2 * n)
		cap <<= 1;
	x->mask = cap - 1;
	if (!(x->slot = calloc(cap, sizeof *x->slot)))
		return -1;
	for (size_t i = 0; i < n; i++) {
		uint64_t key = key_at(p, i);
		size_t h = (size_t)fmix(key) & x->mask;
		for (; x->slot[h]; h = (h + 1) & x->mask)
			if (key_at(p, x->slot[h] - 1) == key)
				return 1;
		x->slot[h] = (uint32_t)i + 1;
	}
	return 0;
}

static size_t index_find(const struct index *x, const unsigned char *p, uint64_t key)
{
	for (size_t h = (size_t)fmix(key) & x->mask; x->slot[h]; h = (h + 1) & x->mask)
		if (key_at(p, x->slot[h] - 1) == key)
			return x->slot[h] - 1;
	return (size_t)-1;
}

/* The rows of a digest blob that is whole and of this program's format for year; n[] their numbers,
 * *snap the snapshot's hash; NULL if it is not. */
static const unsigned char *digest_rows(const unsigned char *p, size_t len, int year, uint64_t columns,
					size_t n[AZ_DIFF_NKINDS], uint64_t *snap)
{
	if (!p || len < HEAD || memcmp(p, "AZCD", 4) != 0 || get(p + 4, 4) != FORMAT ||
	    get(p + 8, 4) != AZ_SCHEMA_VERSION || get(p + 12, 4) != (uint64_t)year || get(p + 24, 8) != columns)
		return NULL;
	*snap = get(p + 16, 8);
	size_t total = 0;
	for (int k = 0; k < AZ_DIFF_NKINDS; k++) {
		n[k] = (size_t)get(p + 40 + 4 * k, 4);
		if (n[k] > MAX_ROWS)
			return NULL;
		total += n[k];
	}
	return len == HEAD + total * ENTRY ? p + HEAD : NULL;
}

static int meta_write(struct az_store *s, int year, const unsigned char *blob, size_t len, struct az_error *err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(az_store_db(s), "INSERT OR REPLACE INTO meta (key, value) VALUES ('changes ' || ?1, ?2)", -1,
			       &st, NULL) != SQLITE_OK)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot write"));
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_blob(st, 2, blob, (int)len, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? AZ_OK : az_store_sqlfail(s, err, AZ_IOERR, _("cannot write"));
}

int az_changes_digest_save(struct az_store *s, int year, const struct az_book *was, const char *snapshot,
			   size_t len, struct az_error *err)
{
	compared cmp;
	uint64_t columns = compared_columns(cmp);
	size_t total = 0;
	for (int k = 0; k < AZ_DIFF_NKINDS; k++)
		total += rows_of(was, k);
	unsigned char *blob = malloc(HEAD + total * ENTRY);
	if (!blob)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	memcpy(blob, "AZCD", 4);
	put(blob + 4, FORMAT, 4);
	put(blob + 8, AZ_SCHEMA_VERSION, 4);
	put(blob + 12, (uint64_t)year, 4);
	put(blob + 16, fmix(text_hash(snapshot, len)), 8);
	put(blob + 24, columns, 8);
	int repeats = 0;
	size_t at = 0;
	for (int k = 0; k < AZ_DIFF_NKINDS && !repeats; k++) {
		size_t n = rows_of(was, k);
		put(blob + 40 + 4 * k, n, 4);
		unsigned char *rows = blob + HEAD + at * ENTRY;
		for (size_t i = 0; i < n; i++) {
			struct entry e = row_hash(was, k, i, cmp);
			put(rows + i * ENTRY, e.key, 8);
			put(rows + i * ENTRY + 8, e.val, 8);
		}
		at += n;
		/* model/diff matches a repeated earlier key by where its binary search lands: not kept */
		struct index x;
		int rc = index_build(&x, rows, n);
		free(x.slot);
		if (rc < 0) {
			free(blob);
			return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
		}
		repeats = rc > 0;
	}
	put(blob + 32, fmix(text_hash((const char *)blob + HEAD, total * ENTRY)), 8);
	int rc = repeats ? meta_write(s, year, (const unsigned char *)NONE, sizeof NONE - 1, err)
			 : meta_write(s, year, blob, HEAD + total * ENTRY, err);
	free(blob);
	return rc;
}

/* One earlier year's book from its snapshot, and its digest kept. */
static int rebuild_year(struct az_store *s, int year, struct az_error *err)
{
	char *json = NULL;
	size_t len = 0;
	struct az_store *m = NULL;
	struct az_book b;
	int rc = az_history_snapshot(s, year, &json, &len, err);
	if (rc == AZ_OK)
		rc = az_store_create_memory(&m, err);
	if (rc == AZ_OK)
		rc = az_import_json(m, json, len, "snapshot", err);
	if (rc == AZ_OK && (rc = az_book_load(m, &b, err)) == AZ_OK) {
		rc = az_changes_digest_save(s, year, &b, json, len, err);
		az_book_free(&b);
	}
	az_store_close(m);
	free(json);
	return rc;
}

void az_changes_digests_fill(struct az_store *s)
{
	sqlite3_stmt *st = NULL;
	int years[101], n = 0;
	if (sqlite3_prepare_v2(az_store_db(s),
			       "SELECT fiscal_year FROM history WHERE NOT EXISTS"
			       " (SELECT 1 FROM meta WHERE key = 'changes ' || fiscal_year) ORDER BY fiscal_year",
			       -1, &st, NULL) != SQLITE_OK)
		return;
	while (n < 101 && sqlite3_step(st) == SQLITE_ROW)
		years[n++] = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	for (int i = 0; i < n; i++) {
		struct az_error err = { 0 };
		/* a snapshot that cannot be read is for model/diff to report, when asked */
		if (rebuild_year(s, years[i], &err) != AZ_OK)
			meta_write(s, years[i], (const unsigned char *)NONE, sizeof NONE - 1, &err);
	}
}

int az_changes_digests_rebuild(struct az_store *s, struct az_error *err)
{
	int years[101];
	int n = az_history_years(s, years, 101, err);
	if (n < 0)
		return err->code;
	/* the years may have moved too */
	if (sqlite3_exec(az_store_db(s), "DELETE FROM meta WHERE key GLOB 'changes *'", NULL, NULL, NULL) != SQLITE_OK)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot write"));
	for (int i = 0; i < n; i++)
		if (rebuild_year(s, years[i], err) != AZ_OK)
			return err->code;
	return AZ_OK;
}

/* Deletes the digests whose keys are keys[0..n), one bound statement each. */
static int meta_delete(struct az_store *s, char **keys, size_t n, struct az_error *err)
{
	sqlite3_stmt *st = NULL;
	if (!n)
		return AZ_OK;
	if (sqlite3_prepare_v2(az_store_db(s), "DELETE FROM meta WHERE key = ?1", -1, &st, NULL) != SQLITE_OK)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot write"));
	int rc = SQLITE_DONE;
	for (size_t i = 0; i < n && rc == SQLITE_DONE; i++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, keys[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? AZ_OK : az_store_sqlfail(s, err, AZ_IOERR, _("cannot write"));
}

int az_changes_digests_drop_stale(struct az_store *s, struct az_error *err)
{
	sqlite3_stmt *st = NULL;
	char **stale = NULL;
	size_t n = 0, cap = 0;
	int rc, oom = 0;
	compared cmp;
	uint64_t columns = compared_columns(cmp);
	/* every digest, with its year's snapshot if there is one */
	if (sqlite3_prepare_v2(az_store_db(s),
			       "SELECT m.key, m.value, h.fiscal_year, h.snapshot FROM meta AS m LEFT JOIN history AS h"
			       " ON m.key = 'changes ' || h.fiscal_year WHERE m.key GLOB 'changes *'",
			       -1, &st, NULL) != SQLITE_OK)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read")), -1;
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t rows_of_kind[AZ_DIFF_NKINDS];
		uint64_t snap = 0;
		const char *text = (const char *)sqlite3_column_text(st, 3);
		const unsigned char *rows = text ? digest_rows(sqlite3_column_blob(st, 1), (size_t)sqlite3_column_bytes(st, 1),
							       sqlite3_column_int(st, 2), columns, rows_of_kind, &snap)
						 : NULL;
		/* kept: a mark or a digest this program cannot count from (never used, so harmless: dropping it
		 * would only make a read-only command check the file again each time), and a digest whose rows
		 * are as written, of the snapshot as it is */
		if (text && (!rows || (get(rows - HEAD + 32, 8) == fmix(text_hash((const char *)rows,
										   (size_t)sqlite3_column_bytes(st, 1) - HEAD)) &&
				       snap == fmix(text_hash(text, (size_t)sqlite3_column_bytes(st, 3))))))
			continue;
		if (n == cap) {
			char **more = realloc(stale, (cap = cap ? cap * 2 : 8) * sizeof *more);
			if (!more) {
				oom = 1;
				break;
			}
			stale = more;
		}
		if (!(stale[n] = strdup((const char *)sqlite3_column_text(st, 0))))
			oom = 1;
		else
			n++;
	}
	sqlite3_finalize(st);
	int out = oom ? (az_fail(err, AZ_IOERR, "%s", _("out of memory")), -1)
	      : rc != SQLITE_DONE ? (az_store_sqlfail(s, err, AZ_IOERR, _("cannot read")), -1)
	      : meta_delete(s, stale, n, err) != AZ_OK ? -1 : (int)n;
	for (size_t i = 0; i < n; i++)
		free(stale[i]);
	free(stale);
	return out;
}

/* The earlier row of key: most often the one after the last found (both years' rows come in id
 * order), else found through the index, built at the first need; n if none. *fail: -1 out of memory,
 * 1 a key repeats (a digest changed in place). */
static size_t find(struct index *x, const unsigned char *was, size_t n, size_t next, uint64_t key, int *fail)
{
	if (next < n && key_at(was, next) == key)
		return next;
	if (!x->slot && (*fail = index_build(x, was, n)) != 0)
		return n;
	size_t at = index_find(x, was, key);
	return at == (size_t)-1 ? n : at;
}

/* The counts from the digest rows p (n[] of each kind) against the book now: 0, -1 out of memory, 1 the
 * digest cannot be used. */
static int count(const unsigned char *p, const size_t n[AZ_DIFF_NKINDS], const compared cmp, const struct az_book *now,
		 struct az_diff *d)
{
	for (int k = 0; k < AZ_DIFF_NKINDS; p += n[k] * ENTRY, k++) {
		unsigned char *matched = calloc(n[k] ? n[k] : 1, 1);
		struct index x = { NULL, 0 };
		int fail = !matched ? -1 : 0;
		/* as model/diff: each current row in the book's order takes its earlier row, if still free */
		size_t taken = 0, next = 0;
		for (size_t i = 0, rows = rows_of(now, k); !fail && i < rows; i++) {
			struct entry e = row_hash(now, k, i, cmp);
			size_t at = find(&x, p, n[k], next, e.key, &fail);
			int change = AZ_NEW;
			if (at < n[k] && !matched[at]) {
				matched[at] = 1, taken++, next = at + 1;
				change = val_at(p, at) == e.val ? AZ_UNCHANGED : AZ_CHANGED;
			}
			d->count[k][change]++;
		}
		d->count[k][AZ_REMOVED] = n[k] - taken;
		free(x.slot);
		free(matched);
		if (fail)
			return fail;
	}
	return 0;
}

int az_changes_count(struct az_store *s, const struct az_book *now, struct az_diff *d, struct az_error *err)
{
	if (!now)
		return az_diff_compute(s, 0, d, err);
	memset(d, 0, sizeof *d);
	d->year = now->assessment.fiscal_year;
	/* the latest earlier year, with its digest if it has one */
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(az_store_db(s),
			       "SELECT h.fiscal_year, m.value FROM history AS h LEFT JOIN meta AS m"
			       " ON m.key = 'changes ' || h.fiscal_year ORDER BY h.fiscal_year DESC LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
	size_t n[AZ_DIFF_NKINDS];
	uint64_t snap;
	const unsigned char *rows = NULL;
	compared cmp;
	uint64_t columns = compared_columns(cmp);
	int rc = sqlite3_step(st), year = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	if (rc == SQLITE_ROW)
		rows = digest_rows(sqlite3_column_blob(st, 1), (size_t)sqlite3_column_bytes(st, 1), year, columns, n, &snap);
	if (rows) {
		d->base_year = year;
		rc = count(rows, n, cmp, now, d);
		sqlite3_finalize(st);
		if (rc == 0)
			return AZ_OK;
		memset(d, 0, sizeof *d);
		if (rc < 0)
			return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
		return az_diff_compute(s, year, d, err);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) /* no earlier year */
		return AZ_OK;
	if (rc != SQLITE_ROW)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
	/* no digest of that year that this program can use: the snapshot itself */
	return az_diff_compute(s, year, d, err);
}
