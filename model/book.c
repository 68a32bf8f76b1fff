/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "model/book.h"
#include "model/tables.h"

static const char *arena_str(struct az_arena *a, const unsigned char *s, int len)
{
	/* many columns are empty: they share one "" */
	return s && len > 0 ? az_arena_strndup(a, (const char *)s, (size_t)len) : "";
}

enum fkind { F_S, F_L, F_I, F_E };

struct field {
	const char *col;
	size_t off;
	enum fkind kind;
	const char *const *values; /* F_E */
};

/* The fields of a row struct, from the table's description; columns not in the book (N) are left out. */
#define FIELD_S_(st, col, v) { #col, offsetof(struct st, col), F_S, NULL },
#define FIELD_L_(st, col, v) { #col, offsetof(struct st, col), F_L, NULL },
#define FIELD_I_(st, col, v) { #col, offsetof(struct st, col), F_I, NULL },
#define FIELD_E_(st, col, v) { #col, offsetof(struct st, col), F_E, v },
#define FIELD_N_(st, col, v)
#define FIELD_(st, col, field, type, flags, min, max, values, ...) FIELD_##field##_(st, col, values)
#define FIELDS(name, st, table) static const struct field name[] = { AZ_COLUMNS_##table(FIELD_, st) }

FIELDS(clinic_f, az_clinic, clinic);
FIELDS(assessment_f, az_assessment, assessment);
FIELDS(contact_f, az_contact, contacts);
FIELDS(vendor_f, az_vendor, vendors);
FIELDS(system_f, az_system, systems);
FIELDS(risk_f, az_risk, risks);
FIELDS(fact_f, az_fact_row, facts);
FIELDS(action_f, az_action, actions);
FIELDS(vanswer_f, az_vendor_answer, vendor_answers);
FIELDS(canswer_f, az_checklist_answer, checklist_answers);

#define NF(a) (sizeof a / sizeof a[0])
#define MAXCOLS 32 /* more than any table has (checked below) */

/* Every column of a table the book holds is a field of its struct. */
_Static_assert(NF(clinic_f) == AZ_NCOLS_clinic && NF(assessment_f) == AZ_NCOLS_assessment &&
		       NF(contact_f) == AZ_NCOLS_contacts && NF(vendor_f) == AZ_NCOLS_vendors &&
		       NF(system_f) == AZ_NCOLS_systems && NF(risk_f) == AZ_NCOLS_risks && NF(fact_f) == AZ_NCOLS_facts &&
		       NF(action_f) == AZ_NCOLS_actions && NF(vanswer_f) == AZ_NCOLS_vendor_answers &&
		       NF(canswer_f) == AZ_NCOLS_checklist_answers,
	       "the book holds every column");
_Static_assert(NF(risk_f) <= MAXCOLS && NF(system_f) <= MAXCOLS && NF(action_f) <= MAXCOLS, "MAXCOLS");

/* az_enum_index (NULL: -1), the first letters compared first: a hospital's book looks up three per risk. */
static int enum_index(const char *const *values, const char *v)
{
	for (int i = 0; v && values[i]; i++)
		if (values[i][0] == v[0] && strcmp(values[i], v) == 0)
			return i;
	return -1;
}

/* The columns of the large tables the first screen (home: progress and findings counted) does not
 * read, left to az_book_complete: a risk's confirmation, dismissal note, exception and score basis,
 * and the texts that only word a finding (a risk's title, an action's description, the date it was
 * done). An action's description is a third of the text of a hospital-scale book. */
static const struct {
	const char *table, *col;
} later[] = {
	{ AZ_TABLE(risks), AZ_COL(risks, confirmed_at) }, { AZ_TABLE(risks), AZ_COL(risks, confirmed_by) },
	{ AZ_TABLE(risks), AZ_COL(risks, dismiss_note) }, { AZ_TABLE(risks), AZ_COL(risks, exception) },
	{ AZ_TABLE(risks), AZ_COL(risks, score_basis) },  { AZ_TABLE(risks), AZ_COL(risks, title) },
	{ AZ_TABLE(actions), AZ_COL(actions, description) }, { AZ_TABLE(actions), AZ_COL(actions, done_at) },
};

/* Which columns a load reads. */
enum part {
	ALL,   /* every column */
	FIRST, /* all but the later ones; those are left NULL, 0 or -1 (enumerations) */
	LATER, /* the id and the later ones, into rows already loaded */
};

static int is_later(const char *table, const char *col)
{
	for (size_t i = 0; i < sizeof later / sizeof later[0]; i++)
		if (!strcmp(later[i].table, table) && !strcmp(later[i].col, col))
			return 1;
	return 0;
}

/* The fields of table (f) that part reads, the id first for LATER, as indexes into f: their number,
 * 0 for LATER when the table has no later column. */
static size_t fields_of(const char *table, const struct field *f, size_t nf, enum part part, size_t use[])
{
	size_t n = 0;
	for (size_t k = 0; part == LATER && k < nf; k++)
		if (!strcmp(f[k].col, "id"))
			use[n++] = k;
	for (size_t k = 0; k < nf; k++)
		if (part == ALL || (part == FIRST) != is_later(table, f[k].col))
			use[n++] = k;
	return part == LATER && n < 2 ? 0 : n;
}

/* Prepares the statement reading the fields use of f from table in order. */
static int select_fields(struct az_store *s, const char *table, const char *order, const struct field *f,
			 const size_t use[], size_t nuse, sqlite3_stmt **st, struct az_error *err)
{
	sqlite3_str *q = sqlite3_str_new(NULL);
	/* +col, the same value: a result column that is an expression has no origin, which SQLite
	 * otherwise looks up and copies for each column of each statement (its table, database and
	 * declared type: a quarter of preparing the statement) */
	for (size_t i = 0; i < nuse; i++)
		sqlite3_str_appendf(q, "%s+%s", i ? ", " : "SELECT ", f[use[i]].col);
	sqlite3_str_appendf(q, " FROM %s ORDER BY %s", table, order);
	char *sql = sqlite3_str_finish(q);
	*st = NULL;
	int rc = sql ? sqlite3_prepare_v2(az_store_db(s), sql, -1, st, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	return rc == SQLITE_OK ? AZ_OK : az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
}

/* The fields use[from..nuse) of one row from the statement's columns from..nuse; 0, or -1 when out of memory. */
static int read_row(sqlite3_stmt *st, struct az_arena *a, unsigned char *row, const struct field *f,
		    const size_t use[], size_t from, size_t nuse)
{
	int oom = 0;
	/* NULL reads as "", 0 or -1 (enumerations) without asking each column's type */
	for (size_t i = from; i < nuse; i++) {
		const struct field *k = &f[use[i]];
		void *p = row + k->off;
		int c = (int)i;
		if (k->kind == F_L) {
			*(long long *)p = sqlite3_column_int64(st, c);
		} else if (k->kind == F_I) {
			*(int *)p = sqlite3_column_int(st, c);
		} else {
			/* up to a NUL, as every reader takes it: one call instead of two per text */
			const char *t = (const char *)sqlite3_column_text(st, c);
			if (k->kind == F_E)
				*(int *)p = enum_index(k->values, t);
			else if (!(*(const char **)p = arena_str(a, (const unsigned char *)t, t ? (int)strlen(t) : 0)))
				oom = 1;
		}
	}
	return oom ? -1 : 0;
}

/* Loads the rows of table into an arena array of structs of the given size: every column (ALL) or
 * all but the later ones (FIRST). */
static int load(struct az_store *s, struct az_book *b, const char *table, const char *order,
		const struct field *f, size_t nf, size_t size, sqlite3_int64 count, enum part part, void **out,
		size_t *n, struct az_error *err)
{
	size_t use[MAXCOLS], nuse = fields_of(table, f, nf, part, use);
	sqlite3_stmt *st;
	int rc = select_fields(s, table, order, f, use, nuse, &st, err);
	if (rc != AZ_OK)
		return rc;
	unsigned char *rows = az_arena_alloc_filled(b->arena, size * (size_t)(count ? count : 1));
	size_t i = 0;
	if (!rows) {
		sqlite3_finalize(st);
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	}
	/* the later enumerations read as a NULL does: -1 */
	size_t unset[MAXCOLS], nunset = 0;
	for (size_t k = 0; part == FIRST && k < nf; k++)
		if (f[k].kind == F_E && is_later(table, f[k].col))
			unset[nunset++] = f[k].off;
	int oom = 0;
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW && i < (size_t)count) {
		unsigned char *row = rows + size * i++;
		oom = read_row(st, b->arena, row, f, use, 0, nuse) != 0; /* said as such below, not as a read error */
		for (size_t k = 0; k < nunset; k++)
			*(int *)(row + unset[k]) = -1;
	}
	sqlite3_finalize(st);
	if (oom)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
	*out = rows;
	*n = i;
	return AZ_OK;
}

/* The later columns of the n rows loaded in id order, read into them. AZ_OK, or AZ_DATAERR when the
 * rows are not those of the table (then load the book again). */
static int load_later(struct az_store *s, struct az_book *b, const char *table, const struct field *f, size_t nf,
		      size_t size, unsigned char *rows, size_t n, struct az_error *err)
{
	size_t use[MAXCOLS], nuse = fields_of(table, f, nf, LATER, use);
	sqlite3_stmt *st;
	if (!nuse)
		return AZ_OK;
	int rc = select_fields(s, table, "id", f, use, nuse, &st, err), oom = 0, same = 1;
	if (rc != AZ_OK)
		return rc;
	size_t i = 0;
	while (!oom && same && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* the id (use[0]) says the row is the one loaded there */
		same = i < n && *(long long *)(rows + size * i + f[use[0]].off) == sqlite3_column_int64(st, 0);
		if (same)
			oom = read_row(st, b->arena, rows + size * i++, f, use, 1, nuse) != 0;
	}
	sqlite3_finalize(st);
	if (oom)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	if (!same || (rc == SQLITE_DONE && i != n))
		return az_fail(err, AZ_DATAERR, "%s", _("the workbook changed while it was read"));
	if (rc != SQLITE_DONE)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
	return AZ_OK;
}

#define LOAD(tbl, order, fields, type, arr)                                                                     \
	load(s, b, tbl, order, fields, NF(fields), sizeof(struct type), count[T_##arr], part, (void **)&b->arr, \
	     &b->n_##arr, err)

/* The tables in the order they are loaded, with the change log: their rows counted in one statement
 * (one SQL text compiled instead of one per table: a clinic's book is small). */
enum { T_clinic, T_assessment, T_contacts, T_vendors, T_systems, T_risks, T_actions, T_vendor_answers,
       T_checklist_answers, T_facts, T_changelog, NCOUNTED };
static const char *const counted[NCOUNTED] = { "clinic", "assessment", "contacts", "vendors", "systems", "risks",
					       "actions", "vendor_answers", "checklist_answers", "facts", "changelog" };

/* The row counts, and the date of the last logged change other than the approval itself into last. */
static int count_rows(struct az_store *s, sqlite3_int64 count[NCOUNTED], char last[11], struct az_error *err)
{
	sqlite3_str *q = sqlite3_str_new(NULL);
	for (int t = 0; t < NCOUNTED; t++)
		sqlite3_str_appendf(q, "%s(SELECT count(*) FROM %s)", t ? ", " : "SELECT ", counted[t]);
	/* the latest line, found from the end of the append-only log, not by max(at): that reads every
	 * line (200,000 lines: 15 ms) */
	sqlite3_str_appendall(q, ", (SELECT substr(at, 1, 10) FROM changelog WHERE NOT (tbl = 'assessment' "
				 "AND field IN ('approved_by', 'approved_at')) ORDER BY id DESC LIMIT 1)");
	char *sql = sqlite3_str_finish(q);
	sqlite3_stmt *st = NULL;
	int rc = sql ? sqlite3_prepare_v2(az_store_db(s), sql, -1, &st, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int t = 0; t < NCOUNTED; t++)
			count[t] = sqlite3_column_int64(st, t);
		const char *at = sqlite3_column_type(st, NCOUNTED) == SQLITE_TEXT
					 ? (const char *)sqlite3_column_text(st, NCOUNTED) : NULL;
		if (at && strlen(at) == 10)
			memcpy(last, at, 11);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? AZ_OK : az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
}

static sqlite3_int64 pragma_mmap_size(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	sqlite3_int64 v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int load_all(struct az_store *s, struct az_book *b, enum part part, struct az_error *err);
static int load_rest(struct az_store *s, struct az_book *b, struct az_error *err);

/* Reads part of the book: ALL or FIRST into b, LATER into the rows b holds. */
static int read_book(struct az_store *s, struct az_book *b, enum part part, struct az_error *err)
{
	/* One read transaction, so the tables are of one moment and locked once; the pages read where
	 * they lie (memory-mapped) instead of copied through read() into SQLite's cache, a tenth of a
	 * hospital-scale load. Mapped only while loading: a disk that fails under a mapping ends the
	 * program (SIGBUS) where read() reports it, so a session does not keep the mapping. */
	sqlite3 *db = az_store_db(s);
	int txn = sqlite3_get_autocommit(db) && sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
	sqlite3_int64 mapped = pragma_mmap_size(db, "PRAGMA mmap_size");
	int map = mapped == 0 && az_store_may_map(s);
	if (map)
		pragma_mmap_size(db, "PRAGMA mmap_size = 1073741824");
	int rc = part == LATER ? load_rest(s, b, err) : load_all(s, b, part, err);
	if (map)
		pragma_mmap_size(db, "PRAGMA mmap_size = 0");
	if (txn)
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	return rc;
}

int az_book_load(struct az_store *s, struct az_book *b, struct az_error *err)
{
	return read_book(s, b, ALL, err);
}

int az_book_load_first(struct az_store *s, struct az_book *b, struct az_error *err)
{
	int rc = read_book(s, b, FIRST, err);
	b->partial = rc == AZ_OK;
	return rc;
}

int az_book_complete(struct az_store *s, struct az_book *b, struct az_error *err)
{
	if (!b->partial)
		return AZ_OK;
	int rc = read_book(s, b, LATER, err);
	b->partial = rc != AZ_OK;
	return rc;
}

#define LATER_OF(fields, type, arr) \
	load_later(s, b, #arr, fields, NF(fields), sizeof(struct type), (unsigned char *)b->arr, b->n_##arr, err)

/* The later columns of the tables in id order (contacts are in chart order: none of theirs is later). */
static int load_rest(struct az_store *s, struct az_book *b, struct az_error *err)
{
	int rc = LATER_OF(vendor_f, az_vendor, vendors);
	if (rc == AZ_OK)
		rc = LATER_OF(system_f, az_system, systems);
	if (rc == AZ_OK)
		rc = LATER_OF(risk_f, az_risk, risks);
	if (rc == AZ_OK)
		rc = LATER_OF(action_f, az_action, actions);
	return rc;
}

static int load_all(struct az_store *s, struct az_book *b, enum part part, struct az_error *err)
{
	void *one = NULL;
	size_t n = 0;
	sqlite3_int64 count[NCOUNTED];
	memset(b, 0, sizeof *b);
	if (!(b->arena = az_arena_new()))
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	int rc = count_rows(s, count, b->last_change, err);
	if (rc == AZ_OK)
		rc = load(s, b, "clinic", "id", clinic_f, NF(clinic_f), sizeof b->clinic, count[T_clinic], part, &one, &n,
			  err);
	if (rc == AZ_OK) {
		if (n)
			b->clinic = *(struct az_clinic *)one;
		else
			b->clinic = (struct az_clinic){ .name = "", .address = "", .administrator = "",
				.security_officer = "", .security_deputy = "", .phone = "" };
		rc = load(s, b, "assessment", "id", assessment_f, NF(assessment_f), sizeof b->assessment,
			  count[T_assessment], part, &one, &n, err);
	}
	if (rc == AZ_OK) {
		if (n) {
			b->assessment = *(struct az_assessment *)one;
			b->assessment.present = 1;
		} else {
			b->assessment = (struct az_assessment){ .guideline_version = "", .checklist_version = "",
				.approved_by = "", .approved_at = "", .policy = "" };
		}
	}
	if (rc == AZ_OK)
		rc = LOAD("contacts", "position, id", contact_f, az_contact, contacts);
	if (rc == AZ_OK)
		rc = LOAD("vendors", "id", vendor_f, az_vendor, vendors);
	if (rc == AZ_OK)
		rc = LOAD("systems", "id", system_f, az_system, systems);
	if (rc == AZ_OK)
		rc = LOAD("risks", "id", risk_f, az_risk, risks);
	if (rc == AZ_OK)
		rc = LOAD("actions", "id", action_f, az_action, actions);
	if (rc == AZ_OK)
		rc = LOAD("vendor_answers", "vendor_id, question", vanswer_f, az_vendor_answer, vendor_answers);
	if (rc == AZ_OK)
		rc = LOAD("checklist_answers", "checklist, item, device", canswer_f, az_checklist_answer,
			  checklist_answers);
	if (rc == AZ_OK)
		rc = LOAD("facts", "fact, coalesce(system_id, 0), coalesce(vendor_id, 0)", fact_f, az_fact_row, facts);
	if (rc == AZ_OK)
		b->changelog_count = count[T_changelog];
	if (rc != AZ_OK)
		az_book_free(b);
	return rc;
}

void az_book_free(struct az_book *b)
{
	az_arena_free(b->arena);
	memset(b, 0, sizeof *b);
}

/* Rows are in id order, so ids can be searched. */
#define FIND(type, arr)                                                            \
	size_t lo = 0, hi = b->n_##arr;                                            \
	while (lo < hi) {                                                          \
		size_t mid = lo + (hi - lo) / 2;                                   \
		if (b->arr[mid].id < id)                                           \
			lo = mid + 1;                                              \
		else                                                               \
			hi = mid;                                                  \
	}                                                                          \
	return lo < b->n_##arr && b->arr[lo].id == id ? &b->arr[lo] : NULL;

const struct az_system *az_book_system(const struct az_book *b, long long id) { FIND(az_system, systems) }
const struct az_vendor *az_book_vendor(const struct az_book *b, long long id) { FIND(az_vendor, vendors) }
const struct az_risk *az_book_risk(const struct az_book *b, long long id) { FIND(az_risk, risks) }
const struct az_action *az_book_action(const struct az_book *b, long long id) { FIND(az_action, actions) }

/* Contacts come in chart order, not id order. */
const struct az_contact *az_book_contact(const struct az_book *b, long long id)
{
	for (size_t i = 0; i < b->n_contacts; i++)
		if (b->contacts[i].id == id)
			return &b->contacts[i];
	return NULL;
}

/* The tables whose rows have an id, with where the book keeps them. */
static int table_of(struct az_book *b, const char *table, long long id, const struct field **f, size_t *nf,
		    unsigned char **row)
{
#define ROWS(name, fields, arr, type)                                                                 \
	if (strcmp(table, name) == 0) {                                                               \
		const struct type *r = az_book_##arr(b, id);                                          \
		*f = fields;                                                                          \
		*nf = NF(fields);                                                                     \
		*row = (unsigned char *)r;                                                            \
		return r ? 0 : -1;                                                                    \
	}
	ROWS("systems", system_f, system, az_system)
	ROWS("vendors", vendor_f, vendor, az_vendor)
	ROWS("risks", risk_f, risk, az_risk)
	ROWS("actions", action_f, action, az_action)
	ROWS("contacts", contact_f, contact, az_contact)
#undef ROWS
	if (strcmp(table, "clinic") == 0 && id == 1) {
		*f = clinic_f, *nf = NF(clinic_f), *row = (unsigned char *)&b->clinic;
		return 0;
	}
	if (strcmp(table, "assessment") == 0 && id == 1 && b->assessment.present) {
		*f = assessment_f, *nf = NF(assessment_f), *row = (unsigned char *)&b->assessment;
		return 0;
	}
	return -1;
}

int az_book_set(struct az_book *b, const char *table, long long id, const char *const *pairs)
{
	const struct field *f;
	size_t nf;
	unsigned char *row;
	if (table_of(b, table, id, &f, &nf, &row) != 0)
		return -1;
	/* every column first, so that a column the book does not hold changes nothing */
	for (const char *const *p = pairs; p[0]; p += 2) {
		size_t k = 0;
		while (k < nf && strcmp(f[k].col, p[0]) != 0)
			k++;
		/* the id, and the position that orders the contacts, move rows: load again */
		if (k == nf || !strcmp(p[0], "id") || !strcmp(p[0], "position"))
			return -1;
	}
	size_t n = 0;
	for (const char *const *p = pairs; p[0]; p += 2, n++) {
		size_t k = 0;
		while (strcmp(f[k].col, p[0]) != 0)
			k++;
		void *at = row + f[k].off;
		const char *v = p[1];
		switch (f[k].kind) {
		case F_S: {
			const char *copy = arena_str(b->arena, (const unsigned char *)v, v ? (int)strlen(v) : 0);
			if (!copy)
				return -1;
			*(const char **)at = copy;
			break;
		}
		case F_L:
			*(long long *)at = v ? strtoll(v, NULL, 10) : 0;
			break;
		case F_I:
			*(int *)at = v ? (int)strtol(v, NULL, 10) : 0;
			break;
		case F_E:
			*(int *)at = v ? az_enum_index(f[k].values, v) : -1;
			break;
		}
	}
	/* screens see a change by the log's length (the log gets at most a line per field) */
	b->changelog_count += (long long)n;
	/* and the log's last change is today's (UTC, as the log's triggers write it), unless only the
	 * approval itself was set */
	int approval_only = strcmp(table, "assessment") == 0;
	for (const char *const *p = pairs; approval_only && p[0]; p += 2)
		approval_only = !strcmp(p[0], "approved_by") || !strcmp(p[0], "approved_at");
	time_t now = time(NULL);
	struct tm tm;
	if (n && !approval_only && gmtime_r(&now, &tm))
		strftime(b->last_change, sizeof b->last_change, "%Y-%m-%d", &tm);
	return 0;
}
