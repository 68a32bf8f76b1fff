/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "export/attach.h"
#include "export/doc.h"
#include "base/date.h"
#include "base/linebreak.h"
#include "base/i18n.h"
#include "base/outfile.h"
#include "base/text.h"
#include "export/seal.h"
#include "export/wrapcache.h"

#define MARGIN_X 45.0f
#define BODY_TOP (AZ_PAGE_H - 62.0f)
#define BODY_BOTTOM 56.0f
#define BODY_W (AZ_PAGE_W - 2 * MARGIN_X)
/* Sizes for a reader of sixty on paper: body 10.5 pt, tables 9 pt (issue 15). */
#define BODY_SIZE 10.5f
#define BODY_LEAD 15.5f
#define CELL_SIZE 9.0f
#define CELL_LEAD 12.0f
#define CELL_PAD_X 3.0f
#define CELL_PAD_Y 3.0f
#define RULE_W 0.5f

static const struct az_rgb black = { 0, 0, 0 };
static const struct az_rgb grey_text = { 0.2f, 0.2f, 0.2f };
static const struct az_rgb rule = { 0.4f, 0.4f, 0.4f };
static const struct az_rgb head_fill = { 0.86f, 0.88f, 0.91f };

static int oom(struct az_doc *d)
{
	return az_fail(&d->err, AZ_IOERR, "%s", _("out of memory"));
}

/* --- storage --- */

static size_t pool_add(struct az_doc *d, const char *s, size_t n)
{
	if (d->npool + n + 1 > 0xFFFFFFFFu)
		return az_fail(&d->err, AZ_DATAERR, "%s", _("the document is too large")), (size_t)-1;
	if (d->npool + n + 1 > d->cappool) {
		size_t cap = d->cappool ? d->cappool : 4096;
		while (d->npool + n + 1 > cap)
			cap *= 2;
		char *p = realloc(d->pool, cap);
		if (!p)
			return oom(d), (size_t)-1;
		d->pool = p, d->cappool = cap;
	}
	size_t off = d->npool;
	memcpy(d->pool + off, s, n);
	d->pool[off + n] = '\0';
	d->npool += n + 1;
	return off;
}

static struct az_op *op_new(struct az_doc *d, enum az_op_kind kind)
{
	if (d->discard)
		return NULL; /* counting pages only: nothing will be drawn */
	if (d->nops == d->nblocks * AZ_OP_BLOCK) {
		struct az_op **v = realloc(d->blocks, (d->nblocks + 1) * sizeof *v);
		if (!v)
			return oom(d), NULL;
		d->blocks = v;
		if (!(v[d->nblocks] = malloc(AZ_OP_BLOCK * sizeof **v)))
			return oom(d), NULL;
		d->nblocks++;
	}
	struct az_op *o = az_doc_op(d, d->nops++);
	memset(o, 0, sizeof *o);
	o->kind = (unsigned char)kind;
	return o;
}

static void text_op(struct az_doc *d, float x, float y, float size, int bold, struct az_rgb c, const char *s,
		    size_t n);

/* The footnote of the page being finished: which characters no font has (printed as 〓). */
static void note_missing(struct az_doc *d, uint32_t cp);

static void footnote(struct az_doc *d)
{
	for (size_t i = 0; i < d->nalways; i++)
		note_missing(d, d->always[i]);
	if (!d->nmissing || d->npages == 0)
		return;
	char list[8 * 12] = "", msg[512];
	for (size_t i = 0, o = 0; i < d->nmissing; i++)
		o += (size_t)snprintf(list + o, sizeof list - o, "%sU+%04X", i ? ", " : "", (unsigned)d->missing[i]);
	const char *fmt = d->note != (size_t)-1 ? d->pool + d->note : "%s";
	/* the format is the caller's, checked for one %s when the document was made */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	int n = snprintf(msg, sizeof msg, fmt, list);
#pragma GCC diagnostic pop
	d->nmissing = 0;
	if (n <= 0)
		return;
	size_t len = strlen(msg);
	for (size_t i = 0; i < len;) {
		uint32_t cp = az_utf8_next(msg, len, &i);
		if (az_font_has(d->font, cp))
			az_font_use(d->font, cp);
	}
	/* under the body, above the footer's rule */
	text_op(d, MARGIN_X, BODY_BOTTOM - 10, 8.0f, 0, black, msg, len);
}

/* Remembers that cp, which no font has, is printed on this page. */
static void note_missing(struct az_doc *d, uint32_t cp)
{
	for (size_t i = 0; i < d->nmissing; i++)
		if (d->missing[i] == cp)
			return;
	if (d->nmissing < sizeof d->missing / sizeof d->missing[0])
		d->missing[d->nmissing++] = cp;
}

static int resolve_refs(struct az_doc *d);

/* Appends value to the growing array *v of *n entries (the pages' first ops, the ops to rewrite). */
static int push_index(struct az_doc *d, size_t **v, size_t *n, size_t *cap, size_t value)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;
		size_t *w = realloc(*v, c * sizeof *w);
		if (!w)
			return oom(d);
		*v = w, *cap = c;
	}
	(*v)[(*n)++] = value;
	return AZ_OK;
}

static void new_page(struct az_doc *d)
{
	footnote(d);
	if (d->discard_after && d->npages > d->discard_after)
		d->discard = 1; /* too long to keep: from here on only count */
	if ((d->discard || d->stream) && d->npages > 0) {
		/* the page is finished: draw it (stream) and forget it */
		if (d->stream && d->err.code == AZ_OK && resolve_refs(d) == AZ_OK &&
		    az_render_page(d, 0, d->nops, &d->err) == AZ_OK)
			d->drawn++;
		d->nops = 0;
		d->npool = d->pool_mark;
	}
	if (push_index(d, &d->page_first, &d->npages, &d->cappages, d->nops) != AZ_OK)
		return;
	d->y = BODY_TOP;
}

/* Positions on a quarter-point grid: invisible on paper, but the content streams hold "48.25"
 * instead of "48.24991" and compress better. */
static float q(float v)
{
	return (float)(long)(v * 4.0f + (v < 0 ? -0.5f : 0.5f)) / 4.0f;
}

static void fill_op(struct az_doc *d, float x, float y, float w, float h, struct az_rgb c)
{
	x = q(x), y = q(y), w = q(w), h = q(h);
	struct az_op *o = op_new(d, AZ_OP_FILL);
	if (o)
		o->x = x, o->y = y, o->w = w, o->h = h, o->rgb = c;
}

static void line_op(struct az_doc *d, float x, float y, float dx, float dy, float lw, struct az_rgb c)
{
	x = q(x), y = q(y), dx = q(dx), dy = q(dy);
	struct az_op *o = op_new(d, AZ_OP_LINE);
	if (o)
		o->x = x, o->y = y, o->w = dx, o->h = dy, o->lw = lw, o->rgb = c;
}

/* 1 if s holds a character of the placeholders' block (F4 8F xx xx): after clean(), a reference */
static int holds_ref(const char *s, size_t n)
{
	for (const char *p = s, *end = s + n; (p = memchr(p, 0xF4, (size_t)(end - p))) && p + 1 < end; p++)
		if ((unsigned char)p[1] == 0x8F)
			return 1;
	return 0;
}

static void text_op(struct az_doc *d, float x, float y, float size, int bold, struct az_rgb c, const char *s,
		    size_t n)
{
	if (n == 0 || d->discard)
		return;
	size_t off = pool_add(d, s, n);
	struct az_op *o = off == (size_t)-1 ? NULL : op_new(d, AZ_OP_TEXT);
	x = q(x), y = q(y);
	if (o)
		o->x = x, o->y = y, o->size = size, o->bold = (unsigned char)bold, o->rgb = c, o->off = (unsigned)off;
	/* a page reference's placeholder (only cleaned text marked for them has one): the op's text
	 * is rewritten once the pages are known */
	if (o && d->nrefs && holds_ref(s, n))
		push_index(d, &d->refops, &d->nrefops, &d->caprefops, d->nops - 1);
}

/* --- text cleaning --- */

/* A wrapped line of s, with the hyphen of a cut word. */
static void text_line(struct az_doc *d, float x, float y, float size, int bold, struct az_rgb c, const char *s,
		      const struct az_line *l)
{
	if (!l->hyphen) {
		text_op(d, x, y, size, bold, c, s + l->start, l->len);
		return;
	}
	char *b = malloc(l->len + 2);
	if (!b) {
		oom(d);
		return;
	}
	memcpy(b, s + l->start, l->len);
	b[l->len] = '-';
	text_op(d, x, y, size, bold, c, b, l->len + 1);
	free(b);
}

static size_t put_utf8(char *b, uint32_t cp)
{
	int n = u8_uctomb((uint8_t *)b, cp, 4);
	if (n > 0)
		return (size_t)n;
	memcpy(b, "\xEF\xBF\xBD", 3); /* a surrogate or beyond U+10FFFF */
	return 3;
}

/* Reports key once per document. */
__attribute__((format(printf, 3, 4))) static void warn_once(struct az_doc *d, uint32_t key, const char *fmt, ...)
{
	for (size_t i = 0; i < d->nwarned; i++)
		if (d->warned[i] == key)
			return;
	if (d->nwarned == d->capwarned) {
		size_t cap = d->capwarned ? d->capwarned * 2 : 16;
		uint32_t *v = realloc(d->warned, cap * sizeof *v);
		if (!v)
			return;
		d->warned = v, d->capwarned = cap;
	}
	d->warned[d->nwarned++] = key;
	if (!d->opt.warn)
		return;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	d->opt.warn(d->opt.warn_ctx, msg);
}

static int is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

/* clean()'s flags: the text goes on the page (else into the Info dictionary, where only the BMP
 * limit applies); it may hold page references (az_doc_ref). */
enum { CLEAN_DRAWN = 1, CLEAN_REFS = 2 };

static int is_ref(const struct az_doc *d, uint32_t cp)
{
	return cp >= AZ_REF_FIRST && cp - AZ_REF_FIRST < d->nrefs && d->refs[cp - AZ_REF_FIRST].width >= 0;
}

/* A malloc'd copy of s that the font can draw in full: tabs become spaces, CR is dropped, '\n'
 * stays, and everything else the font cannot draw becomes the replacement character, with a
 * warning. flags: CLEAN_DRAWN, CLEAN_REFS. A text is cleaned each time it is measured and placed:
 * what came out is kept in the cache, unless it warned or noted a missing character (which must
 * happen again on another page). */
static char *clean(struct az_doc *d, const char *s, int flags)
{
	int drawn = flags & CLEAN_DRAWN, again = 1;
	if (!s)
		s = "";
	size_t len = strlen(s);
	struct az_wrapkey key = az_wrapcache_key(s, len, -1 - flags);
	struct az_wraptext *t = az_wrapcache_find(d->wraps, &key);
	char *out = malloc(t ? t->extra : len * 3 + 4); /* a 1-byte invalid sequence grows to 3 bytes at most */
	if (!out)
		return oom(d), NULL;
	if (t)
		return memcpy(out, az_wraptext_extra(t), t->extra);
	char r[4], c8[5];
	size_t rn = put_utf8(r, d->repl), n = 0;
	r[rn] = '\0';
	if (drawn && !d->plain)
		d->plain = calloc(0x10000 / 8, 1); /* without it, only slower */
	const uint8_t *plain = drawn ? d->plain : NULL;
	for (size_t i = 0; i < len;) {
		size_t at = i;
		uint32_t cp = az_utf8_next(s, len, &i);
		if (plain && cp < 0x10000 && (plain[cp >> 3] >> (cp & 7) & 1)) {
			/* valid, drawn and used before: the same bytes (U+FFFD only when written so), at most
			 * three in the BMP (a loop here became a call of memcpy for each character) */
			size_t k = i - at;
			out[n] = s[at];
			if (k > 1)
				out[n + 1] = s[at + 1];
			if (k > 2)
				out[n + 2] = s[at + 2];
			n += k;
			continue;
		}
		uint32_t in = cp;
		int bad = cp == 0xFFFD && !(i - at == 3 && memcmp(s + at, "\xEF\xBF\xBD", 3) == 0);
		if (cp == '\r')
			continue;
		if (cp == '\t')
			cp = ' ';
		if ((flags & CLEAN_REFS) && is_ref(d, cp)) {
			n += put_utf8(out + n, cp); /* measured as its template, rewritten before drawing */
			continue;
		}
		if (bad) {
			warn_once(d, 0xFFFFFFFF, _("invalid UTF-8 in the text; printed as %s"), r);
			cp = d->repl, again = 0;
		} else if (cp == '\n') {
			/* kept: a hard line break */
		} else if (is_control(cp)) {
			warn_once(d, cp, _("control character U+%04X in the text; printed as %s"), (unsigned)cp, r);
			cp = d->repl, again = 0;
		} else if (drawn && !az_font_has(d->font, cp)) {
			again = 0;
			/* kept: drawn as the substitute, and the text layer still has it (pdfdraw.c) */
			c8[put_utf8(c8, cp)] = '\0';
			warn_once(d, cp, _("U+%04X %s is in no installed font (%s, nor %s); printed as %s"), (unsigned)cp,
				  c8, az_font_family(d->font), AZ_FALLBACK_PACKAGES, r);
			note_missing(d, cp);
			/* the placeholders' block: the substitute in the text layer too, so that no
			 * workbook text is ever taken for a page reference */
			if (cp >= AZ_REF_FIRST && cp <= AZ_REF_FIRST + AZ_DOC_REFS)
				cp = d->repl;
		}
		if (drawn && cp != '\n') {
			az_font_use(d->font, cp);
			/* not U+FFFD, which an invalid byte decodes to as well */
			if (plain && cp == in && cp < 0xFFFD && !is_control(cp) && az_font_has(d->font, cp))
				d->plain[cp >> 3] |= (uint8_t)(1u << (cp & 7));
		}
		n += put_utf8(out + n, cp);
	}
	out[n] = '\0';
	if (again && (t = az_wrapcache_add(d->wraps, &key, n + 1)))
		memcpy(az_wraptext_extra(t), out, n + 1);
	return out;
}

/* --- measuring and wrapping --- */

/* A code point's width (1/1000 em); a page reference's is its template's. ctx: the document. */
static long width_cb(void *ctx, uint32_t cp)
{
	const struct az_doc *d = ctx;
	if (cp >= AZ_REF_FIRST && is_ref(d, cp))
		return d->refs[cp - AZ_REF_FIRST].width;
	return az_font_width(d->font, cp);
}

/* The cache's mode of a text: 0 a text, 1 a name, else its first (lead > 0) or last (lead < 0)
 * |lead| bytes are names (lead is at most 2^23); clean()'s records have negative modes. */
static int wrap_mode(int name, long lead)
{
	long k = lead < 0 ? -lead : lead;
	return name ? 1 : lead ? 2 + 2 * (int)k + (lead < 0) : 0;
}

/* The record of the cleaned text s (len bytes) in mode, made if new, with its width on one line
 * (a name's is not used: -1); NULL without a cache or memory. */
static struct az_wraptext *text_rec(struct az_doc *d, const char *s, size_t len, int mode)
{
	struct az_wrapkey key = az_wrapcache_key(s, len, mode);
	struct az_wraptext *t = az_wrapcache_find(d->wraps, &key);
	if (t || !(t = az_wrapcache_add(d->wraps, &key, 0)))
		return t;
	t->natural = mode == 1 ? -1 : az_wrap_natural(s, len, width_cb, d, &t->one);
	return t;
}

/* s (len bytes, its record t, from the cache c or none) broken at max (1/1000 em) as its mode
 * says (base/linebreak.h); lines NULL: only their number (the column split asks for several
 * widths of every text), nothing allocated. */
static size_t wrap_rec(struct az_doc *d, struct az_wrapcache *c, struct az_wraptext *t, const char *s, size_t len,
		       long max, struct az_line **lines)
{
	struct az_line *l = NULL;
	size_t n = 0;
	if (t->natural >= 0 && t->natural <= max) { /* on one line, as az_wrap_fits would say */
		n = 1;
		if (lines && (l = malloc(sizeof *l)))
			*l = t->one;
	} else {
		const struct az_wrapmemo *m = az_wrapcache_memo(t, max);
		if (m && !lines)
			return m->n;
		if (m && m->lines) {
			if ((*lines = malloc(m->n * sizeof **lines)))
				return memcpy(*lines, m->lines, m->n * sizeof **lines), m->n;
			return oom(d), 0;
		}
		if (t->mode == 1) {
			n = az_wrap_name(s, len, max, width_cb, d, &l);
		} else {
			/* decoded and classified once, for every width it is broken at */
			size_t k = t->mode < 2 ? 0 : (size_t)(t->mode - 2) / 2, last = t->mode >= 2 && (t->mode & 1);
			if (!t->breaks)
				az_wrapcache_breaks(c, t, az_breaks_new(s, len, last && k < len ? len - k : 0,
									 last ? len : k, width_cb, d));
			if (t->breaks)
				n = lines ? az_breaks_wrap(t->breaks, max, &l) : az_breaks_count(t->breaks, max);
		}
		az_wrapcache_remember(c, t, max, l, n);
	}
	if (n == 0 || (lines && !l)) {
		free(l);
		return oom(d), 0;
	}
	if (lines)
		*lines = l;
	else
		free(l);
	return n;
}

/* s broken into lines of width points at size, through the document's cache. name: s is a name;
 * else its first (lead > 0) or last (lead < 0) |lead| bytes are names (base/linebreak.h). lines
 * NULL: only their number. */
static size_t wrap_name(struct az_doc *d, const char *s, float width, float size, int name, long lead,
			struct az_line **lines)
{
	long max = (long)(width * 1000.0f / size);
	size_t len = strlen(s);
	int mode = wrap_mode(name, lead);
	struct az_wraptext *t = text_rec(d, s, len, mode), local = { .mode = mode };
	if (!t) { /* no cache: measured for this once */
		local.natural = name ? -1 : az_wrap_natural(s, len, width_cb, d, &local.one);
		t = &local;
	}
	size_t n = wrap_rec(d, t == &local ? NULL : d->wraps, t, s, len, max, lines);
	if (t == &local)
		az_breaks_free(local.breaks);
	return n;
}

static size_t wrap(struct az_doc *d, const char *s, float width, float size, struct az_line **lines)
{
	return wrap_name(d, s, width, size, 0, 0, lines);
}

/* The number of lines only. */
static size_t wrap_count(struct az_doc *d, const char *s, float width, float size)
{
	return wrap_name(d, s, width, size, 0, 0, NULL);
}

static float line_width(const struct az_line *l, float size)
{
	return (float)l->width * size / 1000.0f;
}

/* Baseline of a line whose box of height lead starts at top: the ideographic centre sits mid-box. */
static float baseline(float top, float lead, float size)
{
	return top - lead / 2 - 0.36f * size;
}

static float align_x(float x, float w, float pad, float tw, enum az_align al)
{
	switch (al) {
	case AZ_CENTER:
		return x + (w - tw) / 2;
	case AZ_RIGHT:
		return x + w - pad - tw;
	default:
		return x + pad;
	}
}

/* One line of s cut to width, with … if it was longer (running headers and footers). */
static size_t one_line(struct az_doc *d, const char *text, float width, float size)
{
	char *s = clean(d, text, 1);
	if (!s)
		return (size_t)-1;
	struct az_line *l;
	float ell = (float)az_font_width(d->font, 0x2026) * size / 1000.0f;
	size_t n = wrap(d, s, width - ell, size, &l), off = (size_t)-1;
	if (n > 0) {
		char *t = malloc(l[0].len + 4);
		if (t) {
			memcpy(t, s + l[0].start, l[0].len);
			size_t k = l[0].len;
			if (n > 1) {
				az_font_use(d->font, 0x2026);
				k += put_utf8(t + k, 0x2026);
			}
			off = pool_add(d, t, k);
			free(t);
		} else {
			oom(d);
		}
	}
	free(l);
	free(s);
	return off;
}

/* --- document --- */

/* Bytes of broken lines a document keeps (wrapcache.h): a clinic's report whole. */
#define WRAP_BUDGET (2u << 20)

static struct az_doc *doc_new(const struct az_doc_options *opt, struct az_font *font, struct az_wrapcache *wraps,
			      struct az_error *err)
{
	struct az_doc *d = calloc(1, sizeof *d);
	if (!d) {
		az_wrapcache_free(wraps);
		az_font_close(font);
		az_fail(err, AZ_IOERR, "%s", _("out of memory"));
		return NULL;
	}
	static const struct az_doc_options none;
	d->opt = opt ? *opt : none;
	d->font = font;
	d->wraps = wraps ? wraps : az_wrapcache_new(WRAP_BUDGET); /* without one, only slower */
	d->repl = az_font_has(d->font, 0x3013) ? 0x3013 : '?';
	az_font_set_substitute(d->font, d->repl);
	az_font_use(d->font, d->repl);
	for (const char *p = " /0123456789"; *p; p++)
		az_font_use(d->font, (uint32_t)*p);
	if (d->opt.date && az_date_valid(d->opt.date))
		memcpy(d->date, d->opt.date, 11);
	if (d->opt.fingerprint && strlen(d->opt.fingerprint) < sizeof d->fingerprint &&
	    strspn(d->opt.fingerprint, "0123456789abcdef-") == strlen(d->opt.fingerprint))
		strcpy(d->fingerprint, d->opt.fingerprint);
	d->opt.fingerprint = NULL;
	const char *info[5] = { d->opt.title, d->opt.author, d->opt.subject, d->opt.creator, d->opt.keywords };
	for (int i = 0; i < 5; i++) {
		d->info[i] = (size_t)-1;
		if (info[i]) {
			char *s = clean(d, info[i], 0);
			if (s)
				d->info[i] = pool_add(d, s, strlen(s));
			free(s);
		}
	}
	/* the footnote's format: the caller's if it has exactly one %s and no other conversion */
	const char *note = d->opt.missing_note;
	const char *pc = note ? strchr(note, '%') : NULL;
	if (!note || !pc || pc[1] != 's' || strchr(pc + 2, '%'))
		note = "%s: in no installed font, printed as 〓; the workbook keeps the character.";
	char *cn = clean(d, note, 1);
	d->note = cn ? pool_add(d, cn, strlen(cn)) : (size_t)-1;
	free(cn);
	d->opt.missing_note = NULL;
	const char *hf[4] = { d->opt.header_left, d->opt.header_right, d->opt.footer_left, d->opt.footer_right };
	static const float share[4] = { 0.58f, 0.4f, 0.4f, 0.4f };
	for (int i = 0; i < 4; i++)
		d->header[i] = hf[i] ? one_line(d, hf[i], BODY_W * share[i], 8.0f) : (size_t)-1;
	/* characters of the running texts that no font has are noted on every page */
	for (size_t i = 0; i < d->nmissing && d->nalways < sizeof d->always / sizeof d->always[0]; i++)
		d->always[d->nalways++] = d->missing[i];
	d->nmissing = 0;
	/* The caller's strings need not outlive this call. */
	d->opt.font_file = d->opt.font_family = NULL;
	d->opt.title = d->opt.author = d->opt.subject = d->opt.creator = d->opt.keywords = d->opt.date = NULL;
	d->opt.header_left = d->opt.header_right = d->opt.footer_left = d->opt.footer_right = NULL;
	d->pool_mark = d->npool;
	new_page(d);
	if (d->err.code != AZ_OK) {
		*err = d->err;
		az_doc_free(d);
		return NULL;
	}
	return d;
}

struct az_doc *az_doc_new(const struct az_doc_options *opt, struct az_error *err)
{
	struct az_font *font = az_font_open(opt ? opt->font_file : NULL, opt ? opt->font_family : NULL, err);
	return font ? doc_new(opt, font, NULL, err) : NULL;
}

void az_doc_discard(struct az_doc *d, int after)
{
	if (after <= 0)
		d->discard = 1;
	else
		d->discard_after = (size_t)after;
}

void az_doc_line_budget(struct az_doc *d, size_t bytes)
{
	az_wrapcache_budget(d->wraps, bytes);
}

int az_doc_discarded(const struct az_doc *d)
{
	return d->discard;
}

struct az_doc *az_doc_new_again(const struct az_doc_options *opt, struct az_doc *first, struct az_error *err)
{
	if (first->err.code != AZ_OK) {
		*err = first->err;
		return NULL;
	}
	struct az_font *font = first->font;
	struct az_wrapcache *wraps = first->wraps;
	first->font = NULL; /* with every code point of the first pass */
	first->wraps = NULL; /* the same text breaks the same way in the next pass */
	struct az_doc *d = doc_new(opt, font, wraps, err);
	if (d) { /* and the references it measured keep their widths */
		d->refs = first->refs, d->nrefs = first->nrefs;
		first->refs = NULL, first->nrefs = 0;
		for (size_t i = 0; i < d->nrefs; i++) {
			free(d->refs[i].text);
			d->refs[i].text = NULL;
		}
	}
	return d;
}

struct az_doc *az_doc_new_stream(const struct az_doc_options *opt, struct az_doc *first, const char *path, int force,
				 struct az_error *err)
{
	struct az_doc *d = az_doc_new_again(opt, first, err);
	if (!d)
		return NULL;
	d->stream = 1;
	d->expect = first->npages;
	/* straight into the target's temporary file: no copy at the end, and no other disk needed */
	if (!(d->out = calloc(1, sizeof *d->out))) {
		az_fail(err, AZ_IOERR, "%s", _("out of memory"));
		az_doc_free(d);
		return NULL;
	}
	if (az_outfile_open(d->out, path, force, err) != AZ_OK) {
		free(d->out);
		d->out = NULL;
		az_doc_free(d);
		return NULL;
	}
	if (az_render_open(d, d->out->fp, err) != AZ_OK) {
		az_doc_free(d);
		return NULL;
	}
	return d;
}

static void close_table(struct az_doc *d)
{
	for (size_t i = 0; i < d->ncols && d->col_titles; i++)
		free(d->col_titles[i]);
	free(d->col_titles);
	free(d->col_align);
	free(d->col_x);
	free(d->col_w);
	free(d->cont);
	d->cont = NULL;
	d->col_titles = NULL, d->col_align = NULL, d->col_x = d->col_w = NULL;
	d->ncols = 0;
}

void az_doc_free(struct az_doc *d)
{
	if (!d)
		return;
	close_table(d);
	for (size_t i = 0; i < d->natt; i++) {
		free(d->att[i].name);
		free(d->att[i].mime);
		free(d->att[i].data);
	}
	free(d->att);
	az_render_free(d->render);
	if (d->out) { /* not committed: the temporary file goes */
		az_outfile_abort(d->out);
		free(d->out);
	}
	az_font_close(d->font);
	az_wrapcache_free(d->wraps);
	free(d->plain);
	for (size_t i = 0; i < d->nblocks; i++)
		free(d->blocks[i]);
	free(d->blocks);
	free(d->page_first);
	free(d->pool);
	free(d->grids);
	free(d->warned);
	for (size_t i = 0; i < d->nrefs; i++)
		free(d->refs[i].text);
	free(d->refs);
	free(d->refops);
	free(d);
}

int az_doc_status(const struct az_doc *d)
{
	return d->err.code;
}

int az_doc_page_count(const struct az_doc *d)
{
	return (int)d->npages;
}

int az_doc_space(struct az_doc *d, double pt)
{
	if (d->err.code != AZ_OK)
		return d->err.code;
	if (d->y < BODY_TOP)
		d->y -= (float)pt;
	if (d->y < BODY_BOTTOM)
		new_page(d);
	return d->err.code;
}

int az_doc_page_break(struct az_doc *d)
{
	if (d->err.code != AZ_OK)
		return d->err.code;
	if (d->ncols)
		return az_fail(&d->err, AZ_DATAERR, "%s", "az_doc_page_break: a table is open");
	if (d->y < BODY_TOP)
		new_page(d);
	return d->err.code;
}

/* Lines at the current position, breaking pages between lines (paragraphs and headings). */
static void flow_lines(struct az_doc *d, const char *s, const struct az_line *l, size_t n, float size, float lead,
		       int bold)
{
	for (size_t i = 0; i < n && d->err.code == AZ_OK; i++) {
		if (d->y - lead < BODY_BOTTOM)
			new_page(d);
		text_line(d, MARGIN_X, baseline(d->y, lead, size), size, bold, black, s, &l[i]);
		d->y -= lead;
	}
}

static const float head_size[3] = { 16, 13, 11 }, head_before[3] = { 14, 10, 8 }, head_after[3] = { 8, 4, 3 };

/* A heading's lines (level index k) wrapped in *l; its height in points, or 0 if it has none. */
static float heading_wrap(struct az_doc *d, int k, const char *s, struct az_line **l, size_t *n)
{
	*n = s ? wrap(d, s, BODY_W, head_size[k], l) : 0;
	return *n ? head_before[k] + (float)*n * head_size[k] * 1.4f + head_after[k] : 0;
}

/* Draws a heading wrapped by heading_wrap where the caller made room for it. */
static void heading_draw(struct az_doc *d, int k, const char *s, const struct az_line *l, size_t n)
{
	if (!n)
		return;
	if (d->y < BODY_TOP)
		d->y -= head_before[k];
	flow_lines(d, s, l, n, head_size[k], head_size[k] * 1.4f, 1);
	if (k == 0)
		line_op(d, MARGIN_X, d->y - 1, BODY_W, 0, 0.8f, rule);
	d->y -= head_after[k];
}

int az_doc_heading(struct az_doc *d, int level, const char *text)
{
	if (d->err.code != AZ_OK)
		return d->err.code;
	if (d->ncols)
		return az_fail(&d->err, AZ_DATAERR, "%s", "az_doc_heading: a table is open");
	int k = level < 1 ? 0 : level > 3 ? 2 : level - 1;
	char *s = clean(d, text, 1);
	struct az_line *l = NULL;
	size_t n;
	/* keep with what follows: a table header and two rows, or three lines */
	float need = heading_wrap(d, k, s, &l, &n) + 5 * BODY_LEAD;
	if (n && d->y < BODY_TOP && d->y - need < BODY_BOTTOM)
		new_page(d);
	heading_draw(d, k, s, l, n);
	free(l);
	free(s);
	return d->err.code;
}

/* name: the paragraph lists names (base/namebreak.c); flags: clean()'s. */
static int paragraph(struct az_doc *d, const char *text, int name, int flags)
{
	if (d->err.code != AZ_OK)
		return d->err.code;
	if (d->ncols)
		return az_fail(&d->err, AZ_DATAERR, "%s", "az_doc_paragraph: a table is open");
	char *s = clean(d, text, flags);
	struct az_line *l = NULL;
	size_t n = s ? wrap_name(d, s, BODY_W, BODY_SIZE, name, 0, &l) : 0;
	if (n) {
		flow_lines(d, s, l, n, BODY_SIZE, BODY_LEAD, 0);
		d->y -= 5;
	}
	free(l);
	free(s);
	return d->err.code;
}

int az_doc_paragraph(struct az_doc *d, const char *text)
{
	return paragraph(d, text, 0, CLEAN_DRAWN);
}

int az_doc_paragraph_names(struct az_doc *d, const char *text)
{
	return paragraph(d, text, 1, CLEAN_DRAWN);
}

int az_doc_paragraph_refs(struct az_doc *d, const char *text)
{
	return paragraph(d, text, 0, CLEAN_DRAWN | CLEAN_REFS);
}

/* --- rows: tables, key/value blocks --- */

struct row_style {
	float size, lead, pad_x, pad_y;
	int borders, header; /* header: repeat the open table's header row after a page break */
};

struct cell_run {
	char *text; /* cleaned */
	struct az_line *l;
	size_t n;
	enum az_align al;
	const struct az_rgb *fill;
	struct az_rgb color;
	int bold;
	float size; /* 0: the row's */
	int name;   /* AZ_NAME */
	long lead;   /* the first (> 0) or last (< 0) bytes that are names */
};

/* Draws lines [from[c], from[c] + nl) of every cell as one row at d->y. */
static void row_chunk(struct az_doc *d, size_t ncols, const float *x, const float *w, struct cell_run *c,
		      const size_t *from, size_t nl, const struct row_style *st)
{
	float h = (float)nl * st->lead + 2 * st->pad_y, top = d->y;
	for (size_t i = 0; i < ncols; i++)
		if (c[i].fill)
			fill_op(d, x[i], top - h, w[i], h, *c[i].fill);
	if (st->borders) {
		struct az_op *o = op_new(d, AZ_OP_GRID);
		if (o)
			o->x = x[0], o->y = top, o->w = x[ncols - 1] + w[ncols - 1] - x[0], o->h = h, o->lw = RULE_W,
			o->rgb = rule, o->off = (unsigned)d->grid;
	}
	for (size_t i = 0; i < ncols; i++) {
		for (size_t k = 0; k < nl && from[i] + k < c[i].n; k++) {
			const struct az_line *l = &c[i].l[from[i] + k];
			float size = c[i].size > 0 ? c[i].size : st->size;
			float tx = align_x(x[i], w[i], st->pad_x, line_width(l, size), c[i].al);
			float ty = baseline(top - st->pad_y - (float)k * st->lead, st->lead, size);
			text_line(d, tx, ty, size, c[i].bold, c[i].color, c[i].text, l);
		}
	}
	d->y = top - h;
}

static size_t max_lines(const struct cell_run *c, size_t ncols, const size_t *from)
{
	size_t m = 0;
	for (size_t i = 0; i < ncols; i++)
		if (c[i].n > from[i] && c[i].n - from[i] > m)
			m = c[i].n - from[i];
	return m;
}

static int wrap_cells(struct az_doc *d, struct cell_run *c, size_t ncols, const float *w,
		      const struct row_style *st)
{
	for (size_t i = 0; i < ncols; i++) {
		if (!c[i].text)
			return 0;
		c[i].n = wrap_name(d, c[i].text, w[i] - 2 * st->pad_x, c[i].size > 0 ? c[i].size : st->size, c[i].name,
				   c[i].lead, &c[i].l);
		if (!c[i].n)
			return 0;
	}
	return 1;
}

static void free_cells(struct cell_run *c, size_t ncols)
{
	for (size_t i = 0; i < ncols; i++) {
		free(c[i].text);
		free(c[i].l);
	}
	free(c);
}

static const struct row_style table_style = { CELL_SIZE, CELL_LEAD, CELL_PAD_X, CELL_PAD_Y, 1, 1 };

static float header_height(struct az_doc *d);
static void table_header(struct az_doc *d);
static void continued(struct az_doc *d);

/* Places a row, keeping it on one page unless it is taller than a whole page. */
static void place_row(struct az_doc *d, size_t ncols, const float *x, const float *w, struct cell_run *c,
		      const struct row_style *st)
{
	size_t *from = calloc(ncols, sizeof *from);
	if (!from) {
		oom(d);
		return;
	}
	float head = st->header ? d->head_h + (d->cont ? BODY_LEAD : 0) : 0;
	for (size_t rem; d->err.code == AZ_OK && (rem = max_lines(c, ncols, from)) > 0;) {
		float need = (float)rem * st->lead + 2 * st->pad_y;
		size_t take = rem;
		if (d->y - need < BODY_BOTTOM) {
			if (need <= BODY_TOP - BODY_BOTTOM - head || d->y - BODY_BOTTOM < st->lead + 2 * st->pad_y) {
				new_page(d);
				if (st->header)
					continued(d), table_header(d);
				continue;
			}
			/* Taller than a page: split between lines, as little as possible. */
			take = (size_t)((d->y - BODY_BOTTOM - 2 * st->pad_y) / st->lead);
		}
		row_chunk(d, ncols, x, w, c, from, take, st);
		for (size_t i = 0; i < ncols; i++)
			from[i] += take;
	}
	free(from);
}

static struct cell_run *header_cells(struct az_doc *d)
{
	struct cell_run *c = calloc(d->ncols, sizeof *c);
	if (!c)
		return oom(d), NULL;
	for (size_t i = 0; i < d->ncols; i++) {
		c[i].text = strdup(d->col_titles[i]);
		c[i].al = d->col_align[i];
		c[i].fill = &head_fill;
		c[i].color = black;
		c[i].bold = 1;
	}
	if (!wrap_cells(d, c, d->ncols, d->col_w, &table_style)) {
		free_cells(c, d->ncols);
		return oom(d), NULL;
	}
	return c;
}

static float header_height(struct az_doc *d)
{
	struct cell_run *c = header_cells(d);
	if (!c)
		return 0;
	size_t *from = calloc(d->ncols, sizeof *from);
	float h = from ? (float)max_lines(c, d->ncols, from) * CELL_LEAD + 2 * CELL_PAD_Y : 0;
	free(from);
	free_cells(c, d->ncols);
	return h;
}

/* On a page the open table continues on: what it belongs to ("レセコン (続き)"), in bold. */
static void continued(struct az_doc *d)
{
	if (!d->cont)
		return;
	struct az_line *l = NULL;
	size_t n = wrap(d, d->cont, BODY_W, BODY_SIZE, &l);
	if (n)
		flow_lines(d, d->cont, l, 1, BODY_SIZE, BODY_LEAD, 1);
	free(l);
}

static int table_continued(struct az_doc *d, const char *text, int flags)
{
	if (d->err.code != AZ_OK)
		return d->err.code;
	if (!d->ncols)
		return az_fail(&d->err, AZ_DATAERR, "%s", "az_doc_table_continued: no table is open");
	free(d->cont);
	d->cont = text ? clean(d, text, flags) : NULL;
	return d->err.code;
}

int az_doc_table_continued(struct az_doc *d, const char *text)
{
	return table_continued(d, text, CLEAN_DRAWN);
}

int az_doc_table_continued_refs(struct az_doc *d, const char *text)
{
	return table_continued(d, text, CLEAN_DRAWN | CLEAN_REFS);
}

static void table_header(struct az_doc *d)
{
	struct cell_run *c = header_cells(d);
	if (!c)
		return;
	struct row_style st = table_style;
	st.header = 0;
	place_row(d, d->ncols, d->col_x, d->col_w, c, &st);
	free_cells(c, d->ncols);
}

/* Sets up the columns of a table; nothing is placed. */
static int open_table(struct az_doc *d, const struct az_doc_column *cols, size_t ncols)
{
	if (d->err.code != AZ_OK)
		return d->err.code;
	if (d->ncols)
		return az_fail(&d->err, AZ_DATAERR, "%s", "az_doc_table_begin: a table is already open");
	if (ncols == 0 || ncols > 64)
		return az_fail(&d->err, AZ_DATAERR, "az_doc_table_begin: %zu columns", ncols);
	double total = 0;
	for (size_t i = 0; i < ncols; i++)
		total += cols[i].weight > 0 ? cols[i].weight : 1;
	d->col_titles = calloc(ncols, sizeof *d->col_titles);
	d->col_align = calloc(ncols, sizeof *d->col_align);
	d->col_x = calloc(ncols, sizeof *d->col_x);
	d->col_w = calloc(ncols, sizeof *d->col_w);
	d->ncols = ncols;
	if (!d->col_titles || !d->col_align || !d->col_x || !d->col_w) {
		close_table(d);
		return oom(d);
	}
	float x = MARGIN_X;
	for (size_t i = 0; i < ncols; i++) {
		d->col_x[i] = x;
		d->col_w[i] = i + 1 < ncols ? q((float)((cols[i].weight > 0 ? cols[i].weight : 1) / total * BODY_W))
					    : MARGIN_X + BODY_W - x; /* the last column takes what is left */
		x += d->col_w[i];
		d->col_align[i] = cols[i].align;
		d->col_titles[i] = clean(d, cols[i].title, 1);
		/* a full-width character must fit, or text would leave the cell */
		if (d->col_w[i] < CELL_SIZE * 1.05f + 2 * CELL_PAD_X && d->err.code == AZ_OK)
			az_fail(&d->err, AZ_DATAERR, "az_doc_table_begin: column %zu is too narrow", i + 1);
	}
	if (d->err.code != AZ_OK)
		close_table(d);
	return d->err.code;
}

int az_doc_table_begin(struct az_doc *d, const struct az_doc_column *cols, size_t ncols)
{
	if (open_table(d, cols, ncols) != AZ_OK)
		return d->err.code;
	/* the column edges, once per table, for its rows' AZ_OP_GRID */
	if (d->ngrids + ncols + 2 > d->capgrids) {
		size_t cap = (d->ngrids + ncols + 2) * 2;
		float *v = realloc(d->grids, cap * sizeof *v);
		if (!v) {
			close_table(d);
			return oom(d);
		}
		d->grids = v, d->capgrids = cap;
	}
	d->grid = d->ngrids;
	d->grids[d->ngrids++] = (float)(ncols + 1);
	for (size_t i = 0; i < ncols; i++)
		d->grids[d->ngrids++] = d->col_x[i];
	d->grids[d->ngrids++] = d->col_x[ncols - 1] + d->col_w[ncols - 1];
	d->head_h = header_height(d);
	/* The header never stands alone at the foot of a page: room for two rows of two lines. */
	if (d->y < BODY_TOP && d->y - d->head_h - 2 * (2 * CELL_LEAD + 2 * CELL_PAD_Y) < BODY_BOTTOM)
		new_page(d);
	table_header(d);
	return d->err.code;
}

/* A row of the open table wrapped to its columns, or NULL (out of memory). */
static struct cell_run *row_cells(struct az_doc *d, const struct az_cell *cells)
{
	struct cell_run *c = calloc(d->ncols, sizeof *c);
	if (!c)
		return oom(d), NULL;
	for (size_t i = 0; i < d->ncols; i++) {
		c[i].text = clean(d, cells[i].text, CLEAN_DRAWN | (cells[i].style & AZ_REFS ? CLEAN_REFS : 0));
		c[i].al = d->col_align[i];
		c[i].fill = cells[i].fill;
		c[i].color = black;
		if (cells[i].style & AZ_STRONG)
			c[i].bold = 1, c[i].size = BODY_SIZE;
		c[i].name = (cells[i].style & AZ_NAME) != 0;
		c[i].lead = (long)((cells[i].style >> 8) & 0x7FFFFF) * (cells[i].style & AZ_NAMES_LAST ? -1 : 1);
	}
	if (!wrap_cells(d, c, d->ncols, d->col_w, &table_style)) {
		free_cells(c, d->ncols);
		return NULL;
	}
	return c;
}

int az_doc_table_row(struct az_doc *d, const struct az_cell *cells)
{
	if (d->err.code != AZ_OK)
		return d->err.code;
	if (!d->ncols)
		return az_fail(&d->err, AZ_DATAERR, "%s", "az_doc_table_row: no table is open");
	struct cell_run *c = row_cells(d, cells);
	if (c) {
		place_row(d, d->ncols, d->col_x, d->col_w, c, &table_style);
		free_cells(c, d->ncols);
	}
	return d->err.code;
}

double az_doc_table_height(struct az_doc *d, const struct az_doc_column *cols, size_t ncols,
			   const struct az_cell *rows, size_t nrows)
{
	if (open_table(d, cols, ncols) != AZ_OK)
		return 0;
	float h = header_height(d);
	size_t *from = calloc(ncols, sizeof *from);
	for (size_t i = 0; from && i < nrows; i++) {
		struct cell_run *c = row_cells(d, rows + i * ncols);
		if (!c)
			break;
		h += (float)max_lines(c, ncols, from) * CELL_LEAD + 2 * CELL_PAD_Y;
		free_cells(c, ncols);
	}
	free(from);
	close_table(d);
	return h;
}

double az_doc_heading_height(struct az_doc *d, int level, const char *text)
{
	int k = level < 1 ? 0 : level > 3 ? 2 : level - 1;
	char *s = d->err.code == AZ_OK ? clean(d, text, 1) : NULL;
	struct az_line *l = NULL;
	size_t n;
	float h = heading_wrap(d, k, s, &l, &n);
	free(l);
	free(s);
	return h;
}

double az_doc_paragraph_height(struct az_doc *d, const char *text)
{
	char *s = d->err.code == AZ_OK ? clean(d, text, 1) : NULL;
	struct az_line *l = NULL;
	size_t n = s ? wrap(d, s, BODY_W, BODY_SIZE, &l) : 0;
	free(l);
	free(s);
	return n ? (double)n * BODY_LEAD + 5 : 0;
}

int az_doc_keep(struct az_doc *d, double pt)
{
	if (d->err.code != AZ_OK)
		return d->err.code;
	if (d->ncols)
		return az_fail(&d->err, AZ_DATAERR, "%s", "az_doc_keep: a table is open");
	if (d->y < BODY_TOP && d->y - (float)pt < BODY_BOTTOM)
		new_page(d);
	return d->err.code;
}

int az_doc_table_end(struct az_doc *d)
{
	if (d->err.code != AZ_OK)
		return d->err.code;
	if (!d->ncols)
		return az_fail(&d->err, AZ_DATAERR, "%s", "az_doc_table_end: no table is open");
	close_table(d);
	d->y -= 8;
	if (d->y < BODY_BOTTOM)
		new_page(d);
	return d->err.code;
}

int az_doc_keyvalue(struct az_doc *d, const char *const *keys, const char *const *values, size_t n)
{
	static const struct row_style st = { BODY_SIZE, BODY_LEAD, 0, 1, 0, 0 };
	const float x[2] = { MARGIN_X, MARGIN_X + BODY_W * 0.28f };
	const float w[2] = { BODY_W * 0.28f - 8, BODY_W * 0.72f };
	if (d->err.code != AZ_OK)
		return d->err.code;
	if (d->ncols)
		return az_fail(&d->err, AZ_DATAERR, "%s", "az_doc_keyvalue: a table is open");
	for (size_t i = 0; i < n && d->err.code == AZ_OK; i++) {
		struct cell_run *c = calloc(2, sizeof *c);
		if (!c)
			return oom(d);
		c[0].text = clean(d, keys[i], 1);
		c[0].color = grey_text;
		c[1].text = clean(d, values[i], 1);
		c[1].color = black;
		c[1].name = 1; /* the clinic, its people, titles: broken at their words */
		if (wrap_cells(d, c, 2, w, &st))
			place_row(d, 2, x, w, c, &st);
		free_cells(c, 2);
	}
	d->y -= 6;
	if (d->y < BODY_BOTTOM)
		new_page(d);
	return d->err.code;
}

/* --- heat map --- */

/* Wrapped lines of text, drawn centred or right-aligned in a box of width w from top. */
static void label(struct az_doc *d, const char *s, const struct az_line *l, size_t n, float x, float w, float top,
		  float size, float lead, enum az_align al, int bold)
{
	for (size_t k = 0; k < n; k++)
		text_line(d, align_x(x, w, 0, line_width(&l[k], size), al), baseline(top - (float)k * lead, lead, size),
			  size, bold, black, s, &l[k]);
}

/* The cells of one map from (x0, top): fills, rules, the rank mark at body size in bold (it must
 * survive a monochrome print) and the count, right of the mark or, split, under it. */
static void heat_cells(struct az_doc *d, const struct az_heatmap_figure *h, float x0, float top, float cell_w,
		       float cell_h, int split)
{
	for (int r = 0; r < 5; r++)
		for (int c = 0; c < 5; c++)
			fill_op(d, x0 + (float)c * cell_w, top - (float)(r + 1) * cell_h, cell_w, cell_h, h->fill[r][c]);
	for (int i = 0; i <= 5; i++) {
		line_op(d, x0, top - (float)i * cell_h, 5 * cell_w, 0, 0.6f, rule);
		line_op(d, x0 + (float)i * cell_w, top, 0, -5 * cell_h, 0.6f, rule);
	}
	float mark_h = split ? cell_h / 2 : cell_h;
	for (int r = 0; r < 5; r++)
		for (int c = 0; c < 5; c++) {
			float ct = top - (float)r * cell_h, cx = x0 + (float)c * cell_w;
			if (h->mark[r][c] && h->mark[r][c][0]) {
				char *m = clean(d, h->mark[r][c], 1);
				if (m)
					text_op(d, cx + 3, baseline(ct, mark_h, BODY_SIZE), BODY_SIZE, 1, black, m, strlen(m));
				free(m);
			}
			if (h->count[r][c] <= 0)
				continue;
			char num[16];
			int k = snprintf(num, sizeof num, "%d", h->count[r][c]);
			struct az_line one = { 0, (size_t)k, 0, 0 };
			for (int j = 0; j < k; j++)
				one.width += az_font_width(d->font, (uint32_t)num[j]);
			label(d, num, &one, 1, cx, cell_w - 4, split ? ct - mark_h : ct, 12, mark_h, AZ_RIGHT, 1);
		}
}

/* nmaps (1 or 2) heat maps side by side, sharing the likelihood ticks of the first. */
static int heatmaps(struct az_doc *d, const struct az_heatmap_figure *h, int nmaps)
{
	const float tick_w = nmaps == 1 ? 110 : 80, gap = 12, size = CELL_SIZE, lead = CELL_LEAD, title_h = 16;
	const float cell_w = nmaps == 1 ? 60 : (BODY_W - tick_w - gap) / 10;
	if (d->err.code != AZ_OK)
		return d->err.code;
	if (d->ncols)
		return az_fail(&d->err, AZ_DATAERR, "%s", "az_doc_heatmap: a table is open");
	/* per map 7 texts: y label (its title), x label, 5 x ticks; then the 5 y ticks */
	char *s[19] = { 0 };
	struct az_line *l[19] = { 0 };
	size_t n[19] = { 0 };
	for (int m = 0; m < nmaps; m++) {
		s[7 * m] = clean(d, h[m].y_label, 1);
		s[7 * m + 1] = clean(d, h[m].x_label, 1);
		for (int i = 0; i < 5; i++)
			s[7 * m + 2 + i] = clean(d, h[m].x_ticks[i], 1);
	}
	for (int i = 0; i < 5; i++)
		s[14 + i] = clean(d, h[0].y_ticks[i], 1);
	for (int i = 0; i < 19 && d->err.code == AZ_OK; i++) {
		int k = i < 14 ? i % 7 : 7;
		float w = k == 0 ? (nmaps == 1 ? tick_w : 0) + 5 * cell_w : k == 1 ? 5 * cell_w : k < 7 ? cell_w - 4 : tick_w - 6;
		if (s[i])
			n[i] = wrap(d, s[i], w, k < 2 ? 9 : size, &l[i]);
	}
	if (d->err.code == AZ_OK) {
		size_t ymax = 1, xmax = 1, t0 = 1, t1 = 1;
		for (int i = 0; i < 5; i++)
			ymax = n[14 + i] > ymax ? n[14 + i] : ymax;
		for (int m = 0; m < nmaps; m++) {
			t0 = n[7 * m] > t0 ? n[7 * m] : t0;
			t1 = n[7 * m + 1] > t1 ? n[7 * m + 1] : t1;
			for (int i = 0; i < 5; i++)
				xmax = n[7 * m + 2 + i] > xmax ? n[7 * m + 2 + i] : xmax;
		}
		float min_h = nmaps == 1 ? 24 : 24; /* split cells: the count under the mark */
		float cell_h = (float)ymax * lead + 8 < min_h ? min_h : (float)ymax * lead + 8;
		float xt_h = (float)xmax * lead + 4;
		/* the pair packed a little closer: it fits under a summary more often */
		const float skip = nmaps == 1 ? 4 : 2, after = nmaps == 1 ? 10 : 6;
		float total = (float)t0 * title_h + skip + 5 * cell_h + xt_h + (float)t1 * title_h + after;
		/* the figure's heading goes with it onto the next page, never left at the foot of one */
		char *head = h[0].heading ? clean(d, h[0].heading, 1) : NULL;
		struct az_line *hl = NULL;
		size_t hn;
		total += heading_wrap(d, 1, head, &hl, &hn);
		if (d->y < BODY_TOP && d->y - total < BODY_BOTTOM)
			new_page(d);
		heading_draw(d, 1, head, hl, hn);
		free(hl);
		free(head);
		float top = d->y - (float)t0 * title_h - skip;
		for (int r = 0; r < 5; r++)
			label(d, s[14 + r], l[14 + r], n[14 + r], MARGIN_X, tick_w - 6,
			      top - (float)r * cell_h - (cell_h - (float)n[14 + r] * lead) / 2, size, lead, AZ_RIGHT, 0);
		for (int m = 0; m < nmaps; m++) {
			float x0 = MARGIN_X + tick_w + (float)m * (5 * cell_w + gap);
			if (nmaps == 1)
				label(d, s[0], l[0], n[0], MARGIN_X, tick_w + 5 * cell_w, d->y, 9, title_h, AZ_LEFT, 1);
			else
				label(d, s[7 * m], l[7 * m], n[7 * m], x0, 5 * cell_w, d->y, 9, title_h, AZ_LEFT, 1);
			heat_cells(d, &h[m], x0, top, cell_w, cell_h, nmaps > 1);
			float xt = top - 5 * cell_h - 4;
			for (int c = 0; c < 5; c++)
				label(d, s[7 * m + 2 + c], l[7 * m + 2 + c], n[7 * m + 2 + c], x0 + (float)c * cell_w + 2,
				      cell_w - 4, xt, size, lead, AZ_CENTER, 0);
			label(d, s[7 * m + 1], l[7 * m + 1], n[7 * m + 1], x0, 5 * cell_w, xt - xt_h, 9, title_h, AZ_CENTER, 1);
		}
		d->y = top - 5 * cell_h - 4 - xt_h - (float)t1 * title_h - after;
	}
	for (int i = 0; i < 19; i++) {
		free(s[i]);
		free(l[i]);
	}
	return d->err.code;
}

double az_doc_body_width(const struct az_doc *d)
{
	(void)d;
	return BODY_W;
}

double az_doc_cell_width(struct az_doc *d, const char *text)
{
	if (d->err.code != AZ_OK)
		return 0;
	char *s = clean(d, text, 1);
	struct az_line *l = NULL;
	size_t n = s ? wrap(d, s, 1e6f, CELL_SIZE, &l) : 0;
	float w = 0;
	for (size_t i = 0; i < n; i++)
		w = line_width(&l[i], CELL_SIZE) > w ? line_width(&l[i], CELL_SIZE) : w;
	free(l);
	free(s);
	return w + 2 * CELL_PAD_X + 0.5f; /* and the quarter point a column's edge may round away */
}

/* Lines of the cleaned text s (its record t, or NULL) in a cell of width. */
static size_t cell_lines(struct az_doc *d, struct az_wraptext *t, const char *s, double width)
{
	float w = (float)width - 2 * CELL_PAD_X;
	w = w > CELL_SIZE ? w : CELL_SIZE;
	return t ? wrap_rec(d, d->wraps, t, s, t->len, (long)(w * 1000.0f / CELL_SIZE), NULL)
		 : wrap_count(d, s, w, CELL_SIZE);
}

/* lines[lo+1..hi-1] for widths rising from lo to hi, lines[lo] and lines[hi] known: where the ends
 * agree so does the middle, else the middle is measured and each half done the same way */
static void cell_lines_between(struct az_doc *d, struct az_wraptext *t, const char *s, const double *widths,
			       size_t lo, size_t hi, size_t *lines)
{
	if (hi - lo < 2)
		return;
	if (lines[lo] == lines[hi]) {
		for (size_t k = lo + 1; k < hi; k++)
			lines[k] = lines[lo];
		return;
	}
	size_t mid = lo + (hi - lo) / 2;
	lines[mid] = cell_lines(d, t, s, widths[mid]);
	cell_lines_between(d, t, s, widths, lo, mid, lines);
	cell_lines_between(d, t, s, widths, mid, hi, lines);
}

void az_doc_cell_lines_at(struct az_doc *d, const struct az_cell *cell, const double *widths, size_t nw,
			  size_t *lines)
{
	memset(lines, 0, nw * sizeof *lines);
	if (d->err.code != AZ_OK)
		return;
	char *s = clean(d, cell->text, CLEAN_DRAWN | (cell->style & AZ_REFS ? CLEAN_REFS : 0));
	if (!s)
		return;
	/* found once for all the widths: a text that fits on one line is one line at each */
	struct az_wraptext *t = text_rec(d, s, strlen(s), 0);
	/* widths in increasing order (the column split's): a wider cell takes no more lines, so where
	 * two widths take as many lines, so does every width between them */
	int rising = 1;
	for (size_t k = 1; k < nw; k++)
		rising &= widths[k] >= widths[k - 1];
	if (rising && nw > 2) {
		lines[0] = cell_lines(d, t, s, widths[0]);
		lines[nw - 1] = cell_lines(d, t, s, widths[nw - 1]);
		cell_lines_between(d, t, s, widths, 0, nw - 1, lines);
	} else {
		for (size_t k = 0; k < nw; k++)
			lines[k] = cell_lines(d, t, s, widths[k]);
	}
	free(s);
}

int az_doc_heatmap(struct az_doc *d, const struct az_heatmap_figure *h) { return heatmaps(d, h, 1); }

int az_doc_heatmap_pair(struct az_doc *d, const struct az_heatmap_figure *h) { return heatmaps(d, h, 2); }

/* --- page references --- */

const char *az_doc_ref(struct az_doc *d, unsigned key, const char *template, char out[5])
{
	out[0] = '\0';
	if (d->err.code != AZ_OK)
		return out;
	if (key >= AZ_DOC_REFS)
		return az_fail(&d->err, AZ_DATAERR, "az_doc_ref: key %u", key), out;
	char *t = clean(d, template, CLEAN_DRAWN); /* its characters, and the digits, are in the subset */
	if (!t)
		return out;
	long w = 0;
	for (size_t i = 0, n = strlen(t); i < n;)
		w += az_font_width(d->font, az_utf8_next(t, n, &i));
	free(t);
	if (key >= d->nrefs) {
		struct az_doc_ref *v = realloc(d->refs, (key + 1) * sizeof *v);
		if (!v)
			return oom(d), out;
		for (size_t i = d->nrefs; i <= key; i++)
			v[i] = (struct az_doc_ref){ -1, NULL };
		d->refs = v, d->nrefs = key + 1;
	}
	if (d->refs[key].width >= 0 && d->refs[key].width != w)
		return az_fail(&d->err, AZ_DATAERR, "az_doc_ref: key %u changed its template", key), out;
	d->refs[key].width = w;
	out[put_utf8(out, AZ_REF_FIRST + key)] = '\0';
	return out;
}

int az_doc_ref_set(struct az_doc *d, unsigned key, const char *text)
{
	if (key >= d->nrefs || d->refs[key].width < 0)
		return -1;
	char *t = clean(d, text, CLEAN_DRAWN);
	if (!t)
		return -1;
	long w = 0;
	size_t n = strlen(t);
	for (size_t i = 0; i < n;) {
		uint32_t cp = az_utf8_next(t, n, &i);
		w += cp == '\n' ? 0 : az_font_width(d->font, cp);
	}
	free(d->refs[key].text);
	d->refs[key].text = t;
	return w <= d->refs[key].width;
}

/* The texts that hold page references, with their pages put in. */
static int resolve_refs(struct az_doc *d)
{
	for (size_t k = 0; k < d->nrefops && d->err.code == AZ_OK; k++) {
		struct az_op *o = az_doc_op(d, d->refops[k]);
		size_t len = strlen(d->pool + o->off), n = 0;
		char *b = malloc(len * 8 + 1); /* a placeholder (4 bytes) prints as "p.999–999" at most */
		if (!b)
			return oom(d);
		for (size_t i = 0; i < len;) {
			size_t at = i;
			uint32_t cp = az_utf8_next(d->pool + o->off, len, &i);
			const struct az_doc_ref *ref = is_ref(d, cp) ? &d->refs[cp - AZ_REF_FIRST] : NULL;
			if (ref && !ref->text) {
				free(b);
				return az_fail(&d->err, AZ_DATAERR, "internal error: page reference %u has no page",
					       (unsigned)(cp - AZ_REF_FIRST));
			}
			const char *from = ref ? ref->text : d->pool + o->off + at;
			size_t m = ref ? strlen(from) : i - at;
			if (m > 8 * (i - at)) {
				free(b);
				return az_fail(&d->err, AZ_DATAERR, "%s", "internal error: a page reference too long");
			}
			memcpy(b + n, from, m), n += m;
		}
		size_t off = pool_add(d, b, n);
		free(b);
		if (off == (size_t)-1)
			return d->err.code;
		o->off = (unsigned)off;
	}
	d->nrefops = 0;
	return d->err.code;
}

/* --- attachments and output --- */

int az_doc_attach_packed(struct az_doc *d, const char *name, const char *mime, struct az_packed *p)
{
	if (d->err.code != AZ_OK) {
		az_packed_free(p);
		return d->err.code;
	}
	for (const char *c = name; c && *c; c++)
		if (*c < 0x21 || *c > 0x7E || *c == '/' || *c == '\\' || *c == '(' || *c == ')') {
			az_packed_free(p);
			return az_fail(&d->err, AZ_DATAERR, "az_doc_attach: unusable file name '%s'", name);
		}
	if (!name || !*name || (mime && strspn(mime, "abcdefghijklmnopqrstuvwxyz0123456789.+-/") != strlen(mime))) {
		az_packed_free(p);
		return az_fail(&d->err, AZ_DATAERR, "%s", "az_doc_attach: bad name or MIME type");
	}
	struct az_attachment *v = realloc(d->att, (d->natt + 1) * sizeof *v);
	if (!v) {
		az_packed_free(p);
		return oom(d);
	}
	d->att = v;
	struct az_attachment *a = &d->att[d->natt];
	a->name = strdup(name);
	a->mime = strdup(mime ? mime : "application/octet-stream");
	if (!a->name || !a->mime || !p->data) {
		free(a->name), free(a->mime);
		az_packed_free(p);
		return oom(d);
	}
	a->data = p->data, a->zlen = p->zlen, a->len = p->len, a->spec = 0;
	p->data = NULL;
	d->natt++;
	/* a streamed document writes it now: at 50,000 risks it is 1.4 MB not held while drawing */
	if (d->stream && d->render && az_render_attachment(d, d->natt - 1, &d->err) != AZ_OK)
		return d->err.code;
	return AZ_OK;
}

int az_doc_attach(struct az_doc *d, const char *name, const char *mime, const void *data, size_t len)
{
	struct az_packed p;
	if (d->err.code != AZ_OK)
		return d->err.code;
	if (az_pack_bytes(&p, data, len) != 0)
		return oom(d);
	return az_doc_attach_packed(d, name, mime, &p);
}

int az_doc_save_mem(struct az_doc *d, char **out, size_t *len, struct az_error *err)
{
	*out = NULL, *len = 0;
	footnote(d);
	if (d->err.code == AZ_OK && (d->stream || d->discard))
		az_fail(&d->err, AZ_DATAERR, "%s", "az_doc_save_mem: a streamed or discarded document");
	if (d->err.code == AZ_OK && d->ncols)
		az_fail(&d->err, AZ_DATAERR, "%s", "az_doc_save: a table is still open");
	if (d->err.code != AZ_OK || resolve_refs(d) != AZ_OK) {
		if (err)
			*err = d->err;
		return d->err.code;
	}
	return az_doc_render(d, out, len, err);
}

int az_doc_save(struct az_doc *d, const char *path, int force, struct az_error *err)
{
	footnote(d);
	if (d->err.code == AZ_OK && d->ncols)
		az_fail(&d->err, AZ_DATAERR, "%s", "az_doc_save: a table is still open");
	if (d->err.code == AZ_OK && !d->stream && !d->discard)
		resolve_refs(d);
	if (d->err.code != AZ_OK) {
		if (err)
			*err = d->err;
		return d->err.code;
	}
	if (d->discard)
		return az_fail(err, AZ_DATAERR, "%s", "az_doc_save: a discarded document");
	if (d->stream && d->drawn < d->npages) {
		if (resolve_refs(d) != AZ_OK || az_render_page(d, 0, d->nops, &d->err) != AZ_OK) {
			if (err)
				*err = d->err;
			return d->err.code;
		}
		d->drawn++, d->nops = 0;
	}
	if (d->stream) { /* written from the first page into the target's temporary file */
		int rc = az_render_close(d, err);
		if (rc == AZ_OK && fflush(d->out->fp) != 0)
			rc = az_fail(err, AZ_IOERR, _("cannot write the PDF (%s): the disk may be full; free some space and try again"),
				    strerror(errno));
		if (rc == AZ_OK && d->fingerprint[0])
			rc = az_seal_file(d->out->tmp, err);
		if (rc == AZ_OK)
			rc = az_outfile_commit(d->out, err);
		return rc; /* az_doc_free removes the temporary file unless it was committed */
	}
	struct az_outfile o;
	int rc = az_outfile_open(&o, path, force, err);
	if (rc != AZ_OK)
		return rc;
	/* pdfdraw.c writes the temporary file by its name; the commit syncs and renames it */
	rc = az_doc_render_file(d, o.tmp, err);
	if (rc == AZ_OK && d->fingerprint[0])
		rc = az_seal_file(o.tmp, err);
	if (rc == AZ_OK)
		rc = az_outfile_commit(&o, err);
	else
		az_outfile_abort(&o);
	return rc;
}
