/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* az_book_set: a saved edit applied to the book in memory gives what loading the workbook again
 * gives; what it cannot apply leaves the book as it was. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/book.h"
#include "model/edit.h"
#include "model/edit_row.h"
#include "model/import.h"
#include "model/tables.h"
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

static int same_str(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

int main(void)
{
	char dir[] = "/tmp/anzen-t_book_set-XXXXXX", path[256], fx[512];
	struct az_error err = { 0 };
	struct az_store *s = NULL;
	struct az_book b, f;
	struct src j;
	if (!mkdtemp(dir))
		return 99;
	snprintf(path, sizeof path, "%s/w.anzen", dir);
	snprintf(fx, sizeof fx, "%s/tests/data/clinic.json", getenv("top_srcdir") ? getenv("top_srcdir") : ".");
	j.text = slurp(fx, &j.len);
	if (!ok(j.text && az_workbook_write_new(path, 0, fill, &j, &err) == AZ_OK, "fixture imported (%s)", err.msg))
		return done_testing();
	free(j.text);
	if (!ok(az_store_open(path, 0, &s, &err) == AZ_OK && az_book_load(s, &b, &err) == AZ_OK, "loaded (%s)", err.msg))
		return done_testing();

	/* each edit saved, then set in b */
	const struct {
		const char *table;
		long long id;
		const char *pairs[9];
	} edits[] = {
		{ "clinic", 1, { "name", "さくら歯科", "phone", "", NULL } },
		{ "assessment", 1, { "approved_by", "院長", "approved_at", "2026-11-23", NULL } },
		{ "risks", 7, { "likelihood", "3", "treatment", "accept", "accepted_at", "2026-11-01", "rationale", "", NULL } },
		{ "actions", 2, { "owner", "事務長", "due", NULL, "status", "done", "done_at", "2026-10-01", NULL } },
		{ "systems", 3, { "vendor_id", "2", "hosting", "cloud", "holds_patient_data", "1", "firmware", "", NULL } },
		{ "vendors", 1, { "name", "山田システム", "certification", "isms", NULL } },
		{ "contacts", 2, { "name", "鈴木", "kind", "vendor", NULL } },
	};
	for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
		memset(&err, 0, sizeof err);
		is_int(az_edit_row(s, edits[i].table, edits[i].id, edits[i].pairs, &err), AZ_OK, "%s %lld saved (%s)",
		       edits[i].table, edits[i].id, err.msg);
		is_int(az_book_set(&b, edits[i].table, edits[i].id, edits[i].pairs), 0, "  and set in memory");
	}
	ok(az_book_load(s, &f, &err) == AZ_OK, "loaded again");
	ok(same_str(b.clinic.name, f.clinic.name) && same_str(b.clinic.phone, f.clinic.phone) &&
		   !strcmp(b.clinic.phone, ""), "clinic: a text, and an emptied one");
	ok(same_str(b.assessment.approved_by, f.assessment.approved_by) &&
		   same_str(b.assessment.approved_at, f.assessment.approved_at), "assessment");
	const struct az_risk *rb = az_book_risk(&b, 7), *rf = az_book_risk(&f, 7);
	ok(rb && rf && rb->likelihood == rf->likelihood && rb->treatment == rf->treatment &&
		   rb->treatment == az_enum_index(az_treatment_values, "accept") &&
		   same_str(rb->accepted_at, rf->accepted_at) && same_str(rb->rationale, rf->rationale),
	   "risk: a number, an enum, a date and a cleared text");
	const struct az_action *ab = az_book_action(&b, 2), *af = az_book_action(&f, 2);
	ok(ab && af && same_str(ab->owner, af->owner) && same_str(ab->due, af->due) && ab->status == af->status &&
		   same_str(ab->done_at, af->done_at), "action: a NULL date read as an empty text");
	const struct az_system *yb = az_book_system(&b, 3), *yf = az_book_system(&f, 3);
	ok(yb && yf && yb->vendor_id == yf->vendor_id && yb->hosting == yf->hosting &&
		   yb->holds_patient_data == yf->holds_patient_data && same_str(yb->firmware, yf->firmware),
	   "system: a reference, an enum, a flag, an empty text");
	const struct az_vendor *vb = az_book_vendor(&b, 1), *vf = az_book_vendor(&f, 1);
	ok(vb && vf && same_str(vb->name, vf->name) && vb->certification == vf->certification, "vendor");
	const struct az_contact *cb = az_book_contact(&b, 2), *cf = az_book_contact(&f, 2);
	ok(cb && cf && same_str(cb->name, cf->name) && cb->kind == cf->kind, "contact");
	ok(b.changelog_count > 0 && b.arena && b.n_risks == f.n_risks, "counts unchanged, the log grown");

	/* what it cannot set: nothing changes, the caller loads again */
	long long log = b.changelog_count;
	const char *unknown[] = { "likelihood", "2", "no_such_column", "x", NULL };
	is_int(az_book_set(&b, "risks", 7, unknown), -1, "an unknown column is refused");
	is_int(az_book_risk(&b, 7)->likelihood, 3, "  and nothing of the edit was set");
	const char *like[] = { "likelihood", "2", NULL };
	is_int(az_book_set(&b, "risks", 99999, like), -1, "a row the book does not hold");
	const char *pos[] = { "position", "9", NULL };
	is_int(az_book_set(&b, "contacts", 2, pos), -1, "a contact's position (it orders the chart)");
	const char *id[] = { "id", "9", NULL };
	is_int(az_book_set(&b, "risks", 7, id), -1, "an id");
	is_int(az_book_set(&b, "vendor_answers", 1, like), -1, "a table without ids");
	is_int(b.changelog_count, log, "the stamp did not move");
	az_book_free(&b);
	az_book_free(&f);
	az_store_close(s);
	unlink(path);
	rmdir(dir);
	return done_testing();
}
