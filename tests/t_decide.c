/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Facts, suggested scores with their reasons, confirming a suggestion, one decision per threat with a
 * per-system exception, dismissing a threat, paperwork by rank and the rule breaks import refuses. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guideline/catalogue.h"
#include "model/action_groups.h"
#include "model/book.h"
#include "model/decide.h"
#include "model/import.h"
#include "model/rule_check.h"
#include "model/rules.h"
#include "model/score_suggest.h"
#include "model/workbook.h"
#include "tests/tap.h"

static const char clinic_json[] =
	"{\"assessment\": {\"fiscal_year\": 2026},"
	" \"clinic\": {\"name\": \"あんぜん歯科\", \"security_officer\": \"安全 太郎\"},"
	" \"format\": \"anzen-workbook\", \"version\": 3,"
	" \"vendors\": [{\"id\": 1, \"name\": \"レセコン業者\"}],"
	" \"systems\": ["
	"  {\"id\": 1, \"category\": \"vpn_router\", \"name\": \"VPNルータ\", \"hosting\": \"onprem\","
	"   \"remote_maintenance\": \"yes\", \"connection\": \"internet_vpn\", \"vendor_id\": 1},"
	"  {\"id\": 2, \"category\": \"rececon\", \"name\": \"レセコン\", \"hosting\": \"onprem\","
	"   \"remote_maintenance\": \"yes\", \"connection\": \"internet_vpn\", \"vendor_id\": 1},"
	"  {\"id\": 3, \"category\": \"website\", \"name\": \"Web\", \"hosting\": \"cloud\","
	"   \"remote_maintenance\": \"no\", \"connection\": \"internet\"}]}";

static int fill(struct az_store *s, void *arg, struct az_error *err)
{
	(void)arg;
	return az_import_json(s, clinic_json, strlen(clinic_json), "t.json", err);
}

static struct az_store *st;
static struct az_book b;

static void reload(void)
{
	struct az_error err = { 0 };
	az_book_free(&b);
	if (az_book_load(st, &b, &err) != AZ_OK)
		printf("# reload: %s\n", err.msg);
}

static const struct az_risk *risk(long long sys, const char *threat)
{
	for (size_t i = 0; i < b.n_risks; i++)
		if (b.risks[i].system_id == sys && !strcmp(b.risks[i].threat, threat))
			return &b.risks[i];
	return NULL;
}

/* Which questions each form asks, and how many are open: the clinic form, the system and vendor forms,
 * the risk step's line and its count per threat all read these. */
static void asked(const struct az_catalogue *cat)
{
	struct az_error err = { 0 };
	const struct az_fact *out[32];
	const struct az_threat *vpn = az_catalogue_threat(cat, "vpn_vuln");
	const struct az_fact *fw = az_catalogue_fact(cat, "firmware_updated");
	const struct az_fact *pw = az_catalogue_fact(cat, "default_password_changed");
	if (!ok(vpn && fw && pw, "the catalogue has the VPN threat and its facts"))
		return;
	size_t n = az_facts_asked(cat, &b, AZ_SCOPE_CLINIC, 0, out, 32), nclinic = 0;
	for (size_t i = 0; i < cat->nfacts; i++)
		nclinic += cat->facts[i].scope == AZ_SCOPE_CLINIC;
	is_int((long long)n, (long long)nclinic, "the clinic form asks every clinic question (%zu)", nclinic);
	ok(n && !strcmp(out[0]->id, "password_long"), "in the catalogue's order (%s first)", n ? out[0]->id : "-");
	is_int((long long)az_facts_asked(cat, &b, AZ_SCOPE_CLINIC, 0, out, 3), (long long)nclinic,
	       "a short array gets the first ones and the count of all");
	n = az_facts_asked(cat, &b, AZ_SCOPE_SYSTEM, 1, out, 32);
	is_int((long long)n, 4, "the VPN router's form: default password, firmware, always-on line, RDP");
	ok(n == 4 && out[0] == pw && out[1] == fw && !strcmp(out[2]->id, "remote_always_on") && !strcmp(out[3]->id, "rdp_used"),
	   "in the catalogue's order");
	is_int((long long)az_facts_asked(cat, &b, AZ_SCOPE_SYSTEM, 3, out, 32), 0,
	       "the cloud website without remote maintenance: no question");
	is_int((long long)az_facts_asked(cat, &b, AZ_SCOPE_SYSTEM, 99, out, 32), 0, "a system that is not there: none");
	n = az_facts_asked(cat, &b, AZ_SCOPE_VENDOR, 1, out, 32);
	is_int((long long)n, 2, "the vendor of the VPN: who updates it, who may connect");
	is_int((long long)az_facts_asked(cat, &b, AZ_SCOPE_VENDOR, 99, out, 32), 0, "a vendor that is not there: none");

	ok(az_threat_uses_fact(vpn, fw), "the VPN threat's rules read the firmware date");
	ok(!az_threat_uses_fact(vpn, pw), "and not the default password");
	/* 10 clinic + router 4 + receipt computer 4 (default password, antivirus, always-on, RDP) + vendor 2 */
	is_int((long long)az_facts_unanswered(cat, &b, NULL), (long long)nclinic + 10, "every question open at first");
	is_int((long long)az_facts_unanswered(cat, &b, vpn), 1, "one behind the VPN threat: the router's firmware");
	ok(!az_fact_answered(&b, fw, 1, 0), "not answered");
	is_int(az_fact_set(st, fw, 1, 0, 2, NULL, &err), AZ_OK, "answered: don't know (%s)", err.msg);
	reload();
	ok(az_fact_answered(&b, fw, 1, 0), "don't know is an answer");
	is_int((long long)az_facts_unanswered(cat, &b, vpn), 0, "none left behind the VPN threat");
	is_int((long long)az_facts_unanswered(cat, &b, NULL), (long long)nclinic + 9, "one fewer in all");
	is_int(az_fact_set(st, fw, 1, 0, -1, NULL, &err), AZ_OK, "cleared again");
	reload();
}

static void suggestions(const struct az_catalogue *cat)
{
	struct az_error err = { 0 };
	const struct az_threat *vpn = az_catalogue_threat(cat, "vpn_vuln");
	const struct az_fact *fw = az_catalogue_fact(cat, "firmware_updated");
	const struct az_fact *pw = az_catalogue_fact(cat, "default_password_changed");
	struct az_suggestion sg;
	char line[512];
	if (!ok(vpn && fw && pw, "the catalogue has the VPN threat and its facts"))
		return;
	ok(az_fact_asked_for_system(fw, az_book_system(&b, 1)), "the firmware date is asked on the router's form");
	ok(!az_fact_asked_for_system(fw, az_book_system(&b, 3)), "and not on the website's");
	az_suggest_score(&b, vpn, az_book_system(&b, 1), &sg);
	is_int(sg.likelihood, 5, "unanswered firmware counts as unknown: likelihood raised to 5");
	az_suggestion_reason(&sg, 0, line, sizeof line);
	is_str(line, "5: firmware not updated for a year or more, or not known", "the reason says why");
	az_suggestion_reason(&sg, 1, line, sizeof line);
	is_str(line, "5: usual for this threat", "an unmoved severity says it is the usual level");

	is_int(az_fact_set(st, fw, 1, 0, 0, NULL, &err), AZ_DATAERR, "a date question answered yes without a date is refused");
	is_int(az_fact_set(st, fw, 1, 0, 1, NULL, &err), AZ_DATAERR, "and answered no");
	is_int(az_fact_set(st, fw, 0, 0, 2, NULL, &err), AZ_USAGE, "a system fact is not answered for the clinic");
	is_int(az_fact_set(st, fw, 1, 0, 0, "2026-01-10", &err), AZ_OK, "a recent date is stored (%s)", err.msg);
	reload();
	az_suggest_score(&b, vpn, az_book_system(&b, 1), &sg);
	is_int(sg.likelihood, 2, "firmware updated within the year: likelihood lowered to 2");
	is_int(az_fact_set(st, fw, 1, 0, 0, "2024-12-01", &err), AZ_OK, "an old date replaces it");
	reload();
	is_int((long long)b.n_facts, 1, "one row per fact and system");
	az_suggest_score(&b, vpn, az_book_system(&b, 1), &sg);
	is_int(sg.likelihood, 5, "firmware older than a year before the fiscal year: raised again");

	const struct az_threat *cred = az_catalogue_threat(cat, "vpn_cred_leak");
	is_int(az_fact_set(st, pw, 1, 0, 1, NULL, &err), AZ_OK, "default password kept: no");
	reload();
	az_suggest_score(&b, cred, az_book_system(&b, 1), &sg);
	const struct az_rank *rk = az_rank_of(cat, sg.likelihood, sg.severity);
	ok(rk && (!strcmp(rk->id, "S") || !strcmp(rk->id, "A")), "the default-password risk is ranked S or A (%s)",
	   rk ? rk->id : "-");
	is_int(az_fact_set(st, pw, 1, 0, -1, NULL, &err), AZ_OK, "an answer can be cleared");
	reload();
	is_int((long long)b.n_facts, 1, "and its row goes");
}

static void decisions(const struct az_catalogue *cat)
{
	struct az_error err = { 0 };
	const struct az_threat *vpn = az_catalogue_threat(cat, "vpn_vuln");
	const struct az_system *sys[8];
	is_int((long long)az_threat_systems(cat, &b, vpn, sys), 2, "the VPN threat concerns the router and the receipt computer");
	long long id = 0;
	is_int(az_risk_confirm(st, &b, vpn, 0, 1, 5, 5, "安全 太郎", &id, &err), AZ_OK, "the router's suggestion is confirmed");
	reload();
	const struct az_risk *r = az_book_risk(&b, id);
	ok(r && r->score_basis == 0 && !strcmp(r->confirmed_by, "安全 太郎") && *r->confirmed_at,
	   "recorded as suggested, by whom and when");
	is_int(az_risk_confirm(st, &b, vpn, id, 0, 4, 5, "安全 太郎", NULL, &err), AZ_OK, "then changed");
	reload();
	r = az_book_risk(&b, id);
	ok(r && r->score_basis == 1 && r->likelihood == 4, "recorded as changed");

	/* actions per control: one action, spread to the other risks the control treats */
	const char *ctl = "patch_vpn";
	size_t reach = az_control_reach(cat, &b, vpn, ctl);
	ok(reach > 0, "the VPN patch control reaches %zu other risks", reach);
	size_t added = 0;
	is_int(az_threat_add_action(st, cat, &b, vpn, ctl, "VPN機器を更新する", "安全 太郎", "2027-03-31", 1, &added, &err),
	       AZ_OK, "the action added with its spread (%s)", err.msg);
	reload();
	struct az_action_group *g = NULL;
	size_t ng = 0;
	ok(az_action_groups(&b, &g, &ng) == 0 && ng == 1 && g[0].nrows == added,
	   "one action treating %zu risks (%zu groups)", added, ng);
	free(g);
	is_int((long long)az_control_reach(cat, &b, vpn, ctl), 0, "nothing left to reach");
	is_int(az_risk_set_exception(st, vpn, 2, 1, &err), AZ_OK, "the receipt computer is an exception");
	reload();
	size_t n = 0;
	is_int(az_threat_decide(st, cat, &b, vpn, 5, 5, AZ_REDUCE, az_decider(&b), &n, &err), AZ_OK,
	       "one decision for the threat");
	is_int((long long)n, 1, "written for the one system that is not an exception");
	reload();
	ok(risk(1, "vpn_vuln") && risk(1, "vpn_vuln")->treatment == AZ_REDUCE, "the router takes the decision");
	ok(risk(2, "vpn_vuln") && risk(2, "vpn_vuln")->treatment < 0, "the exception keeps its own");

	const struct az_threat *cred = az_catalogue_threat(cat, "vpn_cred_leak");
	is_int(az_threat_dismiss(st, cat, &b, cred, 0, 3, "", &err), AZ_DATAERR, "'other' needs a sentence");
	is_int(az_threat_dismiss(st, cat, &b, cred, 0, 0, NULL, &err), AZ_OK, "dismissed for the whole clinic");
	reload();
	r = risk(2, "vpn_cred_leak");
	ok(r && r->dismissed == 0, "every system it concerns is dismissed with the reason");
	struct az_risk_facts f = { .dismissed = 1, .treatment = -1 };
	is_int(az_risk_state(&f), AZ_RISK_COMPLETE, "a dismissed threat is decided: no score, no approval");
	is_int(az_threat_decide(st, cat, &b, cred, 3, 3, AZ_ACCEPT, "", &n, &err), AZ_OK, "a later decision");
	is_int((long long)n, 0, "leaves dismissed risks alone");
	is_int(az_threat_dismiss(st, cat, &b, cred, 2, -1, NULL, &err), AZ_OK, "one system restored");
	reload();
	ok(risk(2, "vpn_cred_leak")->dismissed < 0 && risk(1, "vpn_cred_leak")->dismissed == 0, "only that one");
}

static void ranks(const struct az_catalogue *cat)
{
	struct az_risk_facts r = { .likelihood = 1, .severity = 1, .treatment = -1 };
	az_risk_facts_rank(cat, &r);
	is_int(az_risk_state(&r), AZ_RISK_COMPLETE, "D needs no treatment");
	r.likelihood = 2, r.severity = 3, r.treatment = AZ_ACCEPT, r.rationale = az_standard_accept_reason();
	az_risk_facts_rank(cat, &r);
	is_int(r.rank, 'C', "2 x 3 is C");
	is_int(az_risk_state(&r), AZ_RISK_COMPLETE, "C is accepted with the standard reason, no approval");
	r.likelihood = 5, r.severity = 5;
	az_risk_facts_rank(cat, &r);
	is_int(az_risk_state(&r), AZ_RISK_INCOMPLETE, "S accepted needs the approval");
	ok(az_risk_rule_break(&r, 1) != NULL, "and breaks the rule once the assessment is approved");
	ok(az_risk_rule_break(&r, 0) == NULL, "a new year's copy awaits it");
	r.treatment = AZ_TRANSFER, r.transfer_to = "保険";
	ok(az_risk_rule_break(&r, 1) != NULL, "S transferred without approval breaks it too");
	r.likelihood = 4, r.severity = 4, r.treatment = AZ_REDUCE;
	az_risk_facts_rank(cat, &r);
	is_int(r.rank, 'A', "4 x 4 is A");
	is_str(az_risk_rule_break(&r, 1), "An S or A risk is reduced only with at least one action",
	       "A reduced without an action, in an approved assessment");
	ok(az_risk_rule_break(&r, 0) == NULL, "before the approval it is work in progress");
	struct az_action_facts a = { "院長", "2027-03-31", 0 };
	r.actions = &a, r.nactions = 1;
	ok(az_risk_rule_break(&r, 1) == NULL, "with one action it stands");
	r.residual_likelihood = 5, r.residual_severity = 1;
	is_str(az_risk_rule_break(&r, 0), "The residual risk cannot be higher than the risk before treatment",
	       "residual above current");
	is_int((long long)az_book_rule_breaks(cat, &b, NULL, NULL), 0,
	       "the workbook so far keeps every rule: the S decision to reduce has its action");

	/* approving the assessment is refused while an approved one would break a rule (and not import) */
	struct az_error err = { 0 };
	is_int(az_book_approval_check(cat, &b, &err), AZ_OK, "the assessment may be approved as it stands");
	const struct az_threat *cred = az_catalogue_threat(cat, "vpn_cred_leak");
	size_t n = 0;
	is_int(az_threat_decide(st, cat, &b, cred, 5, 5, AZ_ACCEPT, az_decider(&b), &n, &err), AZ_OK,
	       "an S threat accepted, with no approval of the management yet");
	reload();
	ok(n > 0, "on %zu system(s)", n);
	is_int(az_book_approval_check(cat, &b, &err), AZ_DATAERR, "then the approval is refused");
	ok(strstr(err.msg, "VPN") && strstr(err.msg, "approval of the management"), "naming the risk and the rule (%s)",
	   err.msg);
}

int main(void)
{
	const char *srcdir = getenv("top_srcdir");
	char dir[] = "/tmp/anzen-t_decide-XXXXXX", path[256], gdir[512];
	struct az_catalogue *cat = NULL;
	struct az_diags d = { 0 };
	struct az_error err = { 0 };
	snprintf(gdir, sizeof gdir, "%s/guideline", srcdir ? srcdir : ".");
	if (!ok(az_catalogue_load(gdir, &cat, &d) == 0, "catalogue loads") || !mkdtemp(dir))
		return done_testing();
	snprintf(path, sizeof path, "%s/t.anzen", dir);
	if (ok(az_workbook_write_new(path, 0, fill, NULL, &err) == AZ_OK, "workbook (%s)", err.msg) &&
	    ok(az_store_open(path, 0, &st, &err) == AZ_OK && az_book_load(st, &b, &err) == AZ_OK, "loaded")) {
		asked(cat);
		suggestions(cat);
		decisions(cat);
		ranks(cat);
		az_book_free(&b);
		az_store_close(st);
	}
	unlink(path);
	rmdir(dir);
	az_catalogue_free(cat);
	az_diags_free(&d);
	return done_testing();
}
