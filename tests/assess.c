/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Test helper: assesses a workbook made from a template fully, as a clinic would after an evening
 * with anzen: every threat that applies to a system scored at the threat's own levels (one decision
 * per threat, the same on each system), reduced by up to two of the controls that mitigate it (one
 * action each, the same action for every risk it treats), residual scores two levels lower; every
 * checklist item answered as the owner confirms anzen's suggestion (いいえ with the suggested 目標日
 * where the workbook says so; an item without one: every fifth いいえ), in each device column the
 * form has; the clinic and approval filled.
 *   assess WORKBOOK CATALOGUE-DIR
 * Exits 0, or 1 with a message. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "guideline/catalogue.h"
#include "guideline/diags.h"
#include "model/book.h"
#include "model/edit.h"
#include "model/risk_edit.h"
#include "model/rules.h"
#include "model/store.h"
#include "model/suggest.h"

static int fail(const struct az_error *err)
{
	fprintf(stderr, "assess: %s\n", err->msg);
	return 1;
}

static int set(struct az_store *s, const char *table, long long id, const char *col, const char *v,
	       struct az_error *err)
{
	return az_edit_set(s, table, id, col, v, err);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: assess WORKBOOK CATALOGUE-DIR\n");
		return 2;
	}
	struct az_catalogue *cat = NULL;
	struct az_diags d = { 0 };
	struct az_error err = { 0 };
	if (az_catalogue_load(argv[2], &cat, &d) != 0) {
		fprintf(stderr, "assess: the catalogue in %s does not load\n", argv[2]);
		return 1;
	}
	struct az_store *s = NULL;
	if (az_store_open(argv[1], 0, &s, &err) != AZ_OK)
		return fail(&err);
	/* a fixture, made again if lost: its hundreds of edits need not each wait for the disk */
	if (sqlite3_exec(az_store_db(s), "PRAGMA synchronous = OFF", NULL, NULL, NULL) != SQLITE_OK)
		return fprintf(stderr, "assess: %s\n", sqlite3_errmsg(az_store_db(s))), 1;
	static const char *const clinic[][2] = {
		{ "name", "さくら歯科クリニック" }, { "address", "東京都架空区さくら町1-2-3" },
		{ "phone", "03-0000-1234" },         { "administrator", "桜井 一郎" },
		{ "security_officer", "桜井 一郎" }, { "security_deputy", "山田 花子" },
	};
	for (size_t i = 0; i < sizeof clinic / sizeof clinic[0]; i++)
		if (set(s, "clinic", 1, clinic[i][0], clinic[i][1], &err) != AZ_OK)
			return fail(&err);
	if (set(s, "assessment", 1, "policy", "患者さんの情報を守るため、年に一度リスクを見直し、院長が確認します。", &err) ||
	    set(s, "assessment", 1, "approved_by", "桜井 一郎", &err) ||
	    set(s, "assessment", 1, "approved_at", "2026-06-20", &err))
		return fail(&err);
	struct az_book b;
	if (az_book_load(s, &b, &err) != AZ_OK)
		return fail(&err);
	static const char *const owners[] = { "桜井 一郎", "山田 花子", "架空デンタルシステム株式会社" };
	static const char *const dues[] = { "2026-09-30", "2026-12-31", "2027-03-31" };
	for (size_t i = 0; i < b.n_systems; i++) {
		struct az_risk_row *rows = NULL;
		size_t n = 0;
		if (az_risk_rows(cat, &b, &b.systems[i], &rows, &n) != 0)
			return fprintf(stderr, "assess: out of memory\n"), 1;
		for (size_t k = 0; k < n; k++) {
			const struct az_threat *t = rows[k].threat;
			long long id = 0;
			if (!t || rows[k].risk)
				continue;
			char l[12], sv[12], rl[12];
			snprintf(l, sizeof l, "%d", t->likelihood);
			snprintf(sv, sizeof sv, "%d", t->severity);
			snprintf(rl, sizeof rl, "%d", t->likelihood > 2 ? t->likelihood - 2 : 1);
			if (az_risk_set_score(s, 0, b.systems[i].id, t->id, AZ_SCORE_LIKELIHOOD, t->likelihood, &id, &err) ||
			    set(s, "risks", id, "severity", sv, &err) || set(s, "risks", id, "treatment", "reduce", &err) ||
			    set(s, "risks", id, "residual_likelihood", rl, &err) ||
			    set(s, "risks", id, "residual_severity", sv, &err) ||
			    set(s, "risks", id, "rationale", "院内で対策を決めた", &err))
				return fail(&err);
			size_t added = 0;
			for (size_t c = 0; c < cat->ncontrols && added < 2; c++) {
				const struct az_control *ctl = &cat->controls[c];
				int mitigates = 0;
				for (size_t m = 0; m < ctl->mitigates.n; m++)
					mitigates |= !strcmp(ctl->mitigates.v[m], t->id);
				if (!mitigates)
					continue;
				char rid[24];
				snprintf(rid, sizeof rid, "%lld", id);
				const char *pairs[] = { "risk_id", rid, "control", ctl->id, "owner", owners[c % 3],
							"due", dues[c % 3], "status", c % 4 ? "planned" : "in_progress", NULL };
				if (az_edit_insert(s, "actions", pairs, NULL, &err) != AZ_OK)
					return fail(&err);
				added++;
			}
			(void)l;
		}
		free(rows);
	}
	/* the suggestions follow the risks and actions just written */
	az_book_free(&b);
	if (az_book_load(s, &b, &err) != AZ_OK)
		return fail(&err);
	struct az_suggestion sug[AZ_SUGGEST_ITEMS];
	az_checklist_suggest(cat, &b, sug);
	const struct az_checklist *cl = az_checklist_for(cat, b.assessment.checklist_version);
	for (size_t i = 0; cl && i < cl->nitems; i++) {
		const struct az_check_item *it = &cl->items[i];
		const struct az_suggestion *sg = az_suggestion_for(sug, it->id);
		int no = sg && sg->answer != AZ_SUGGEST_NONE ? sg->answer == AZ_SUGGEST_NO : i % 5 == 2;
		const char *target = sg && sg->answer == AZ_SUGGEST_NO && sg->target[0] ? sg->target : "2026-12-31";
		/* one answer per device column the form has, or one for the item */
		const char *dev[3];
		size_t nd = 0;
		for (unsigned d = 0; d < 3; d++)
			if ((it->columns >> d) & 1)
				dev[nd++] = az_cat_column_values[d];
		if (!nd)
			dev[nd++] = "all";
		for (size_t k = 0; k < nd; k++)
			if (az_edit_checklist_answer(s, cl->id, it->id, dev[k], "answer", no ? "no" : "yes", &err) ||
			    az_edit_checklist_answer(s, cl->id, it->id, dev[k], "checked_at", "2026-06-10", &err) ||
			    (no && az_edit_checklist_answer(s, cl->id, it->id, dev[k], "target_at", target, &err)))
				return fail(&err);
	}
	az_book_free(&b);
	az_catalogue_free(cat);
	return az_store_close(s) ? 1 : 0;
}
