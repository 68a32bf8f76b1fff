/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "model/rules.h"

int az_rank_index(const struct az_catalogue *cat, int likelihood, int severity)
{
	if (!cat || likelihood < 1 || likelihood > AZ_LEVELS || severity < 1 || severity > AZ_LEVELS)
		return -1;
	int k = cat->grid[likelihood - 1][severity - 1];
	return k >= 0 && (size_t)k < cat->nranks ? k : -1;
}

const struct az_rank *az_rank_of(const struct az_catalogue *cat, int likelihood, int severity)
{
	int k = az_rank_index(cat, likelihood, severity);
	return k < 0 ? NULL : &cat->ranks[k];
}

const struct az_rank *az_risk_rank(const struct az_catalogue *cat, const struct az_risk_facts *r)
{
	return az_rank_of(cat, r->likelihood, r->severity);
}

const struct az_rank *az_risk_residual_rank(const struct az_catalogue *cat, const struct az_risk_facts *r)
{
	return az_rank_of(cat, r->residual_likelihood, r->residual_severity);
}

/* A mask condition holds when absent (0) or when it has the system's value. */
static int in_mask(unsigned mask, int value)
{
	return mask == 0 || (value >= 0 && value < 32 && (mask & (1u << value)));
}

int az_threat_applies(const struct az_threat *t, const struct az_system_facts *s)
{
	return az_applies_hold(&t->applies, s);
}

int az_applies_hold(const struct az_applies *a, const struct az_system_facts *s)
{
	if (a->categories.n && !(s->category && az_idlist_has(&a->categories, s->category)))
		return 0;
	if (a->holds_patient_data >= 0 && !a->holds_patient_data != !s->holds_patient_data)
		return 0;
	return in_mask(a->hosting, s->hosting) && in_mask(a->remote_maintenance, s->remote_maintenance) &&
	       in_mask(a->connection, s->connection);
}

size_t az_threats_for_system(const struct az_catalogue *cat, const struct az_system_facts *s,
			     const struct az_threat **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; cat && i < cat->nthreats; i++)
		if (az_threat_applies(&cat->threats[i], s)) {
			if (n < max)
				out[n] = &cat->threats[i];
			n++;
		}
	return n;
}

/* Text counts as entered when it has something besides blanks. */
static int given(const char *s)
{
	while (s && *s) {
		if (strchr(" \t\r\n", *s))
			s++;
		else if (strncmp(s, "\xE3\x80\x80", 3) == 0) /* U+3000 ideographic space */
			s += 3;
		else
			return 1;
	}
	return 0;
}

static int scored(int l, int s) { return l >= 1 && l <= AZ_LEVELS && s >= 1 && s <= AZ_LEVELS; }

enum { STATUS_DROPPED = 3 }; /* az_action_status_values: planned in_progress done dropped */

void az_risk_facts_rank(const struct az_catalogue *cat, struct az_risk_facts *r)
{
	const struct az_rank *k = az_risk_rank(cat, r);
	r->rank = k && k->id ? k->id[0] : 0;
}

static int high(const struct az_risk_facts *r) { return r->rank == 'S' || r->rank == 'A'; }

size_t az_risk_missing(const struct az_risk_facts *r, enum az_missing out[AZ_MISSING_COUNT])
{
	int miss[AZ_MISSING_COUNT] = { 0 };
	size_t n = 0;
	if (r->dismissed)
		return 0;
	miss[AZ_MISSING_SCORE] = !scored(r->likelihood, r->severity);
	/* paperwork proportional to rank: D needs no treatment, C is accepted with a reason alone */
	if (r->rank == 'D' && r->treatment < 0)
		goto out;
	switch (r->treatment) {
	case AZ_REDUCE: {
		size_t live = 0;
		for (size_t i = 0; i < r->nactions; i++) {
			const struct az_action_facts *a = &r->actions[i];
			if (a->status == STATUS_DROPPED)
				continue;
			live++;
			miss[AZ_MISSING_ACTION_OWNER] |= !given(a->owner);
			miss[AZ_MISSING_ACTION_DUE] |= !given(a->due);
		}
		miss[AZ_MISSING_ACTION] = live == 0;
		miss[AZ_MISSING_RESIDUAL] = !scored(r->residual_likelihood, r->residual_severity);
		break;
	}
	case AZ_TRANSFER:
		miss[AZ_MISSING_TRANSFER_TO] = !given(r->transfer_to);
		if (high(r)) {
			miss[AZ_MISSING_ACCEPTED_BY] = !given(r->accepted_by);
			miss[AZ_MISSING_ACCEPTED_AT] = !given(r->accepted_at);
			miss[AZ_MISSING_RATIONALE] = !given(r->rationale);
		}
		break;
	case AZ_ACCEPT:
		if (r->rank != 'C' && r->rank != 'D') {
			miss[AZ_MISSING_ACCEPTED_BY] = !given(r->accepted_by);
			miss[AZ_MISSING_ACCEPTED_AT] = !given(r->accepted_at);
		}
		miss[AZ_MISSING_RATIONALE] = !given(r->rationale);
		break;
	case AZ_AVOID:
		miss[AZ_MISSING_RATIONALE] = !given(r->rationale);
		break;
	default:
		miss[AZ_MISSING_TREATMENT] = 1;
		break;
	}
out:
	for (int m = 0; m < AZ_MISSING_COUNT; m++)
		if (miss[m])
			out[n++] = (enum az_missing)m;
	return n;
}

size_t az_risk_actions_open(const struct az_risk_facts *r)
{
	enum { STATUS_DONE = 2 };
	size_t n = 0;
	for (size_t i = 0; !r->dismissed && i < r->nactions; i++)
		n += r->actions[i].status != STATUS_DONE && r->actions[i].status != STATUS_DROPPED;
	return n;
}

const char *az_risk_rule_break(const struct az_risk_facts *r, int approved)
{
	const char *why = az_risk_residual_invalid(r);
	if (why || r->dismissed)
		return why;
	if (approved && high(r) && (r->treatment == AZ_ACCEPT || r->treatment == AZ_TRANSFER) &&
	    (!given(r->accepted_by) || !given(r->accepted_at)))
		return _("An S or A risk is transferred or accepted only with the approval of the management (name and date)");
	if (approved && high(r) && r->treatment == AZ_REDUCE) {
		size_t live = 0;
		for (size_t i = 0; i < r->nactions; i++)
			live += r->actions[i].status != STATUS_DROPPED;
		if (!live)
			return _("An S or A risk is reduced only with at least one action");
	}
	return NULL;
}

const char *az_standard_accept_reason(void)
{
	return _("Rank C: the risk is low; accepted and reviewed at the next yearly assessment.");
}

enum az_risk_state az_risk_state(const struct az_risk_facts *r)
{
	enum az_missing m[AZ_MISSING_COUNT];
	size_t n = az_risk_missing(r, m);
	for (size_t i = 0; i < n; i++)
		if (m[i] == AZ_MISSING_SCORE || m[i] == AZ_MISSING_TREATMENT)
			return AZ_RISK_UNTREATED;
	return n ? AZ_RISK_INCOMPLETE : AZ_RISK_COMPLETE;
}

static const char *const codes[AZ_MISSING_COUNT] = {
	"score", "treatment", "action", "action_owner", "action_due", "residual",
	"transfer_to", "accepted_by", "accepted_at", "rationale",
};

static const char *const messages[AZ_MISSING_COUNT] = {
	N_("Score the risk: likelihood and severity"),
	N_("Choose a treatment: avoid, reduce, transfer or accept"),
	N_("Reduce: add at least one action"),
	N_("Reduce: name an owner for every action"),
	N_("Reduce: give every action a due date"),
	N_("Reduce: score the residual risk (likelihood and severity after the actions)"),
	N_("Transfer: say to whom (insurer and policy, or contract party)"),
	N_("Accept: name who approved it (director or chair)"),
	N_("Accept: give the date of the approval"),
	N_("Write the rationale (for avoid: what is stopped; for accept: why)"),
};

const char *az_missing_message(enum az_missing m)
{
	return (unsigned)m < AZ_MISSING_COUNT ? _(messages[m]) : "";
}

const char *az_missing_code(enum az_missing m)
{
	return (unsigned)m < AZ_MISSING_COUNT ? codes[m] : "";
}

unsigned az_treatment_needs(int treatment)
{
	switch (treatment) {
	case AZ_AVOID:
		return AZ_NEED_RATIONALE;
	case AZ_REDUCE:
		return AZ_NEED_ACTIONS | AZ_NEED_RESIDUAL;
	case AZ_TRANSFER:
		return AZ_NEED_TRANSFER_TO;
	case AZ_ACCEPT:
		return AZ_NEED_ACCEPTED | AZ_NEED_RATIONALE;
	default:
		return 0;
	}
}

const char *az_risk_residual_invalid(const struct az_risk_facts *r)
{
	if (scored(r->likelihood, r->severity) &&
	    ((r->residual_likelihood >= 1 && r->residual_likelihood > r->likelihood) ||
	     (r->residual_severity >= 1 && r->residual_severity > r->severity)))
		return _("The residual risk cannot be higher than the risk before treatment");
	return NULL;
}

size_t az_risk_missing_text(const struct az_risk_facts *r, char *buf, size_t size)
{
	enum az_missing m[AZ_MISSING_COUNT];
	size_t n = az_risk_missing(r, m), len = 0;
	if (size)
		buf[0] = '\0';
	for (size_t i = 0; i < n && len < size; i++) {
		int w = snprintf(buf + len, size - len, "%s%s", i ? _("; ") : _("Still missing: "),
				 az_missing_message(m[i]));
		if (w < 0)
			break;
		len += (size_t)w;
	}
	return n;
}

const char *az_action_done_invalid(int status, const char *done_at)
{
	enum { STATUS_DONE = 2 };
	return status == STATUS_DONE && !given(done_at) ? _("Give the date the action was done.") : NULL;
}

const struct az_checklist *az_checklist_for(const struct az_catalogue *cat, const char *version)
{
	const struct az_checklist *cl = NULL;
	if (version && *version && !(cl = az_catalogue_checklist(cat, version))) {
		char id[64];
		if ((size_t)snprintf(id, sizeof id, "%s-clinic", version) < sizeof id)
			cl = az_catalogue_checklist(cat, id);
	}
	if (cl)
		return cl;
	for (size_t i = 0; i < cat->nchecklists; i++)
		if (cat->checklists[i].form == AZ_FORM_CLINIC &&
		    (!cl || cat->checklists[i].fiscal_year > cl->fiscal_year))
			cl = &cat->checklists[i];
	return cl;
}
