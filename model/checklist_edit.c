/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* One checklist answer, several fields, one transaction. */
#include <config.h>

#include <string.h>

#include "base/i18n.h"
#include "model/checklist_edit.h"
#include "model/edit.h"
#include "model/tables.h"

int az_edit_checklist_row(struct az_store *s, const char *checklist, const char *item, const char *device,
			  const char *const *pairs, struct az_error *err)
{
	const struct az_table *t = &az_tables[AZ_TBL_checklist_answers];
	static const char *const keys[] = { AZ_COL(checklist_answers, checklist), AZ_COL(checklist_answers, item),
					     AZ_COL(checklist_answers, device) };
	const char *keyv[] = { checklist, item, device };
	for (int k = 0; k < 3; k++) {
		const char *why = az_column_invalid(az_column_find(t, keys[k]), keyv[k]);
		if (why)
			return az_fail(err, AZ_DATAERR, "%s: %s", keys[k], why);
	}
	if (!pairs[0])
		return AZ_OK;
	sqlite3_str *cols = sqlite3_str_new(NULL), *vals = sqlite3_str_new(NULL), *upd = sqlite3_str_new(NULL);
	int n = 0;
	const char *bad = NULL, *why = NULL;
	for (const char *const *p = pairs; p[0] && !why; p += 2, n++) {
		const struct az_column *c = az_column_find(t, p[0]);
		int key = c && (c == &t->cols[AZ_COL_checklist_answers_checklist] || c == &t->cols[AZ_COL_checklist_answers_item] ||
				c == &t->cols[AZ_COL_checklist_answers_device]);
		why = !c || key ? _("cannot be edited") : az_column_invalid(c, p[1]);
		bad = p[0];
		if (why)
			break;
		/* names come from the table description, never from the caller's text */
		sqlite3_str_appendf(cols, ", %s", c->name);
		sqlite3_str_appendf(vals, ", ?%d", n + 4);
		sqlite3_str_appendf(upd, "%s%s = excluded.%s", n ? ", " : "", c->name, c->name);
	}
	char *cs = sqlite3_str_finish(cols), *vs = sqlite3_str_finish(vals), *us = sqlite3_str_finish(upd);
	char *sql = why || !cs || !vs || !us ? NULL : sqlite3_mprintf(
		"INSERT INTO checklist_answers (checklist, item, device%s) VALUES (?1, ?2, ?3%s) "
		"ON CONFLICT (checklist, item, device) DO UPDATE SET %s", cs, vs, us);
	sqlite3_free(cs);
	sqlite3_free(vs);
	sqlite3_free(us);
	if (why)
		return az_fail(err, AZ_DATAERR, "%s: %s", bad, why);
	sqlite3_stmt *st = NULL;
	if (!sql || sqlite3_prepare_v2(az_store_db(s), sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_free(sql);
		return az_store_sqlfail(s, err, AZ_IOERR, _("not saved"));
	}
	sqlite3_free(sql);
	for (int k = 0; k < 3; k++)
		sqlite3_bind_text(st, k + 1, keyv[k], -1, SQLITE_TRANSIENT);
	n = 4;
	for (const char *const *p = pairs; p[0]; p += 2, n++) {
		if (p[1])
			sqlite3_bind_text(st, n, p[1], -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(st, n);
	}
	return az_store_run_one(s, st, 0, err);
}
