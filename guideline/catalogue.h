/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * The content catalogue (the YAML files of guideline/, see SCHEMA.md) in memory: scales, the risk
 * matrix, treatments, system categories, threats, controls, vendor questions and the
 * MHLW checklists. Loaded once, read-only afterwards; every string is UTF-8.
 */
#ifndef ANZEN_CATALOGUE_H
#define ANZEN_CATALOGUE_H

#include <stddef.h>

#include "guideline/diags.h"

/* A human text in both languages; both are non-empty once loaded. */
struct az_text {
	const char *ja, *en;
};

/* The text in the language of the messages: Japanese if LC_MESSAGES (or, as gettext
 * does, LANGUAGE where the locale is not "C") starts with "ja", else English. */
const char *az_text_get(const struct az_text *t);

/* Where an entry starts in its file; file is relative to the catalogue directory. */
struct az_pos {
	const char *file;
	unsigned long line, col; /* 1-based */
};

struct az_ref {
	struct az_pos pos;
	const char *doc, *section;
};

/* A list of ids naming other entries, with where each is written. */
struct az_idlist {
	const char **v;
	struct az_pos *pos;
	size_t n;
};

/* Keys every entry may have. */
#define AZ_ENTRY_COMMON     \
	struct az_ref *refs;  \
	size_t nrefs;         \
	int unverified;       \
	struct az_text note /* both NULL when absent */

/* The value lists the attributes are written in: the same strings, in the same order, as
 * the workbook's (model/tables.c). A mask has bit i set for value i. */
extern const char *const az_cat_hosting_values[];    /* onprem cloud */
extern const char *const az_cat_remote_values[];     /* yes no unknown */
extern const char *const az_cat_connection_values[]; /* internet_vpn closed_network leased_line lte internet cloud none */
extern const char *const az_cat_treatment_values[];  /* avoid reduce transfer accept */
extern const char *const az_cat_color_values[];      /* red magenta yellow green blue cyan white */
extern const char *const az_cat_answer_values[];     /* yes_no_unknown date text */
extern const char *const az_cat_form_values[];       /* clinic vendor */
extern const char *const az_cat_column_values[];     /* server terminal network */
extern const char *const az_cat_scope_values[];      /* clinic system vendor */
extern const char *const az_cat_fact_answer_values[]; /* yes_no_unknown date */
extern const char *const az_cat_when_values[];       /* yes no unknown old */

enum az_treatment_kind { AZ_AVOID, AZ_REDUCE, AZ_TRANSFER, AZ_ACCEPT, AZ_NTREATMENTS };
enum az_color { AZ_RED, AZ_MAGENTA, AZ_YELLOW, AZ_GREEN, AZ_BLUE, AZ_CYAN, AZ_WHITE };
enum az_answer_type { AZ_ANSWER_YES_NO_UNKNOWN, AZ_ANSWER_DATE, AZ_ANSWER_TEXT };
enum az_form { AZ_FORM_CLINIC, AZ_FORM_VENDOR };
enum az_fact_scope { AZ_SCOPE_CLINIC, AZ_SCOPE_SYSTEM, AZ_SCOPE_VENDOR };
enum az_fact_type { AZ_FACT_YES_NO_UNKNOWN, AZ_FACT_DATE };
/* What a fact's answer is, for the scoring rules: unanswered counts as unknown; a date answer is
 * "old" when it is more than a year before the fiscal year starts (1 April), "yes" (recent) otherwise. */
enum az_fact_when { AZ_WHEN_YES, AZ_WHEN_NO, AZ_WHEN_UNKNOWN, AZ_WHEN_OLD };

#define AZ_LEVELS 5

struct az_level {
	struct az_pos pos;
	int level; /* 1..5 */
	struct az_text name, description;
	AZ_ENTRY_COMMON;
};

struct az_rank {
	struct az_pos pos;
	const char *id; /* S A B C D */
	struct az_text name, response;
	int color;          /* enum az_color */
	const char *symbol; /* 1-3 ASCII characters, for monochrome output */
	AZ_ENTRY_COMMON;
};

struct az_treatment {
	struct az_pos pos;
	const char *id;
	int kind; /* enum az_treatment_kind */
	struct az_text name, meaning, requires;
	AZ_ENTRY_COMMON;
};

struct az_untreated {
	struct az_pos pos;
	struct az_text name;
	AZ_ENTRY_COMMON;
};

struct az_defaults {
	struct az_pos pos;
	int hosting, remote_maintenance, connection; /* indexes into the value lists */
	int holds_patient_data;                       /* 0 or 1 */
	int importance;                               /* 1 low .. 3 high */
};

struct az_category {
	struct az_pos pos;
	const char *id;
	struct az_text name, description;
	struct az_defaults defaults;
	AZ_ENTRY_COMMON;
};

/* All given conditions must hold; an absent one holds for every system. */
struct az_applies {
	struct az_pos pos;
	struct az_idlist categories; /* any of; n == 0: any category */
	unsigned hosting, remote_maintenance, connection; /* masks; 0: any */
	int holds_patient_data;                            /* -1: any */
};

struct az_threat {
	struct az_pos pos;
	const char *id;
	struct az_text name, description;
	struct az_applies applies;
	int likelihood, severity; /* suggested, 1..5 */
	const struct az_scoring *scoring; /* its rules in facts.yaml, or NULL */
	AZ_ENTRY_COMMON;
};

struct az_control {
	struct az_pos pos;
	const char *id;
	struct az_text name, description;
	struct az_idlist mitigates; /* threat ids, at least one */
	struct az_idlist checklist; /* checklist item ids it evidences */
	AZ_ENTRY_COMMON;
};

struct az_question {
	struct az_pos pos;
	const char *id;
	struct az_text text, why;
	int answer;             /* enum az_answer_type */
	struct az_idlist feeds; /* checklist item ids */
	/* asked of a vendor only if one of its systems fits (absent: asked of every vendor) */
	struct az_applies applies;
	AZ_ENTRY_COMMON;
};

/* A document the refs name (doc: id): how a reader knows it, and its full title. */
struct az_cited_doc {
	struct az_pos pos;
	const char *id;
	struct az_text short_name, title;
};

struct az_check_item {
	struct az_pos pos;
	const char *id;     /* e.g. "2-(3)", stable across years */
	const char *number; /* as printed on this year's form, e.g. "2-⑪"; NULL: the id */
	struct az_text text, meaning;
	unsigned columns;       /* mask over az_cat_column_values; 0: one answer for the item */
	struct az_text deadline; /* both NULL when absent */
	AZ_ENTRY_COMMON;
};

struct az_checklist {
	struct az_pos pos;
	const char *id; /* = the file name without .yaml */
	struct az_text title;
	int form; /* enum az_form */
	int fiscal_year;
	const char *published; /* YYYY-MM-DD */
	struct az_check_item *items;
	size_t nitems;
	AZ_ENTRY_COMMON;
};

/* A plain question about how the clinic works, asked on the clinic, system or vendor form. */
struct az_fact {
	struct az_pos pos;
	const char *id;
	int scope;  /* enum az_fact_scope */
	int answer; /* enum az_fact_type */
	struct az_text question, why;
	/* system scope: the systems it is asked for; vendor scope: vendors of such a system */
	struct az_applies applies; /* applies.pos.line 0: every system */
	AZ_ENTRY_COMMON;
};

/* One scoring rule: when the fact's answer is in the mask, the levels move by the deltas. */
struct az_score_rule {
	struct az_pos pos;
	const char *fact;
	const struct az_fact *f; /* resolved after loading */
	unsigned when;           /* mask over az_cat_when_values */
	int likelihood, severity; /* -2..+2 */
	struct az_text reason;
};

/* The rules of one threat; its base levels are the threat's likelihood and severity. */
struct az_scoring {
	struct az_pos pos;
	const char *threat;
	struct az_score_rule *rules;
	size_t nrules;
};

struct az_catalogue {
	struct az_level *likelihood, *severity; /* AZ_LEVELS each, level i+1 at [i] */
	size_t nlikelihood, nseverity;
	struct az_rank *ranks; /* most severe first */
	size_t nranks;
	signed char grid[AZ_LEVELS][AZ_LEVELS]; /* [likelihood-1][severity-1] = index into ranks */
	struct az_treatment *treatments;        /* in file order */
	size_t ntreatments;
	struct az_untreated untreated;
	struct az_category *categories;
	size_t ncategories;
	struct az_threat *threats;
	size_t nthreats;
	struct az_control *controls;
	size_t ncontrols;
	struct az_question *questions;
	size_t nquestions;
	struct az_cited_doc *sources;
	size_t nsources;
	struct az_fact *facts; /* facts.yaml, in file order */
	size_t nfacts;
	struct az_scoring *scorings;
	size_t nscorings;
	struct az_checklist *checklists; /* sorted by file name */
	size_t nchecklists;
	struct az_arena *arena; /* owns everything above */
};

/*
 * Loads and validates every file of the catalogue in dir. All problems are added to d
 * (sorted, "file:line:col: message", file relative to dir). Returns 0 (AZ_OK) with *out
 * set, or 65 (bad data) / 66 (no such directory) with *out NULL and d non-empty.
 * A catalogue loaded once is kept under $XDG_CACHE_HOME/anzen and mapped again by later runs
 * while its files and the program are unchanged (guideline/catalogue_cache.c; ANZEN_NO_CACHE=1
 * parses every time).
 */
int az_catalogue_load(const char *dir, struct az_catalogue **out, struct az_diags *d);

/* Where the loader reads from: a directory, optionally overlaid (tests, fuzzing) by the
 * files of a second directory and by one file given in memory. */
struct az_catalogue_source {
	const char *dir;
	const char *overlay;  /* or NULL: files here are read instead of those in dir */
	const char *mem_name; /* or NULL: e.g. "threats.yaml", read from mem_data instead */
	const void *mem_data;
	size_t mem_len;
	struct az_arena *arena; /* or NULL: the catalogue is built in this arena, which it then owns */
};
int az_catalogue_load_from(const struct az_catalogue_source *src, struct az_catalogue **out,
			   struct az_diags *d);

void az_catalogue_free(struct az_catalogue *cat);

/* Lookups by id; NULL if there is none. */
const struct az_rank *az_catalogue_rank(const struct az_catalogue *cat, const char *id);
const struct az_treatment *az_catalogue_treatment(const struct az_catalogue *cat, const char *id);
const struct az_category *az_catalogue_category(const struct az_catalogue *cat, const char *id);
const struct az_threat *az_catalogue_threat(const struct az_catalogue *cat, const char *id);
const struct az_control *az_catalogue_control(const struct az_catalogue *cat, const char *id);
const struct az_question *az_catalogue_question(const struct az_catalogue *cat, const char *id);
const struct az_cited_doc *az_catalogue_source(const struct az_catalogue *cat, const char *id);
const struct az_fact *az_catalogue_fact(const struct az_catalogue *cat, const char *id);
const struct az_checklist *az_catalogue_checklist(const struct az_catalogue *cat, const char *id);
const struct az_check_item *az_checklist_item(const struct az_checklist *cl, const char *id);
/* 1 if some checklist has an item with this id. */
int az_catalogue_has_item(const struct az_catalogue *cat, const char *item);
/* 1 if control mitigates threat. */
int az_control_mitigates(const struct az_control *c, const char *threat);
/* 1 if id is in the list. */
int az_idlist_has(const struct az_idlist *l, const char *id);

/* The level entry for 1..5, or NULL. */
const struct az_level *az_catalogue_likelihood(const struct az_catalogue *cat, int level);
const struct az_level *az_catalogue_severity(const struct az_catalogue *cat, int level);

#endif
