/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * Many clinics' workbooks summed up for an association (anzen aggregate): the 医療ISAC survey
 * questions Q1-Q8 answered from each workbook (definitions in guideline/national/isac-2023.yaml,
 * from_workbook), checklist completion per item, the rank distribution, the most common S/A
 * risks, and the vendors most often lacking ISMS/Pマーク or MDS/SDS. Files that cannot be read
 * are kept as skipped with the reason.
 */
#ifndef ANZEN_AGGREGATE_H
#define ANZEN_AGGREGATE_H

#include <stddef.h>

#include "guideline/catalogue.h"
#include "model/store.h"

#define AZ_AGG_QUESTIONS 8
#define AZ_AGG_MAXRANKS 8

/* One answer of one workbook: -1 not asked (its base question was no) or not recorded, 0 no, 1 yes. */
struct az_agg_input {
	const char *path;
	int skipped;        /* then code and reason are set, nothing else */
	int code;           /* exit code kind of the failure */
	const char *reason; /* without the path, which the caller shows or hides */
	const char *clinic;
	const char *identity; /* clinic, address, phone and fiscal year: one clinic counts once */
	int fiscal_year;
	signed char q[AZ_AGG_QUESTIONS];
	long risks, ranks[AZ_AGG_MAXRANKS]; /* ranks: per catalogue rank, most severe first */
};

struct az_agg_question {
	long base, yes; /* base 0: nobody was asked (or not recorded) */
	int recorded;   /* 0: a workbook does not hold the answer (Q8) */
};

struct az_agg_item {
	const char *checklist, *item;
	long yes, no, na; /* workbooks; unanswered = nread - yes - no - na */
};

struct az_agg_threat {
	const char *threat;
	long workbooks, risks; /* with a risk of rank S or A for this threat */
};

struct az_agg_vendor {
	const char *name;
	long workbooks, no_cert, no_mds; /* workbooks using it; of those, lacking ISMS/Pマーク, lacking MDS/SDS */
};

struct az_aggregate {
	const struct az_catalogue *cat;
	struct az_agg_input *inputs;
	size_t ninputs, nread, nskipped;
	struct az_agg_question q[AZ_AGG_QUESTIONS];
	long risks, unscored, ranks[AZ_AGG_MAXRANKS];
	struct az_agg_item *items;
	size_t nitems;
	struct az_agg_threat *threats;
	size_t nthreats;
	struct az_agg_vendor *vendors;
	size_t nvendors;
	size_t caps[4];
	struct az_arena *arena;
};

int az_aggregate_init(struct az_aggregate *a, const struct az_catalogue *cat);
/* Adds the workbook in s (opened read-only by the caller); a failure to read it is a skip. */
int az_aggregate_add(struct az_aggregate *a, const char *path, struct az_store *s);
/* Records path as skipped; reason is copied. */
int az_aggregate_skip(struct az_aggregate *a, const char *path, int code, const char *reason);
/* Sorts the lists for printing: items by checklist and catalogue order, threats and vendors by count. */
void az_aggregate_finish(struct az_aggregate *a);
void az_aggregate_free(struct az_aggregate *a);

/* "47.5" (half up, one decimal) or "-" when den is 0. */
void az_percent(long num, long den, char out[32]);

#endif
