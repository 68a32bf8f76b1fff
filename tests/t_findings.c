/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The workbook's self-check and the checklist suggestions, on workbooks written here: each
 * suggestion rule in both directions (suggested, and a contradicting answer reported), and each
 * finding named with its item. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "guideline/catalogue.h"
#include "model/book.h"
#include "model/findings.h"
#include "model/store.h"
#include "model/suggest.h"
#include "model/workbook.h"
#include "tests/tap.h"

#define TODAY "2025-06-01"

/* A consistent small clinic: one vendor with its VPN router, known and documented. */
static const char base_sql[] =
	"UPDATE clinic SET name = 'テスト歯科', security_officer = '鈴木花子';"
	"UPDATE assessment SET fiscal_year = 2025, checklist_version = 'r7-clinic';"
	"INSERT INTO vendors (id, name, mds_sds_received) VALUES (1, 'A社', '2025-04-01');"
	"INSERT INTO systems (id, category, name, vendor_id, remote_maintenance, device_make, device_model, firmware,"
	"  connection) VALUES (1, 'vpn_router', 'VPNルータ', 1, 'yes', 'Fortinet', 'FortiGate 40F', '7.2.4',"
	"  'internet_vpn');"
	"INSERT INTO contacts (kind, role, name) VALUES ('internal', '責任者', '鈴木花子'), ('vendor', '保守', 'A社窓口'),"
	"  ('authority', '保健所', '架空保健所');"
	"INSERT INTO vendor_answers (vendor_id, question, value) VALUES (1, 'vendor_checklist', '2025-05-01');";

static int fill(struct az_store *s, void *arg, struct az_error *err)
{
	/* a workbook read once and removed: its many small writes need not each wait for the disk */
	if (sqlite3_exec(az_store_db(s), "PRAGMA synchronous = OFF", NULL, NULL, NULL) != SQLITE_OK)
		return az_store_sqlfail(s, err, AZ_IOERR, "synchronous");
	if (az_workbook_fill_empty(s, NULL, err) != AZ_OK)
		return err->code;
	if (sqlite3_exec(az_store_db(s), "UPDATE meta SET value = '0' WHERE key = 'changelog';", NULL, NULL, NULL) !=
		    SQLITE_OK ||
	    sqlite3_exec(az_store_db(s), base_sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(az_store_db(s), arg, NULL, NULL, NULL) != SQLITE_OK)
		return az_store_sqlfail(s, err, AZ_IOERR, "fill");
	return AZ_OK;
}

static char dir[] = "/tmp/anzen-t_findings-XXXXXX";

/* The book of base_sql + sql; 0 on success. */
static int book(const char *sql, struct az_book *b)
{
	char path[128];
	struct az_error err = { 0 };
	struct az_store *st;
	snprintf(path, sizeof path, "%s/wb.anzen", dir);
	unlink(path);
	if (az_workbook_write_new(path, 1, fill, (void *)sql, &err) != AZ_OK ||
	    az_store_open(path, AZ_STORE_READONLY, &st, &err) != AZ_OK) {
		printf("# %s\n", err.msg);
		return -1;
	}
	int rc = az_book_load(st, b, &err);
	az_store_close(st);
	unlink(path);
	return rc;
}

static const char *suggested(const struct az_catalogue *cat, const struct az_book *b, const char *item,
			     char *target)
{
	struct az_suggestion s[AZ_SUGGEST_ITEMS];
	az_checklist_suggest(cat, b, s);
	const struct az_suggestion *x = az_suggestion_for(s, item);
	if (!x)
		return "(not an item)";
	printf("# %s: %d %s [%s]\n", item, x->answer, x->evidence, x->target);
	if (target)
		strcpy(target, x->target);
	return x->answer == AZ_SUGGEST_YES ? "yes" : x->answer == AZ_SUGGEST_NO ? "no" : "none";
}

/* The number of findings with this id (and this checklist item, when given). */
static size_t found(const struct az_catalogue *cat, const struct az_book *b, const char *id, const char *item)
{
	struct az_findings f;
	if (az_findings_compute(b, cat, TODAY, &f) != 0)
		return (size_t)-1;
	size_t n = 0;
	for (size_t i = 0; i < f.n; i++) {
		if (strcmp(f.v[i].id, id) == 0 && (!item || (f.v[i].check_item && strcmp(f.v[i].check_item, item) == 0)))
			n++;
		printf("#   %s  %s  %s\n", f.v[i].id, f.v[i].item, f.v[i].message);
	}
	az_findings_free(&f);
	return n;
}

static size_t total(const struct az_catalogue *cat, const struct az_book *b)
{
	struct az_findings f;
	if (az_findings_compute(b, cat, TODAY, &f) != 0)
		return (size_t)-1;
	size_t n = f.n;
	for (size_t i = 0; i < f.n; i++)
		printf("#   %s  %s  %s\n", f.v[i].id, f.v[i].item, f.v[i].message);
	az_findings_free(&f);
	return n;
}

#define OPEN_ACTION(control)                                                                   \
	"INSERT INTO risks (id, system_id, threat) VALUES (1, 1, 'vpn_vuln');"                   \
	"INSERT INTO actions (risk_id, control, owner, due, status) VALUES (1, '" control "', '鈴木', " \
	"'2025-11-30', 'planned');"

/* One suggestion rule: the workbook fact that makes it いいえ, and the item answered はい on top. */
struct rule {
	const char *item, *device, *fact_sql, *target;
};

static const struct rule rules[] = {
	{ "1-(1)", "all", "UPDATE clinic SET security_officer = '';", "" },
	{ "2-(1)", "network", "UPDATE systems SET device_model = '' WHERE id = 1;", "" },
	{ "2-(2)", "network",
	  "INSERT INTO systems (id, category, name, remote_maintenance) VALUES (2, 'office_pc', '受付PC', 'unknown');",
	  "" },
	{ "2-(3)", "all", "UPDATE vendors SET mds_sds_received = NULL;", "" },
	{ "2-(7)", "all", "UPDATE systems SET firmware = '' WHERE id = 1;", "" },
	{ "2-(7)", "all", "INSERT INTO vendor_answers (vendor_id, question, answer) VALUES (1, 'a', 'unknown');", "" },
	{ "2-(9)", "network",
	  "INSERT INTO risks (id, system_id, threat) VALUES (1, 1, 'vpn_cred_leak');"
	  "INSERT INTO actions (risk_id, control, owner, due, status) VALUES (1, 'source_restriction', 'A社', "
	  "'2025-09-30', 'planned');",
	  "2025-09-30" },
	{ "2-(9)", "network",
	  "INSERT INTO vendor_answers (vendor_id, question, answer) VALUES (1, 'source_restriction', 'no');", "" },
	{ "2-(10)", "all",
	  "INSERT INTO vendor_answers (vendor_id, question, answer) VALUES (1, 'default_passwords', 'no');", "" },
	{ "2-(11)", "all",
	  "INSERT INTO vendor_answers (vendor_id, question, answer) VALUES (1, 'unique_passwords', 'unknown');", "" },
	{ "3-(1)", "all", "DELETE FROM contacts WHERE kind <> 'internal';", "" },
	{ "3-(2)", "all",
	  "INSERT INTO risks (id, system_id, threat) VALUES (1, 1, 'vpn_vuln');"
	  "INSERT INTO actions (risk_id, control, owner, due, status) VALUES (1, 'offline_backup', '鈴木', "
	  "'2025-12-31', 'in_progress');",
	  "2025-12-31" },	/* facts (facts.yaml) answered against the item; わからない counts against */
	{ "2-(10)", "all", "INSERT INTO facts (fact, system_id, answer) VALUES ('default_password_changed', 1, 'no');", "" },
	{ "2-(11)", "all", "INSERT INTO facts (fact, answer) VALUES ('password_shared', 'yes');", "" },
	{ "2-(4)", "server", "INSERT INTO facts (fact, answer) VALUES ('everyone_admin', 'unknown');", "" },
	{ "2-(6)", "server", "INSERT INTO facts (fact, answer) VALUES ('logs_reviewed', 'no');", "" },
	{ "3-(2)", "all", "INSERT INTO facts (fact, answer) VALUES ('backup_offline', 'no');", "" },
	{ "2-(7)", "all", "INSERT INTO facts (fact, system_id, answer) VALUES ('firmware_updated', 1, 'unknown');", "" },
	/* 1-(2): an open action of a control that evidences it (controls.yaml checklist:) */
	{ "1-(2)", "all", OPEN_ACTION("security_rules"), "2025-11-30" },
	/* 2-(4): an open action of a control that evidences it (controls.yaml checklist:) */
	{ "2-(4)", "server", OPEN_ACTION("least_privilege"), "2025-11-30" },
	/* 2-(5): an open action of a control that evidences it (controls.yaml checklist:) */
	{ "2-(5)", "server", OPEN_ACTION("remove_leaver_accounts"), "2025-11-30" },
	/* 2-(6): an open action of a control that evidences it (controls.yaml checklist:) */
	{ "2-(6)", "server", OPEN_ACTION("log_review"), "2025-11-30" },
	/* 2-(8): an open action of a control that evidences it (controls.yaml checklist:) */
	{ "2-(8)", "server", OPEN_ACTION("stop_unneeded_services"), "2025-11-30" },
	/* 2-(12): an open action of a control that evidences it (controls.yaml checklist:) */
	{ "2-(12)", "all", OPEN_ACTION("usb_restriction"), "2025-11-30" },
	/* 2-(13): an open action of a control that evidences it (controls.yaml checklist:) */
	{ "2-(13)", "all", OPEN_ACTION("mfa"), "2025-11-30" },
	/* 3-(3): an open action of a control that evidences it (controls.yaml checklist:) */
	{ "3-(3)", "all", OPEN_ACTION("cyber_bcp"), "2025-11-30" },
};

static void suggestion_rules(const struct az_catalogue *cat)
{
	struct az_book b;
	char sql[2048], target[11];
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		const struct rule *r = &rules[i];
		/* without the fact: no いいえ, and a はい stands */
		snprintf(sql, sizeof sql,
			 "INSERT INTO checklist_answers (checklist, item, device, answer, checked_at) VALUES "
			 "('r7-clinic', '%s', '%s', 'yes', '2025-05-01');",
			 r->item, r->device);
		if (book(sql, &b) == 0) {
			ok(strcmp(suggested(cat, &b, r->item, NULL), "no") != 0, "%s: not suggested No in the consistent workbook",
			   r->item);
			is_int((long long)found(cat, &b, "checklist-contradicted", r->item), 0, "%s: Yes stands", r->item);
			az_book_free(&b);
		}
		/* with the fact: suggested いいえ (with the action's due date), and the はい reported */
		if (book(r->fact_sql, &b) == 0) {
			is_str(suggested(cat, &b, r->item, target), "no", "%s: suggested No (%s)", r->item, r->fact_sql);
			is_str(target, r->target, "%s: the target date of the fixing action", r->item);
			az_book_free(&b);
		}
		snprintf(sql, sizeof sql,
			 "%s INSERT INTO checklist_answers (checklist, item, device, answer, checked_at) VALUES "
			 "('r7-clinic', '%s', '%s', 'yes', '2025-05-01');",
			 r->fact_sql, r->item, r->device);
		if (book(sql, &b) == 0) {
			is_int((long long)found(cat, &b, "checklist-contradicted", r->item), 1,
			       "%s: a Yes the workbook contradicts is a finding", r->item);
			az_book_free(&b);
		}
	}
	/* the other way: suggested Yes, answered No */
	if (book("INSERT INTO checklist_answers (checklist, item, device, answer, checked_at, target_at) VALUES "
		 "('r7-clinic', '1-(1)', 'all', 'no', '2025-05-01', '2025-12-31');",
		 &b) == 0) {
		is_str(suggested(cat, &b, "1-(1)", NULL), "yes", "1-(1): a named officer suggests Yes");
		is_int((long long)found(cat, &b, "checklist-unsupported-no", "1-(1)"), 1, "1-(1): a No is to be checked");
		az_book_free(&b);
	}
	/* a done action suggests Yes */
	if (book("INSERT INTO risks (id, system_id, threat) VALUES (1, 1, 'vpn_vuln');"
		 "INSERT INTO actions (risk_id, control, owner, due, status, done_at) VALUES (1, 'usb_restriction', "
		 "'鈴木', '2025-05-31', 'done', '2025-05-20');",
		 &b) == 0) {
		is_str(suggested(cat, &b, "2-(12)", NULL), "yes", "2-(12): a done USB restriction suggests Yes");
		az_book_free(&b);
	}
}

struct finding_case {
	const char *id, *sql, *name;
};

static const struct finding_case cases[] = {
	{ "checklist-no-date",
	  "INSERT INTO checklist_answers (checklist, item, device, answer) VALUES ('r7-clinic', '1-(1)', 'all', 'yes');",
	  "an answer without 確認日" },
	{ "checklist-no-target",
	  "INSERT INTO checklist_answers (checklist, item, device, answer, checked_at) VALUES ('r7-clinic', '3-(3)', "
	  "'all', 'no', '2025-05-01');",
	  "いいえ without 目標日" },
	{ "checklist-target-year",
	  "INSERT INTO checklist_answers (checklist, item, device, answer, checked_at, target_at) VALUES ('r7-clinic', "
	  "'3-(3)', 'all', 'no', '2025-05-01', '2026-04-01');",
	  "目標日 after the fiscal year" },
	{ "checklist-target-past",
	  "INSERT INTO checklist_answers (checklist, item, device, answer, checked_at, target_at) VALUES ('r7-clinic', "
	  "'3-(3)', 'all', 'no', '2025-05-01', '2025-05-15');",
	  "目標日 in the past" },
	{ "checklist-answer-kind",
	  "INSERT INTO checklist_answers (checklist, item, device, answer, checked_at) VALUES ('r7-clinic', '3-(3)', "
	  "'all', 'na', '2025-05-01');",
	  "該当なし where the form has none" },
	{ "action-overdue",
	  "INSERT INTO risks (id, system_id, threat) VALUES (1, 1, 'vpn_vuln');"
	  "INSERT INTO actions (risk_id, description, owner, due, status) VALUES (1, 'VPN更新', 'A社', '2025-05-01', "
	  "'planned');",
	  "an overdue action" },
	{ "risk-undecided", "INSERT INTO risks (id, system_id, threat, likelihood, severity) VALUES (1, 1, 'vpn_vuln', 5, 5);",
	  "an S risk without a treatment" },
	{ "risk-unapproved",
	  "INSERT INTO risks (id, system_id, threat, likelihood, severity, treatment, rationale) VALUES (1, 1, "
	  "'vpn_vuln', 5, 5, 'accept', '費用');",
	  "an S risk accepted without 経営層 approval" },
	{ "vendor-answer-kind",
	  "UPDATE vendor_answers SET answer = 'yes', value = '' WHERE question = 'vendor_checklist';",
	  "a date question answered はい" },
	{ "vendor-answer-kind", "INSERT INTO vendor_answers (vendor_id, question, answer) VALUES (1, 'c', 'yes');",
	  "a 誰がどのように question answered はい" },
	{ "vendor-no-form", "DELETE FROM vendor_answers WHERE question = 'vendor_checklist';",
	  "a vendor without its 事業者確認用 form" },
	{ "vendor-target-differs",
	  "UPDATE vendors SET certification = 'none', certification_target = '2026-03-31' WHERE id = 1;"
	  "INSERT INTO vendor_answers (vendor_id, question, value) VALUES (1, 'cert_target_date', '2026-09-30');",
	  "two dates for the vendor's certification, on the vendor and in its answer" },
	{ "approval-before-change",
	  "UPDATE assessment SET approved_by = '鈴木花子', approved_at = '2025-05-10';"
	  "INSERT INTO changelog (at, tbl, row_key, field, old, new) VALUES ('2025-05-20T09:00:00Z', 'risks', '1', "
	  "'likelihood', '2', '3');",
	  "approval dated before the last change" },
	{ "contacts-no-outside", "DELETE FROM contacts WHERE kind = 'authority';", "the contact chart without an outside body" },
	{ "checklist-form-year", "UPDATE assessment SET fiscal_year = 2024;", "a FY2024 assessment on the FY2025 form" },
};

static void finding_cases(const struct az_catalogue *cat)
{
	struct az_book b;
	if (book("", &b) == 0) {
		is_int((long long)total(cat, &b), 0, "the consistent workbook has no findings");
		az_book_free(&b);
	}
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (book(cases[i].sql, &b) == 0) {
			ok(found(cat, &b, cases[i].id, NULL) >= 1, "%s: %s", cases[i].id, cases[i].name);
			az_book_free(&b);
		}
}

int main(void)
{
	const char *srcdir = getenv("top_srcdir");
	char path[4096];
	struct az_catalogue *cat = NULL;
	struct az_diags d;
	az_diags_init(&d);
	snprintf(path, sizeof path, "%s/guideline", srcdir ? srcdir : ".");
	if (!ok(az_catalogue_load(path, &cat, &d) == 0, "catalogue loads") || !ok(mkdtemp(dir) != NULL, "temp dir")) {
		az_diags_free(&d);
		return done_testing();
	}
	az_diags_free(&d);
	suggestion_rules(cat);
	finding_cases(cat);
	az_catalogue_free(cat);
	rmdir(dir);
	return done_testing();
}
