/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The treatment rules as the treatment screen enforces them, and the risk helpers of the screens:
 * facts with their actions, a system's rows, scoring (the first score creates the row), the
 * effective residual score and the heatmap counts. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guideline/catalogue.h"
#include "model/book.h"
#include "model/checklist_edit.h"
#include "model/edit.h"
#include "model/heatmap.h"
#include "model/import.h"
#include "model/risk_edit.h"
#include "model/rules.h"
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

static void needs(void)
{
	is_int(az_treatment_needs(AZ_AVOID), AZ_NEED_RATIONALE, "avoid asks what is stopped");
	is_int(az_treatment_needs(AZ_REDUCE), AZ_NEED_ACTIONS | AZ_NEED_RESIDUAL, "reduce asks for actions and the residual score");
	is_int(az_treatment_needs(AZ_TRANSFER), AZ_NEED_TRANSFER_TO, "transfer asks to whom");
	is_int(az_treatment_needs(AZ_ACCEPT), AZ_NEED_ACCEPTED | AZ_NEED_RATIONALE, "accept asks who approved, when and why");
	is_int(az_treatment_needs(-1), 0, "no treatment asks for nothing yet");
}

/* The message of the treatment screen for each treatment's requirement. */
static void messages(void)
{
	char buf[1024];
	struct az_risk_facts r = { .likelihood = 4, .severity = 5, .treatment = -1 };
	is_int((long long)az_risk_missing_text(&r, buf, sizeof buf), 1, "untreated: one thing missing");
	is_str(buf, "Still missing: Choose a treatment: avoid, reduce, transfer or accept", "untreated message");

	r.treatment = AZ_REDUCE;
	az_risk_missing_text(&r, buf, sizeof buf);
	is_str(buf, "Still missing: Reduce: add at least one action; Reduce: score the residual risk (likelihood and "
		    "severity after the actions)", "reduce without actions: action and residual");
	struct az_action_facts a[2] = { { "", "2027-03-31", 0 }, { "院長", NULL, 1 } };
	r.actions = a;
	r.nactions = 1;
	az_risk_missing_text(&r, buf, sizeof buf);
	ok(strstr(buf, "Reduce: name an owner for every action") && !strstr(buf, "due date"), "missing owner: %s", buf);
	a[0].owner = "院長";
	r.nactions = 2;
	az_risk_missing_text(&r, buf, sizeof buf);
	ok(strstr(buf, "Reduce: give every action a due date") && !strstr(buf, "owner"), "missing due date: %s", buf);
	a[1].due = "2027-04-30";
	az_risk_missing_text(&r, buf, sizeof buf);
	is_str(buf, "Still missing: Reduce: score the residual risk (likelihood and severity after the actions)",
	       "missing residual");
	r.residual_likelihood = 2;
	r.residual_severity = 5;
	is_int((long long)az_risk_missing_text(&r, buf, sizeof buf), 0, "reduce complete");
	is_str(buf, "", "nothing missing: empty text");
	ok(az_risk_residual_invalid(&r) == NULL, "a residual no higher than the score stands");
	r.residual_severity = 1;
	r.severity = 0;
	ok(az_risk_residual_invalid(&r) == NULL, "unscored: no residual check yet");
	r.severity = 5;
	r.residual_likelihood = 5;
	is_str(az_risk_residual_invalid(&r), "The residual risk cannot be higher than the risk before treatment",
	       "a residual likelihood above the likelihood is refused");

	struct az_risk_facts t = { .likelihood = 3, .severity = 3, .treatment = AZ_TRANSFER };
	az_risk_missing_text(&t, buf, sizeof buf);
	is_str(buf, "Still missing: Transfer: say to whom (insurer and policy, or contract party)", "transfer message");

	struct az_risk_facts c = { .likelihood = 2, .severity = 2, .treatment = AZ_ACCEPT };
	az_risk_missing_text(&c, buf, sizeof buf);
	ok(strstr(buf, "Accept: name who approved it") && strstr(buf, "Accept: give the date of the approval") &&
	   strstr(buf, "Write the rationale"), "accept without approver, date, reason: %s", buf);
	c.accepted_by = "院長";
	c.accepted_at = "2026-06-01";
	az_risk_missing_text(&c, buf, sizeof buf);
	is_str(buf, "Still missing: Write the rationale (for avoid: what is stopped; for accept: why)", "accept without reason");
	c.rationale = "費用に見合わない";
	is_int((long long)az_risk_missing_text(&c, buf, sizeof buf), 0, "accept complete");

	struct az_risk_facts v = { .likelihood = 2, .severity = 2, .treatment = AZ_AVOID };
	az_risk_missing_text(&v, buf, sizeof buf);
	is_str(buf, "Still missing: Write the rationale (for avoid: what is stopped; for accept: why)", "avoid message");
	char tiny[20];
	az_risk_missing_text(&c, tiny, sizeof tiny);
	ok(tiny[0] == '\0', "a complete risk leaves the buffer empty");
	az_risk_missing_text(&v, tiny, sizeof tiny);
	ok(strlen(tiny) < sizeof tiny, "a short buffer is cut, not overrun");
}

static void action_done(void)
{
	is_str(az_action_done_invalid(2, NULL), "Give the date the action was done.", "a done action without its date");
	is_str(az_action_done_invalid(2, " "), "Give the date the action was done.", "a blank date is none");
	ok(az_action_done_invalid(2, "2026-11-20") == NULL, "a done action with its date");
	ok(az_action_done_invalid(0, NULL) == NULL && az_action_done_invalid(3, "") == NULL,
	   "planned and dropped actions need no date");
}

static void residual(void)
{
	/* enumerations are -1 when not set, as az_book_load gives them */
	struct az_risk r = { .likelihood = 4, .severity = 3, .treatment = -1, .score_basis = -1, .dismissed = -1 };
	int l = 0, s = 0, fb = 0;
	ok(az_risk_residual_effective(&r, &l, &s, &fb) && l == 4 && s == 3 && fb == 1,
	   "no residual score: the current score, flagged");
	r.residual_likelihood = 2;
	r.residual_severity = 1;
	ok(az_risk_residual_effective(&r, &l, &s, &fb) && l == 2 && s == 1 && fb == 0, "the residual score");
	struct az_risk u = { .treatment = -1, .score_basis = -1, .dismissed = -1 };
	ok(!az_risk_residual_effective(&u, &l, &s, NULL), "unscored: none");
	struct az_heatmap h;
	struct az_risk rs[3] = { r, u, { .likelihood = 4, .severity = 3, .treatment = -1, .score_basis = -1, .dismissed = -1 } };
	struct az_book b = { .risks = rs, .n_risks = 3 };
	az_heatmap_count(&b, &h);
	is_int((long long)h.cell[0][3][2], 2, "current: two risks at likelihood 4, severity 3");
	is_int((long long)h.cell[1][1][0], 1, "residual: one at 2, 1");
	is_int((long long)h.cell[1][3][2], 1, "residual: one stays at 4, 3");
	is_int((long long)h.unscored, 1, "one unscored");
	is_int((long long)h.residual_fallback, 1, "one residual taken from the current score");
	ok(az_heatmap_has(&rs[0], 0, 4, 3) && az_heatmap_has(&rs[0], 1, 2, 1) && !az_heatmap_has(&rs[0], 1, 4, 3),
	   "a risk is in its cells only");
}

static void workbook(const struct az_catalogue *cat, const char *srcdir)
{
	char dir[] = "/tmp/anzen-t_risk_edit-XXXXXX", path[300], fx[4096];
	struct az_error err = { 0 };
	struct az_store *s = NULL;
	struct az_book b;
	struct src j;
	if (!mkdtemp(dir))
		return;
	snprintf(path, sizeof path, "%s/w.anzen", dir);
	snprintf(fx, sizeof fx, "%s/tests/data/clinic.json", srcdir);
	j.text = slurp(fx, &j.len);
	if (!ok(j.text && az_workbook_write_new(path, 0, fill, &j, &err) == AZ_OK, "fixture imported (%s)", err.msg))
		return;
	free(j.text);
	if (!ok(az_store_open(path, 0, &s, &err) == AZ_OK && az_book_load(s, &b, &err) == AZ_OK, "loaded"))
		return;

	struct az_risk_index ix;
	ok(az_risk_index_build(&b, &ix) == 0 && ix.n == b.n_actions, "index of %zu actions", ix.n);
	size_t with = 0, total = 0;
	for (size_t i = 0; i < b.n_risks; i++) {
		struct az_risk_facts f;
		az_risk_facts_of(&ix, &b.risks[i], &f);
		size_t count = 0;
		for (size_t k = 0; k < b.n_actions; k++)
			count += b.actions[k].risk_id == b.risks[i].id;
		with += count == f.nactions;
		total += f.nactions;
	}
	ok(with == b.n_risks && total == b.n_actions, "every risk gets exactly its actions");

	const struct az_system *sys = az_book_system(&b, 1);
	struct az_risk_row *rows = NULL;
	size_t n = 0;
	ok(sys && az_risk_rows(cat, &b, sys, &rows, &n) == 0, "rows of system 1");
	struct az_system_facts sf = az_system_facts_of(sys);
	size_t applicable = az_threats_for_system(cat, &sf, NULL, 0), risks = 0, mine = 0, blank = 0;
	for (size_t i = 0; i < n; i++) {
		risks += rows[i].risk != NULL;
		blank += rows[i].risk == NULL;
		ok(rows[i].system == sys, "row %zu is of the system", i);
	}
	for (size_t i = 0; i < b.n_risks; i++)
		mine += b.risks[i].system_id == 1;
	is_int((long long)risks, (long long)mine, "every risk row of the system is listed once");
	ok(blank > 0 && blank <= applicable, "unassessed applicable threats are listed too (%zu of %zu)", blank, applicable);
	const char *first_blank = NULL;
	for (size_t i = 0; i < n && !first_blank; i++)
		if (!rows[i].risk)
			first_blank = rows[i].threat->id;
	size_t before = n, open = az_system_open_risks(cat, &b, &ix, sys);
	ok(open >= blank, "open risks count the unassessed ones (%zu)", open);
	free(rows);

	size_t *all = calloc(b.n_systems, sizeof *all), same = 0;
	if (all) {
		az_systems_open_risks(cat, &b, &ix, all);
		for (size_t i = 0; i < b.n_systems; i++)
			same += all[i] == az_system_open_risks(cat, &b, &ix, &b.systems[i]);
	}
	ok(all && same == b.n_systems, "open risks of every system at once equal those of each system");
	free(all);
	ok(az_risk_rows(cat, &b, NULL, &rows, &n) == 0 && n == b.n_risks, "all systems: every risk row");
	free(rows);

	/* the first score of an unassessed threat creates its row; the second sets the other score */
	long long id = 0;
	char tid[80];
	snprintf(tid, sizeof tid, "%s", first_blank ? first_blank : "");
	is_int(az_risk_set_score(s, 0, 1, tid, AZ_SCORE_LIKELIHOOD, 3, &id, &err), AZ_OK, "score creates the risk (%s)", err.msg);
	is_int(az_risk_set_score(s, id, 1, tid, AZ_SCORE_SEVERITY, 4, NULL, &err), AZ_OK, "then its severity");
	is_int(az_risk_set_score(s, id, 1, tid, AZ_SCORE_SEVERITY, 6, NULL, &err), AZ_DATAERR, "6 is refused");
	is_int(az_risk_set_score(s, 0, 0, tid, AZ_SCORE_SEVERITY, 2, NULL, &err), AZ_USAGE, "a new risk needs its system");
	az_risk_index_free(&ix);
	az_book_free(&b);
	ok(az_book_load(s, &b, &err) == AZ_OK, "reloaded");
	const struct az_risk *r = az_book_risk(&b, id);
	ok(r && r->likelihood == 3 && r->severity == 4 && r->system_id == 1 && !strcmp(r->threat, tid),
	   "the new risk has its scores");
	ok(az_risk_rows(cat, &b, az_book_system(&b, 1), &rows, &n) == 0 && n == before, "still one row per threat");
	free(rows);
	is_int(az_risk_set_score(s, id, 0, NULL, AZ_SCORE_LIKELIHOOD, 0, NULL, &err), AZ_OK, "0 clears a score");

	/* the checklist answer form: one transaction, all or nothing */
	err = (struct az_error){ 0 };
	const char *form[] = { "answer", "no", "checked_at", "2026-11-01", "target_at", "2027-03-31", "note", "業者に確認中", NULL };
	is_int(az_edit_checklist_row(s, "r7-clinic", "2-(2)", "server", form, &err), AZ_OK, "an answer form saved (%s)", err.msg);
	const char *bad[] = { "note", "x", "target_at", "2027-02-30", NULL };
	err = (struct az_error){ 0 }; /* the first error is kept: start afresh */
	is_int(az_edit_checklist_row(s, "r7-clinic", "2-(2)", "server", bad, &err), AZ_DATAERR, "an impossible date refuses the form");
	ok(strstr(err.msg, "target_at") != NULL, "the message names the field: %s", err.msg);
	const char *key[] = { "device", "terminal", NULL };
	is_int(az_edit_checklist_row(s, "r7-clinic", "2-(2)", "server", key, &err), AZ_DATAERR, "the key columns are not form fields");
	is_int(az_edit_checklist_row(s, "r7-clinic", "2-(2)", "printer", form, &err), AZ_DATAERR, "an unknown device is refused");
	const char *none[] = { NULL };
	is_int(az_edit_checklist_row(s, "r7-clinic", "2-(2)", "server", none, &err), AZ_OK, "an empty form: nothing to do");
	const char *clear[] = { "answer", NULL, NULL };
	is_int(az_edit_checklist_row(s, "r7-clinic", "2-(2)", "network", clear, &err), AZ_OK, "a new row with no answer");
	az_book_free(&b);
	ok(az_book_load(s, &b, &err) == AZ_OK, "reloaded");
	const struct az_checklist_answer *found = NULL, *net = NULL;
	for (size_t i = 0; i < b.n_checklist_answers; i++) {
		const struct az_checklist_answer *a = &b.checklist_answers[i];
		if (!strcmp(a->checklist, "r7-clinic") && !strcmp(a->item, "2-(2)")) {
			if (a->device == az_enum_index(az_device_values, "server"))
				found = a;
			if (a->device == az_enum_index(az_device_values, "network"))
				net = a;
		}
	}
	ok(found && found->answer == az_enum_index(az_checklist_answer_values, "no") &&
	   !strcmp(found->checked_at, "2026-11-01") && !strcmp(found->target_at, "2027-03-31") &&
	   !strcmp(found->note, "業者に確認中"), "the form is saved whole; the refused one left it untouched");
	ok(net && net->answer == -1, "the cleared answer is a row without an answer");
	az_book_free(&b);
	az_store_close(s);
	unlink(path);
	snprintf(fx, sizeof fx, "%s-journal", path);
	unlink(fx);
	rmdir(dir);
}

int main(void)
{
	const char *srcdir = getenv("top_srcdir");
	char dir[4096];
	if (!srcdir)
		srcdir = ".";
	snprintf(dir, sizeof dir, "%s/guideline", srcdir);
	struct az_catalogue *cat = NULL;
	struct az_diags d;
	az_diags_init(&d);
	if (az_catalogue_load(dir, &cat, &d) != 0)
		az_diags_print(&d, stdout, "#");
	az_diags_free(&d);
	needs();
	messages();
	action_done();
	residual();
	if (ok(cat != NULL, "catalogue loaded"))
		workbook(cat, srcdir);
	az_catalogue_free(cat);
	return done_testing();
}
