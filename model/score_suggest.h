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
