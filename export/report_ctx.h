/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* What every section of the inspection PDF shares: the workbook, the catalogue, the open document,
 * the report's language, and small formatting helpers. Internal to export/report*.c. */
#ifndef ANZEN_REPORT_CTX_H
#define ANZEN_REPORT_CTX_H

#include <stddef.h>

#include "export/report.h"
#include "export/typeset.h"
#include "guideline/catalogue.h"
#include "base/i18n.h"
#include "model/book.h"
#include "model/diff.h"
#include "model/rules.h"

#define RP_NBUF 96 /* two heat maps side by side hold 70 at once */

/* Where the pages that back a checklist answer start (the checklist comes first and points
 * forward): page references (az_doc_ref) that get their numbers once the pass is laid out. */
enum rp_anchor { RP_AT_COVER, RP_AT_RISKS, RP_AT_ACTIONS, RP_AT_INVENTORY, RP_AT_VENDORS, RP_AT_CONTACTS,
		 RP_AT_SOURCES, RP_AT_REGISTER, RP_NANCHORS };

struct rp_ids;
struct rp {
	struct az_doc *doc;
	const struct az_book *book;
	const struct az_diff *changes; /* against the previous year; base_year 0 if none */
	const struct az_catalogue *cat;
	int ja;              /* the report's language: Japanese, else English */
	char date[11];       /* generation date, YYYY-MM-DD */
	char fingerprint[20]; /* shortened SHA-256 of the canonical JSON */
	struct rp_lang *lang; /* message catalogue switch (report_i18n.c) */
	/* page numbers (1-based, 0: not laid out) of this pass: at[] and ctl_page[] (per catalogue
	 * control, its first row in the action plan); prev_at[] and prev_ctl[]: 1 for those this
	 * pass takes as laid out somewhere (a reference to them is made), from the pass before, or
	 * all 0: no references (a long report) */
	int at[RP_NANCHORS], prev_at[RP_NANCHORS];
	int *ctl_page, *prev_ctl;
	unsigned char asked[RP_NANCHORS]; /* a reference to the anchor was made */
	int wide; /* references are laid out as wide as "p.99" (0), "p.999" (1) or "p.9999" (2) */
	/* a long report's pages, counted before it is drawn page by page (NULL: not known): a
	 * reference made while drawing is given its page at once */
	const int *known_at, *known_ctl;
	unsigned char *cited; /* per catalogue source: named on a page, so listed in the appendix */
	int form_marked;      /* a 事業者確認用 item printed is marked unverified (report_vendors.c) */
	int rank_one_line;    /* rp_rank_cell: "S !!! 4×5" on one line (a compact table) */
	struct rp_ids *threat_ids, *control_ids; /* report_find.c, built on first use */
	/* scratch strings for rp_fmt: a ring, each valid until RP_NBUF later calls */
	char *buf[RP_NBUF];
	size_t cap[RP_NBUF];
	unsigned next;
};

/* A section: writes its pages; returns the document's sticky error code. */
typedef int (*rp_section_fn)(struct rp *r);

/* report_i18n.c: msgid in the report's language (not the interface's). */
struct rp_lang *rp_lang_open(int ja);
void rp_lang_close(struct rp_lang *l);
const char *rp_tr(struct rp *r, const char *msgid);
#define R_(s) rp_tr(r, s)
/* A catalogue text in the report's language. */
const char *rp_text(const struct rp *r, const struct az_text *t);

/* report_find.c: the catalogue's threat and control of an id (NULL: none), as
 * az_catalogue_threat and az_catalogue_control find them, by hash (model/idmap.h). */
struct rp_ids;
const struct az_threat *rp_find_threat(struct rp *r, const char *id);
const struct az_control *rp_find_control(struct rp *r, const char *id);
void rp_ids_free(struct rp_ids *x);

/* report_fmt.c */
/* printf into a scratch buffer of r (valid for RP_NBUF more calls). */
const char *rp_fmt(struct rp *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "" or NULL: a dash, so an empty cell reads as "not entered" rather than as a gap. */
const char *rp_or_dash(const char *s);
/* A date as printed: Japanese "令和8年11月28日 (2026-11-28)", English "2026-11-28"; "—" if none. */
const char *rp_date(struct rp *r, const char *ymd);
/* The same for a table cell: Japanese "令和8年11月28日" alone (one line, never broken). */
const char *rp_date_cell(struct rp *r, const char *ymd);
/* A heading kept with what it introduces (a heading keeps with two rows of its table): the
 * paragraph para (NULL: none) and the header and first rows (nrows of ncols cells, at most two)
 * of the table after it. Places the heading and the paragraph. */
void rp_heading_keep(struct rp *r, int level, const char *heading, const char *para,
		     const struct az_doc_column *cols, size_t ncols, const struct az_cell *rows, size_t nrows);
/* Cells kept beyond the scratch buffers, for a row built ahead: rp_cells_keep copies n cells into
 * dst, their texts strdup'd (one that cannot be copied is left empty); rp_cells_free frees them. */
void rp_cells_keep(struct az_cell *dst, const struct az_cell *src, size_t n);
void rp_cells_free(struct az_cell *cells, size_t n);
/* Records that the current page starts (or holds) what anchor a names. */
void rp_anchor(struct rp *r, enum rp_anchor a);
/* A reference to the page of anchor a ("p.N" once laid out), or "" when there is none. Only in
 * text marked for references (AZ_REFS, az_doc_paragraph_refs, az_doc_table_continued_refs). */
const char *rp_page_of(struct rp *r, enum rp_anchor a);
/* The same for the action plan's rows of checklist item i: "p.N", or with range "p.N–M". */
const char *rp_pages_of_item(struct rp *r, size_t i, int range);
/* Gives every reference of this pass its page, from this pass's anchors and action plan; 0 if one
 * is wider than it was laid out. */
int rp_refs_set(struct rp *r);
/* The controls of checklist item it that have action plan rows in page[] (per catalogue control:
 * its row's page, or 1 for "has one"), and the first and last of those pages. */
size_t rp_item_pages(const struct rp *r, const struct az_check_item *it, const int *page, int *lo, int *hi);
/* References as a reader knows them, one a line: "ガイドライン第6.0版 システム運用編 8.1"; "—" if
 * none. Marks the sources cited for the appendix. */
const char *rp_refs(struct rp *r, const struct az_ref *refs, size_t n);
/* The residual rank as planned or as reached: "(expected)" unless its actions (open of them not
 * done, done of them done; dropped ones not counted) are all done. */
const char *rp_residual_cell(struct rp *r, const struct az_risk *k, size_t open, size_t done,
			     const struct az_rgb **fill);
/* The risk as the rules see it (actions of the book looked up by risk id). */
void rp_risk_facts(const struct rp *r, const struct az_risk *k, struct az_risk_facts *f,
		   struct az_action_facts *buf, size_t max);
/* Rank of a score and its cell: "A !!" with the rank colour as a light fill; "—" if unscored. */
const char *rp_rank_cell(struct rp *r, int likelihood, int severity, const struct az_rgb **fill);
const struct az_rgb *rp_rank_fill(const struct az_rank *k);
/* Labels of the workbook's enumerations and catalogue entries. */
const char *rp_treatment(struct rp *r, int treatment);
const char *rp_threat(struct rp *r, const char *id);
const char *rp_control(struct rp *r, const char *id);
const char *rp_action_status(struct rp *r, int status);
const char *rp_answer3(struct rp *r, int answer);
const char *rp_check_answer(struct rp *r, int answer);
/* The checklist the assessment names, or the newest clinic form; NULL if none. */
const struct az_checklist *rp_checklist(const struct rp *r);
/* A checklist item as answered in the workbook (report_checklist.c). answer: the worst over its
 * answers (no, then unanswered, then yes, then not applicable), -1 if none; detail: one line per
 * device column answered, or NULL; the dates: latest check, earliest target of a "no". */
struct rp_item {
	int answer;
	const char *checked_at, *target_at, *note, *detail;
};
void rp_item_status(struct rp *r, const struct az_checklist *cl, const struct az_check_item *it,
		    struct rp_item *out);
const char *rp_certification(struct rp *r, int certification);
/* Indexes of the actions sorted by due date (no date last), then id; malloc'd, NULL if none. */
size_t *rp_actions_by_due(const struct rp *r);

/* report_split.c: how two columns share a width so that a table's rows take the fewest lines. Each
 * row's two texts are added (rp_split_add, before the table begins); rp_split_first gives the
 * first column's share, in points. */
#define RP_SPLITS 9
#define RP_SPLIT_ROWS 60 /* rows measured: a clinic's table whole, a hospital's first page or two */
struct rp_split {
	double width;     /* the two columns together, in points */
	double usual;     /* the first's share when the texts do not decide (0..1) */
	size_t lines[RP_SPLITS];
	size_t rows;
};
void rp_split_init(struct rp_split *s, double width, double usual);
void rp_split_add(struct rp *r, struct rp_split *s, const struct az_cell *first, const struct az_cell *second);
double rp_split_first(const struct rp_split *s);

/* The sections, in report order (report_*.c). */
int rp_cover(struct rp *r);
int rp_summary(struct rp *r);
int rp_risks(struct rp *r);        /* S, A, B in full; C and D counted (report_register.c) */
int rp_full_register(struct rp *r); /* every risk, for the appendix */
int rp_sources(struct rp *r);       /* the sources cited, with their full titles */
int rp_inventory(struct rp *r);
int rp_action_plan(struct rp *r);
int rp_vendors(struct rp *r);
int rp_checklist_section(struct rp *r);
int rp_findings(struct rp *r); /* report_findings.c: 要確認事項 */
/* report_findings.c: runs fn with model/'s sentences in the report's language. */
void rp_in_report_language(struct rp *r, void (*fn)(struct rp *r, void *arg), void *arg);
int rp_contacts(struct rp *r);
int rp_appendix(struct rp *r);
/* report_dismissed.c: the facts, the suggested scores with their reasons, the dismissed threats. */
int rp_basis(struct rp *r);

#endif
