/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* A small typesetter for A4 Japanese reports, written as PDF by pdfdraw.c.
 *
 * Calls lay the content out at once into an in-memory display list (so the page count is known
 * and every code point is collected); az_doc_save then subsets each font to exactly those code
 * points, draws every page with its running header and footer ("n / N"), and writes the file
 * whole or not at all. A character the main font lacks comes from a fallback font (font.h); one
 * no font has is printed as 〓 (the text layer keeps it) with a footnote on its page; invalid
 * UTF-8 and control characters become 〓; each is reported once through warn().
 *
 * Errors are sticky: after the first failure every call does nothing and returns the same code,
 * and az_doc_save reports it; so a writer may check only the result of az_doc_save. */
#ifndef ANZEN_TYPESET_H
#define ANZEN_TYPESET_H

#include <stddef.h>

#include "base/error.h"

struct az_doc;

struct az_doc_options {
	const char *font_file;   /* a TrueType file (--font); NULL: ask fontconfig for font_family */
	const char *font_family; /* NULL: "IPAexGothic" */
	/* PDF document information (UTF-8, Japanese is fine); any may be NULL. */
	const char *title, *author, *subject, *creator, *keywords;
	const char *date;        /* YYYY-MM-DD for CreationDate/ModDate; NULL or invalid: none,
				    so two runs give the same bytes. The clock is never read. */
	/* Running header and footer on every page; any may be NULL. The footer centre is "n / N". */
	const char *header_left;  /* e.g. the clinic name */
	const char *header_right; /* e.g. the report title */
	const char *footer_left;  /* e.g. the generation date */
	const char *footer_right; /* e.g. a short fingerprint of the workbook */
	/* The workbook's fingerprint (ASCII), kept in the document information with the file's seal
	 * (export/seal.h) for `anzen verify`; NULL: neither. */
	const char *fingerprint;
	/* The footnote of a page where a character no font has is printed as 〓: a printf format
	 * with one %s, the characters ("U+20BB7, U+2A6B2"). NULL: an English one. */
	const char *missing_note;
	/* Called once per distinct replaced character, with a translated one-line message. */
	void (*warn)(void *ctx, const char *msg);
	void *warn_ctx;
};

enum az_align { AZ_LEFT, AZ_CENTER, AZ_RIGHT };

/* Colours are 0..1 RGB. */
struct az_rgb {
	float r, g, b;
};

struct az_doc_column {
	const char *title;
	double weight; /* share of the text width, relative to the other columns */
	enum az_align align;
};

/* AZ_STRONG: bold at body size (a rank, which must survive a monochrome print). AZ_NAME: a person's
 * or organisation's name, broken only at its spaces unless a part is wider than the cell, and
 * never one character from its end. */
enum { AZ_STRONG = 1, AZ_NAME = 2, AZ_REFS = 4 /* may hold page references (az_doc_ref) */ };
/* The cell's first n bytes are a name ("遠隔保守用VPNルータ: VPN機器の…"), broken as AZ_NAME breaks
 * a name; the rest as a sentence. With AZ_NAMES_LAST, its last n bytes are names ("…。\n対象: A、B").
 * (In the style's upper bits, so cells keep their three fields.) */
#define AZ_NAME_LEAD(n) ((int)((size_t)(n) < 0x7FFFFFu ? (size_t)(n) : 0x7FFFFFu) << 8)
#define AZ_NAMES_LAST 0x80

struct az_cell {
	const char *text;
	const struct az_rgb *fill; /* NULL: no background */
	int style;                 /* 0 or AZ_STRONG, AZ_NAME, AZ_NAME_LEAD(n) */
};

/* A 5x5 likelihood x impact grid. Row 0 is drawn at the top. */
struct az_heatmap_figure {
	const char *heading; /* a level-2 heading above the figure, kept on its page; NULL: none (of h[0]
				for a pair) */
	const char *x_label, *y_label;       /* axis titles */
	const char *x_ticks[5], *y_ticks[5]; /* per column / per row (row 0 = top) */
	int count[5][5];                     /* printed in the cell when > 0 */
	struct az_rgb fill[5][5];
	const char *mark[5][5]; /* small text in the cell's top-left corner (the rank and its
				   monochrome symbol), or NULL */
};

/* A4 portrait, 10 pt body text. NULL on error (missing font: AZ_NOINPUT). */
struct az_doc *az_doc_new(const struct az_doc_options *opt, struct az_error *err);
void az_doc_free(struct az_doc *d);

/* Long documents in two passes, so memory does not grow with the length: lay the document out
 * once in a discarding document (pages are counted and code points collected, then dropped),
 * then again, with the same calls, in a streaming one made from it: each page is drawn as soon
 * as it is full into the file, and az_doc_save finishes it (az_doc_save_mem is refused). The second pass
 * reports no warnings (the first did). */
void az_doc_discard(struct az_doc *d, int after);
/* after: keep the display list for up to this many pages, and discard only when the document
 * grows longer (then az_doc_discarded says so and a second pass is needed; otherwise the first
 * document is saved as it is); 0: discard from the start. */
int az_doc_discarded(const struct az_doc *d);
/* Bytes of broken lines d keeps for reuse, here and in the passes made from it (2 MB unless
 * set: a clinic's report whole; a long one, whose passes are far apart, needs only a little). */
void az_doc_line_budget(struct az_doc *d, size_t bytes);
/* The streaming document writes into path's temporary file from its first page (refused as
 * az_doc_save refuses path: existing without force, or an input); az_doc_save then commits it to path. */
struct az_doc *az_doc_new_stream(const struct az_doc_options *opt, struct az_doc *first, const char *path, int force,
				 struct az_error *err);
/* A document laid out again from the start, for a report whose first pages point to later ones:
 * it takes the font (and the code points collected) of first, which must not be saved. */
struct az_doc *az_doc_new_again(const struct az_doc_options *opt, struct az_doc *first, struct az_error *err);

/* Page references laid out before the pages they name are known ("p.12", "p.6–7"), so that one
 * layout pass serves: az_doc_ref gives a placeholder (UTF-8, into out) that is laid out as wide as
 * template, and az_doc_ref_set gives what it prints, before az_doc_save (in a streamed document,
 * before the page that holds it is finished: a counting pass told the pages). Only left-aligned text
 * marked for them holds references (AZ_REFS cells, az_doc_paragraph_refs,
 * az_doc_table_continued_refs), and such text holds no workbook text. key (below AZ_DOC_REFS)
 * names a reference; it keeps its template in the passes made from this document (az_doc_new_again),
 * which reuse the lines broken here. "" after an error. */
#define AZ_DOC_REFS 4094u
const char *az_doc_ref(struct az_doc *d, unsigned key, const char *template, char out[5]);
/* What the reference key prints (a printable one-line text): 1, or 0 if it is wider than its
 * template (lay the document out again with a wider one), or -1 if there is no such key. */
int az_doc_ref_set(struct az_doc *d, unsigned key, const char *text);

/* Level 1 (largest) to 3. Never left alone at the foot of a page. */
int az_doc_heading(struct az_doc *d, int level, const char *text);
/* Wrapped to the text width; '\n' breaks a line. */
int az_doc_paragraph(struct az_doc *d, const char *text);
/* The same for a list of names ("レセコン (C 10 件)、遠隔保守用VPNルータ …"): lines end after 、 and at
 * the names' words, as AZ_NAME cells do. */
int az_doc_paragraph_names(struct az_doc *d, const char *text);
/* The same for a text holding page references (az_doc_ref). */
int az_doc_paragraph_refs(struct az_doc *d, const char *text);
/* Two columns, keys in grey; n pairs, each kept on one page; the values (names, titles, dates) are
 * broken as AZ_NAME breaks a name. */
int az_doc_keyvalue(struct az_doc *d, const char *const *keys, const char *const *values, size_t n);
/* Vertical space in points, and a forced page break. */
int az_doc_space(struct az_doc *d, double pt);
int az_doc_page_break(struct az_doc *d);

/* A table: the header row is repeated on every page the table spans; a row is never split
 * unless it is taller than a whole page; cells wrap and never overflow. */
int az_doc_table_begin(struct az_doc *d, const struct az_doc_column *cols, size_t ncols);
int az_doc_table_row(struct az_doc *d, const struct az_cell *cells); /* ncols cells */
/* After az_doc_table_begin: text printed in bold above the repeated header row on every page the
 * table continues on, naming what it belongs to (e.g. "System X (continued)"). */
int az_doc_table_continued(struct az_doc *d, const char *text);
/* The same for a text holding page references (az_doc_ref). */
int az_doc_table_continued_refs(struct az_doc *d, const char *text);
int az_doc_table_end(struct az_doc *d);
/* For column weights in points: the width of the text, and the width a table cell needs to hold
 * text without wrapping (its widest line, '\n' breaking lines, and the cell's padding). */
double az_doc_body_width(const struct az_doc *d);
double az_doc_cell_width(struct az_doc *d, const char *text);
/* The same at nw widths at once, into lines[], for a cell's text and style (AZ_REFS matters). */
void az_doc_cell_lines_at(struct az_doc *d, const struct az_cell *cell, const double *widths, size_t nw,
			  size_t *lines);
/* Heights in points, measured as the calls would place them (nothing is placed): a heading, a
 * paragraph, and a table's header row with nrows rows (ncols cells each). */
double az_doc_heading_height(struct az_doc *d, int level, const char *text);
double az_doc_paragraph_height(struct az_doc *d, const char *text);
double az_doc_table_height(struct az_doc *d, const struct az_doc_column *cols, size_t ncols,
			   const struct az_cell *rows, size_t nrows);
/* A new page unless pt points still fit on this one: a heading kept with the rows it introduces. */
int az_doc_keep(struct az_doc *d, double pt);

int az_doc_heatmap(struct az_doc *d, const struct az_heatmap_figure *h);
/* Two heat maps side by side (h[0], h[1]), sharing the row labels of h[0]: half the height. */
int az_doc_heatmap_pair(struct az_doc *d, const struct az_heatmap_figure *h);

/* Embeds data as a PDF attachment called name (ASCII, e.g. "anzen-workbook.json"), with a
 * MIME type such as "application/json". The bytes are copied. */
int az_doc_attach(struct az_doc *d, const char *name, const char *mime, const void *data, size_t len);
/* The same with bytes already deflated (export/attach.h), which the document takes over (p's
 * data is NULL after the call, whatever its result). */
struct az_packed;
int az_doc_attach_packed(struct az_doc *d, const char *name, const char *mime, struct az_packed *p);

/* The sticky error code (0: none so far). */
int az_doc_status(const struct az_doc *d);
/* Pages laid out so far (at least 1). */
int az_doc_page_count(const struct az_doc *d);
/* Writes the PDF to path ("-" is not accepted), refusing to replace a file unless force. */
int az_doc_save(struct az_doc *d, const char *path, int force, struct az_error *err);
/* The same bytes in memory; free() *out. */
int az_doc_save_mem(struct az_doc *d, char **out, size_t *len, struct az_error *err);

#endif
