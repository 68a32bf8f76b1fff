/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/date.h"
#include "base/outfile.h"
#include "base/text.h"
#include "model/book.h"
#include "model/workbook.h"

/* Messages name the workbook the user asked for, not the temporary file it is written as. */
static void name_in_message(struct az_error *err, const char *tmp, const char *path)
{
	char *at = err && tmp ? strstr(err->msg, tmp) : NULL;
	if (!at)
		return;
	char rest[sizeof err->msg];
	snprintf(rest, sizeof rest, "%s", at + strlen(tmp));
	snprintf(at, sizeof err->msg - (size_t)(at - err->msg), "%s%s", path, rest);
}

int az_workbook_write_new(const char *path, int force, az_fill_fn fill, void *arg, struct az_error *err)
{
	struct az_outfile o;
	struct az_store *s = NULL;
	int held = -1;
	int rc = az_outfile_reserve(&o, path, force, err);
	if (rc != AZ_OK)
		return rc;
	/* Replacing a workbook that another process has open would pull it from under that process. */
	if (force && (held = open(path, O_RDONLY | O_CLOEXEC)) >= 0 && flock(held, LOCK_EX | LOCK_NB) != 0) {
		close(held);
		az_outfile_abort(&o);
		return az_fail(err, AZ_TEMPFAIL,
			       _("%s: the workbook is in use by another anzen process; close it there first"), path);
	}
	rc = az_store_create(o.tmp, &s, err);
	if (rc == AZ_OK && fill)
		rc = fill(s, arg, err);
	if (s && az_store_close(s) != 0 && rc == AZ_OK)
		rc = az_fail(err, AZ_IOERR, _("%s: cannot close the workbook"), path);
	if (rc == AZ_OK) {
		rc = az_outfile_commit(&o, err);
	} else {
		name_in_message(err, o.tmp, path);
		az_outfile_abort(&o);
	}
	if (held >= 0)
		close(held);
	return rc;
}

int az_workbook_fill_empty(struct az_store *s, void *arg, struct az_error *err)
{
	(void)arg;
	char today[11];
	sqlite3_stmt *st = NULL;
	az_date_today(today);
	if (sqlite3_prepare_v2(az_store_db(s), "INSERT INTO assessment (id, fiscal_year) VALUES (1, ?1)", -1, &st,
			       NULL) != SQLITE_OK)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot write"));
	sqlite3_bind_int(st, 1, az_fiscal_year(today));
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot write"));
	return AZ_OK;
}

int az_workbook_counts(struct az_store *s, struct az_counts *c, struct az_error *err)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM systems),"
		" (SELECT count(*) FROM vendors), (SELECT count(*) FROM risks),"
		" (SELECT count(*) FROM risks WHERE likelihood IS NOT NULL AND severity IS NOT NULL),"
		" (SELECT count(*) FROM risks WHERE treatment IS NOT NULL),"
		" (SELECT count(*) FROM actions), (SELECT count(*) FROM vendor_answers),"
		" (SELECT count(*) FROM checklist_answers), (SELECT count(*) FROM changelog),"
		" (SELECT fiscal_year FROM assessment WHERE id = 1), (SELECT name FROM clinic WHERE id = 1)";
	sqlite3_stmt *st = NULL;
	memset(c, 0, sizeof *c);
	if (sqlite3_prepare_v2(az_store_db(s), sql, -1, &st, NULL) != SQLITE_OK)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read"));
	}
	long *f[] = { &c->contacts, &c->systems, &c->vendors, &c->risks, &c->scored, &c->treated,
		      &c->actions, &c->vendor_answers, &c->checklist_answers, &c->changelog };
	for (int i = 0; i < 10; i++)
		*f[i] = (long)sqlite3_column_int64(st, i);
	c->fiscal_year = sqlite3_column_int(st, 10);
	const unsigned char *name = sqlite3_column_text(st, 11);
	snprintf(c->clinic, sizeof c->clinic, "%s", name ? (const char *)name : "");
	sqlite3_finalize(st);
	return AZ_OK;
}

void az_workbook_counts_of(const struct az_book *b, struct az_counts *c)
{
	memset(c, 0, sizeof *c);
	c->contacts = (long)b->n_contacts;
	c->systems = (long)b->n_systems;
	c->vendors = (long)b->n_vendors;
	c->risks = (long)b->n_risks;
	/* the book reads a NULL score as 0 and a NULL treatment as -1 */
	for (size_t i = 0; i < b->n_risks; i++) {
		c->scored += b->risks[i].likelihood > 0 && b->risks[i].severity > 0;
		c->treated += b->risks[i].treatment >= 0;
	}
	c->actions = (long)b->n_actions;
	c->vendor_answers = (long)b->n_vendor_answers;
	c->checklist_answers = (long)b->n_checklist_answers;
	c->changelog = (long)b->changelog_count;
	c->fiscal_year = b->assessment.present ? b->assessment.fiscal_year : 0;
	snprintf(c->clinic, sizeof c->clinic, "%s", b->clinic.name ? b->clinic.name : "");
}
