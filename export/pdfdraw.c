/* Draws a laid-out document with libharu 2.3.0: subset font, pages, running header and footer,
 * document information and attachments. Every libharu status is checked; the error handler only
 * records (no longjmp), and the first error abandons the document. */
#include <config.h>

#include <errno.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hpdf.h>
#include <hpdf_catalog.h>
#include <hpdf_font.h>
#include <hpdf_namedict.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <zlib.h>

#include "export/doc.h"
#include "base/linebreak.h"
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
	HPDF_Font font;
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
	HPDF_PageAttr attr = p->page->attr;
	return HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)s, (HPDF_UINT)n);
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
	b += sprintf(b, "%ld", c / 100);
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

/* "dx dy Td (...) Tj": a literal string of 2-byte codes, which with libharu's UTF-8 encoder
 * (Identity-H, CIDToGIDMap by code point) are the code points. HPDF_Page_TextOut writes hex,
 * twice the bytes, and positions with five decimals; this is 2% smaller compressed. Positions
 * are rounded absolutely, so relative moves add up to no error. */
static HPDF_STATUS show(struct pen *p, float x, float y, const char *s)
{
	long cx = cents(x), cy = cents(y);
	char b[512], *e = put_cents(put_cents(b, cx - p->tx), cy - p->ty);
	p->tx = cx, p->ty = cy;
	*e++ = 'T', *e++ = 'd', *e++ = ' ', *e++ = '(';
	size_t n = strlen(s);
	HPDF_STATUS status;
	for (size_t i = 0; i < n;) {
		if (e > b + sizeof b - 16) {
			if ((status = raw(p, b, (size_t)(e - b))) != HPDF_OK)
				return status;
			e = b;
		}
		uint32_t cp = az_utf8_next(s, n, &i);
		unsigned char u[2] = { (unsigned char)(cp >> 8), (unsigned char)cp };
		for (int k = 0; k < 2; k++) {
			if (u[k] == '(' || u[k] == ')' || u[k] == '\\')
				*e++ = '\\', *e++ = (char)u[k];
			else if (u[k] == '\r') /* a bare CR would be read as LF */
				*e++ = '\\', *e++ = 'r';
			else
				*e++ = (char)u[k];
		}
	}
	memcpy(e, ") Tj\n", 5);
	e += 5;
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
		if (o->size != p->size) {
			CHECK(HPDF_Page_SetFontAndSize(p->page, p->font, o->size));
			p->size = o->size;
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
		const char *t = pool + o->off;
		/* libharu embeds only the glyphs it has measured */
		(void)HPDF_Font_TextWidth(p->font, (const HPDF_BYTE *)t, (HPDF_UINT)strlen(t));
		if (st->error)
			return st->error;
		CHECK(show(p, o->x, o->y, t));
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
	HPDF_Stream src = contents->stream, z = HPDF_MemStream_New(page->mmgr, 4096);
	if (!z)
		return st->error ? st->error : HPDF_FAILD_TO_ALLOC_MEM;
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	if (deflateInit(&zs, level) != Z_OK) {
		HPDF_Stream_Free(z);
		return HPDF_FAILD_TO_ALLOC_MEM;
	}
	HPDF_STATUS status = HPDF_OK;
	HPDF_UINT nbuf = HPDF_MemStream_GetBufCount(src);
	unsigned char out[16384];
	for (HPDF_UINT i = 0; i <= nbuf && status == HPDF_OK; i++) {
		HPDF_UINT len = 0;
		HPDF_BYTE *in = i < nbuf ? HPDF_MemStream_GetBufPtr(src, i, &len) : NULL;
		zs.next_in = in, zs.avail_in = in ? len : 0;
		int flush = i == nbuf ? Z_FINISH : Z_NO_FLUSH, zr;
		do {
			zs.next_out = out, zs.avail_out = sizeof out;
			zr = deflate(&zs, flush);
			if (zr == Z_STREAM_ERROR) {
				status = HPDF_FAILD_TO_ALLOC_MEM;
				break;
			}
			size_t n = sizeof out - zs.avail_out;
			if (n && HPDF_Stream_Write(z, out, (HPDF_UINT)n) != HPDF_OK)
				status = st->error ? st->error : HPDF_FAILD_TO_ALLOC_MEM;
		} while (status == HPDF_OK && (zs.avail_out == 0 || (flush == Z_FINISH && zr != Z_STREAM_END)));
	}
	deflateEnd(&zs);
	if (status != HPDF_OK || st->error) {
		HPDF_Stream_Free(z);
		return status ? status : st->error;
	}
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
	const struct az_rgb grey = { 0.3f, 0.3f, 0.3f };
	HPDF_STATUS status;
	CHECK(raw(p, "/H1 Do\n", 7));
	char num[48];
	snprintf(num, sizeof num, "%zu / %zu", page + 1, npages);
	struct az_op o = { .kind = AZ_OP_TEXT, .x = (AZ_PAGE_W - text_width(d->font, num, RUN_SIZE)) / 2, .y = 30,
			   .size = RUN_SIZE, .rgb = grey };
	CHECK(draw_op(p, &o, d, num, st)); /* o.off is 0: the text is num itself */
	return HPDF_OK;
}

/* Appends s to the form's content as a string of 2-byte codes, which with libharu's UTF-8
 * encoder (Identity-H, CIDToGIDMap by code point) are the code points themselves. */
static HPDF_STATUS put_codes(HPDF_Stream out, const char *s)
{
	size_t n = strlen(s);
	char b[8];
	HPDF_STATUS status = HPDF_Stream_Write(out, (const HPDF_BYTE *)"<", 1);
	for (size_t i = 0; i < n && status == HPDF_OK;) {
		snprintf(b, sizeof b, "%04X", (unsigned)(az_utf8_next(s, n, &i) & 0xFFFF));
		status = HPDF_Stream_Write(out, (const HPDF_BYTE *)b, 4);
	}
	return status != HPDF_OK ? status : HPDF_Stream_Write(out, (const HPDF_BYTE *)"> Tj\n", 5);
}

/* The Form XObject /H1 in the shared resources: the two rules and the four running texts. */
static HPDF_STATUS running_form(struct az_doc *d, HPDF_Doc pdf, HPDF_Font font, HPDF_Dict resources,
				HPDF_Dict *formp, struct hpdf_state *st)
{
	HPDF_STATUS status;
	HPDF_Dict form = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	HPDF_Array bbox = HPDF_Array_New(pdf->mmgr);
	HPDF_Dict res = HPDF_Dict_New(pdf->mmgr), fonts = HPDF_Dict_New(pdf->mmgr);
	HPDF_Dict xobjects = HPDF_Dict_New(pdf->mmgr);
	if (!form || !bbox || !res || !fonts || !xobjects)
		return st->error ? st->error : HPDF_FAILD_TO_ALLOC_MEM;
	form->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	CHECK(HPDF_Dict_AddName(form, "Type", "XObject"));
	CHECK(HPDF_Dict_AddName(form, "Subtype", "Form"));
	CHECK(HPDF_Array_AddReal(bbox, 0));
	CHECK(HPDF_Array_AddReal(bbox, 0));
	CHECK(HPDF_Array_AddReal(bbox, AZ_PAGE_W));
	CHECK(HPDF_Array_AddReal(bbox, AZ_PAGE_H));
	CHECK(HPDF_Dict_Add(form, "BBox", bbox));
	CHECK(HPDF_Dict_Add(fonts, "F1", font));
	CHECK(HPDF_Dict_Add(res, "Font", fonts));
	CHECK(HPDF_Dict_Add(form, "Resources", res));
	HPDF_Stream out = form->stream;
	char b[256], *e = b;
	/* the rules: grey, 0.4 wide; then the texts, dark grey, 8 pt */
	e += sprintf(e, "q\n0.55 0.55 0.55 RG\n0.4 w\n");
	e = put_num(put_num(e, RUN_LEFT), AZ_PAGE_H - 44);
	e += sprintf(e, "m ");
	e = put_num(put_num(e, RUN_RIGHT), AZ_PAGE_H - 44);
	e += sprintf(e, "l\n");
	e = put_num(put_num(e, RUN_LEFT), 42);
	e += sprintf(e, "m ");
	e = put_num(put_num(e, RUN_RIGHT), 42);
	e += sprintf(e, "l\nS\nBT\n/F1 8 Tf\n0.3 0.3 0.3 rg\n");
	CHECK(HPDF_Stream_Write(out, (const HPDF_BYTE *)b, (HPDF_UINT)(e - b)));
	const float x[4] = { RUN_LEFT, RUN_RIGHT, RUN_LEFT, RUN_RIGHT }, y[4] = { AZ_PAGE_H - 38, AZ_PAGE_H - 38, 30, 30 };
	for (int i = 0; i < 4; i++) {
		const size_t *h = d->header;
		if (h[i] == (size_t)-1 || !d->pool[h[i]])
			continue;
		const char *t = d->pool + h[i];
		float tx = i % 2 ? x[i] - text_width(d->font, t, RUN_SIZE) : x[i];
		/* libharu embeds only the glyphs it has measured */
		(void)HPDF_Font_TextWidth(font, (const HPDF_BYTE *)t, (HPDF_UINT)strlen(t));
		if (st->error)
			return st->error;
		e = b + sprintf(b, "1 0 0 1 ");
		e = put_num(put_num(e, tx), y[i]);
		e += sprintf(e, "Tm\n");
		CHECK(HPDF_Stream_Write(out, (const HPDF_BYTE *)b, (HPDF_UINT)(e - b)));
		CHECK(put_codes(out, t));
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
	if (d->date[0]) {
		HPDF_Date t = { atoi(d->date), atoi(d->date + 5), atoi(d->date + 8), 0, 0, 0, 'Z', 0, 0 };
		CHECK(HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, t));
		CHECK(HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, t));
	}
	return HPDF_OK;
}

/* Replaces the text of the font's /ToUnicode stream, which libharu 2.3.0 fills with its encoding
 * CMap (hpdf_font_cid.c, HPDF_Type0Font_New), by a CMap of the code points the document uses; the
 * stream object is kept, so no second CMap is written, and libharu still compresses it. */
static HPDF_STATUS set_tounicode(struct az_font *f, HPDF_Font font, struct hpdf_state *st)
{
	HPDF_FontAttr attr = font->attr;
	HPDF_Dict cmap = attr ? attr->cmap_stream : NULL;
	if (!cmap || !cmap->stream)
		return HPDF_INVALID_FONT;
	size_t n = 0, cap = 0;
	uint32_t *cps = NULL;
	for (uint32_t cp = (uint32_t)-1; az_font_next_used(f, &cp);) {
		if (n == cap) {
			cap = cap ? cap * 2 : 512;
			uint32_t *v = realloc(cps, cap * sizeof *v);
			if (!v) {
				free(cps);
				return HPDF_FAILD_TO_ALLOC_MEM;
			}
			cps = v;
		}
		cps[n++] = cp;
	}
	size_t len;
	char *text = az_tounicode_cmap(cps, n, &len);
	free(cps);
	if (!text)
		return HPDF_FAILD_TO_ALLOC_MEM;
	/* the keys of an encoding CMap (/Type /CMap, /CMapName /UTF-8, ...) do not describe it */
	static const char *const keys[] = { "Type", "CMapName", "CIDSystemInfo", "WMode" };
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		(void)HPDF_Dict_RemoveElement(cmap, keys[i]); /* HPDF_DICT_ITEM_NOT_FOUND is fine */
	HPDF_MemStream_FreeData(cmap->stream);
	HPDF_STATUS status = HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)text, (HPDF_UINT)len);
	free(text);
	return status != HPDF_OK ? status : st->error;
}

/* --- the renderer: pages are drawn one at a time, with their running header and footer (as soon
 * as they are laid out, for a streamed document, whose length the first pass gave) --- */

struct az_render {
	struct hpdf_state st;
	HPDF_Doc pdf;
	HPDF_Font font;
	HPDF_Dict resources; /* shared by every page: << /Font << /F1 font >> /XObject << /H1 form >> >> */
	HPDF_Dict form;      /* the running header and footer */
	HPDF_Page *pages;
	size_t npages, cap;
};

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
	CHECK(HPDF_Dict_Add(fonts, "F1", r->font));
	CHECK(HPDF_Dict_Add(res, "Font", fonts));
	CHECK(running_form(d, pdf, r->font, res, &r->form, st));
	CHECK(HPDF_Array_AddReal(box, 0));
	CHECK(HPDF_Array_AddReal(box, 0));
	CHECK(HPDF_Array_AddReal(box, AZ_PAGE_W));
	CHECK(HPDF_Array_AddReal(box, AZ_PAGE_H));
	CHECK(HPDF_Dict_Add(pdf->root_pages, "MediaBox", box));
	r->resources = res;
	return HPDF_OK;
}

/* Gives a finished page the inherited /MediaBox and, when libharu named the font F1 on it as on
 * the shared dictionary (always: one font), the shared resources; its own copy is freed. */
static HPDF_STATUS share_parts(struct az_render *r, HPDF_Page page, struct hpdf_state *st)
{
	HPDF_STATUS status;
	HPDF_PageAttr attr = page->attr;
	CHECK(HPDF_Dict_RemoveElement(page, "MediaBox"));
	if (!attr->fonts || attr->fonts->list->count != 1 ||
	    HPDF_Dict_GetItem(attr->fonts, "F1", HPDF_OCLASS_DICT) != r->font) {
		/* keep the page's own resources, with the running form in them */
		HPDF_ResetError(r->pdf);
		HPDF_Dict own = HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT);
		HPDF_Dict xobjects = HPDF_Dict_New(page->mmgr);
		if (!own || !xobjects)
			return st->error ? st->error : HPDF_INVALID_OBJECT;
		CHECK(HPDF_Dict_Add(xobjects, "H1", r->form));
		CHECK(HPDF_Dict_Add(own, "XObject", xobjects));
		return HPDF_OK;
	}
	attr->fonts = NULL;
	CHECK(HPDF_Dict_Add(page, "Resources", r->resources));
	return HPDF_OK;
}

void az_render_free(struct az_render *r)
{
	if (!r)
		return;
	if (r->pdf)
		HPDF_Free(r->pdf);
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
	char *sub = az_font_subset(d->font, err);
	if (!sub)
		return err ? err->code : AZ_IOERR;
	const char *name = HPDF_LoadTTFontFromFile(pdf, sub, HPDF_TRUE);
	/* libharu keeps the file open and reads the glyphs at save time; the name can go now. */
	unlink(sub);
	free(sub);
	r->font = name && !st->error ? HPDF_GetFont(pdf, name, "UTF-8") : NULL;
	if (!r->font || st->error)
		return hpdf_fail(err, st, HPDF_INVALID_FONT_NAME, _("loading the font subset"));
	if ((status = set_tounicode(d->font, r->font, st)) != HPDF_OK)
		return hpdf_fail(err, st, status, _("loading the font subset"));
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
	p.font = r->font;
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
	run.pending = -1, run.page = p.page, run.font = r->font, run.lw = 1;
	CHECK(draw_running(d, &run, r->npages, total, st));
	CHECK(paint(&run, st));
	if (run.in_text)
		CHECK(HPDF_Page_EndText(run.page));
	CHECK(pack_page(p.page, total > 50 ? Z_BEST_SPEED : Z_BEST_COMPRESSION, st));
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
