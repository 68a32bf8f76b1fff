/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * The risks of a workbook gathered by threat, for one decision per threat: each threat that concerns
 * a system, with its suggested score (the highest over its systems, and why), the score and treatment
 * decided for it, and how far its systems are. Ordered by suggested rank, S first.
 */
#ifndef ANZEN_THREAT_LIST_H
#define ANZEN_THREAT_LIST_H

#include <stddef.h>

#include "guideline/catalogue.h"
#include "model/book.h"
#include "model/risk_edit.h"
#include "model/score_suggest.h"

enum az_threat_status {
	AZ_THREAT_TO_CONFIRM,    /* a system's score is not given yet: the suggestion waits */
	AZ_THREAT_TO_DECIDE,     /* scored, no treatment where its rank needs one */
	AZ_THREAT_INCOMPLETE,    /* the treatment lacks something */
	AZ_THREAT_COMPLETE,      /* every system decided */
	AZ_THREAT_NOT_APPLICABLE /* dismissed on every system */
};

struct az_threat_summary {
	const struct az_threat *threat;
	const struct az_system *suggested_for; /* the system whose suggestion is shown */
	struct az_suggestion suggestion;
	int likelihood, severity, treatment;   /* decided for the threat (first system decided with it); 0/-1 */
	size_t nsystems, ndismissed, nexceptions, ncomplete;
	size_t nopen; /* complete risks whose actions are not all done yet */
	int status;                            /* enum az_threat_status */
};

/* Fills *out (malloc'd, free it) with the threats that concern at least one system; ix is the book's
 * risk index. Returns 0, or -1 when out of memory. */
int az_threat_list(const struct az_catalogue *cat, const struct az_book *b, const struct az_risk_index *ix,
		   struct az_threat_summary **out, size_t *n);
/* A translated word for a status ("To confirm", ...); a complete threat with open actions is
 * "Decided, actions open" (完了 is kept for a treatment that is done). */
const char *az_threat_status_name(int status);
const char *az_threat_summary_status(const struct az_threat_summary *ts);

#endif
