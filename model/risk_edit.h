/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * The risks of a workbook as the screens work on them: each risk's facts for the rules (its
 * actions found through an index built once per load), the rows of one system (its applicable
 * threats, assessed or not yet), the effective residual score, and the edit that scores a risk,
 * creating its row on the first score. No SQL here: edits go through model/edit.h.
 */
#ifndef ANZEN_RISK_EDIT_H
#define ANZEN_RISK_EDIT_H

#include <stddef.h>

#include "guideline/catalogue.h"
#include "model/book.h"
#include "base/error.h"
#include "model/rules.h"
#include "model/store.h"

/* The book's actions as the rules see them, grouped by risk. Rebuild after every reload. */
struct az_risk_index {
	struct az_action_facts *facts; /* sorted by risk id, then action id */
	long long *risk_ids;           /* risk_ids[i] is the risk of facts[i] */
	size_t n;
};

/* Returns 0, or -1 when out of memory (ix is then empty). The facts point into b. */
int az_risk_index_build(const struct az_book *b, struct az_risk_index *ix);
void az_risk_index_free(struct az_risk_index *ix);
/* The risk's facts for model/rules.h; out->actions points into ix. */
void az_risk_facts_of(const struct az_risk_index *ix, const struct az_risk *r, struct az_risk_facts *out);
/* The system's facts for az_threat_applies. */
struct az_system_facts az_system_facts_of(const struct az_system *s);

/* One row of a risk list: a risk row, or an applicable threat not yet assessed. */
struct az_risk_row {
	const struct az_threat *threat; /* NULL: the catalogue no longer has the risk's threat */
	const struct az_risk *risk;     /* NULL: not assessed yet (no row in the workbook) */
	const struct az_system *system;
};

/* The rows of one system: its applicable threats in catalogue order (with their risk row if
 * there is one), then its other risk rows (threats that no longer apply). With sys NULL, every
 * risk row of the workbook in id order. *out is malloc'd (free it); returns 0 or -1 (no memory). */
int az_risk_rows(const struct az_catalogue *cat, const struct az_book *b, const struct az_system *sys,
		 struct az_risk_row **out, size_t *n);
/* Risks of the system that still lack something (unassessed threats count), for the system list. */
size_t az_system_open_risks(const struct az_catalogue *cat, const struct az_book *b,
			    const struct az_risk_index *ix, const struct az_system *sys);

/* The same for every system at once, in one pass over the risks: out[i] for b->systems[i]. */
void az_systems_open_risks(const struct az_catalogue *cat, const struct az_book *b, const struct az_risk_index *ix,
			   size_t *out);

/* The residual score the heatmap shows: the residual score if given, else the current score
 * (nothing entered means the risk stays as it is). Returns 1 if *l and *s are set, 0 if unscored;
 * *fallback (may be NULL) is set to 1 when the current score was used. */
int az_risk_residual_effective(const struct az_risk *r, int *l, int *s, int *fallback);

enum az_score_kind { AZ_SCORE_LIKELIHOOD, AZ_SCORE_SEVERITY, AZ_SCORE_RESIDUAL_LIKELIHOOD, AZ_SCORE_RESIDUAL_SEVERITY };
/* Column name of a score kind ("likelihood", ...). */
const char *az_score_column(enum az_score_kind k);
/* Sets one score (level 1..5, or 0 to clear it) of the risk risk_id, in one transaction. With
 * risk_id 0 the risk row for (system_id, threat) is inserted with that score and *id gets its id. */
int az_risk_set_score(struct az_store *s, long long risk_id, long long system_id, const char *threat,
		      enum az_score_kind k, int level, long long *id, struct az_error *err);

#endif
