/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* model/progress (what the home screen shows per step) and model/edit_row (a form saved whole). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guideline/catalogue.h"
#include "model/book.h"
#include "model/edit_row.h"
#include "model/progress.h"
#include "model/workbook.h"
#include "tests/tap.h"

static int fill(struct az_store *s, void *arg, struct az_error *err)
{
	const char *sql = arg;
	if (az_workbook_fill_empty(s, NULL, err) != AZ_OK)
		return err->code;
	if (sqlite3_exec(az_store_db(s), sql, NULL, NULL, NULL) != SQLITE_OK)
		return az_store_sqlfail(s, err, AZ_IOERR, "fill");
	return AZ_OK;
}

static int has(const struct az_step_progress *p, const char *text)
{
	for (size_t i = 0; i < p->nmissing && i < AZ_PROGRESS_KEPT; i++)
		if (p->missing[i] && strstr(p->missing[i], text))
			return 1;
	return 0;
}

int main(void)
{
	char dir[4096], tmp[] = "/tmp/anzen-t_progress-XXXXXX", path[128];
	struct az_catalogue *cat = NULL;
	struct az_diags d;
	struct az_error err = { 0 };
	snprintf(dir, sizeof dir, "%s/guideline", ABS_TOP_SRCDIR);
	az_diags_init(&d);
	az_catalogue_load(dir, &cat, &d);
	az_diags_free(&d);
	if (!ok(cat != NULL, "catalogue loaded") || !ok(mkdtemp(tmp) != NULL, "temporary directory"))
		return done_testing();
	snprintf(path, sizeof path, "%s/wb.anzen", tmp);
	const char *sql =
		"UPDATE clinic SET name = '山田歯科', security_officer = '山田';"
		"INSERT INTO contacts (kind, role, name) VALUES ('internal', '責任者', '山田');"
		"INSERT INTO vendors (id, name) VALUES (1, 'A社');"
		"INSERT INTO systems (id, category, name, hosting, remote_maintenance) VALUES"
		"  (1, 'rececon', 'レセコン', 'onprem', 'yes'), (2, 'ehr_cloud', 'カルテ', 'cloud', 'no');"
		"INSERT INTO vendor_answers (vendor_id, question, answer) VALUES (1, 'b', 'yes');"
		"INSERT INTO vendor_answers (vendor_id, question, answer) VALUES (1, 'd', NULL);";
	int rc = az_workbook_write_new(path, 0, fill, (void *)sql, &err);
	struct az_store *st = NULL;
	if (!ok(rc == AZ_OK && az_store_open(path, 0, &st, &err) == AZ_OK, "workbook written and opened (%s)", err.msg))
		return done_testing();
	struct az_book b;
	struct az_progress p;
	ok(az_book_load(st, &b, &err) == AZ_OK, "book loaded");
	ok(az_progress_compute(&b, cat, &p) == 0, "progress computed");
	const struct az_step_progress *c = &p.step[AZ_STEP_CLINIC];
	ok(c->done == 2 && c->total == 15 && c->nmissing == 4 && has(c, "(10 left)"),
	   "clinic: 2 of 5 fields and none of its 10 questions (%zu/%zu)", c->done, c->total);
	ok(has(c, "address") && has(c, "administrator") && !has(c, "name"), "clinic: the missing fields named");
	c = &p.step[AZ_STEP_CONTACTS];
	ok(c->done == 1 && c->total == 3 && has(c, "vendor") && has(c, "authorities"), "contacts: vendor and authorities missing");
	c = &p.step[AZ_STEP_SYSTEMS];
	ok(c->done == 0 && c->total == 2 && has(c, "レセコン") && has(c, "カルテ"), "systems: both need a vendor");
	c = &p.step[AZ_STEP_VENDORS];
	ok(c->total == 7 && c->done == 1 && has(c, "A社"),
	   "vendors: one answer counts, a NULL one not (%zu); a vendor supporting no system is asked only the "
	   "7 questions for every vendor (%zu asked)", c->done, c->total);
	c = &p.step[AZ_STEP_RISKS];
	ok(c->total > 0 && c->done == 0 && has(c, "レセコン"), "risks: applicable threats not assessed (%zu)", c->total);
	c = &p.step[AZ_STEP_CHECKLIST];
	ok(c->total > 0 && c->done == 0 && c->nmissing == 1, "checklist: items of the assessment's version (%zu)", c->total);
	ok(p.step[AZ_STEP_APPROVAL].done == 0 && p.step[AZ_STEP_APPROVAL].total == 2, "approval: not yet");
	ok(az_step_percent(&p.step[AZ_STEP_CLINIC]) == 13 && strcmp(az_step_code(AZ_STEP_RISKS), "risks") == 0, "percent and codes");
	az_progress_free(&p);

	/* a whole form in one transaction: all or nothing */
	const char *good[] = { "address", "東京都", "phone", "03-0000-0000", "administrator", "山田", NULL };
	ok(az_edit_row(st, "clinic", 1, good, &err) == AZ_OK, "three clinic fields saved together");
	char longname[700];
	memset(longname, 'x', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	const char *bad[] = { "phone", "06-1111-1111", "name", longname, NULL };
	struct az_error e2 = { 0 };
	ok(az_edit_row(st, "clinic", 1, bad, &e2) == AZ_DATAERR && strncmp(e2.msg, "name:", 5) == 0,
	   "a refused value names its column (%s)", e2.msg);
	const char *sysbad[] = { "hosting", "mars", NULL };
	struct az_error e3 = { 0 };
	ok(az_edit_row(st, "systems", 1, sysbad, &e3) == AZ_DATAERR, "an enum outside its values is refused");
	const char *idcol[] = { "id", "5", NULL };
	struct az_error e4 = { 0 };
	ok(az_edit_row(st, "systems", 1, idcol, &e4) == AZ_USAGE, "the id cannot be edited");
	const char *gone[] = { "name", "x", NULL };
	struct az_error e5 = { 0 };
	ok(az_edit_row(st, "systems", 99, gone, &e5) == AZ_DATAERR, "a row that does not exist: refused");
	const char *sys[] = { "vendor_id", "1", "connection", "lte", "holds_patient_data", "0", NULL };
	ok(az_edit_row(st, "systems", 1, sys, &err) == AZ_OK, "system: a reference, an enum and a bool");
	az_book_free(&b);
	ok(az_book_load(st, &b, &err) == AZ_OK, "book reloaded");
	ok(strcmp(b.clinic.phone, "03-0000-0000") == 0 && strcmp(b.clinic.name, "山田歯科") == 0,
	   "the refused form changed nothing");
	ok(b.systems[0].vendor_id == 1 && b.systems[0].connection == 3 && b.systems[0].holds_patient_data == 0,
	   "system fields stored typed");
	ok(b.changelog_count >= 6, "every change logged (%lld)", b.changelog_count);
	ok(az_progress_compute(&b, cat, &p) == 0 && p.step[AZ_STEP_CLINIC].done == 5, "clinic step now complete");
	az_progress_free(&p);
	az_book_free(&b);
	az_store_close(st);
	unlink(path);
	rmdir(tmp);
	az_catalogue_free(cat);
	return done_testing();
}
