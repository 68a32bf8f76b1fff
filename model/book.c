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

enum fkind { F_STR, F_LL, F_INT, F_ENUM };

struct field {
	const char *col;
	size_t off;
	enum fkind kind;
	const char *const *values; /* F_ENUM */
};

#define S(t, f) { #f, offsetof(struct t, f), F_STR, NULL }
#define L(t, f) { #f, offsetof(struct t, f), F_LL, NULL }
#define I(t, f) { #f, offsetof(struct t, f), F_INT, NULL }
#define E(t, f, v) { #f, offsetof(struct t, f), F_ENUM, v }

static const struct field clinic_f[] = { S(az_clinic, name), S(az_clinic, address), S(az_clinic, administrator),
	S(az_clinic, security_officer), S(az_clinic, security_deputy), S(az_clinic, phone) };
static const struct field assessment_f[] = { I(az_assessment, fiscal_year), S(az_assessment, guideline_version),
	S(az_assessment, checklist_version), S(az_assessment, approved_by), S(az_assessment, approved_at),
	S(az_assessment, policy) };
static const struct field contact_f[] = { L(az_contact, id), E(az_contact, kind, az_contact_kind_values),
	I(az_contact, position), S(az_contact, role), S(az_contact, name), S(az_contact, organisation),
	S(az_contact, phone) };
static const struct field vendor_f[] = { L(az_vendor, id), S(az_vendor, name), S(az_vendor, contact),
	E(az_vendor, certification, az_certification_values), S(az_vendor, certification_target),
	S(az_vendor, mds_sds_received), S(az_vendor, note) };
static const struct field system_f[] = { L(az_system, id), L(az_system, vendor_id), S(az_system, category),
	S(az_system, name), E(az_system, hosting, az_hosting_values),
	E(az_system, remote_maintenance, az_remote_values), E(az_system, connection, az_connection_values),
	S(az_system, device_make), S(az_system, device_model), S(az_system, firmware),
	I(az_system, holds_patient_data), I(az_system, importance), S(az_system, note) };
static const struct field risk_f[] = { L(az_risk, id), L(az_risk, system_id), S(az_risk, threat), S(az_risk, title),
	I(az_risk, likelihood), I(az_risk, severity), E(az_risk, treatment, az_treatment_values),
	S(az_risk, rationale), S(az_risk, transfer_to), I(az_risk, residual_likelihood),
	I(az_risk, residual_severity), S(az_risk, accepted_by), S(az_risk, accepted_at),
	E(az_risk, score_basis, az_score_basis_values), S(az_risk, confirmed_by), S(az_risk, confirmed_at),
	E(az_risk, dismissed, az_dismiss_values), S(az_risk, dismiss_note), I(az_risk, exception) };
static const struct field fact_f[] = { L(az_fact_row, id), L(az_fact_row, system_id), L(az_fact_row, vendor_id),
	S(az_fact_row, fact), S(az_fact_row, value), E(az_fact_row, answer, az_answer3_values) };
static const struct field action_f[] = { L(az_action, id), L(az_action, risk_id), S(az_action, control),
	S(az_action, description), S(az_action, owner), S(az_action, due),
	E(az_action, status, az_action_status_values), S(az_action, done_at) };
static const struct field vanswer_f[] = { L(az_vendor_answer, vendor_id), S(az_vendor_answer, question),
	E(az_vendor_answer, answer, az_answer3_values), S(az_vendor_answer, value), S(az_vendor_answer, note),
	S(az_vendor_answer, confirmed_at) };
static const struct field canswer_f[] = { S(az_checklist_answer, checklist), S(az_checklist_answer, item),
	E(az_checklist_answer, device, az_device_values), E(az_checklist_answer, answer, az_checklist_answer_values),
	S(az_checklist_answer, checked_at), S(az_checklist_answer, target_at), S(az_checklist_answer, note) };

#define NF(a) (sizeof a / sizeof a[0])

/* Loads every row of table into an arena array of structs of the given size. */
static int load(struct az_store *s, struct az_book *b, const char *table, const char *order,
		const struct field *f, size_t nf, size_t size, void **out, size_t *n, struct az_error *err)
{
	sqlite3_str *q = sqlite3_str_new(NULL);
	for (size_t i = 0; i < nf; i++)
		sqlite3_str_appendf(q, "%s%s", i ? ", " : "SELECT ", f[i].col);
	sqlite3_str_appendf(q, " FROM %s ORDER BY %s", table, order);
	char *sql = sqlite3_str_finish(q);
	sqlite3_stmt *st = NULL;
	sqlite3_int64 count = 0;
	if (sql) {
		char *cq = sqlite3_mprintf("SELECT count(*) FROM %s", table);
		if (cq && sqlite3_prepare_v2(az_store_db(s), cq, -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			count = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		sqlite3_free(cq);
		st = NULL;
	}
	if (!sql || sqlite3_prepare_v2(az_store_db(s), sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_free(sql);
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
	}
	sqlite3_free(sql);
	unsigned char *rows = az_arena_alloc(b->arena, size * (size_t)(count ? count : 1));
	size_t i = 0;
	int rc;
	if (!rows) {
		sqlite3_finalize(st);
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && i < (size_t)count) {
		unsigned char *row = rows + size * i++;
		for (size_t k = 0; k < nf; k++) {
			void *p = row + f[k].off;
			int c = (int)k, null = sqlite3_column_type(st, c) == SQLITE_NULL;
			switch (f[k].kind) {
			case F_STR:
				*(const char **)p = arena_str(b->arena, sqlite3_column_text(st, c),
							      sqlite3_column_bytes(st, c));
				if (!*(const char **)p)
					rc = SQLITE_NOMEM;
				break;
			case F_LL:
				*(long long *)p = null ? 0 : sqlite3_column_int64(st, c);
				break;
			case F_INT:
				*(int *)p = null ? 0 : sqlite3_column_int(st, c);
				break;
			case F_ENUM:
				*(int *)p = null ? -1 : az_enum_index(f[k].values, (const char *)sqlite3_column_text(st, c));
				break;
			}
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
	*out = rows;
	*n = i;
	return AZ_OK;
}

#define LOAD(tbl, order, fields, type, arr)                                                          \
	load(s, b, tbl, order, fields, NF(fields), sizeof(struct type), (void **)&b->arr, &b->n_##arr, err)

int az_book_load(struct az_store *s, struct az_book *b, struct az_error *err)
{
	void *one = NULL;
	size_t n = 0;
	memset(b, 0, sizeof *b);
	if (!(b->arena = az_arena_new()))
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	int rc = load(s, b, "clinic", "id", clinic_f, NF(clinic_f), sizeof b->clinic, &one, &n, err);
	if (rc == AZ_OK) {
		if (n)
			b->clinic = *(struct az_clinic *)one;
		else
			b->clinic = (struct az_clinic){ "", "", "", "", "", "" };
		rc = load(s, b, "assessment", "id", assessment_f, NF(assessment_f), sizeof b->assessment, &one, &n, err);
	}
	if (rc == AZ_OK) {
		if (n) {
			b->assessment = *(struct az_assessment *)one;
			b->assessment.present = 1;
		} else {
			b->assessment = (struct az_assessment){ 0, 0, "", "", "", "", "" };
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
	if (rc == AZ_OK) {
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(az_store_db(s), "SELECT count(*) FROM changelog", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			b->changelog_count = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		st = NULL;
		if (sqlite3_prepare_v2(az_store_db(s),
				       "SELECT substr(max(at), 1, 10) FROM changelog WHERE NOT (tbl = 'assessment' "
				       "AND field IN ('approved_by', 'approved_at'))",
				       -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_TEXT) {
			const char *t = (const char *)sqlite3_column_text(st, 0);
			if (t && strlen(t) == 10)
				memcpy(b->last_change, t, 11);
		}
		sqlite3_finalize(st);
	}
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
		case F_STR: {
			const char *copy = arena_str(b->arena, (const unsigned char *)v, v ? (int)strlen(v) : 0);
			if (!copy)
				return -1;
			*(const char **)at = copy;
			break;
		}
		case F_LL:
			*(long long *)at = v ? strtoll(v, NULL, 10) : 0;
			break;
		case F_INT:
			*(int *)at = v ? (int)strtol(v, NULL, 10) : 0;
			break;
		case F_ENUM:
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
