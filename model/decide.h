/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * The owner's decisions beyond single fields: answering a fact, confirming or changing a suggested
 * score (recorded with who and when), one decision for a threat on all its systems (exceptions kept),
 * and dismissing a threat that does not apply. Each is one transaction; the caller reloads the book.
 */
#ifndef ANZEN_DECIDE_H
#define ANZEN_DECIDE_H

#include "guideline/catalogue.h"
#include "model/book.h"
#include "base/error.h"
#include "model/store.h"

/* Answers fact f (az_answer3_values index: 0 yes, 1 no, 2 unknown; -1 clears it) for the clinic
 * (system_id = vendor_id = 0), a system or a vendor. A date fact takes a date in value (answer 0) or
 * unknown; "yes" without a date is refused (AZ_DATAERR) like any answer of the wrong kind. */
int az_fact_set(struct az_store *s, const struct az_fact *f, long long system_id, long long vendor_id,
		int answer, const char *value, struct az_error *err);
/* NULL if (answer, value) is an answer of the fact's kind, else why not (translated). */
const char *az_fact_answer_invalid(const struct az_fact *f, int answer, const char *value);

/* Who confirms and owns the actions: the clinic's security officer, else its administrator, else the
 * role "Director" (translated). */
const char *az_decider(const struct az_book *b);

/* Scores the risk (risk_id, or 0 to create it for system_id and threat) with l and s, recorded as
 * "suggested" when they equal the suggestion and "changed" otherwise, by who, today. *id gets the
 * risk's id (may be NULL). */
int az_risk_confirm(struct az_store *s, const struct az_book *b, const struct az_threat *t, long long risk_id,
		    long long system_id, int l, int sev, const char *who, long long *id, struct az_error *err);

/* One decision for threat t on every system it concerns that is not an exception or dismissed: the score
 * (l, sev; 0 leaves it) and the treatment (enum az_treatment_kind, -1 leaves it). Returns how many risks
 * were written in *n (may be NULL). */
int az_threat_decide(struct az_store *s, const struct az_catalogue *cat, const struct az_book *b,
		     const struct az_threat *t, int l, int sev, int treatment, const char *who, size_t *n,
		     struct az_error *err);

/* The systems a threat concerns: those it applies to, and those with a risk row for it. Fills out (size
 * at least b->n_systems) and returns how many. */
size_t az_threat_systems(const struct az_catalogue *cat, const struct az_book *b, const struct az_threat *t,
			 const struct az_system **out);

/* Dismisses threat t as not applying (reason: az_dismiss_values index; note: a sentence, required for
 * "other"), on one system (system_id) or on all it concerns (system_id 0); reason -1 restores it. */
int az_threat_dismiss(struct az_store *s, const struct az_catalogue *cat, const struct az_book *b,
		      const struct az_threat *t, long long system_id, int reason, const char *note,
		      struct az_error *err);
/* The translated reason of a dismissal, e.g. "No such device or work in the clinic". */
const char *az_dismiss_reason(int reason);
/* The same untranslated, for a document in another language. */
const char *az_dismiss_reason_msgid(int reason);

/* Sets one column of the risks table (e.g. "treatment", "rationale", "accepted_by") to value (NULL:
 * SQL NULL) on every risk of threat t decided with it (not an exception, not dismissed), creating the
 * rows; *n (may be NULL) gets how many. The value is checked like any edit. */
int az_threat_set(struct az_store *s, const struct az_catalogue *cat, const struct az_book *b,
		  const struct az_threat *t, const char *column, const char *value, size_t *n, struct az_error *err);

/* One action (control id or NULL, what is done, owner, due date) added to every risk of threat t decided
 * with it that has no live action for that control yet. With spread, also to every other risk (assessed
 * or not yet) of the threats the control mitigates, that is not dismissed and is reduced or not yet
 * treated (actions are per control, not per pair). *n (may be NULL) gets how many risks got it. */
int az_threat_add_action(struct az_store *s, const struct az_catalogue *cat, const struct az_book *b,
			 const struct az_threat *t, const char *control, const char *description, const char *owner,
			 const char *due, int spread, size_t *n, struct az_error *err);
/* How many risks other than threat t's the control would reach with spread. */
size_t az_control_reach(const struct az_catalogue *cat, const struct az_book *b, const struct az_threat *t,
			const char *control);

/* Marks the risk (created if needed) as decided apart from its threat (1) or back with it (0). */
int az_risk_set_exception(struct az_store *s, const struct az_threat *t, long long system_id, int on,
			  struct az_error *err);

#endif
