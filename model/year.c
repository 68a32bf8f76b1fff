/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <string.h>

#include "base/i18n.h"
#include "model/changes_digest.h"
#include "model/import.h"
#include "base/date.h"
#include "base/text.h"
#include "model/year.h"

/* Fields a new year must confirm again; see year.h. Fixed SQL, no input. */
static const char clear_sql[] =
	"UPDATE assessment SET fiscal_year = fiscal_year + 1, approved_by = '', approved_at = NULL;"
	"UPDATE risks SET accepted_by = '', accepted_at = NULL WHERE accepted_by <> '' OR accepted_at IS NOT NULL;"
	"UPDATE checklist_answers SET checked_at = NULL WHERE checked_at IS NOT NULL;"
	"UPDATE vendor_answers SET confirmed_at = NULL WHERE confirmed_at IS NOT NULL;";

int az_year_fill_next(struct az_store *s, void *arg, struct az_error *err)
{
	struct az_next_year *ny = arg;
	sqlite3 *db = az_store_db(s);
	sqlite3_stmt *st = NULL;
	int rc = az_import_json(s, ny->copy, ny->copy_len, ny->name, err);
	if (rc != AZ_OK)
		return rc;
	if (sqlite3_prepare_v2(db, "SELECT fiscal_year FROM assessment WHERE id = 1", -1, &st, NULL) != SQLITE_OK)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
	ny->old_year = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (!ny->old_year)
		return az_fail(err, AZ_DATAERR, _("%s: the workbook has no assessment, so no fiscal year to follow"),
			       ny->name);
	if (ny->old_year >= 2100)
		return az_fail(err, AZ_DATAERR, _("%s: fiscal year %d is the last this program supports"), ny->name,
			       ny->old_year);
	ny->new_year = ny->old_year + 1;
	/* the closed year as the snapshot holds it, before the clearing below: for its change digest */
	struct az_book was;
	if (az_book_load(s, &was, err) != AZ_OK)
		return err->code;
	if (az_store_begin(s, err) != AZ_OK) {
		az_book_free(&was);
		return err->code;
	}
	/* the new year's log starts empty: the carry-over is not an edit */
	if (az_store_set_logging(s, 0, err) != AZ_OK)
		goto fail;
	if (sqlite3_exec(db, clear_sql, NULL, NULL, NULL) != SQLITE_OK) {
		az_store_sqlfail(s, err, AZ_IOERR, _("cannot write"));
		goto fail;
	}
	char today[11];
	az_date_today(today);
	if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO history (fiscal_year, taken_at, snapshot) VALUES (?1, ?2, ?3)",
			       -1, &st, NULL) != SQLITE_OK) {
		az_store_sqlfail(s, err, AZ_IOERR, _("cannot write"));
		goto fail;
	}
	sqlite3_bind_int(st, 1, ny->old_year);
	sqlite3_bind_text(st, 2, today, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, ny->snapshot, (int)ny->snapshot_len, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		az_store_sqlfail(s, err, AZ_IOERR, _("cannot write"));
		goto fail;
	}
	if (az_changes_digest_save(s, ny->old_year, &was, ny->snapshot, ny->snapshot_len, err) != AZ_OK ||
	    az_store_set_logging(s, 1, err) != AZ_OK || az_store_commit(s, err) != AZ_OK)
		goto fail;
	az_book_free(&was);
	return AZ_OK;
fail:
	az_book_free(&was);
	az_store_rollback(s);
	return err->code;
}
