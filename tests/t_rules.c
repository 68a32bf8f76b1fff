/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The assessment rules: ranks, applicability, completeness per treatment, checklist suggestions. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guideline/catalogue.h"
#include "model/rules.h"
#include "model/store.h"
#include "model/tables.h"
#include "base/text.h"
#include "model/workbook.h"
#include "tests/tap.h"

static struct az_catalogue *load(const char *srcdir, const char *sub)
{
	char dir[4096];
	struct az_catalogue *cat = NULL;
	struct az_diags d;
	snprintf(dir, sizeof dir, "%s/%s", srcdir, sub);
	az_diags_init(&d);
	if (az_catalogue_load(dir, &cat, &d) != 0)
		az_diags_print(&d, stdout, "#");
	az_diags_free(&d);
	return cat;
}

/* guideline/matrix.yaml as published: rows are likelihood 1..5, columns severity 1..5. */
static const char *const expected_grid[5][5] = {
	{ "D", "D", "C", "C", "B" }, { "D", "D", "C", "B", "B" }, { "D", "C", "B", "A", "A" },
	{ "C", "C", "B", "A", "S" }, { "C", "B", "A", "S", "S" },
};

static void ranks(const struct az_catalogue *cat)
{
	for (int l = 1; l <= 5; l++)
		for (int s = 1; s <= 5; s++) {
			const struct az_rank *r = az_rank_of(cat, l, s);
			is_str(r ? r->id : NULL, expected_grid[l - 1][s - 1], "rank of likelihood %d, severity %d", l, s);
		}
	ok(!az_rank_of(cat, 0, 3) && !az_rank_of(cat, 3, 0) && !az_rank_of(cat, 0, 0), "unscored: no rank");
	ok(!az_rank_of(cat, 6, 1) && !az_rank_of(cat, 1, -1) && az_rank_index(cat, 9, 9) == -1, "out of range: no rank");
	is_int(az_rank_index(cat, 5, 5), 0, "the most severe rank is first");
	struct az_risk_facts r = { .likelihood = 4, .severity = 5, .treatment = AZ_REDUCE };
	is_str(az_risk_rank(cat, &r)->id, "S", "risk rank from its score");
	ok(az_risk_residual_rank(cat, &r) == NULL, "no residual score: no residual rank");
	r.residual_likelihood = 2;
	ok(az_risk_residual_rank(cat, &r) == NULL, "half a residual score: no residual rank");
	r.residual_severity = 3;
	is_str(az_risk_residual_rank(cat, &r)->id, "C", "residual rank from the residual score");
	ok(az_rank_of(NULL, 1, 1) == NULL, "no catalogue: no rank");
}

static struct az_risk_facts risk(int treatment)
{
	struct az_risk_facts r = { .likelihood = 4, .severity = 5, .treatment = treatment };
	return r;
}

static const char *missing(const struct az_risk_facts *r)
{
	static char buf[256];
	enum az_missing m[AZ_MISSING_COUNT];
	size_t n = az_risk_missing(r, m);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		strcat(buf, i ? "," : "");
		strcat(buf, az_missing_code(m[i]));
	}
	return buf;
}

static void treatments(void)
{
	struct az_risk_facts r = { .treatment = -1 };
	is_str(missing(&r), "score,treatment", "new risk: unscored and untreated");
	is_int(az_risk_state(&r), AZ_RISK_UNTREATED, "new risk is 未対応");
	r = risk(-1);
	is_str(missing(&r), "treatment", "scored, no treatment");
	is_int(az_risk_state(&r), AZ_RISK_UNTREATED, "scored but untreated is 未対応");
	r = risk(AZ_ACCEPT);
	r.likelihood = 0;
	r.accepted_by = "院長";
	r.accepted_at = "2025-06-01";
	r.rationale = "費用が大きい";
	is_str(missing(&r), "score", "treated but unscored");
	is_int(az_risk_state(&r), AZ_RISK_UNTREATED, "unscored is 未対応 even with a treatment");

	/* reduce: >= 1 action with owner and due date, and a residual score */
	r = risk(AZ_REDUCE);
	is_str(missing(&r), "action,residual", "reduce without actions or residual");
	is_int(az_risk_state(&r), AZ_RISK_INCOMPLETE, "reduce without actions is incomplete");
	struct az_action_facts acts[3] = {
		{ "山田", "2025-09-30", 0 },
		{ "", "2025-10-31", 1 },
		{ "佐藤", NULL, 2 },
	};
	r.actions = acts;
	r.nactions = 1;
	is_str(missing(&r), "residual", "reduce with one complete action, no residual");
	r.residual_likelihood = 2;
	is_str(missing(&r), "residual", "half a residual score is none");
	r.residual_severity = 5;
	is_str(missing(&r), "", "reduce complete");
	is_int(az_risk_state(&r), AZ_RISK_COMPLETE, "reduce complete state");
	r.nactions = 3;
	is_str(missing(&r), "action_owner,action_due", "every action needs an owner and a due date");
	acts[1].status = 3; /* dropped */
	acts[2].status = 3;
	is_str(missing(&r), "", "dropped actions are not counted");
	acts[0].status = 3;
	is_str(missing(&r), "action", "only dropped actions: no action");
	acts[0] = (struct az_action_facts){ "　 ", "2025-09-30", 2 };
	is_str(missing(&r), "action_owner", "a blank owner (ideographic space) is none");

	/* transfer: transfer_to */
	r = risk(AZ_TRANSFER);
	is_str(missing(&r), "transfer_to", "transfer needs transfer_to");
	r.transfer_to = " ";
	is_str(missing(&r), "transfer_to", "a blank transfer_to is none");
	r.transfer_to = "○○損保 サイバー保険";
	is_str(missing(&r), "", "transfer complete");

	/* accept: accepted_by, accepted_at, rationale */
	r = risk(AZ_ACCEPT);
	is_str(missing(&r), "accepted_by,accepted_at,rationale", "accept needs who, when and why");
	r.accepted_by = "院長";
	r.accepted_at = "2025-06-01";
	is_str(missing(&r), "rationale", "accept without rationale");
	r.rationale = "対策の費用が大きく、影響が小さい";
	is_str(missing(&r), "", "accept complete");
	is_int(az_risk_state(&r), AZ_RISK_COMPLETE, "accept complete state");

	/* avoid: rationale (what is stopped) */
	r = risk(AZ_AVOID);
	is_str(missing(&r), "rationale", "avoid needs what is stopped");
	r.rationale = "患者情報をメールで送らない";
	is_str(missing(&r), "", "avoid complete");

	int all = 1;
	for (int m = 0; m < AZ_MISSING_COUNT; m++)
		all &= az_missing_message((enum az_missing)m)[0] != '\0' && az_missing_code((enum az_missing)m)[0] != '\0';
	ok(all, "every missing code has a code and a message");
	is_str(az_missing_message(AZ_MISSING_ACTION_OWNER), "Reduce: name an owner for every action", "a message");
}

static struct az_system_facts facts_of(const struct az_category *c)
{
	struct az_system_facts s = { c->id, c->defaults.hosting, c->defaults.remote_maintenance,
				     c->defaults.connection, c->defaults.holds_patient_data };
	return s;
}

static int applies(const struct az_catalogue *cat, const char *category, const char *threat)
{
	const struct az_category *c = az_catalogue_category(cat, category);
	const struct az_threat *t = az_catalogue_threat(cat, threat);
	if (!c || !t)
		return -1;
	struct az_system_facts s = facts_of(c);
	return az_threat_applies(t, &s);
}

static void applicability(const struct az_catalogue *cat, const struct az_catalogue *min)
{
	/* every shipped category, with its defaults, has threats; the list is consistent */
	for (size_t i = 0; i < cat->ncategories; i++) {
		struct az_system_facts s = facts_of(&cat->categories[i]);
		const struct az_threat *list[200];
		size_t n = az_threats_for_system(cat, &s, list, 200), bad = 0, total = 0;
		for (size_t k = 0; k < cat->nthreats; k++) {
			int a = az_threat_applies(&cat->threats[k], &s);
			total += a;
			for (size_t j = 0; j < n && j < 200; j++)
				if (list[j] == &cat->threats[k])
					a = !a ? 2 : 0;
			bad += a != 0;
		}
		ok(n > 0 && n == total && !bad, "category %s: %zu threats apply", cat->categories[i].id, n);
	}
	is_int(applies(cat, "ehr_onprem", "vpn_vuln"), 1, "VPN vulnerability applies to an on-premises EHR");
	is_int(applies(cat, "vpn_router", "vpn_vuln"), 1, "VPN vulnerability applies to the VPN router");
	is_int(applies(cat, "ehr_cloud", "vpn_vuln"), 0, "VPN vulnerability does not apply to a cloud EHR");
	is_int(applies(cat, "website", "vpn_vuln"), 0, "nor to the website");

	/* exact semantics on the minimal catalogue: vpn_vuln needs category rececon and internet_vpn */
	struct az_system_facts s = { "rececon", 0, 2, 0, 1 };
	const struct az_threat *vpn = az_catalogue_threat(min, "vpn_vuln"), *web = az_catalogue_threat(min, "defacement");
	ok(vpn && web, "minimal catalogue threats");
	if (!vpn || !web)
		return;
	ok(az_threat_applies(vpn, &s), "category and connection match");
	s.connection = az_enum_index(az_connection_values, "closed_network");
	ok(!az_threat_applies(vpn, &s), "another connection does not");
	s.connection = 0;
	s.category = "website";
	ok(!az_threat_applies(vpn, &s), "another category does not");
	s.category = NULL;
	ok(!az_threat_applies(vpn, &s), "no category does not");
	ok(az_threat_applies(web, &s), "a threat without applies fits every system");
	const struct az_threat *list[4];
	s.category = "rececon";
	is_int((long long)az_threats_for_system(min, &s, list, 4), 2, "both threats for the receipt computer");
	is_int((long long)az_threats_for_system(min, &s, list, 1), 2, "the count is whole even when out is short");

	/* each condition on its own, on a threat made here */
	struct az_threat t = { .applies = { .holds_patient_data = 1 } };
	struct az_system_facts sys = { "x", 0, 0, 0, 0 };
	ok(!az_threat_applies(&t, &sys), "holds_patient_data: true excludes systems without patient data");
	sys.holds_patient_data = 1;
	ok(az_threat_applies(&t, &sys), "and includes those with it");
	t.applies.holds_patient_data = -1;
	t.applies.hosting = 1u << 1; /* cloud */
	ok(!az_threat_applies(&t, &sys), "hosting: [cloud] excludes on-premises");
	sys.hosting = 1;
	ok(az_threat_applies(&t, &sys), "hosting: [cloud] includes cloud");
	t.applies.remote_maintenance = (1u << 0) | (1u << 2); /* yes, unknown */
	sys.remote_maintenance = 1;
	ok(!az_threat_applies(&t, &sys), "remote_maintenance: [yes, unknown] excludes no");
	sys.remote_maintenance = 2;
	ok(az_threat_applies(&t, &sys), "and includes unknown");
}

static void checklist_choice(const struct az_catalogue *cat)
{
	const struct az_checklist *cl = az_checklist_for(cat, "r6-clinic");
	ok(cl && strcmp(cl->id, "r6-clinic") == 0, "a checklist id names that checklist");
	cl = az_checklist_for(cat, "r6");
	ok(cl && strcmp(cl->id, "r6-clinic") == 0, "a year alone means its clinic form");
	cl = az_checklist_for(cat, "r6-vendor");
	ok(cl && strcmp(cl->id, "r6-vendor") == 0, "the vendor form when named");
	cl = az_checklist_for(cat, NULL);
	ok(cl && strcmp(cl->id, "r7-clinic") == 0, "none named: the newest clinic form");
	cl = az_checklist_for(cat, "r99");
	ok(cl && strcmp(cl->id, "r7-clinic") == 0, "an unknown one: the newest clinic form");
}

int main(void)
{
	const char *srcdir = getenv("top_srcdir");
	if (!srcdir)
		srcdir = ".";
	struct az_catalogue *cat = load(srcdir, "guideline"), *min = load(srcdir, "tests/data/yaml-min");
	if (!ok(cat && min, "catalogues load"))
		return done_testing();
	ranks(cat);
	ranks(min);
	treatments();
	applicability(cat, min);
	checklist_choice(cat);
	az_catalogue_free(cat);
	az_catalogue_free(min);
	return done_testing();
}
