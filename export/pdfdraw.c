/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Draws a laid-out document with libharu 2.3.0 as the PDF object writer: the font subsets as CID
 * fonts built here, pages, running header and footer, document information and attachments.
 * Every libharu status is checked; the error handler only records (no longjmp), and the first
 * error abandons the document. */
#include <config.h>

#include <errno.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_catalog.h>
#include <hpdf_namedict.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <zlib.h>

#include "export/doc.h"
#include "base/linebreak.h"
#include "export/seal.h"
#include "export/tounicode.h"
#include "base/i18n.h"

struct hpdf_state {
	HPDF_STATUS error, detail;
	int eno; /* errno when libharu reported its first error: why a write failed */
};

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
	struct hpdf_state *st = user;
	if (st->error == HPDF_OK)
		st->error = error, st->detail = detail, st->eno = errno;
}

/* Fails with the recorded libharu error, or with status when the handler saw none. */
static int hpdf_fail(struct az_error *err, const struct hpdf_state *st, HPDF_STATUS status, const char *stage)
{
	HPDF_STATUS e = st->error != HPDF_OK ? st->error : status;
	if (e == HPDF_FAILD_TO_ALLOC_MEM)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	if (e == HPDF_FILE_IO_ERROR || e == HPDF_FILE_OPEN_ERROR || st->detail == HPDF_FILE_IO_ERROR)
		return az_fail(err, AZ_IOERR, _("cannot write the PDF (%s): the disk may be full; free some space and "
						"try again"), strerror(st->eno ? st->eno : EIO));
	return az_fail(err, AZ_IOERR, _("PDF library error 0x%04X (detail %u) while %s"), (unsigned)e,
		       (unsigned)st->detail, stage);
}

#define CHECK(call)                                 \
	do {                                        \
		status = (call);                    \
		if (status != HPDF_OK || st->error) \
			return status ? status : st->error; \
	} while (0)

struct az_render {
	struct hpdf_state st;
	HPDF_Doc pdf;
	struct az_font *font_set;
	struct az_subset sub[AZ_MAX_FACES];
	int nfaces;
	HPDF_Dict resources; /* shared by every page: << /Font << /F1 font >> /XObject << /H1 form >> >> */
	HPDF_Dict form;      /* the running header and footer */
	HPDF_Page *pages;
	size_t npages, cap;
};

static float text_width(struct az_font *f, const char *s, float size)
{
	long w = 0;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;)
		w += az_font_width(f, az_utf8_next(s, n, &i));
	return (float)w * size / 1000.0f;
}

struct pen {
	HPDF_Page page;
	const struct az_render *r;
	HPDF_Stream stream; /* where to write; NULL: the page's content */
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

/* Paths are written into the content stream directly: libharu's MoveTo/LineTo/Rectangle clear a
 * 512-byte buffer byte by byte on every call, which was a tenth of a large export. Runs of
 * rectangles or rules of one colour and width are one path. */
static HPDF_STATUS raw(struct pen *p, const char *s, size_t n)
{
	HPDF_Stream out = p->stream ? p->stream : ((HPDF_PageAttr)p->page->attr)->stream;
	return HPDF_Stream_Write(out, (const HPDF_BYTE *)s, (HPDF_UINT)n);
}

static long cents(float v)
{
	return (long)(v * 100.0f + (v < 0 ? -0.5f : 0.5f));
}

/* c hundredths as a number with at most two decimals, trailing zeros dropped ("12.5", "-3"). */
static char *put_cents(char *b, long c)
{
	if (c < 0)
		*b++ = '-', c = -c;
	/* the integer part by hand: printf was a twentieth of a hospital's export */
	char digits[24];
	int n = 0;
	long q = c / 100;
	do
		digits[n++] = (char)('0' + q % 10), q /= 10;
	while (q);
	while (n)
		*b++ = digits[--n];
	if (c % 100) {
		*b++ = '.';
		*b++ = (char)('0' + c % 100 / 10);
		if (c % 10)
			*b++ = (char)('0' + c % 10);
	}
	*b++ = ' ';
	return b;
}

/* v with at most two decimals, trailing zeros dropped ("12.5", "-3", "0.04"). */
static char *put_num(char *b, float v)
{
	return put_cents(b, cents(v));
}

/* The glyph id that draws cp in its font's subset. */
static uint16_t gid_of(const struct az_render *r, int face, uint32_t cp);

/* Writes bytes of a literal string, escaped; returns the end. */
static char *put_code(char *e, uint16_t code)
{
	unsigned char u[2] = { (unsigned char)(code >> 8), (unsigned char)code };
	for (int k = 0; k < 2; k++) {
		if (u[k] == '(' || u[k] == ')' || u[k] == '\\')
			*e++ = '\\', *e++ = (char)u[k];
		else if (u[k] == '\r') /* a bare CR would be read as LF */
			*e++ = '\\', *e++ = 'r';
		else
			*e++ = (char)u[k];
	}
	return e;
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

/* "dx dy Td (...) Tj": s as literal strings of 2-byte codes, the glyph ids of each font's subset
 * (Identity-H), one "/Fk size Tf (...) Tj" per run of characters from one font. Positions are
 * rounded absolutely, so relative moves add up to no error; a run continues where the previous
 * one ended (Tj advances by the widths of the font's /W). */
static HPDF_STATUS show(struct pen *p, float x, float y, float size, const char *s)
{
	long cx = cents(x), cy = cents(y);
	char b[512], *e = put_cents(put_cents(b, cx - p->tx), cy - p->ty);
	p->tx = cx, p->ty = cy;
	*e++ = 'T', *e++ = 'd', *e++ = ' ';
	size_t n = strlen(s);
	HPDF_STATUS status;
	int open = 0; /* inside a string */
	for (size_t i = 0; i < n;) {
		if (e > b + sizeof b - 128) {
			if ((status = raw(p, b, (size_t)(e - b))) != HPDF_OK)
				return status;
			e = b;
		}
		uint32_t cp = az_utf8_next(s, n, &i), actual = 0;
		int face = az_font_face_of(p->r->font_set, cp);
		if (face < 0) {
			/* no font has it: the substitute is drawn, and the text layer keeps the character */
			actual = cp;
			cp = az_font_substitute(p->r->font_set);
			face = az_font_face_of(p->r->font_set, cp);
			if (face < 0)
				face = 0;
		}
		if (actual && open)
			*e++ = ')', *e++ = ' ', *e++ = 'T', *e++ = 'j', *e++ = ' ', open = 0;
		if (face != p->face || size != p->size) {
			if (open)
				*e++ = ')', *e++ = ' ', *e++ = 'T', *e++ = 'j', *e++ = ' ', open = 0;
			*e++ = '/', *e++ = 'F', *e++ = (char)('1' + face), *e++ = ' '; /* at most AZ_MAX_FACES (8) */
			e = put_num(e, size);
			*e++ = 'T', *e++ = 'f', *e++ = ' ';
			p->face = face, p->size = size;
		}
		if (actual)
			e += actual_span(e, actual);
		if (!open)
			*e++ = '(', open = 1;
		e = put_code(e, gid_of(p->r, face, cp));
		if (actual)
			memcpy(e, ") Tj EMC ", 9), e += 9, open = 0;
	}
	if (open)
		*e++ = ')', *e++ = ' ', *e++ = 'T', *e++ = 'j';
	*e++ = '\n';
	return raw(p, b, (size_t)(e - b));
}

static HPDF_STATUS paint(struct pen *p, struct hpdf_state *st)
{
	(void)st;
	int kind = p->pending;
	p->pending = -1;
	if (kind == AZ_OP_FILL)
		return raw(p, "f\n", 2);
	if (kind == AZ_OP_LINE)
		return raw(p, "S\n", 2);
	return HPDF_OK;
}

static HPDF_STATUS line(struct pen *p, float x0, float y0, float x1, float y1)
{
	char b[96], *e = b;
	e = put_num(put_num(e, x0), y0);
	*e++ = 'm', *e++ = ' ';
	e = put_num(put_num(e, x1), y1);
	*e++ = 'l', *e++ = '\n';
	return raw(p, b, (size_t)(e - b));
}

static HPDF_STATUS draw_op(struct pen *p, const struct az_op *o, const struct az_doc *d, const char *pool,
			   struct hpdf_state *st)
{
	HPDF_STATUS status;
	int path = o->kind == AZ_OP_GRID ? AZ_OP_LINE : o->kind;
	if (p->pending >= 0 && (path != p->pending || (path == AZ_OP_FILL && !same(o->rgb, p->fill)) ||
				(path == AZ_OP_LINE && (!same(o->rgb, p->stroke) || o->lw != p->lw))))
		CHECK(paint(p, st));
	if (o->kind == AZ_OP_TEXT) {
		if (!p->in_text) {
			CHECK(HPDF_Page_BeginText(p->page));
			p->in_text = 1;
			p->tx = p->ty = 0; /* BT: the text matrix is the identity */
		}
		if (!same(o->rgb, p->fill)) {
			CHECK(HPDF_Page_SetRGBFill(p->page, o->rgb.r, o->rgb.g, o->rgb.b));
			p->fill = o->rgb;
		}
		if (o->bold != p->bold) {
			/* IPAexGothic has no bold face: a thin outline thickens the strokes. */
			CHECK(HPDF_Page_SetTextRenderingMode(p->page, o->bold ? HPDF_FILL_THEN_STROKE : HPDF_FILL));
			p->bold = o->bold;
		}
		if (o->bold && (!same(o->rgb, p->stroke) || p->lw != o->size * 0.035f)) {
			CHECK(HPDF_Page_SetRGBStroke(p->page, o->rgb.r, o->rgb.g, o->rgb.b));
			CHECK(HPDF_Page_SetLineWidth(p->page, o->size * 0.035f));
			p->stroke = o->rgb, p->lw = o->size * 0.035f;
		}
		CHECK(show(p, o->x, o->y, o->size, pool + o->off));
		return HPDF_OK;
	}
	/* Path operators inside a text object are an error (0x1051), so close it first. */
	if (p->in_text) {
		CHECK(HPDF_Page_EndText(p->page));
		p->in_text = 0;
	}
	if (o->kind == AZ_OP_FILL) {
		if (!same(o->rgb, p->fill)) {
			CHECK(HPDF_Page_SetRGBFill(p->page, o->rgb.r, o->rgb.g, o->rgb.b));
			p->fill = o->rgb;
		}
		char b[128], *e = put_num(put_num(put_num(put_num(b, o->x), o->y), o->w), o->h);
		*e++ = 'r', *e++ = 'e', *e++ = '\n';
		CHECK(raw(p, b, (size_t)(e - b)));
	} else {
		if (!same(o->rgb, p->stroke)) {
			CHECK(HPDF_Page_SetRGBStroke(p->page, o->rgb.r, o->rgb.g, o->rgb.b));
			p->stroke = o->rgb;
		}
		if (o->lw != p->lw) {
			CHECK(HPDF_Page_SetLineWidth(p->page, o->lw));
			p->lw = o->lw;
		}
		if (o->kind == AZ_OP_LINE) {
			CHECK(line(p, o->x, o->y, o->x + o->w, o->y + o->h));
		} else {
			const float *g = d->grids + o->off;
			size_t n = (size_t)g[0];
			CHECK(line(p, o->x, o->y, o->x + o->w, o->y));
			CHECK(line(p, o->x, o->y - o->h, o->x + o->w, o->y - o->h));
			for (size_t i = 1; i <= n; i++)
				CHECK(line(p, g[i], o->y, g[i], o->y - o->h));
		}
	}
	p->pending = path;
	return HPDF_OK;
}

static HPDF_STATUS write_filter(HPDF_Dict obj, HPDF_Stream stream)
{
	(void)obj;
	return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

/* Compresses a finished page's content stream at once, instead of at save time: libharu would
 * otherwise hold every page uncompressed (≈ 25 KB each) until the end. The stream is then
 * written as it is, and write_filter names its filter. Long documents trade a few per cent of
 * size for speed (deflate was a third of a 1,300-page export). */
static HPDF_STATUS pack_page(HPDF_Page page, int level, struct hpdf_state *st)
{
	HPDF_PageAttr attr = page->attr;
	HPDF_Dict contents = attr->contents;
	if (!(contents->filter & HPDF_STREAM_FILTER_FLATE_DECODE))
		return HPDF_OK;
	HPDF_Stream src = contents->stream;
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	if (deflateInit(&zs, level) != Z_OK)
		return HPDF_FAILD_TO_ALLOC_MEM;
	/* deflated into one buffer first, then kept in a stream of exactly that size: libharu's
	 * 4 KB blocks held a third more than the pages of a long report */
	HPDF_STATUS status = HPDF_OK;
	HPDF_UINT nbuf = HPDF_MemStream_GetBufCount(src);
	size_t cap = 8192, n = 0;
	unsigned char *out = malloc(cap);
	for (HPDF_UINT i = 0; out && i <= nbuf && status == HPDF_OK; i++) {
		HPDF_UINT len = 0;
		HPDF_BYTE *in = i < nbuf ? HPDF_MemStream_GetBufPtr(src, i, &len) : NULL;
		zs.next_in = in, zs.avail_in = in ? len : 0;
		int flush = i == nbuf ? Z_FINISH : Z_NO_FLUSH, zr;
		do {
			if (cap - n < 4096) {
				unsigned char *v = realloc(out, cap * 2);
				if (!v) {
					status = HPDF_FAILD_TO_ALLOC_MEM;
					break;
				}
				out = v, cap *= 2;
			}
			zs.next_out = out + n, zs.avail_out = (uInt)(cap - n);
			zr = deflate(&zs, flush);
			if (zr == Z_STREAM_ERROR) {
				status = HPDF_FAILD_TO_ALLOC_MEM;
				break;
			}
			n = cap - zs.avail_out;
		} while (zs.avail_out == 0 || (flush == Z_FINISH && zr != Z_STREAM_END));
	}
	deflateEnd(&zs);
	HPDF_Stream z = out && status == HPDF_OK ? HPDF_MemStream_New(page->mmgr, (HPDF_UINT)(n ? n : 1)) : NULL;
	if (!z || HPDF_Stream_Write(z, out, (HPDF_UINT)n) != HPDF_OK || st->error) {
		free(out);
		if (z)
			HPDF_Stream_Free(z);
		return st->error ? st->error : status != HPDF_OK ? status : HPDF_FAILD_TO_ALLOC_MEM;
	}
	free(out);
	HPDF_Stream_Free(src);
	contents->stream = attr->stream = z;
	contents->filter = HPDF_STREAM_FILTER_NONE;
	contents->write_fn = write_filter;
	return HPDF_OK;
}

/* Header: left and right texts over a rule; footer: left, "n / N", right under a rule. All but
 * "n / N" is the same on every page, so it is one Form XObject (running_form) each page draws. */
#define RUN_SIZE 8.0f
#define RUN_LEFT 45.0f
#define RUN_RIGHT (AZ_PAGE_W - 45.0f)

static HPDF_STATUS draw_running(struct az_doc *d, struct pen *p, size_t page, size_t npages, struct hpdf_state *st)
{
	const struct az_rgb grey = { 0, 0, 0 }; /* black: a grey footer fades on a copier */
	HPDF_STATUS status;
	CHECK(raw(p, "/H1 Do\n", 7));
	char num[48];
	snprintf(num, sizeof num, "%zu / %zu", page + 1, npages);
	struct az_op o = { .kind = AZ_OP_TEXT, .x = (AZ_PAGE_W - text_width(d->font, num, RUN_SIZE)) / 2, .y = 30,
			   .size = RUN_SIZE, .rgb = grey };
	CHECK(draw_op(p, &o, d, num, st)); /* o.off is 0: the text is num itself */
	return HPDF_OK;
}

/* The UTF-16BE of s in hex, as the /ActualText of the running texts: what they say, for text
 * extraction and for anzen verify (export/verify.c), which finds the fingerprint there. */
static HPDF_STATUS put_actual(HPDF_Stream out, const char *s)
{
	size_t n = strlen(s);
	char b[16];
	HPDF_STATUS status = HPDF_Stream_WriteStr(out, "/Span << /ActualText <FEFF");
	for (size_t i = 0; i < n && status == HPDF_OK;) {
		uint32_t cp = az_utf8_next(s, n, &i);
		if (cp > 0xFFFF)
			cp -= 0x10000, snprintf(b, sizeof b, "%04X%04X", (unsigned)(0xD800 + (cp >> 10)),
						(unsigned)(0xDC00 + (cp & 0x3FF)));
		else
			snprintf(b, sizeof b, "%04X", (unsigned)cp);
		status = HPDF_Stream_WriteStr(out, b);
	}
	return status != HPDF_OK ? status : HPDF_Stream_WriteStr(out, "> >> BDC\n");
}

/* The Form XObject /H1 in the shared resources: the two rules and the four running texts. */
static HPDF_STATUS running_form(struct az_doc *d, struct az_render *r, HPDF_Dict fonts, HPDF_Dict resources,
				HPDF_Dict *formp, struct hpdf_state *st)
{
	HPDF_Doc pdf = r->pdf;
	HPDF_STATUS status;
	HPDF_Dict form = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	HPDF_Array bbox = HPDF_Array_New(pdf->mmgr);
	HPDF_Dict res = HPDF_Dict_New(pdf->mmgr);
	HPDF_Dict xobjects = HPDF_Dict_New(pdf->mmgr);
	if (!form || !bbox || !res || !xobjects)
		return st->error ? st->error : HPDF_FAILD_TO_ALLOC_MEM;
	/* left uncompressed (a few hundred bytes): anzen verify finds the fingerprint printed there */
	CHECK(HPDF_Dict_AddName(form, "Type", "XObject"));
	CHECK(HPDF_Dict_AddName(form, "Subtype", "Form"));
	CHECK(HPDF_Array_AddReal(bbox, 0));
	CHECK(HPDF_Array_AddReal(bbox, 0));
	CHECK(HPDF_Array_AddReal(bbox, AZ_PAGE_W));
	CHECK(HPDF_Array_AddReal(bbox, AZ_PAGE_H));
	CHECK(HPDF_Dict_Add(form, "BBox", bbox));
	CHECK(HPDF_Dict_Add(res, "Font", fonts));
	CHECK(HPDF_Dict_Add(form, "Resources", res));
	HPDF_Stream out = form->stream;
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
	CHECK(HPDF_Stream_Write(out, (const HPDF_BYTE *)b, (HPDF_UINT)(e - b)));
	const float x[4] = { RUN_LEFT, RUN_RIGHT, RUN_LEFT, RUN_RIGHT }, y[4] = { AZ_PAGE_H - 38, AZ_PAGE_H - 38, 30, 30 };
	struct pen pen = { 0 };
	pen.r = r, pen.face = -1;
	for (int i = 0; i < 4; i++) {
		const size_t *h = d->header;
		if (h[i] == (size_t)-1 || !d->pool[h[i]])
			continue;
		const char *t = d->pool + h[i];
		float tx = i % 2 ? x[i] - text_width(d->font, t, RUN_SIZE) : x[i];
		CHECK(put_actual(out, t));
		/* show() writes into the pen's page stream: here the form's */
		pen.stream = out;
		CHECK(show(&pen, tx, y[i], RUN_SIZE, t));
		CHECK(HPDF_Stream_WriteStr(out, "EMC\n"));
	}
	CHECK(HPDF_Stream_Write(out, (const HPDF_BYTE *)"ET\nQ\n", 6));
	CHECK(HPDF_Dict_Add(xobjects, "H1", form));
	CHECK(HPDF_Dict_Add(resources, "XObject", xobjects));
	*formp = form;
	return HPDF_OK;
}

/* An embedded file built from memory. HPDF_AttachFile (2.3.0) would write the full path of a
 * file on disk as both its name and its name-tree key, and /Type /F instead of /Filespec. */
static HPDF_STATUS attach(HPDF_Doc pdf, const struct az_attachment *a, struct hpdf_state *st)
{
	HPDF_STATUS status;
	HPDF_NameDict names = HPDF_Catalog_GetNames(pdf->catalog);
	if (!names) {
		names = HPDF_NameDict_New(pdf->mmgr, pdf->xref);
		if (!names)
			return st->error ? st->error : HPDF_FAILD_TO_ALLOC_MEM;
		CHECK(HPDF_Catalog_SetNames(pdf->catalog, names));
	}
	HPDF_NameTree tree = HPDF_NameDict_GetNameTree(names, HPDF_NAME_EMBEDDED_FILES);
	if (!tree) {
		tree = HPDF_NameTree_New(pdf->mmgr, pdf->xref);
		if (!tree)
			return st->error ? st->error : HPDF_FAILD_TO_ALLOC_MEM;
		CHECK(HPDF_NameDict_SetNameTree(names, HPDF_NAME_EMBEDDED_FILES, tree));
	}
	HPDF_Dict spec = HPDF_Dict_New(pdf->mmgr);
	if (!spec)
		return st->error ? st->error : HPDF_FAILD_TO_ALLOC_MEM;
	CHECK(HPDF_Xref_Add(pdf->xref, spec));
	HPDF_Dict file = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	HPDF_Dict ef = HPDF_Dict_New(pdf->mmgr);
	HPDF_Dict params = HPDF_Dict_New(pdf->mmgr);
	HPDF_String fname = HPDF_String_New(pdf->mmgr, a->name, NULL);
	HPDF_String uname = HPDF_String_New(pdf->mmgr, a->name, NULL);
	HPDF_String key = HPDF_String_New(pdf->mmgr, a->name, NULL);
	if (!file || !ef || !params || !fname || !uname || !key)
		return st->error ? st->error : HPDF_FAILD_TO_ALLOC_MEM;
	/* already compressed by az_doc_attach: written as is, with its filter named */
	file->filter = HPDF_STREAM_FILTER_NONE;
	file->write_fn = write_filter;
	CHECK(HPDF_Stream_Write(file->stream, a->data, (HPDF_UINT)a->zlen));
	CHECK(HPDF_Dict_AddName(file, "Type", "EmbeddedFile"));
	CHECK(HPDF_Dict_AddName(file, "Subtype", a->mime));
	CHECK(HPDF_Dict_AddNumber(params, "Size", (HPDF_INT32)a->len));
	CHECK(HPDF_Dict_Add(file, "Params", params));
	CHECK(HPDF_Dict_Add(ef, "F", file));
	CHECK(HPDF_Dict_AddName(spec, "Type", "Filespec"));
	CHECK(HPDF_Dict_Add(spec, "F", fname));
	CHECK(HPDF_Dict_Add(spec, "UF", uname));
	CHECK(HPDF_Dict_Add(spec, "EF", ef));
	CHECK(HPDF_NameTree_Add(tree, key, spec));
	pdf->pdf_version = HPDF_VER_17; /* /UF */
	return HPDF_OK;
}

/* 1 if s is printable ASCII, the same in PDFDocEncoding. */
static int plain_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7E)
			return 0;
	return 1;
}

/* Sets one text of the document information. libharu writes every one as UTF-16 in hex (four
 * bytes a character); a plain ASCII one is a literal string instead. */
static HPDF_STATUS set_text(HPDF_Doc pdf, HPDF_InfoType type, const char *key, const char *v, struct hpdf_state *st)
{
	HPDF_STATUS status;
	CHECK(HPDF_SetInfoAttr(pdf, type, v));
	if (plain_ascii(v) && pdf->info) {
		HPDF_String s = HPDF_String_New(pdf->mmgr, v, NULL);
		if (!s)
			return st->error ? st->error : HPDF_FAILD_TO_ALLOC_MEM;
		CHECK(HPDF_Dict_Add(pdf->info, key, s));
	}
	return HPDF_OK;
}

static HPDF_STATUS set_info(struct az_doc *d, HPDF_Doc pdf, struct hpdf_state *st)
{
	static const HPDF_InfoType types[5] = { HPDF_INFO_TITLE, HPDF_INFO_AUTHOR, HPDF_INFO_SUBJECT,
						HPDF_INFO_CREATOR, HPDF_INFO_KEYWORDS };
	static const char *const keys[5] = { "Title", "Author", "Subject", "Creator", "Keywords" };
	HPDF_STATUS status;
	for (int i = 0; i < 5; i++)
		if (d->info[i] != (size_t)-1)
			CHECK(set_text(pdf, types[i], keys[i], d->pool + d->info[i], st));
	CHECK(set_text(pdf, HPDF_INFO_PRODUCER, "Producer", "anzen " PACKAGE_VERSION " (libharu)", st));
	if (d->fingerprint[0] && pdf->info) {
		/* for anzen verify: the fingerprint in plain ASCII, and room for the seal */
		HPDF_String fp = HPDF_String_New(pdf->mmgr, d->fingerprint, NULL);
		HPDF_String seal = HPDF_String_New(pdf->mmgr, AZ_SEAL_BLANK, NULL);
		if (!fp || !seal)
			return st->error ? st->error : HPDF_FAILD_TO_ALLOC_MEM;
		CHECK(HPDF_Dict_Add(pdf->info, "AnzenFingerprint", fp));
		CHECK(HPDF_Dict_Add(pdf->info, AZ_SEAL_KEY, seal));
	}
	if (d->date[0]) {
		HPDF_Date t = { atoi(d->date), atoi(d->date + 5), atoi(d->date + 8), 0, 0, 0, 'Z', 0, 0 };
		CHECK(HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, t));
		CHECK(HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, t));
	}
	return HPDF_OK;
}

/* A subset as a Type 0 font with a CIDFontType2 descendant whose CIDs are the subset's glyph
 * ids (/CIDToGIDMap /Identity), its widths (/W), the TrueType program (/FontFile2) and a
 * /ToUnicode CMap. Built by hand: libharu would load the font again and map all 65,536 codes. */
static HPDF_STATUS put_font(HPDF_Doc pdf, const struct az_subset *sub, HPDF_Dict *out, struct hpdf_state *st)
{
	HPDF_MMgr m = pdf->mmgr;
	HPDF_Xref x = pdf->xref;
	HPDF_STATUS status;
	HPDF_Dict file = HPDF_DictStream_New(m, x), tu = HPDF_DictStream_New(m, x);
	HPDF_Dict desc = HPDF_Dict_New(m), cid = HPDF_Dict_New(m), t0 = HPDF_Dict_New(m), info = HPDF_Dict_New(m);
	HPDF_Array bbox = HPDF_Array_New(m), w = HPDF_Array_New(m), ws = HPDF_Array_New(m), desc_fonts = HPDF_Array_New(m);
	HPDF_String reg = HPDF_String_New(m, "Adobe", NULL), ord = HPDF_String_New(m, "Identity", NULL);
	if (!file || !tu || !desc || !cid || !t0 || !info || !bbox || !w || !ws || !desc_fonts || !reg || !ord)
		return st->error ? st->error : HPDF_FAILD_TO_ALLOC_MEM;
	file->filter = tu->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	CHECK(HPDF_Stream_Write(file->stream, (const HPDF_BYTE *)sub->data, (HPDF_UINT)sub->len));
	CHECK(HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)sub->len));
	size_t len;
	char *cmap = az_tounicode_cmap(sub->gids, sub->cps, sub->n, &len);
	if (!cmap)
		return HPDF_FAILD_TO_ALLOC_MEM;
	status = HPDF_Stream_Write(tu->stream, (const HPDF_BYTE *)cmap, (HPDF_UINT)len);
	free(cmap);
	if (status != HPDF_OK || st->error)
		return status ? status : st->error;
	CHECK(HPDF_Xref_Add(x, desc));
	CHECK(HPDF_Dict_AddName(desc, "Type", "FontDescriptor"));
	CHECK(HPDF_Dict_AddName(desc, "FontName", sub->name));
	CHECK(HPDF_Dict_AddNumber(desc, "Flags", 4)); /* symbolic: the glyphs are named by CID */
	for (int i = 0; i < 4; i++)
		CHECK(HPDF_Array_AddNumber(bbox, sub->bbox[i]));
	CHECK(HPDF_Dict_Add(desc, "FontBBox", bbox));
	CHECK(HPDF_Dict_AddNumber(desc, "ItalicAngle", 0));
	CHECK(HPDF_Dict_AddNumber(desc, "Ascent", sub->ascent));
	CHECK(HPDF_Dict_AddNumber(desc, "Descent", sub->descent));
	CHECK(HPDF_Dict_AddNumber(desc, "CapHeight", sub->cap_height));
	CHECK(HPDF_Dict_AddNumber(desc, "StemV", 80));
	CHECK(HPDF_Dict_Add(desc, "FontFile2", file));
	for (unsigned g = 0; g < sub->nglyphs; g++)
		CHECK(HPDF_Array_AddNumber(ws, sub->widths[g]));
	CHECK(HPDF_Array_AddNumber(w, 0));
	CHECK(HPDF_Array_Add(w, ws));
	CHECK(HPDF_Dict_Add(info, "Registry", reg));
	CHECK(HPDF_Dict_Add(info, "Ordering", ord));
	CHECK(HPDF_Dict_AddNumber(info, "Supplement", 0));
	CHECK(HPDF_Xref_Add(x, cid));
	CHECK(HPDF_Dict_AddName(cid, "Type", "Font"));
	CHECK(HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2"));
	CHECK(HPDF_Dict_AddName(cid, "BaseFont", sub->name));
	CHECK(HPDF_Dict_Add(cid, "CIDSystemInfo", info));
	CHECK(HPDF_Dict_Add(cid, "FontDescriptor", desc));
	CHECK(HPDF_Dict_AddNumber(cid, "DW", 1000));
	CHECK(HPDF_Dict_Add(cid, "W", w));
	CHECK(HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity"));
	CHECK(HPDF_Xref_Add(x, t0));
	CHECK(HPDF_Dict_AddName(t0, "Type", "Font"));
	CHECK(HPDF_Dict_AddName(t0, "Subtype", "Type0"));
	CHECK(HPDF_Dict_AddName(t0, "BaseFont", sub->name));
	CHECK(HPDF_Dict_AddName(t0, "Encoding", "Identity-H"));
	CHECK(HPDF_Array_Add(desc_fonts, cid));
	CHECK(HPDF_Dict_Add(t0, "DescendantFonts", desc_fonts));
	CHECK(HPDF_Dict_Add(t0, "ToUnicode", tu));
	*out = t0;
	return HPDF_OK;
}

/* --- the renderer: pages are drawn one at a time, with their running header and footer (as soon
 * as they are laid out, for a streamed document, whose length the first pass gave) --- */


static uint16_t gid_of(const struct az_render *r, int face, uint32_t cp)
{
	return face >= 0 && face < r->nfaces ? az_subset_gid(&r->sub[face], cp) : 0;
}

/* What every page has in common is written once: one resource dictionary (an indirect object,
 * instead of libharu's copy per page with an obsolete /ProcSet), and the A4 /MediaBox, which pages
 * inherit from the page tree. About 90 bytes a page. */
static HPDF_STATUS shared_parts(struct az_doc *d, struct az_render *r, struct hpdf_state *st)
{
	HPDF_Doc pdf = r->pdf;
	HPDF_STATUS status;
	HPDF_Dict res = HPDF_Dict_New(pdf->mmgr), fonts = HPDF_Dict_New(pdf->mmgr);
	HPDF_Array box = HPDF_Array_New(pdf->mmgr);
	if (!res || !fonts || !box)
		return st->error ? st->error : HPDF_FAILD_TO_ALLOC_MEM;
	CHECK(HPDF_Xref_Add(pdf->xref, res));
	CHECK(HPDF_Xref_Add(pdf->xref, fonts));
	for (int k = 0; k < r->nfaces; k++) {
		HPDF_Dict font;
		char name[16];
		CHECK(put_font(pdf, &r->sub[k], &font, st));
		snprintf(name, sizeof name, "F%d", k + 1);
		CHECK(HPDF_Dict_Add(fonts, name, font));
	}
	CHECK(HPDF_Dict_Add(res, "Font", fonts));
	CHECK(running_form(d, r, fonts, res, &r->form, st));
	CHECK(HPDF_Array_AddReal(box, 0));
	CHECK(HPDF_Array_AddReal(box, 0));
	CHECK(HPDF_Array_AddReal(box, AZ_PAGE_W));
	CHECK(HPDF_Array_AddReal(box, AZ_PAGE_H));
	CHECK(HPDF_Dict_Add(pdf->root_pages, "MediaBox", box));
	r->resources = res;
	return HPDF_OK;
}

/* Gives a finished page the inherited /MediaBox and the shared resources (its own copy, with
 * libharu's obsolete /ProcSet, is freed). */
static HPDF_STATUS share_parts(struct az_render *r, HPDF_Page page, struct hpdf_state *st)
{
	HPDF_STATUS status;
	CHECK(HPDF_Dict_RemoveElement(page, "MediaBox"));
	CHECK(HPDF_Dict_Add(page, "Resources", r->resources));
	return HPDF_OK;
}

void az_render_free(struct az_render *r)
{
	if (!r)
		return;
	if (r->pdf)
		HPDF_Free(r->pdf);
	for (int k = 0; k < r->nfaces; k++)
		az_subset_free(&r->sub[k]);
	free(r->pages);
	free(r);
}

int az_render_open(struct az_doc *d, struct az_error *err)
{
	struct az_render *r = calloc(1, sizeof *r);
	if (!r)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	d->render = r;
	struct hpdf_state *st = &r->st;
	r->pdf = HPDF_New(on_error, st);
	if (!r->pdf)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	HPDF_Doc pdf = r->pdf;
	HPDF_STATUS status;
	if ((status = HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL)) != HPDF_OK || st->error ||
	    (status = HPDF_UseUTFEncodings(pdf)) != HPDF_OK || st->error ||
	    (status = HPDF_SetCurrentEncoder(pdf, "UTF-8")) != HPDF_OK || st->error)
		return hpdf_fail(err, st, status, _("setting up the document"));
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
	if ((status = shared_parts(d, r, st)) != HPDF_OK)
		return hpdf_fail(err, st, status, _("setting up the document"));
	if ((status = set_info(d, pdf, st)) != HPDF_OK)
		return hpdf_fail(err, st, status, _("setting the document information"));
	return AZ_OK;
}

static HPDF_STATUS draw_body(struct az_doc *d, struct az_render *r, size_t first, size_t end)
{
	struct hpdf_state *st = &r->st;
	HPDF_STATUS status;
	struct pen p = { 0 };
	p.pending = -1;
	p.page = HPDF_AddPage(r->pdf);
	if (!p.page)
		return st->error ? st->error : HPDF_FAILD_TO_ALLOC_MEM;
	p.r = r, p.face = -1;
	p.lw = 1; /* PDF's initial graphics state: black, width 1 */
	/* q ... Q: the running texts start again from the initial graphics state */
	CHECK(raw(&p, "q\n", 2));
	for (size_t k = first; k < end; k++)
		CHECK(draw_op(&p, az_doc_op(d, k), d, d->pool, st));
	CHECK(paint(&p, st));
	if (p.in_text)
		CHECK(HPDF_Page_EndText(p.page));
	CHECK(raw(&p, "Q\n", 2));
	/* the running texts from the initial state; a streamed document knows its length from its
	 * first pass */
	size_t total = d->stream ? d->expect : d->npages;
	struct pen run = { 0 };
	run.pending = -1, run.page = p.page, run.r = r, run.face = -1, run.lw = 1;
	CHECK(draw_running(d, &run, r->npages, total, st));
	CHECK(paint(&run, st));
	if (run.in_text)
		CHECK(HPDF_Page_EndText(run.page));
	CHECK(pack_page(p.page, total > 50 ? Z_BEST_SPEED : Z_DEFAULT_COMPRESSION, st));
	CHECK(share_parts(r, p.page, st));
	if (r->npages == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		HPDF_Page *v = realloc(r->pages, cap * sizeof *v);
		if (!v)
			return HPDF_FAILD_TO_ALLOC_MEM;
		r->pages = v, r->cap = cap;
	}
	r->pages[r->npages++] = p.page;
	return HPDF_OK;
}

int az_render_page(struct az_doc *d, size_t first, size_t end, struct az_error *err)
{
	struct az_render *r = d->render;
	HPDF_STATUS status = draw_body(d, r, first, end);
	if (status != HPDF_OK) {
		char stage[64];
		snprintf(stage, sizeof stage, _("drawing page %zu"), r->npages + 1);
		return hpdf_fail(err, &r->st, status, stage);
	}
	return AZ_OK;
}

int az_render_close(struct az_doc *d, const char *path, char **out, size_t *len, struct az_error *err)
{
	struct az_render *r = d->render;
	struct hpdf_state *st = &r->st;
	HPDF_STATUS status;
	if (d->stream && r->npages != d->expect)
		return az_fail(err, AZ_IOERR, "internal error: %zu pages, %zu in the first pass", r->npages, d->expect);
	for (size_t i = 0; i < d->natt; i++)
		if ((status = attach(r->pdf, &d->att[i], st)) != HPDF_OK)
			return hpdf_fail(err, st, status, _("embedding an attachment"));
	if (path) {
		/* libharu writes the file itself: the PDF is never whole in memory */
		if ((status = HPDF_SaveToFile(r->pdf, path)) != HPDF_OK || st->error)
			return hpdf_fail(err, st, status, _("writing the PDF"));
		return AZ_OK;
	}
	if ((status = HPDF_SaveToStream(r->pdf)) != HPDF_OK || st->error)
		return hpdf_fail(err, st, status, _("writing the PDF"));
	HPDF_UINT32 size = HPDF_GetStreamSize(r->pdf), got = size;
	char *buf = size ? malloc(size) : NULL;
	if (!buf)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	/* Asking for exactly the size avoids HPDF_STREAM_EOF, which libharu reports as an error. */
	if ((status = HPDF_ReadFromStream(r->pdf, (HPDF_BYTE *)buf, &got)) != HPDF_OK || st->error || got != size) {
		free(buf);
		return hpdf_fail(err, st, status, _("writing the PDF"));
	}
	*out = buf, *len = size;
	return AZ_OK;
}

/* A laid-out (not streamed) document, drawn whole. */
static int render_all(struct az_doc *d, const char *path, char **out, size_t *len, struct az_error *err)
{
	int rc = az_render_open(d, err);
	for (size_t i = 0; rc == AZ_OK && i < d->npages; i++)
		rc = az_render_page(d, d->page_first[i], i + 1 < d->npages ? d->page_first[i + 1] : d->nops, err);
	if (rc == AZ_OK)
		rc = az_render_close(d, path, out, len, err);
	az_render_free(d->render);
	d->render = NULL;
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
