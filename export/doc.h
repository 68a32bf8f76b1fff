/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The laid-out document shared by the layout (typeset.c) and the drawing (pdfdraw.c). */
#ifndef ANZEN_EXPORT_DOC_H
#define ANZEN_EXPORT_DOC_H

#include <stddef.h>
#include <stdio.h>

#include "export/font.h"
#include "export/typeset.h"

/* A4 portrait in points. */
#define AZ_PAGE_W 595.276f
#define AZ_PAGE_H 841.89f

enum az_op_kind { AZ_OP_TEXT, AZ_OP_FILL, AZ_OP_LINE, AZ_OP_GRID };

/* One drawing operation. TEXT: baseline at (x, y), NUL-terminated UTF-8 at pool + off.
 * FILL: rectangle (x, y) lower-left, w x h. LINE: from (x, y) to (x + w, y + h), width lw.
 * GRID: the rules of one table row, top at y, height h, width lw: lines along the top and the
 * bottom from x to x + w, and a line down at each column edge, grids[off] holding their count
 * and grids[off + 1 ...] their x (one op instead of a dozen per row). */
struct az_op {
	unsigned char kind, bold;
	float x, y, w, h, size, lw;
	struct az_rgb rgb;
	unsigned off; /* the pool stays below 4 GB (az_doc_new refuses more) */
};

struct az_attachment {
	char *name, *mime;
	unsigned char *data; /* zlib-compressed (FlateDecode) at once: a workbook is kept small */
	size_t len, zlen;    /* the original size, and that of data */
	unsigned spec;       /* its /Filespec once written (then data is freed), else 0 */
};

struct az_wrapcache;
/* The placeholders of page references (az_doc_ref): one block of plane 16's private use area, which
 * no font draws; workbook text of that block is printed as the substitute (typeset.c clean()). */
#define AZ_REF_FIRST 0x10F000u
/* A page reference: the width reserved for it (in 1/1000 em; -1: no such key) and what it prints
 * (cleaned, malloc'd: a streamed document's pool is emptied at each page; NULL until
 * az_doc_ref_set). */
struct az_doc_ref {
	long width;
	char *text;
};
struct az_doc {
	struct az_doc_options opt;
	struct az_font *font;
	struct az_wrapcache *wraps; /* texts cleaned and broken (wrapcache.h), passed on to the next pass */
	uint32_t repl; /* printed for anything the font cannot draw: 〓, or '?' */
	/* one bit per BMP code point the font draws and the subset already has: clean() copies it
	 * without asking the font again (NULL until the first text) */
	uint8_t *plain;
	struct az_error err;
	char date[11]; /* YYYY-MM-DD or "" */
	char fingerprint[32]; /* "" if none: then no seal */

	/* The display list in fixed blocks: growing it never copies, and at most one block is
	 * partly empty (a doubling array wasted up to half of 25 MB at hospital scale). */
	struct az_op **blocks;
	size_t nops, nblocks;
	size_t *page_first; /* index of the first op of each page */
	size_t npages, cappages;
	char *pool; /* cleaned, NUL-terminated strings the ops point into */
	float *grids; /* column edges of the tables (AZ_OP_GRID) */
	size_t ngrids, capgrids, grid; /* grid: the open table's, in grids */
	size_t npool, cappool;

	/* cleaned copies of the options (offsets into pool, or (size_t)-1 for none) */
	size_t info[5], header[4];

	float y; /* top of the free space on the current page */

	/* the open table */
	size_t ncols;
	enum az_align *col_align;
	char **col_titles; /* cleaned */
	float *col_x, *col_w;
	float head_h; /* height of its header row */
	char *cont;   /* printed above the header on the pages it continues on (cleaned), or NULL */

	uint32_t missing[8]; /* printed as repl on the current page, for its footnote */
	size_t nmissing;
	uint32_t always[4]; /* the same in the running header and footer: on every page */
	size_t nalways;
	size_t note; /* pool offset of the footnote's format, or (size_t)-1 */
	uint32_t *warned; /* code points already reported (0xFFFFFFFF: invalid UTF-8) */
	size_t nwarned, capwarned;

	struct az_attachment *att;
	size_t natt;

	/* page references, by key (carried to the next pass with the broken lines, which measured
	 * them), and the text ops holding a placeholder, rewritten before drawing */
	struct az_doc_ref *refs;
	size_t nrefs;
	size_t *refops;
	size_t nrefops, caprefops;

	/* Two-pass output for long documents (az_doc_discard, az_doc_new_stream): a page's ops
	 * are dropped (discard) or drawn (stream) as soon as the next page starts, so the display
	 * list never holds more than a page. pool_mark: the pool kept (document strings). */
	int discard, stream;
	size_t pool_mark, drawn, expect; /* expect: pages of the first pass */
	size_t discard_after; /* start discarding beyond this many pages (0: never) */
	struct az_render *render;
	struct az_outfile *out; /* a streamed document's target, written from its first page */
};

#define AZ_OP_BLOCK 4096
static inline struct az_op *az_doc_op(const struct az_doc *d, size_t i)
{
	return &d->blocks[i / AZ_OP_BLOCK][i % AZ_OP_BLOCK];
}

/* The drawing (pdfdraw.c, through the streaming writer pdfwrite.h): open (font subsets, document
 * information, written from here on to fp, which stays the caller's: a streamed document's output
 * file), one page at a time (ops [first, end) of the display list, and the running header and
 * footer: the page is deflated and written at once), then close (attachments, page tree,
 * cross-reference stream). */
struct az_render;
int az_render_open(struct az_doc *d, FILE *fp, struct az_error *err);
int az_render_page(struct az_doc *d, size_t first, size_t end, struct az_error *err);
/* Writes attachment i at once (a streamed document: its memory is not held to the end). */
int az_render_attachment(struct az_doc *d, size_t i, struct az_error *err);
int az_render_close(struct az_doc *d, struct az_error *err);
void az_render_free(struct az_render *r);

/* Draws the laid-out pages into a malloc'd buffer. */
int az_doc_render(struct az_doc *d, char **out, size_t *len, struct az_error *err);
/* The same, written straight to the file path (created or truncated). */
int az_doc_render_file(struct az_doc *d, const char *path, struct az_error *err);

#endif
