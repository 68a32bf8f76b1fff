/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "model/changes_digest.h"
#include "model/demo.h"
#include "model/import.h"
#include "model/tables.h"

/* Runs sql (freed here), whose ?1 is the shift in days. */
static int shift(struct az_store *s, char *sql, int days, struct az_error *err)
{
	sqlite3_stmt *st = NULL;
	if (!sql || sqlite3_prepare_v2(az_store_db(s), sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_free(sql);
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot write"));
	}
	sqlite3_free(sql);
	char by[16];
	snprintf(by, sizeof by, "%+d", days);
	sqlite3_bind_text(st, 1, by, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? AZ_OK : az_store_sqlfail(s, err, AZ_IOERR, _("cannot write"));
}

/* Every date column of the current year's tables; history snapshots keep their own dates. */
static int shift_dates(struct az_store *s, struct az_error *err)
{
	sqlite3_stmt *st = NULL;
	int days = 0;
	if (sqlite3_prepare_v2(az_store_db(s),
			       "SELECT CAST(julianday(date('now', 'localtime')) - julianday(?1) AS INTEGER)", -1, &st,
			       NULL) != SQLITE_OK)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
	sqlite3_bind_text(st, 1, AZ_DEMO_REFERENCE_DATE, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		days = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	for (size_t t = 0; t < az_ntables; t++) {
		const struct az_table *tb = &az_tables[t];
		if (t == AZ_TBL_history || t == AZ_TBL_changelog)
			continue;
		for (size_t c = 0; c < tb->ncols; c++) {
			if (tb->cols[c].type != AZ_T_DATE)
				continue;
			/* identifiers from the table descriptions; the shift is bound */
			char *sql = sqlite3_mprintf("UPDATE %s SET %s = date(%s, ?1 || ' days') WHERE %s IS NOT NULL",
						    tb->name, tb->cols[c].name, tb->cols[c].name, tb->cols[c].name);
			int rc = shift(s, sql, days, err);
			if (rc != AZ_OK)
				return rc;
		}
	}
	/* and the answers that are dates (the day the vendor form came back, the certification target),
	 * which a text column holds */
	char *sql = sqlite3_mprintf("UPDATE vendor_answers SET value = date(value, ?1 || ' days')"
				    " WHERE value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(value) = value");
	int rc = shift(s, sql, days, err);
	if (rc != AZ_OK)
		return rc;
	/* the earlier year's snapshot moves by the same days, so that the changes shown are the demo's own */
	for (size_t t = 0; t < az_ntables; t++) {
		const struct az_table *tb = &az_tables[t];
		if (t == AZ_TBL_history || t == AZ_TBL_changelog)
			continue;
		for (size_t c = 0; c < tb->ncols; c++) {
			if (tb->cols[c].type != AZ_T_DATE)
				continue;
			const char *col = tb->cols[c].name;
			char *sql = tb->singleton
				? sqlite3_mprintf("UPDATE history SET snapshot = json_set(snapshot, '$.%s.%s',"
						  " date(json_extract(snapshot, '$.%s.%s'), ?1 || ' days'))"
						  " WHERE json_extract(snapshot, '$.%s.%s') IS NOT NULL",
						  tb->name, col, tb->name, col, tb->name, col)
				: sqlite3_mprintf("UPDATE history SET snapshot = json_set(snapshot, '$.%s',"
						  " (SELECT json_group_array(json(CASE WHEN json_extract(value, '$.%s') IS NULL"
						  " THEN value ELSE json_set(value, '$.%s', date(json_extract(value, '$.%s'),"
						  " ?1 || ' days')) END)) FROM json_each(snapshot, '$.%s')))"
						  " WHERE json_type(snapshot, '$.%s') = 'array'",
						  tb->name, col, col, col, tb->name, tb->name);
			int rc = shift(s, sql, days, err);
			if (rc != AZ_OK)
				return rc;
		}
	}
	/* the fiscal year follows the approval date, as it did in the file */
	if (sqlite3_exec(az_store_db(s),
			 "UPDATE assessment SET fiscal_year = CAST(strftime('%Y', date(approved_at, '-3 months')) AS INTEGER)"
			 " WHERE approved_at IS NOT NULL;"
			 "UPDATE history SET fiscal_year = (SELECT fiscal_year - 1 FROM assessment),"
			 " snapshot = json_set(snapshot, '$.assessment.fiscal_year', (SELECT fiscal_year - 1 FROM assessment))"
			 " WHERE (SELECT count(*) FROM history) = 1;"
			 /* the form asks for 目標日 within the fiscal year: moved dates stay inside it */
			 "UPDATE checklist_answers SET target_at = (SELECT fiscal_year + 1 FROM assessment) || '-03-31'"
			 " WHERE target_at > (SELECT fiscal_year + 1 FROM assessment) || '-03-31';"
			 "INSERT OR REPLACE INTO meta (key, value) VALUES ('demo', '1');",
			 NULL, NULL, NULL) != SQLITE_OK)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot write"));
	return AZ_OK;
}

int az_demo_fill(struct az_store *s, void *arg, struct az_error *err)
{
	struct az_demo_input *in = arg;
	int rc = az_import_json(s, in->json, in->len, in->name, err);
	if (rc != AZ_OK)
		return rc;
	if (az_store_begin(s, err) != AZ_OK)
		return err->code;
	/* the snapshot moved with the dates: its change digest is made again */
	if (az_store_set_logging(s, 0, err) != AZ_OK || shift_dates(s, err) != AZ_OK ||
	    az_changes_digests_rebuild(s, err) != AZ_OK || az_store_set_logging(s, 1, err) != AZ_OK ||
	    az_store_commit(s, err) != AZ_OK) {
		az_store_rollback(s);
		return err->code;
	}
	return AZ_OK;
}

int az_demo_is_demo(const char *path)
{
	struct az_store *s = NULL;
	struct az_error err = { 0 };
	sqlite3_stmt *st = NULL;
	int demo = 0;
	if (az_store_open(path, AZ_STORE_READONLY | AZ_STORE_PROBE, &s, &err) != AZ_OK)
		return err.code == AZ_TEMPFAIL ? -1 : 0;
	if (sqlite3_prepare_v2(az_store_db(s), "SELECT value FROM meta WHERE key = 'demo'", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		demo = v && !strcmp(v, "1");
	}
	sqlite3_finalize(st);
	az_store_close(s);
	return demo;
}
