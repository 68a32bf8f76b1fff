/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Progress per step and what is missing, from the book. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/idmap.h"
#include "model/progress.h"
#include "model/risk_edit.h"
#include "model/score_suggest.h"
#include "model/rules.h"
#include "model/tables.h"
#include "model/vendor_rules.h"

static const char *const step_names[AZ_NSTEPS] = {
	N_("Clinic and roles"), N_("Contact chart"), N_("Systems"), N_("Vendors"),
	N_("Risks"), N_("Checklist"), N_("Approval"),
};
static const char *const step_codes[AZ_NSTEPS] = { "clinic", "contacts", "systems", "vendors",
						   "risks", "checklist", "approval" };

const char *az_step_name(enum az_step s) { return s < AZ_NSTEPS ? _(step_names[s]) : "?"; }
const char *az_step_code(enum az_step s) { return s < AZ_NSTEPS ? step_codes[s] : "?"; }

int az_step_percent(const struct az_step_progress *s)
{
	if (s->total == 0)
		return 100;
	return (int)(s->done * 100 / s->total);
}

static int oom;

static void missing(struct az_step_progress *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void missing(struct az_step_progress *s, const char *fmt, ...)
{
	if (s->nmissing++ >= AZ_PROGRESS_KEPT)
		return;
	va_list ap;
	va_start(ap, fmt);
	char buf[1024];
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	char *m = strdup(buf);
	if (!m)
		oom = 1;
	s->missing[s->nmissing - 1] = m;
}

static int given(const char *s) { return s && *s; }

static void clinic(const struct az_book *b, const struct az_catalogue *cat, struct az_step_progress *s)
{
	const struct az_clinic *c = &b->clinic;
	const struct {
		const char *value, *what;
	} f[] = {
		{ c->name, N_("the clinic's name") },
		{ c->address, N_("the address") },
		{ c->phone, N_("the phone number") },
		{ c->administrator, N_("the administrator (管理者)") },
		{ c->security_officer, N_("the person responsible for security (安全管理責任者)") },
	};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		s->total++;
		if (given(f[i].value))
			s->done++;
		else
			missing(s, _("Enter %s."), _(f[i].what));
	}
	/* the clinic's questions on how it works are asked on the same form, and the risk step's
	 * suggestions read them: the step is not done while one is open ("don't know" is an answer) */
	size_t open = 0;
	for (size_t i = 0; cat && i < cat->nfacts; i++) {
		const struct az_fact *q = &cat->facts[i];
		if (q->scope != AZ_SCOPE_CLINIC)
			continue;
		s->total++;
		if (az_fact_answered(b, q, 0, 0))
			s->done++;
		else
			open++;
	}
	if (open)
		missing(s,
			ngettext("Answer the clinic's question on how it works (%zu left).",
				 "Answer the clinic's questions on how it works (%zu left).", open),
			open);
}

static void contacts(const struct az_book *b, struct az_step_progress *s)
{
	/* who to call: someone inside, the vendor, and the authorities (保健所, police) */
	static const char *const what[] = { N_("Add a contact inside the clinic."), N_("Add the vendor's contact."),
					    N_("Add the authorities to call (health centre, police).") };
	for (int k = 0; k < 3; k++) {
		int have = 0;
		for (size_t i = 0; i < b->n_contacts && !have; i++)
			have = b->contacts[i].kind == k && given(b->contacts[i].name);
		s->total++;
		if (have)
			s->done++;
		else
			missing(s, "%s", _(what[k]));
	}
}

static int needs_vendor(const struct az_system *y)
{
	return y->hosting == 1 || y->remote_maintenance == 0; /* cloud, or maintained remotely */
}

static void systems(const struct az_book *b, struct az_step_progress *s)
{
	if (b->n_systems == 0) {
		s->total = 1;
		missing(s, "%s", _("Add the systems and devices the clinic uses."));
		return;
	}
	for (size_t i = 0; i < b->n_systems; i++) {
		const struct az_system *y = &b->systems[i];
		s->total++;
		if (needs_vendor(y) && !y->vendor_id)
			missing(s, _("%s: name the vendor (it is in the cloud or maintained remotely)."), y->name);
		else
			s->done++;
	}
}

static void vendors(const struct az_book *b, const struct az_catalogue *cat, struct az_step_progress *s)
{
	for (size_t i = 0; i < b->n_systems; i++)
		if (needs_vendor(&b->systems[i]) && b->n_vendors == 0) {
			s->total = 1;
			missing(s, "%s", _("Add the vendors of the systems."));
			return;
		}
	for (size_t v = 0; v < b->n_vendors; v++) {
		const struct az_vendor *ven = &b->vendors[v];
		struct az_vendor_count c = az_vendor_questions_count(b, cat, ven->id);
		s->total += c.asked;
		s->done += c.answered;
		size_t open = c.asked - c.answered;
		if (open)
			missing(s, ngettext("%s: %zu question not answered.", "%s: %zu questions not answered.", open),
				ven->name, open);
	}
}

/* The index in b->systems of each system id from lo to hi (ids are dense in practice), or NULL
 * when they are spread too far: then az_book_system. */
static size_t *dense_systems(const struct az_book *b, long long *lo)
{
	size_t n = b->n_systems;
	if (!n || b->systems[n - 1].id - b->systems[0].id >= (long long)(4 * n + 64))
		return NULL;
	*lo = b->systems[0].id;
	size_t span = (size_t)(b->systems[n - 1].id - *lo) + 1, *at = malloc(span * sizeof *at);
	for (size_t i = 0; at && i < span; i++)
		at[i] = n;
	for (size_t i = 0; at && i < n; i++)
		at[b->systems[i].id - *lo] = i;
	return at;
}

static void risks(const struct az_book *b, const struct az_catalogue *cat, struct az_step_progress *s)
{
	/* Linear in risks and actions: each risk's system and threat found once (by table or hash)
	 * into a table of each system's first risk (in id order) of each threat, each risk's actions
	 * through the risk index. */
	size_t nr = b->n_risks, ns = b->n_systems, nt = cat->nthreats;
	struct az_risk_index ix;
	struct az_idmap threats;
	long long lo = 0;
	size_t *dense = dense_systems(b, &lo);
	/* first[i * nt + t]: 1 + the index in b->risks of system i's risk of threat t, 0 for none */
	uint32_t *first = ns && nt && ns <= SIZE_MAX / sizeof *first / nt ? calloc(ns * nt, sizeof *first) : NULL;
	int mapped = az_idmap_init(&threats, cat->threats, nt, sizeof *cat->threats, offsetof(struct az_threat, id)) == 0;
	int built = mapped && (first || !ns || !nt) && nr < UINT32_MAX && az_risk_index_build(b, &ix) == 0;
	for (size_t k = 0; built && first && k < nr; k++) {
		long long id = b->risks[k].system_id;
		size_t y;
		if (dense)
			y = id >= lo && id - lo < b->systems[ns - 1].id - lo + 1 ? dense[id - lo] : ns;
		else {
			const struct az_system *sy = az_book_system(b, id);
			y = sy ? (size_t)(sy - b->systems) : ns;
		}
		long t = y < ns ? az_idmap_find(&threats, b->risks[k].threat) : -1;
		if (t >= 0 && !first[y * nt + (size_t)t])
			first[y * nt + (size_t)t] = (uint32_t)k + 1;
	}
	for (size_t i = 0; built && i < ns; i++) {
		const struct az_system *y = &b->systems[i];
		struct az_system_facts sf = { y->category, y->hosting, y->remote_maintenance, y->connection,
					      y->holds_patient_data };
		size_t unassessed = 0, incomplete = 0;
		for (size_t t = 0; t < nt; t++) {
			if (!az_threat_applies(&cat->threats[t], &sf))
				continue;
			s->total++;
			struct az_risk_facts f;
			uint32_t k = first[i * nt + t];
			if (!k) {
				unassessed++;
				continue;
			}
			az_risk_facts_of(&ix, &b->risks[k - 1], &f);
			az_risk_facts_rank(cat, &f);
			if (az_risk_state(&f) == AZ_RISK_COMPLETE)
				s->done++;
			else
				incomplete++;
		}
		if (unassessed + incomplete)
			missing(s, _("%s: %zu of its risks not yet assessed or treated."), y->name, unassessed + incomplete);
	}
	if (built)
		az_risk_index_free(&ix);
	else
		oom = 1;
	if (mapped)
		az_idmap_free(&threats);
	free(dense);
	free(first);
}

const struct az_checklist *az_progress_checklist(const struct az_book *b, const struct az_catalogue *cat)
{
	return az_checklist_for(cat, b->assessment.checklist_version);
}

static void checklist(const struct az_book *b, const struct az_catalogue *cat, struct az_step_progress *s)
{
	const struct az_checklist *cl = az_progress_checklist(b, cat);
	if (!cl)
		return;
	size_t open = 0;
	for (size_t i = 0; i < cl->nitems; i++) {
		int ok = 0;
		for (size_t a = 0; a < b->n_checklist_answers && !ok; a++) {
			const struct az_checklist_answer *an = &b->checklist_answers[a];
			/* an answer counts with its 確認日, and a No with its 目標日 as well, as the form asks */
			ok = strcmp(an->checklist, cl->id) == 0 && strcmp(an->item, cl->items[i].id) == 0 &&
			     an->answer >= 0 && given(an->checked_at) && (an->answer != 1 || given(an->target_at));
		}
		s->total++;
		if (ok)
			s->done++;
		else
			open++;
	}
	if (open)
		missing(s, ngettext("%zu checklist item not answered.", "%zu checklist items not answered.", open), open);
}

static void approval(const struct az_book *b, struct az_step_progress *s)
{
	s->total = 2;
	if (given(b->assessment.approved_by))
		s->done++;
	else
		missing(s, "%s", _("Enter who approved the assessment."));
	if (given(b->assessment.approved_at))
		s->done++;
	else
		missing(s, "%s", _("Enter the date of approval."));
}

int az_progress_compute(const struct az_book *b, const struct az_catalogue *cat, struct az_progress *p)
{
	memset(p, 0, sizeof *p);
	oom = 0;
	clinic(b, cat, &p->step[AZ_STEP_CLINIC]);
	contacts(b, &p->step[AZ_STEP_CONTACTS]);
	systems(b, &p->step[AZ_STEP_SYSTEMS]);
	vendors(b, cat, &p->step[AZ_STEP_VENDORS]);
	risks(b, cat, &p->step[AZ_STEP_RISKS]);
	checklist(b, cat, &p->step[AZ_STEP_CHECKLIST]);
	approval(b, &p->step[AZ_STEP_APPROVAL]);
	if (oom) {
		az_progress_free(p);
		return -1;
	}
	return 0;
}

void az_progress_free(struct az_progress *p)
{
	for (int i = 0; i < AZ_NSTEPS; i++)
		for (size_t k = 0; k < AZ_PROGRESS_KEPT; k++) {
			free(p->step[i].missing[k]);
			p->step[i].missing[k] = NULL;
		}
}
