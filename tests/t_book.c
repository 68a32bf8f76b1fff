/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The workbook in memory, and edits: each validated, saved at once, logged. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/book.h"
#include "model/edit.h"
#include "model/import.h"
#include "model/workbook.h"
#include "tests/fixture.h"
#include "tests/tap.h"

struct src {
	char *text;
	size_t len;
};

static int fill(struct az_store *s, void *arg, struct az_error *err)
{
	struct src *j = arg;
	return az_import_json(s, j->text, j->len, "clinic.json", err);
}

int main(void)
{
	char dir[] = "/tmp/anzen-t_book-XXXXXX", path[256], fx[512];
	struct az_error err = { 0 };
	struct az_store *s = NULL;
	struct az_book b;
	struct src j;
	if (!mkdtemp(dir))
		return 99;
	snprintf(path, sizeof path, "%s/w.anzen", dir);
	snprintf(fx, sizeof fx, "%s/tests/data/clinic.json", getenv("top_srcdir") ? getenv("top_srcdir") : ".");
	j.text = slurp(fx, &j.len);
	if (!ok(j.text && az_workbook_write_new(path, 0, fill, &j, &err) == AZ_OK, "fixture imported (%s)", err.msg))
		return done_testing();
	free(j.text);
	if (!ok(az_store_open(path, 0, &s, &err) == AZ_OK, "opened") ||
	    !ok(az_book_load(s, &b, &err) == AZ_OK, "loaded (%s)", err.msg))
		return done_testing();

	is_str(b.clinic.name, "あんぜん歯科医院", "clinic name");
	is_int(b.assessment.fiscal_year, 2026, "fiscal year");
	is_int((long long)b.n_systems, 15, "15 systems");
	is_int((long long)b.n_risks, 60, "60 risks");
	is_int((long long)b.n_actions, 45, "45 actions");
	is_int((long long)b.n_vendors, 5, "5 vendors");
	is_int((long long)b.n_vendor_answers, 25, "25 vendor answers");
	is_int((long long)b.n_checklist_answers, 6, "6 checklist answers");
	is_int((long long)b.n_contacts, 3, "3 contacts");
	const struct az_risk *r = az_book_risk(&b, 7);
	ok(r && r->id == 7 && r->system_id == 7, "a risk is found by id");
	ok(az_book_system(&b, 999) == NULL, "a missing id gives NULL");
	is_str(az_treatment_values[az_book_risk(&b, 1)->treatment], "reduce", "enums load as indexes");
	ok(b.actions[0].done_at && b.actions[0].done_at[0] == '\0', "a NULL date loads as an empty string");
	is_int(b.assessment.present, 1, "the assessment is present");
	long long log0 = b.changelog_count;
	az_book_free(&b);

	/* edits */
	is_int(az_edit_set(s, "risks", 7, "likelihood", "3", &err), AZ_OK, "a score is set");
	memset(&err, 0, sizeof err);
	is_int(az_edit_set(s, "risks", 7, "likelihood", "6", &err), AZ_DATAERR, "likelihood 6 is refused");
	ok(strstr(err.msg, "likelihood") != NULL, "the message names the field (%s)", err.msg);
	memset(&err, 0, sizeof err);
	is_int(az_edit_set(s, "risks", 7, "accepted_at", "2026-02-30", &err), AZ_DATAERR, "2026-02-30 is refused");
	memset(&err, 0, sizeof err);
	is_int(az_edit_set(s, "risks", 9999, "likelihood", "2", &err), AZ_DATAERR, "a missing row is reported");
	memset(&err, 0, sizeof err);
	is_int(az_edit_set(s, "changelog", 1, "new", "x", &err), AZ_USAGE, "the change log cannot be edited");
	memset(&err, 0, sizeof err);
	is_int(az_edit_set(s, "clinic", 1, "name", "さくら歯科", &err), AZ_OK, "the clinic name is set");
	is_int(az_edit_set(s, "risks", 7, "treatment", NULL, &err), AZ_OK, "a treatment is cleared");
	long long id = 0;
	const char *sys[] = { "category", "nas", "name", "バックアップNAS", "hosting", "onprem", NULL };
	is_int(az_edit_insert(s, "systems", sys, &id, &err), AZ_OK, "a system is added (%s)", err.msg);
	ok(id == 16, "it gets the next id (%lld)", id);
	const char *risk[] = { "system_id", "16", "threat", "ransomware", "likelihood", "4", "severity", "5", NULL };
	long long rid = 0;
	is_int(az_edit_insert(s, "risks", risk, &rid, &err), AZ_OK, "a risk is added to it");
	const char *act[] = { "risk_id", "61", "control", "offline_backup", "owner", "院長", "due", "2027-03-31", NULL };
	is_int(az_edit_insert(s, "actions", act, NULL, &err), AZ_OK, "an action is added to the risk");
	const char *bad[] = { "category", "nas", "name", "", NULL };
	memset(&err, 0, sizeof err);
	is_int(az_edit_insert(s, "systems", bad, NULL, &err), AZ_DATAERR, "a system without a name is refused");
	memset(&err, 0, sizeof err);
	is_int(az_edit_vendor_answer(s, NULL, 1, "mds_sds", "answer", "yes", &err), AZ_OK, "a vendor answer is created");
	is_int(az_edit_vendor_answer(s, NULL, 1, "mds_sds", "confirmed_at", "2026-11-01", &err), AZ_OK, "and updated");
	is_int(az_edit_checklist_answer(s, "r7-clinic", "2-(7)", "server", "answer", "no", &err), AZ_OK,
	       "a checklist answer is created");
	is_int(az_edit_checklist_answer(s, "r7-clinic", "2-(7)", "server", "target_at", "2027-03-31", &err), AZ_OK,
	       "and its target date set");
	memset(&err, 0, sizeof err);
	is_int(az_edit_checklist_answer(s, "r7-clinic", "2-(7)", "printer", "answer", "no", &err), AZ_DATAERR,
	       "an unknown device column is refused");

	ok(az_book_load(s, &b, &err) == AZ_OK, "reloaded");
	is_int(az_book_risk(&b, 7)->likelihood, 3, "the score was saved");
	is_int(az_book_risk(&b, 7)->treatment, -1, "the cleared treatment is -1");
	is_str(b.clinic.name, "さくら歯科", "the clinic name was saved");
	is_int((long long)b.n_vendor_answers, 26, "the upsert made one new answer, not two");
	is_int((long long)b.n_checklist_answers, 7, "one new checklist answer");
	ok(b.changelog_count > log0 + 6, "every edit was logged (%lld lines)", b.changelog_count - log0);
	az_book_free(&b);

	is_int(az_edit_delete(s, "systems", 16, &err), AZ_OK, "a system is deleted");
	ok(az_book_load(s, &b, &err) == AZ_OK, "reloaded");
	ok(az_book_risk(&b, 61) == NULL, "its risk went with it");
	is_int((long long)b.n_actions, 45, "and the risk's action too");
	az_book_free(&b);
	az_store_close(s);

	/* each edit is committed at once: another connection sees it without any close */
	ok(az_store_open(path, AZ_STORE_READONLY, &s, &err) == AZ_OK, "reopened");
	ok(az_book_load(s, &b, &err) == AZ_OK && !strcmp(b.clinic.name, "さくら歯科"), "the edits are on disk");
	az_book_free(&b);
	az_store_close(s);
	unlink(path);
	rmdir(dir);
	return done_testing();
}
