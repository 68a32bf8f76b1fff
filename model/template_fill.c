/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <string.h>

#include "base/i18n.h"
#include "model/book.h"
#include "model/catalogue_open.h"
#include "model/score_suggest.h"
#include "model/tables.h"
#include "model/template_fill.h"
#include "model/workbook.h"

static int insert_all(struct az_store *s, const struct az_template *t, struct az_error *err)
{
	sqlite3 *db = az_store_db(s);
	sqlite3_stmt *v = NULL, *y = NULL;
	long long ids[200] = { 0 };
	int rc = AZ_OK;
	if (sqlite3_prepare_v2(db, "INSERT INTO vendors (name, contact, certification, note) VALUES (?1, ?2, ?3, ?4)",
			       -1, &v, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db,
			       "INSERT INTO systems (category, name, vendor_id, hosting, remote_maintenance, connection,"
			       " device_make, device_model, holds_patient_data, importance, note)"
			       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
			       -1, &y, NULL) != SQLITE_OK) {
		rc = az_store_sqlfail(s, err, AZ_IOERR, _("cannot write"));
		goto out;
	}
	for (size_t i = 0; i < t->nvendors && i < 200; i++) {
		const struct az_tpl_vendor *tv = &t->vendors[i];
		sqlite3_reset(v);
		sqlite3_bind_text(v, 1, tv->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(v, 2, tv->contact, -1, SQLITE_STATIC);
		sqlite3_bind_text(v, 3, az_certification_values[tv->certification], -1, SQLITE_STATIC);
		sqlite3_bind_text(v, 4, tv->note, -1, SQLITE_STATIC);
		if (sqlite3_step(v) != SQLITE_DONE) {
			rc = az_store_sqlfail(s, err, AZ_IOERR, _("cannot write"));
			goto out;
		}
		ids[i] = sqlite3_last_insert_rowid(db);
	}
	for (size_t i = 0; i < t->nsystems; i++) {
		const struct az_tpl_system *ts = &t->systems[i];
		sqlite3_reset(y);
		sqlite3_clear_bindings(y);
		sqlite3_bind_text(y, 1, ts->category, -1, SQLITE_STATIC);
		sqlite3_bind_text(y, 2, ts->name, -1, SQLITE_STATIC);
		for (size_t j = 0; ts->vendor && j < t->nvendors && j < 200; j++)
			if (!strcmp(t->vendors[j].key, ts->vendor))
				sqlite3_bind_int64(y, 3, ids[j]);
		sqlite3_bind_text(y, 4, az_hosting_values[ts->hosting], -1, SQLITE_STATIC);
		sqlite3_bind_text(y, 5, az_remote_values[ts->remote_maintenance], -1, SQLITE_STATIC);
		sqlite3_bind_text(y, 6, az_connection_values[ts->connection], -1, SQLITE_STATIC);
		sqlite3_bind_text(y, 7, ts->device_make, -1, SQLITE_STATIC);
		sqlite3_bind_text(y, 8, ts->device_model, -1, SQLITE_STATIC);
		sqlite3_bind_int(y, 9, ts->holds_patient_data);
		sqlite3_bind_int(y, 10, ts->importance);
		sqlite3_bind_text(y, 11, ts->note, -1, SQLITE_STATIC);
		if (sqlite3_step(y) != SQLITE_DONE) {
			rc = az_store_sqlfail(s, err, AZ_IOERR, _("cannot write"));
			goto out;
		}
	}
out:
	sqlite3_finalize(v);
	sqlite3_finalize(y);
	return rc;
}

static int insert_fact(sqlite3_stmt *f, const struct az_tpl_fact *tf, long long sys, long long ven)
{
	sqlite3_reset(f);
	sqlite3_clear_bindings(f);
	sqlite3_bind_text(f, 1, tf->fact, -1, SQLITE_STATIC);
	if (sys)
		sqlite3_bind_int64(f, 2, sys);
	if (ven)
		sqlite3_bind_int64(f, 3, ven);
	sqlite3_bind_text(f, 4, az_answer3_values[tf->answer], -1, SQLITE_STATIC);
	if (tf->value)
		sqlite3_bind_text(f, 5, tf->value, -1, SQLITE_STATIC);
	return sqlite3_step(f) == SQLITE_DONE ? 0 : -1;
}

/* The template's usual answers, for the clinic and for every system and vendor each fact is asked for. */
static int insert_facts(struct az_store *s, const struct az_template *t, struct az_error *err)
{
	struct az_book b;
	struct az_catalogue *cat = NULL;
	sqlite3_stmt *f = NULL;
	if (!t->nfacts)
		return AZ_OK;
	if (az_catalogue_open(&cat, err) != AZ_OK)
		return err->code;
	if (az_book_load(s, &b, err) != AZ_OK) {
		az_catalogue_free(cat);
		return err->code;
	}
	int bad = sqlite3_prepare_v2(az_store_db(s),
				     "INSERT INTO facts (fact, system_id, vendor_id, answer, value) VALUES (?1, ?2, ?3, ?4, ?5)",
				     -1, &f, NULL) != SQLITE_OK;
	for (size_t i = 0; !bad && i < t->nfacts; i++) {
		const struct az_tpl_fact *tf = &t->facts[i];
		const struct az_fact *fc = az_catalogue_fact(cat, tf->fact); /* checked when the template loaded */
		if (fc && fc->scope == AZ_SCOPE_CLINIC)
			bad = insert_fact(f, tf, 0, 0);
		for (size_t k = 0; fc && !bad && k < b.n_systems; k++)
			if (az_fact_asked_for_system(fc, &b.systems[k]))
				bad = insert_fact(f, tf, b.systems[k].id, 0);
		for (size_t k = 0; fc && !bad && k < b.n_vendors; k++)
			if (az_fact_asked_for_vendor(fc, &b, b.vendors[k].id))
				bad = insert_fact(f, tf, 0, b.vendors[k].id);
	}
	int rc = bad ? az_store_sqlfail(s, err, AZ_IOERR, _("cannot write")) : AZ_OK;
	sqlite3_finalize(f);
	az_book_free(&b);
	az_catalogue_free(cat);
	return rc;
}

/* 1 if the workbook has no system, vendor or answered question yet (-1 on error). */
static int blank(struct az_store *s, struct az_error *err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(az_store_db(s),
			       "SELECT (SELECT count(*) FROM systems) + (SELECT count(*) FROM vendors)"
			       " + (SELECT count(*) FROM facts)",
			       -1, &st, NULL) != SQLITE_OK) {
		az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
		return -1;
	}
	int r = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) == 0 : -1;
	sqlite3_finalize(st);
	if (r < 0)
		az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
	return r;
}

int az_template_apply(struct az_store *s, const struct az_template *t, struct az_error *err)
{
	if (az_store_begin(s, err) != AZ_OK)
		return err->code;
	int b = blank(s, err);
	if (b == 0)
		az_fail(err, AZ_DATAERR, "%s",
			_("the workbook already has systems, vendors or answers: a template only starts an empty one"));
	/* a template is the starting point, not an edit: the change log starts empty */
	if (b != 1 || az_store_set_logging(s, 0, err) != AZ_OK || insert_all(s, t, err) != AZ_OK ||
	    insert_facts(s, t, err) != AZ_OK || az_store_set_logging(s, 1, err) != AZ_OK || az_store_commit(s, err) != AZ_OK) {
		az_store_rollback(s);
		return err->code;
	}
	return AZ_OK;
}

int az_template_fill(struct az_store *s, void *arg, struct az_error *err)
{
	int rc = az_workbook_fill_empty(s, NULL, err);
	return rc != AZ_OK ? rc : az_template_apply(s, arg, err);
}
