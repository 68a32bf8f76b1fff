/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Draws a laid-out document as PDF through the streaming object writer (pdfwrite.h): the font
 * subsets as CID fonts, the shared resources and the running header and footer (a Form XObject)
 * and the document information first; then each page, its content deflated and written as soon
 * as it is drawn; then the attachments, the page tree, the catalogue and the cross-reference
 * table. Only the object offsets and the page numbers stay in memory, so a hospital's report
 * needs no more than a page of it. */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "export/doc.h"
#include "export/pdfwrite.h"
#include "export/seal.h"
#include "export/tounicode.h"

/* A growing byte buffer; an allocation failure is sticky (oom) and checked once a page. */
struct buf {
	char *s;
	size_t n, cap;
	int oom;
};

/* Room for n more bytes at the end of b: where they go (buf_done keeps them), or NULL when out of
 * memory. */
static char *buf_room(struct buf *b, size_t n)
{
	if (b->oom)
		return NULL;
	if (b->cap - b->n < n) {
		size_t cap = b->cap ? b->cap : 16384;
		while (cap - b->n < n)
			cap *= 2;
		char *v = realloc(b->s, cap);
		if (!v) {
			b->oom = 1;
			return NULL;
		}
		b->s = v, b->cap = cap;
	}
	return b->s + b->n;
}

/* Keeps what was written into buf_room's room up to e. */
static void buf_done(struct buf *b, const char *e)
{
	b->n = (size_t)(e - b->s);
}

static void buf_put(struct buf *b, const char *s, size_t n)
{
	char *e = buf_room(b, n);
	if (e && n)
		memcpy(e, s, n), buf_done(b, e + n);
}

/* A drawn character's face and its code as it goes into a literal string (escaped), found once:
 * decoding, the face, subset and code lookups were most of the cost of a glyph. A slot is keyed
 * by the character's UTF-8 bytes (one byte, or three: Japanese), stored only once they decoded
 * as valid, so equal bytes are the same character without decoding them again. Key 0 marks an
 * empty slot (a C string has no NUL to draw). */
#define CODE_BITS 11
#define CODE_SLOTS (1u << CODE_BITS)
struct code_slot {
	uint32_t key;
	uint8_t face, len;
	char code[4];
};

struct az_render {
	struct code_slot codes[CODE_SLOTS]; /* direct-mapped by key */
	struct az_font *font_set;
	struct az_subset sub[AZ_MAX_FACES];
	int nfaces;
	int mixed[AZ_MAX_FACES]; /* drawn with mixed one- and two-byte codes (tounicode.h) */
	FILE *fp;
	int borrowed; /* fp belongs to the caller (a streamed document's output file): not closed here */
	struct az_pdfw w;
	unsigned catalog, pages, resources, info;
	unsigned *page_obj; /* the object number of each page */
	size_t npages, cap;
	struct buf content; /* the page being drawn (reused) */
};

/* Deflate levels (libdeflate's): the font programs and a short document's pages at 6 (as small
 * as zlib's 6 or 9, 2.5 times as fast; outlines gain under 1 % from 10-12 at four times the
 * time); the pages of a document longer than LONG_PAGES at 1, a few per cent larger for speed
 * (deflate was a third of a 1,300-page export). */
#define FONT_LEVEL 6
#define PAGE_LEVEL 6
#define LONG_LEVEL 1
#define LONG_PAGES 50

static float text_width(struct az_font *f, const char *s, float size)
{
	long w = 0;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;)
		w += az_font_width(f, az_utf8_next(s, n, &i));
	return (float)w * size / 1000.0f;
}

struct pen {
	struct az_render *r; /* its code slots fill as characters are drawn */
	struct buf *out;
	int face; /* the font set by the last Tf (-1: none yet) */
	int in_text, bold;
	long tx, ty; /* the text line's start, in hundredths of a point (Td is relative to it) */
	int pending; /* AZ_OP_FILL or AZ_OP_LINE: a path built but not yet painted, else -1 */
	float size, lw;
	struct az_rgb fill, stroke;
};

static int same(struct az_rgb a, struct az_rgb b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b;
}

static void raw(struct pen *p, const char *s, size_t n)
{
	buf_put(p->out, s, n);
}

static long cents(float v)
{
	return (long)(v * 100.0f + (v < 0 ? -0.5f : 0.5f));
}

/* "00" .. "99" */
static const char pairs[201] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
			       "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
			       "8081828384858687888990919293949596979899";

/* c hundredths as a number with at most two decimals, trailing zeros dropped ("12.5", "-3"). */
static char *put_cents(char *b, long c)
{
	if (c < 0)
		*b++ = '-', c = -c;
	/* by hand, two digits at a time: printf was a twentieth of a hospital's export, and a page's
	 * numbers are mostly under 1,000 points */
	unsigned long q = (unsigned long)c / 100;
	unsigned f = (unsigned)((unsigned long)c % 100);
	if (q < 10) {
		*b++ = (char)('0' + q);
	} else if (q < 100) {
		memcpy(b, pairs + 2 * q, 2), b += 2;
	} else if (q < 1000) {
		*b++ = (char)('0' + q / 100);
		memcpy(b, pairs + 2 * (q % 100), 2), b += 2;
	} else {
		char digits[24];
		int n = 0;
		do
			digits[n++] = (char)('0' + q % 10), q /= 10;
		while (q);
		while (n)
			*b++ = digits[--n];
	}
	if (f) {
		*b++ = '.';
		*b++ = pairs[2 * f];
		if (f % 10)
			*b++ = pairs[2 * f + 1];
	}
	*b++ = ' ';
	return b;
}

/* v in decimal and a space */
static char *put_uint(char *b, unsigned v)
{
	return put_cents(b, (long)v * 100);
}

/* v with at most two decimals, trailing zeros dropped ("12.5", "-3", "0.04"). */
static char *put_num(char *b, float v)
{
	return put_cents(b, cents(v));
}

/* "r g b op\n" */
static void colour(struct pen *p, struct az_rgb c, const char *op)
{
	char b[64], *e = put_num(put_num(put_num(b, c.r), c.g), c.b);
	size_t n = strlen(op);
	memcpy(e, op, n), e += n;
	*e++ = '\n';
	raw(p, b, (size_t)(e - b));
}

static void line_width(struct pen *p, float lw)
{
	char b[32], *e = put_num(b, lw);
	*e++ = 'w', *e++ = '\n';
	raw(p, b, (size_t)(e - b));
}

/* The id that draws cp in its font's subset: its code in mixed codes; with Identity-H, an alias
 * (font.h) is drawn as the glyph it names. */
static uint16_t gid_of(const struct az_render *r, int face, uint32_t cp)
{
	if (face < 0 || face >= r->nfaces)
		return 0;
	const struct az_subset *s = &r->sub[face];
	uint16_t id = az_subset_gid(s, cp);
	return id >= s->nglyphs && !r->mixed[face] ? s->alias[id - s->nglyphs] : id;
}
/* Writes the code of a glyph (tounicode.h) into a literal string, escaped; returns the end. */
static char *put_code(char *e, uint16_t gid, int mixed)
{
	unsigned char u[2], *end = az_glyph_code(u, gid, mixed);
	for (unsigned char *k = u; k < end; k++) {
		if (*k == '(' || *k == ')' || *k == '\\')
			*e++ = '\\', *e++ = (char)*k;
		else if (*k == '\r') /* a bare CR would be read as LF */
			*e++ = '\\', *e++ = 'r';
		else
			*e++ = (char)*k;
	}
	return e;
}

/* The slot of a key (code_key). */
static struct code_slot *slot_of(struct az_render *r, uint32_t key)
{
	return &r->codes[(key * 0x9E3779B1u) >> (32 - CODE_BITS)]; /* Fibonacci hashing: the top bits */
}

/* The key of the character at u (n bytes left) and its length in *len: its bytes when it is
 * ASCII or of the three-byte form, else 0 (not kept). */
static uint32_t code_key(const unsigned char *u, size_t n, size_t *len)
{
	if (u[0] < 0x80)
		return *len = 1, u[0];
	if ((u[0] & 0xF0) == 0xE0 && n >= 3)
		return *len = 3, (uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2];
	return *len = 0, 0;
}

/* cp's face and code in the slot of key (when key is not 0), or else in *tmp; NULL when no font
 * has cp. */
static const struct code_slot *code_of(struct az_render *r, uint32_t cp, uint32_t key, struct code_slot *tmp)
{
	int face = az_font_face_of(r->font_set, cp);
	if (face < 0)
		return NULL;
	struct code_slot *c = key ? slot_of(r, key) : tmp;
	char *e = put_code(c->code, gid_of(r, face, cp), r->mixed[face]);
	c->key = key, c->face = (uint8_t)face, c->len = (uint8_t)(e - c->code);
	return c;
}

/* The face that draws the substitute (0 when none does). */
static int substitute_face(const struct az_render *r)
{
	int face = az_font_face_of(r->font_set, az_font_substitute(r->font_set));
	return face < 0 ? 0 : face;
}

/* "/Span << /ActualText <FEFF...> >> BDC " for cp, in UTF-16BE; returns its length. */
static int actual_span(char *e, uint32_t cp)
{
	if (cp > 0xFFFF) {
		cp -= 0x10000;
		return sprintf(e, "/Span << /ActualText <FEFF%04X%04X> >> BDC ", (unsigned)(0xD800 + (cp >> 10)),
			       (unsigned)(0xDC00 + (cp & 0x3FF)));
	}
	return sprintf(e, "/Span << /ActualText <FEFF%04X> >> BDC ", (unsigned)cp);
}

/* "/Fk size Tf " */
static char *set_font(struct pen *p, char *e, int face, float size)
{
	*e++ = '/', *e++ = 'F', *e++ = (char)('1' + face), *e++ = ' '; /* at most AZ_MAX_FACES (8) */
	e = put_num(e, size);
	*e++ = 'T', *e++ = 'f', *e++ = ' ';
	p->face = face, p->size = size;
	return e;
}

#define SHOW_ROOM 512

/* "dx dy Td (...) Tj": s as literal strings of the codes of the glyphs of each font's subset
 * (tounicode.h), one "/Fk size Tf (...) Tj" per run of characters from one font. Positions are
 * rounded absolutely, so relative moves add up to no error; a run continues where the previous
 * one ended (Tj advances by the widths of the font's /W). */
static void show(struct pen *p, float x, float y, float size, const char *s)
{
	/* straight into the content, in steps of SHOW_ROOM bytes (a character takes at most 128) */
	char *e = buf_room(p->out, SHOW_ROOM), *end = e + SHOW_ROOM - 128;
	if (!e)
		return; /* out of memory: the page fails */
	long cx = cents(x), cy = cents(y);
	e = put_cents(put_cents(e, cx - p->tx), cy - p->ty);
	p->tx = cx, p->ty = cy;
	*e++ = 'T', *e++ = 'd', *e++ = ' ';
	size_t n = strlen(s);
	int open = 0; /* inside a string */
	int cur = size == p->size ? p->face : -1; /* the font set (-1: a Tf is due) */
	struct az_render *r = p->r;
	for (size_t i = 0; i < n;) {
		if (e > end) {
			buf_done(p->out, e);
			if (!(e = buf_room(p->out, SHOW_ROOM)))
				return;
			end = e + SHOW_ROOM - 128;
		}
		size_t len;
		uint32_t key = code_key((const unsigned char *)s + i, n - i, &len), cp = 0;
		const struct code_slot *c = slot_of(r, key);
		struct code_slot tmp;
		if (key && c->key == key) {
			i += len;
		} else {
			size_t at = i;
			cp = az_utf8_next(s, n, &i);
			c = code_of(r, cp, i - at == len ? key : 0, &tmp);
		}
		if (!c) {
			/* no font has it: the substitute is drawn, and the text layer keeps the character */
			if (open)
				*e++ = ')', *e++ = ' ', *e++ = 'T', *e++ = 'j', *e++ = ' ', open = 0;
			int face = substitute_face(r);
			if (face != cur)
				e = set_font(p, e, face, size), cur = face;
			e += actual_span(e, cp);
			*e++ = '(';
			e = put_code(e, gid_of(r, face, az_font_substitute(r->font_set)), r->mixed[face]);
			memcpy(e, ") Tj EMC ", 9), e += 9;
			continue;
		}
		if (c->face != cur) {
			if (open)
				*e++ = ')', *e++ = ' ', *e++ = 'T', *e++ = 'j', *e++ = ' ', open = 0;
			e = set_font(p, e, c->face, size), cur = c->face;
		}
		if (!open)
			*e++ = '(', open = 1;
		memcpy(e, c->code, sizeof c->code);
		e += c->len;
	}
	if (open)
		*e++ = ')', *e++ = ' ', *e++ = 'T', *e++ = 'j';
	*e++ = '\n';
	buf_done(p->out, e);
}

static void paint(struct pen *p)
{
	int kind = p->pending;
	p->pending = -1;
	if (kind == AZ_OP_FILL)
		raw(p, "f\n", 2);
	else if (kind == AZ_OP_LINE)
		raw(p, "S\n", 2);
}

static void line(struct pen *p, float x0, float y0, float x1, float y1)
{
	char b[96], *e = b;
	e = put_num(put_num(e, x0), y0);
	*e++ = 'm', *e++ = ' ';
	e = put_num(put_num(e, x1), y1);
	*e++ = 'l', *e++ = '\n';
	raw(p, b, (size_t)(e - b));
}

/* Runs of rectangles or rules of one colour and width are one path. */
static void draw_op(struct pen *p, const struct az_op *o, const char *pool)
{
	if (o->kind == AZ_OP_GRID)
		return; /* draw_grids */
	int path = o->kind;
	if (p->pending >= 0 && (path != p->pending || (path == AZ_OP_FILL && !same(o->rgb, p->fill)) ||
				(path == AZ_OP_LINE && (!same(o->rgb, p->stroke) || o->lw != p->lw))))
		paint(p);
	if (o->kind == AZ_OP_TEXT) {
		if (!p->in_text) {
			raw(p, "BT\n", 3);
			p->in_text = 1;
			p->tx = p->ty = 0; /* BT: the text matrix is the identity */
		}
		if (!same(o->rgb, p->fill)) {
			colour(p, o->rgb, "rg");
			p->fill = o->rgb;
		}
		if (o->bold != p->bold) {
			/* IPAexGothic has no bold face: a thin outline thickens the strokes. */
			raw(p, o->bold ? "2 Tr\n" : "0 Tr\n", 5);
			p->bold = o->bold;
		}
		if (o->bold && (!same(o->rgb, p->stroke) || p->lw != o->size * 0.035f)) {
			colour(p, o->rgb, "RG");
			line_width(p, o->size * 0.035f);
			p->stroke = o->rgb, p->lw = o->size * 0.035f;
		}
		show(p, o->x, o->y, o->size, pool + o->off);
		return;
	}
	/* no path operators inside a text object */
	if (p->in_text) {
		raw(p, "ET\n", 3);
		p->in_text = 0;
	}
	if (o->kind == AZ_OP_FILL) {
		if (!same(o->rgb, p->fill)) {
			colour(p, o->rgb, "rg");
			p->fill = o->rgb;
		}
		char b[128], *e = put_num(put_num(put_num(put_num(b, o->x), o->y), o->w), o->h);
		*e++ = 'r', *e++ = 'e', *e++ = '\n';
		raw(p, b, (size_t)(e - b));
	} else {
		if (!same(o->rgb, p->stroke)) {
			colour(p, o->rgb, "RG");
			p->stroke = o->rgb;
		}
		if (o->lw != p->lw) {
			line_width(p, o->lw);
			p->lw = o->lw;
		}
		line(p, o->x, o->y, o->x + o->w, o->y + o->h);
	}
	p->pending = path;
}

/* 1 if grid row b continues a directly below it: the same rules, edges and width. */
static int continues(const struct az_doc *d, const struct az_op *a, const struct az_op *b)
{
	const float *ga = d->grids + a->off, *gb = d->grids + b->off;
	if (cents(a->y - a->h) != cents(b->y) || cents(a->x) != cents(b->x) || cents(a->w) != cents(b->w) ||
	    a->lw != b->lw || !same(a->rgb, b->rgb) || ga[0] != gb[0])
		return 0;
	for (size_t i = 1; i <= (size_t)ga[0]; i++)
		if (cents(ga[i]) != cents(gb[i]))
			return 0;
	return 1;
}

/* The column rules of the run of grid rows that began at top and ends with the row last. */
static void column_rules(struct pen *p, const struct az_doc *d, const struct az_op *top, const struct az_op *last)
{
	const float *g = d->grids + last->off;
	for (size_t i = 1; i <= (size_t)g[0]; i++)
		line(p, g[i], top->y, g[i], last->y - last->h);
}

/* The table rules of a page (AZ_OP_GRID), drawn after everything else: a row's top rule is the
 * bottom rule of the row above, and the column rules of rows one below another are one line each,
 * so a table's rules are a fraction of what its rows listed (they were a third of the content).
 * Drawn last, no cell's fill covers half a rule's width. */
static void draw_grids(struct pen *p, const struct az_doc *d, size_t first, size_t end)
{
	const struct az_op *prev = NULL, *top = NULL;
	for (size_t k = first; k < end; k++) {
		const struct az_op *o = az_doc_op(d, k);
		if (o->kind != AZ_OP_GRID)
			continue;
		int on = prev && continues(d, prev, o);
		if (!on && top)
			column_rules(p, d, top, prev);
		if (!on)
			top = o;
		if (!same(o->rgb, p->stroke) || o->lw != p->lw) {
			paint(p);
			if (!same(o->rgb, p->stroke))
				colour(p, o->rgb, "RG"), p->stroke = o->rgb;
			if (o->lw != p->lw)
				line_width(p, o->lw), p->lw = o->lw;
		}
		if (!on)
			line(p, o->x, o->y, o->x + o->w, o->y);
		line(p, o->x, o->y - o->h, o->x + o->w, o->y - o->h);
		p->pending = AZ_OP_LINE;
		prev = o;
	}
	if (top)
		column_rules(p, d, top, prev);
	paint(p);
}

/* A pen in PDF's initial graphics state (black, width 1) writing to out. */
static struct pen pen_new(struct az_render *r, struct buf *out)
{
	struct pen p = { 0 };
	p.r = r, p.out = out, p.face = -1, p.pending = -1, p.lw = 1;
	return p;
}

static void pen_done(struct pen *p)
{
	paint(p);
	if (p->in_text)
		raw(p, "ET\n", 3), p->in_text = 0;
}

/* Header: left and right texts over a rule; footer: left, "n / N", right under a rule. All but
 * "n / N" is the same on every page, so it is one Form XObject (running_form) each page draws. */
#define RUN_SIZE 8.0f
#define RUN_LEFT 45.0f
#define RUN_RIGHT (AZ_PAGE_W - 45.0f)

static void draw_running(struct az_doc *d, struct pen *p, size_t page, size_t npages)
{
	const struct az_rgb black = { 0, 0, 0 }; /* a grey footer fades on a copier */
	raw(p, "/H1 Do\n", 7);
	char num[48];
	snprintf(num, sizeof num, "%zu / %zu", page + 1, npages);
	struct az_op o = { .kind = AZ_OP_TEXT, .x = (AZ_PAGE_W - text_width(d->font, num, RUN_SIZE)) / 2, .y = 30,
			   .size = RUN_SIZE, .rgb = black };
	draw_op(p, &o, num); /* o.off is 0: the text is num itself */
}

/* The UTF-16BE of s in hex, as the /ActualText of the running texts: what they say, for text
 * extraction and for anzen verify (export/verify.c), which finds the fingerprint there. */
static void put_actual(struct buf *out, const char *s)
{
	size_t n = strlen(s);
	char b[16];
	buf_put(out, "/Span << /ActualText <FEFF", 26);
	for (size_t i = 0; i < n;) {
		uint32_t cp = az_utf8_next(s, n, &i);
		if (cp > 0xFFFF)
			cp -= 0x10000, snprintf(b, sizeof b, "%04X%04X", (unsigned)(0xD800 + (cp >> 10)),
						(unsigned)(0xDC00 + (cp & 0x3FF)));
		else
			snprintf(b, sizeof b, "%04X", (unsigned)cp);
		buf_put(out, b, strlen(b));
	}
	buf_put(out, "> >> BDC\n", 9);
}

/* The Form XObject /H1: the two rules and the four running texts. Left uncompressed (a few
 * hundred bytes): anzen verify finds the fingerprint printed there. */
static int running_form(struct az_doc *d, struct az_render *r, unsigned num, const char *fonts)
{
	struct buf out = { 0 };
	char b[256], *e = b;
	/* the rules: grey, 0.4 wide; then the texts, black, 8 pt */
	e += sprintf(e, "q\n0.55 0.55 0.55 RG\n0.4 w\n");
	e = put_num(put_num(e, RUN_LEFT), AZ_PAGE_H - 44);
	e += sprintf(e, "m ");
	e = put_num(put_num(e, RUN_RIGHT), AZ_PAGE_H - 44);
	e += sprintf(e, "l\n");
	e = put_num(put_num(e, RUN_LEFT), 42);
	e += sprintf(e, "m ");
	e = put_num(put_num(e, RUN_RIGHT), 42);
	e += sprintf(e, "l\nS\nBT\n0 g\n");
	buf_put(&out, b, (size_t)(e - b));
	const float x[4] = { RUN_LEFT, RUN_RIGHT, RUN_LEFT, RUN_RIGHT }, y[4] = { AZ_PAGE_H - 38, AZ_PAGE_H - 38, 30, 30 };
	struct pen pen = pen_new(r, &out);
	for (int i = 0; i < 4; i++) {
		const size_t *h = d->header;
		if (h[i] == (size_t)-1 || !d->pool[h[i]])
			continue;
		const char *t = d->pool + h[i];
		float tx = i % 2 ? x[i] - text_width(d->font, t, RUN_SIZE) : x[i];
		put_actual(&out, t);
		show(&pen, tx, y[i], RUN_SIZE, t);
		buf_put(&out, "EMC\n", 4);
	}
	buf_put(&out, "ET\nQ\n", 5);
	int rc = out.oom ? ENOMEM : 0;
	if (!rc) {
		char dict[640];
		snprintf(dict, sizeof dict, " /Type /XObject /Subtype /Form /BBox [ 0 0 %.3f %.2f ] /Resources << /Font << %s >> >>",
			 AZ_PAGE_W, AZ_PAGE_H, fonts);
		az_pdfw_stream(&r->w, num, dict, out.s, out.n, PAGE_LEVEL);
	}
	free(out.s);
	return rc;
}

/* The /W array: the widths that differ from /DW 1000, as runs "first [w w ...]" (most of a
 * Japanese font is 1000 wide). */
static void put_widths(struct az_pdfw *w, const struct az_subset *sub)
{
	az_pdfw_puts(w, " /W [");
	char b[512];
	size_t k = 0;
	for (unsigned g = 0; g < sub->nglyphs;) {
		if (sub->widths[g] == 1000) {
			g++;
			continue;
		}
		b[k++] = ' ';
		k = (size_t)(put_uint(b + k, g) - b);
		b[k++] = '[';
		for (; g < sub->nglyphs && sub->widths[g] != 1000; g++) {
			b[k++] = ' ';
			k = (size_t)(put_uint(b + k, sub->widths[g]) - b) - 1; /* no space after it */
			if (k > sizeof b - 32)
				az_pdfw_put(w, b, k), k = 0;
		}
		b[k++] = ' ', b[k++] = ']';
	}
	az_pdfw_put(w, b, k);
	az_pdfw_puts(w, " ]");
}

/* A subset as a Type 0 font with a CIDFontType2 descendant whose CIDs are the subset's glyph
 * ids (/CIDToGIDMap /Identity), its widths (/W), the TrueType program (/FontFile2) and a
 * /ToUnicode CMap. */
static int put_font(struct az_pdfw *w, const struct az_subset *sub, unsigned t0, int mixed)
{
	unsigned file = az_pdfw_reserve(w), tu = az_pdfw_reserve(w), desc = az_pdfw_reserve(w),
		 cid = az_pdfw_reserve(w), enc = mixed ? az_pdfw_reserve(w) : 0;
	char dict[64];
	snprintf(dict, sizeof dict, " /Length1 %zu", sub->len);
	az_pdfw_stream(w, file, dict, sub->data, sub->len, FONT_LEVEL);
	size_t len, n = 0;
	char *cmap = mixed ? az_mixed_cmap(sub->nglyphs, sub->alias, sub->nalias, &len) : NULL;
	if (mixed && !cmap)
		return ENOMEM;
	if (mixed)
		az_pdfw_stream(w, enc,
			       " /Type /CMap /CMapName /Anzen-Mixed /CIDSystemInfo << /Registry (Adobe) /Ordering"
			       " (Identity) /Supplement 0 >>",
			       cmap, len, FONT_LEVEL);
	free(cmap);
	/* each code to its character: with Identity-H an alias shares its glyph's code, and the
	 * character that glyph was first drawn for keeps it */
	uint16_t *ids = malloc((sub->n + 1) * sizeof *ids);
	uint32_t *cps = malloc((sub->n + 1) * sizeof *cps);
	for (size_t i = 0; ids && cps && i < sub->n; i++)
		if (sub->gids[i] && (mixed || sub->gids[i] < sub->nglyphs))
			ids[n] = sub->gids[i], cps[n++] = sub->cps[i];
	cmap = ids && cps ? az_tounicode_cmap(ids, cps, n, mixed, &len) : NULL;
	free(ids);
	free(cps);
	if (!cmap)
		return ENOMEM;
	az_pdfw_stream(w, tu, "", cmap, len, FONT_LEVEL);
	free(cmap);
	az_pdfw_begin_packed(w, desc);
	az_pdfw_printf(w,
		       "<< /Type /FontDescriptor /FontName /%s /Flags 4 /FontBBox [ %d %d %d %d ] /ItalicAngle 0"
		       " /Ascent %d /Descent %d /CapHeight %d /StemV 80 /FontFile2 %u 0 R >>",
		       sub->name, sub->bbox[0], sub->bbox[1], sub->bbox[2], sub->bbox[3], sub->ascent, sub->descent,
		       sub->cap_height, file);
	az_pdfw_end(w);
	az_pdfw_begin_packed(w, cid);
	az_pdfw_printf(w,
		       "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe)"
		       " /Ordering (Identity) /Supplement 0 >> /FontDescriptor %u 0 R /DW 1000",
		       sub->name, desc);
	put_widths(w, sub);
	az_pdfw_puts(w, " /CIDToGIDMap /Identity >>");
	az_pdfw_end(w);
	char encoding[32] = "/Identity-H";
	if (enc)
		snprintf(encoding, sizeof encoding, "%u 0 R", enc);
	az_pdfw_begin_packed(w, t0);
	az_pdfw_printf(w,
		       "<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding %s /DescendantFonts [ %u 0 R ]"
		       " /ToUnicode %u 0 R >>",
		       sub->name, encoding, cid, tu);
	az_pdfw_end(w);
	return 0;
}

/* The document information: the texts, the producer, the fingerprint and room for the seal
 * (anzen verify), and the dates. */
static void put_info(struct az_doc *d, struct az_pdfw *w, unsigned num)
{
	static const char *const keys[5] = { "Title", "Author", "Subject", "Creator", "Keywords" };
	az_pdfw_begin(w, num);
	az_pdfw_puts(w, "<<");
	for (int i = 0; i < 5; i++)
		if (d->info[i] != (size_t)-1) {
			az_pdfw_printf(w, " /%s ", keys[i]);
			az_pdfw_text(w, d->pool + d->info[i]);
		}
	az_pdfw_puts(w, " /Producer (anzen " PACKAGE_VERSION ")");
	if (d->fingerprint[0])
		az_pdfw_printf(w, " /AnzenFingerprint (%s) /" AZ_SEAL_KEY " (" AZ_SEAL_BLANK ")", d->fingerprint);
	if (d->date[0]) {
		char t[24];
		snprintf(t, sizeof t, "D:%.4s%.2s%.2s000000Z", d->date, d->date + 5, d->date + 8);
		az_pdfw_printf(w, " /CreationDate (%s) /ModDate (%s)", t, t);
	}
	az_pdfw_puts(w, " >>");
	az_pdfw_end(w);
}

/* A name: '/' and bytes outside the regular characters as #xx. */
static void put_name(struct az_pdfw *w, const char *s)
{
	az_pdfw_put(w, "/", 1);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '+' ||
		    c == '-')
			az_pdfw_put(w, s, 1);
		else
			az_pdfw_printf(w, "#%02X", c);
	}
}

/* An embedded file: its stream (already deflated by az_doc_attach) and its /Filespec, whose
 * number goes to a->spec; the data is freed. */
static void put_attachment(struct az_pdfw *w, struct az_attachment *a)
{
	unsigned file = az_pdfw_reserve(w);
	a->spec = az_pdfw_reserve(w);
	az_pdfw_begin(w, file);
	az_pdfw_puts(w, "<< /Type /EmbeddedFile /Subtype ");
	put_name(w, a->mime);
	az_pdfw_printf(w, " /Params << /Size %zu >> /Filter /FlateDecode /Length %zu >>\nstream\n", a->len, a->zlen);
	az_pdfw_put(w, a->data, a->zlen);
	az_pdfw_puts(w, "\nendstream");
	az_pdfw_end(w);
	az_pdfw_begin_packed(w, a->spec);
	az_pdfw_puts(w, "<< /Type /Filespec /F ");
	az_pdfw_text(w, a->name);
	az_pdfw_puts(w, " /UF ");
	az_pdfw_text(w, a->name);
	az_pdfw_printf(w, " /EF << /F %u 0 R >> >>", file);
	az_pdfw_end(w);
	free(a->data);
	a->data = NULL;
}

static int write_fail(struct az_error *err, int e);

int az_render_attachment(struct az_doc *d, size_t i, struct az_error *err)
{
	struct az_render *r = d->render;
	put_attachment(&r->w, &d->att[i]);
	return az_pdfw_error(&r->w) ? write_fail(err, az_pdfw_error(&r->w)) : AZ_OK;
}

/* The embedded files not yet written, and the numbers of every /Filespec in spec[]. */
static void put_attachments(struct az_doc *d, struct az_pdfw *w, unsigned *spec)
{
	for (size_t i = 0; i < d->natt; i++) {
		if (!d->att[i].spec)
			put_attachment(w, &d->att[i]);
		spec[i] = d->att[i].spec;
	}
}

/* The catalogue, with the name tree of the attachments (keys in byte order). */
static int put_catalog(struct az_doc *d, struct az_render *r, const unsigned *spec)
{
	struct az_pdfw *w = &r->w;
	size_t *order = malloc((d->natt ? d->natt : 1) * sizeof *order);
	if (!order)
		return ENOMEM;
	for (size_t i = 0; i < d->natt; i++) {
		size_t k = i;
		while (k > 0 && strcmp(d->att[order[k - 1]].name, d->att[i].name) > 0)
			order[k] = order[k - 1], k--;
		order[k] = i;
	}
	az_pdfw_begin_packed(w, r->catalog);
	az_pdfw_printf(w, "<< /Type /Catalog /Pages %u 0 R", r->pages);
	if (d->natt) {
		az_pdfw_puts(w, " /Names << /EmbeddedFiles << /Names [");
		for (size_t i = 0; i < d->natt; i++) {
			az_pdfw_puts(w, " ");
			az_pdfw_text(w, d->att[order[i]].name);
			az_pdfw_printf(w, " %u 0 R", spec[order[i]]);
		}
		az_pdfw_puts(w, " ] >> >>");
	}
	az_pdfw_puts(w, " >>");
	az_pdfw_end(w);
	free(order);
	return 0;
}

/* --- the renderer --- */

void az_render_free(struct az_render *r)
{
	if (!r)
		return;
	az_pdfw_free(&r->w);
	if (r->fp && !r->borrowed)
		fclose(r->fp);
	for (int k = 0; k < r->nfaces; k++)
		az_subset_free(&r->sub[k]);
	free(r->page_obj);
	free(r->content.s);
	free(r);
}

/* The message for errno e while writing. */
static int write_fail(struct az_error *err, int e)
{
	if (e == ENOMEM)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	return az_fail(err, AZ_IOERR,
		       _("cannot write the PDF (%s): the disk may be full; free some space and try again"),
		       strerror(e ? e : EIO));
}

/* Everything before the pages: the fonts, the running form, the shared resources, the document
 * information. */
static int put_head(struct az_doc *d, struct az_render *r)
{
	struct az_pdfw *w = &r->w;
	r->catalog = az_pdfw_reserve(w);
	r->pages = az_pdfw_reserve(w);
	r->resources = az_pdfw_reserve(w);
	r->info = az_pdfw_reserve(w);
	unsigned form = az_pdfw_reserve(w);
	char fonts[AZ_MAX_FACES * 24] = "";
	size_t k = 0;
	for (int f = 0; f < r->nfaces; f++)
		r->mixed[f] = r->sub[f].nglyphs + r->sub[f].nalias <= AZ_MIXED_MAX;
	for (int f = 0; f < r->nfaces; f++) {
		unsigned t0 = az_pdfw_reserve(w);
		k += (size_t)snprintf(fonts + k, sizeof fonts - k, "%s/F%d %u 0 R", f ? " " : "", f + 1, t0);
		int rc = put_font(w, &r->sub[f], t0, r->mixed[f]);
		if (rc)
			return rc;
		/* the program is written: only the glyph map is needed from here on */
		free(r->sub[f].data);
		r->sub[f].data = NULL;
	}
	int rc = running_form(d, r, form, fonts);
	if (rc)
		return rc;
	az_pdfw_begin_packed(w, r->resources);
	az_pdfw_printf(w, "<< /Font << %s >> /XObject << /H1 %u 0 R >> >>", fonts, form);
	az_pdfw_end(w);
	put_info(d, w, r->info);
	return az_pdfw_error(w);
}

static int render_start(struct az_doc *d, FILE *fp, int borrowed, struct az_error *err)
{
	struct az_render *r = calloc(1, sizeof *r);
	if (!r) {
		if (fp && !borrowed)
			fclose(fp);
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	}
	d->render = r;
	r->fp = fp, r->borrowed = borrowed;
	if (!fp)
		return write_fail(err, errno);
	az_pdfw_init(&r->w, fp, "1.7"); /* 1.7: the attachment's /UF */
	/* the running texts and the page numbers */
	for (const char *c = " /0123456789"; *c; c++)
		az_font_use(d->font, (uint32_t)*c);
	r->font_set = d->font;
	for (int k = 0; k < az_font_nfaces(d->font); k++) {
		int rc = az_font_subset_face(d->font, k, &r->sub[k], err);
		if (rc != AZ_OK)
			return rc;
		r->nfaces = k + 1;
	}
	int e = put_head(d, r);
	return e ? write_fail(err, e) : AZ_OK;
}

int az_render_open(struct az_doc *d, FILE *fp, struct az_error *err)
{
	return render_start(d, fp, 1, err);
}

int az_render_page(struct az_doc *d, size_t first, size_t end, struct az_error *err)
{
	struct az_render *r = d->render;
	struct buf *out = &r->content;
	out->n = 0;
	struct pen p = pen_new(r, out);
	/* q ... Q: the running texts start again from the initial graphics state */
	raw(&p, "q\n", 2);
	for (size_t k = first; k < end; k++)
		draw_op(&p, az_doc_op(d, k), d->pool);
	pen_done(&p);
	draw_grids(&p, d, first, end);
	raw(&p, "Q\n", 2);
	/* a streamed document knows its length from its first pass */
	size_t total = d->stream ? d->expect : d->npages;
	struct pen run = pen_new(r, out);
	draw_running(d, &run, r->npages, total);
	pen_done(&run);
	if (r->npages == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		unsigned *v = realloc(r->page_obj, cap * sizeof *v);
		if (!v)
			return write_fail(err, ENOMEM);
		r->page_obj = v, r->cap = cap;
	}
	if (out->oom)
		return write_fail(err, ENOMEM);
	struct az_pdfw *w = &r->w;
	unsigned page = az_pdfw_reserve(w), contents = az_pdfw_reserve(w);
	az_pdfw_stream(w, contents, "", out->s, out->n, total > LONG_PAGES ? LONG_LEVEL : PAGE_LEVEL);
	/* "<< /Type /Page /Parent %u 0 R /Resources %u 0 R /Contents %u 0 R >>", without printf */
	char b[128], *e = b;
	memcpy(e, "<< /Type /Page /Parent ", 23), e = put_uint(e + 23, r->pages);
	memcpy(e, "0 R /Resources ", 15), e = put_uint(e + 15, r->resources);
	memcpy(e, "0 R /Contents ", 14), e = put_uint(e + 14, contents);
	memcpy(e, "0 R >>", 6), e += 6;
	az_pdfw_begin_packed(w, page);
	az_pdfw_put(w, b, (size_t)(e - b));
	az_pdfw_end(w);
	r->page_obj[r->npages++] = page;
	if (az_pdfw_error(w))
		return write_fail(err, az_pdfw_error(w));
	return AZ_OK;
}

/* The attachments, the page tree, the catalogue, the cross-reference table. */
static int put_tail(struct az_doc *d, struct az_render *r)
{
	struct az_pdfw *w = &r->w;
	unsigned *spec = malloc((d->natt ? d->natt : 1) * sizeof *spec);
	if (!spec)
		return ENOMEM;
	put_attachments(d, w, spec);
	az_pdfw_begin_packed(w, r->pages);
	az_pdfw_puts(w, "<< /Type /Pages /Kids [");
	for (size_t i = 0; i < r->npages; i++)
		az_pdfw_printf(w, " %u 0 R", r->page_obj[i]);
	az_pdfw_printf(w, " ] /Count %zu /MediaBox [ 0 0 %.3f %.2f ] >>", r->npages, AZ_PAGE_W, AZ_PAGE_H);
	az_pdfw_end(w);
	int rc = put_catalog(d, r, spec);
	free(spec);
	return rc ? rc : az_pdfw_finish(w, r->catalog, r->info);
}

int az_render_close(struct az_doc *d, struct az_error *err)
{
	struct az_render *r = d->render;
	if (d->stream && r->npages != d->expect)
		return az_fail(err, AZ_IOERR, "internal error: %zu pages, %zu in the first pass", r->npages, d->expect);
	int e = put_tail(d, r);
	if (e)
		return write_fail(err, e);
	return AZ_OK;
}

#define IOBUF (64 * 1024)

/* A laid-out (not streamed) document, drawn whole: straight into the file, or into memory. */
static int render_all(struct az_doc *d, const char *path, char **out, size_t *len, struct az_error *err)
{
	char *mem = NULL;
	size_t n = 0;
	FILE *fp = path ? fopen(path, "wb") : open_memstream(&mem, &n);
	/* a few writes for a short PDF, not one per 4 KiB (below malloc's mmap threshold) */
	char *iobuf = fp && path ? malloc(IOBUF) : NULL;
	if (iobuf && setvbuf(fp, iobuf, _IOFBF, IOBUF) != 0)
		free(iobuf), iobuf = NULL;
	int rc = render_start(d, fp, 0, err);
	for (size_t i = 0; rc == AZ_OK && i < d->npages; i++)
		rc = az_render_page(d, d->page_first[i], i + 1 < d->npages ? d->page_first[i + 1] : d->nops, err);
	if (rc == AZ_OK)
		rc = az_render_close(d, err);
	struct az_render *r = d->render;
	if (r && r->fp) {
		int bad = fclose(r->fp) != 0;
		r->fp = NULL;
		if (bad && rc == AZ_OK)
			rc = write_fail(err, errno);
	}
	az_render_free(d->render); /* closes fp if it is still open */
	d->render = NULL;
	free(iobuf);
	if (rc == AZ_OK && !path)
		*out = mem, *len = n;
	else
		free(mem);
	return rc;
}

int az_doc_render(struct az_doc *d, char **out, size_t *len, struct az_error *err)
{
	*out = NULL, *len = 0;
	return render_all(d, NULL, out, len, err);
}

int az_doc_render_file(struct az_doc *d, const char *path, struct az_error *err)
{
	return render_all(d, path, NULL, NULL, err);
}
