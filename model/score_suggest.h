/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * Suggested scores: the likelihood and severity of a threat on a system, from the threat's own levels
 * moved by the scoring rules of the catalogue (facts.yaml) whose facts hold, with the reasons that
 * moved them. An unanswered fact counts as unknown, and unknown counts against the clinic. Pure: reads
 * the book and the catalogue, writes nothing.
 */
#ifndef ANZEN_SCORE_SUGGEST_H
#define ANZEN_SCORE_SUGGEST_H

#include <stddef.h>

#include "guideline/catalogue.h"
#include "model/book.h"

/* Which facts are asked for a system, or for a vendor (for any system it supports). */
int az_fact_asked_for_system(const struct az_fact *f, const struct az_system *sys);
int az_fact_asked_for_vendor(const struct az_fact *f, const struct az_book *b, long long vendor_id);

/* The facts asked of one subject, in the catalogue's order (the order of the clinic's, then the
 * system's, then the vendor's form): scope AZ_SCOPE_CLINIC (id 0), AZ_SCOPE_SYSTEM (a system's id) or
 * AZ_SCOPE_VENDOR (a vendor's id). Fills at most max of out; returns how many there are. */
size_t az_facts_asked(const struct az_catalogue *cat, const struct az_book *b, enum az_fact_scope scope,
		      long long id, const struct az_fact **out, size_t max);
/* 1 if fact f has an answer (yes, no, don't know or a date) for the subject (system_id, vendor_id). */
int az_fact_answered(const struct az_book *b, const struct az_fact *f, long long system_id, long long vendor_id);
/* How many questions of the clinic, its systems and its vendors are not answered yet; with t, only
 * those of the facts its scoring rules read (the questions behind its suggestion). */
size_t az_facts_unanswered(const struct az_catalogue *cat, const struct az_book *b, const struct az_threat *t);
/* 1 if a scoring rule of threat t reads fact f. */
int az_threat_uses_fact(const struct az_threat *t, const struct az_fact *f);

/* The answer row of a fact (system_id, vendor_id 0 for the clinic), or NULL when unanswered. */
const struct az_fact_row *az_fact_find(const struct az_book *b, const char *fact, long long system_id,
				       long long vendor_id);
/* The answer as the rules see it (enum az_fact_when) for the subject of the fact on this system:
 * the clinic, the system itself, or the system's vendor. Unanswered or without a subject: unknown. */
int az_fact_state(const struct az_book *b, const struct az_fact *f, const struct az_system *sys);

#define AZ_SUGGEST_REASONS 6

struct az_suggestion {
	int likelihood, severity; /* 1..5 */
	int base_likelihood, base_severity;
	const struct az_score_rule *rules[AZ_SUGGEST_REASONS]; /* the rules that moved a level, in file order */
	size_t nrules;
};

/* The suggestion for threat t on system sys. */
void az_suggest_score(const struct az_book *b, const struct az_threat *t, const struct az_system *sys,
		      struct az_suggestion *out);

/* One line, e.g. "4: firmware not updated for a year or more, or not known" for likelihood (which 0) or
 * severity (1): the level and the reasons that moved it, or the level and "usual for this threat". */
void az_suggestion_reason(const struct az_suggestion *sg, int which, char *buf, size_t size);

#endif
