/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * The assessment rules: the rank of a score, which threats apply to a system, and what a
 * risk still lacks under its treatment. Pure functions over small structs and the
 * catalogue; no SQL, so the screens, the export and the tests share them.
 */
#ifndef ANZEN_RULES_H
#define ANZEN_RULES_H

#include <stddef.h>

#include "guideline/catalogue.h"

/* The rank for a score (likelihood, severity 1..5), or NULL when unscored (0) or out of range. */
const struct az_rank *az_rank_of(const struct az_catalogue *cat, int likelihood, int severity);
/* Its index into cat->ranks, or -1. */
int az_rank_index(const struct az_catalogue *cat, int likelihood, int severity);

/* A system as the rules see it; the enumerations are indexes into the model's value lists
 * (az_hosting_values, az_remote_values, az_connection_values). */
struct az_system_facts {
	const char *category;
	int hosting, remote_maintenance, connection;
	int holds_patient_data; /* 0 or 1 */
};

/* 1 if every condition of an applies (a threat's, a fact's, a vendor question's) holds for the system. */
int az_applies_hold(const struct az_applies *a, const struct az_system_facts *s);
/* 1 if every condition of the threat's applies holds for the system. */
int az_threat_applies(const struct az_threat *t, const struct az_system_facts *s);
/* The threats that apply, in catalogue order, at most max of them into out; returns how many
 * apply in all (which may exceed max). */
size_t az_threats_for_system(const struct az_catalogue *cat, const struct az_system_facts *s,
			     const struct az_threat **out, size_t max);

struct az_action_facts {
	const char *owner; /* "" or NULL: none */
	const char *due;   /* YYYY-MM-DD, "" or NULL: none */
	int status;        /* index into az_action_status_values: planned in_progress done dropped */
};

/* A risk as the rules see it; 0 for a score or -1 for the treatment means "not entered". */
struct az_risk_facts {
	int likelihood, severity;
	int treatment; /* enum az_treatment_kind, or -1 */
	int residual_likelihood, residual_severity;
	const char *rationale, *transfer_to, *accepted_by, *accepted_at;
	const struct az_action_facts *actions; /* the risk's actions */
	size_t nactions;
	int dismissed; /* 1: the threat does not apply here; nothing else is asked */
	char rank;     /* 'S'..'D' once az_risk_facts_rank has run, 0 unknown: the paperwork follows it */
};

/* Sets r->rank from the score (0 when unscored). */
void az_risk_facts_rank(const struct az_catalogue *cat, struct az_risk_facts *r);
/* NULL if the risk keeps the treatment rules, else the rule it breaks (translated): a residual score
 * above the score before treatment; and once the assessment is approved (approved 1), S or A reduced
 * without an action, or transferred or accepted without the approval of the management (name and
 * date). Before the approval these are work in progress (a new year's copy awaits its approvals), shown
 * as missing. Import and the screens refuse these. */
const char *az_risk_rule_break(const struct az_risk_facts *r, int approved);
/* The standard reason a C risk is accepted with, in the language of the messages. */
const char *az_standard_accept_reason(void);

/* What a risk lacks. */
enum az_missing {
	AZ_MISSING_SCORE,        /* likelihood or severity */
	AZ_MISSING_TREATMENT,    /* no treatment chosen: 未対応 */
	AZ_MISSING_ACTION,       /* reduce: no action (dropped ones do not count) */
	AZ_MISSING_ACTION_OWNER, /* reduce: an action without an owner */
	AZ_MISSING_ACTION_DUE,   /* reduce: an action without a due date */
	AZ_MISSING_RESIDUAL,     /* reduce: no residual likelihood and severity */
	AZ_MISSING_TRANSFER_TO,  /* transfer: to whom */
	AZ_MISSING_ACCEPTED_BY,  /* accept: who approved */
	AZ_MISSING_ACCEPTED_AT,  /* accept: when */
	AZ_MISSING_RATIONALE,    /* accept: why; avoid: what is stopped */
	AZ_MISSING_COUNT
};

enum az_risk_state {
	AZ_RISK_UNTREATED,  /* 未対応: unscored or no treatment */
	AZ_RISK_INCOMPLETE, /* treated, but something the treatment needs is missing */
	AZ_RISK_COMPLETE,
};

/* The rank of the risk's score, and of its residual score (after the actions); NULL when
 * that score is not entered. */
const struct az_rank *az_risk_rank(const struct az_catalogue *cat, const struct az_risk_facts *r);
const struct az_rank *az_risk_residual_rank(const struct az_catalogue *cat, const struct az_risk_facts *r);

/* Fills out with what is missing, in enum order; returns how many (at most AZ_MISSING_COUNT). */
size_t az_risk_missing(const struct az_risk_facts *r, enum az_missing out[AZ_MISSING_COUNT]);
enum az_risk_state az_risk_state(const struct az_risk_facts *r);
/* How many of its live actions are not done yet: a complete risk with open actions is decided, not
 * done (完了 means the treatment is done). */
size_t az_risk_actions_open(const struct az_risk_facts *r);
/* A translated sentence saying what to enter, e.g. "Name an owner for every action". */
const char *az_missing_message(enum az_missing m);
/* A stable code for the JSON/CSV export, e.g. "action_owner". */
const char *az_missing_code(enum az_missing m);

/* What a treatment asks for, as a mask of enum az_need: the treatment screen shows these fields
 * and az_risk_missing checks them. */
enum az_need {
	AZ_NEED_ACTIONS = 1,     /* actions, each with an owner and a due date */
	AZ_NEED_RESIDUAL = 2,    /* residual likelihood and severity */
	AZ_NEED_TRANSFER_TO = 4, /* to whom */
	AZ_NEED_ACCEPTED = 8,    /* who approved, and when */
	AZ_NEED_RATIONALE = 16,  /* why, or what is stopped */
};
unsigned az_treatment_needs(int treatment);
/* NULL if the residual score can stand, else why not (translated): a residual likelihood or
 * severity above the score before treatment. */
const char *az_risk_residual_invalid(const struct az_risk_facts *r);
/* NULL if an action's status and done date fit together, else why not (translated): a done action
 * (status index 2) needs the date it was done. */
const char *az_action_done_invalid(int status, const char *done_at);
/* "Still missing: A; B" (translated) into buf, or "" when nothing is; returns how many. */
size_t az_risk_missing_text(const struct az_risk_facts *r, char *buf, size_t size);

/* The checklist an assessment names: its id ("r7-clinic"), a year alone ("r7" means the clinic form),
 * or, when none is named or known, the newest clinic form of the catalogue. NULL if it has none. */
const struct az_checklist *az_checklist_for(const struct az_catalogue *cat, const char *version);

#endif
