/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>

#include "base/text.h"
#include "export/pdfwrite.h"

static void fail(struct az_pdfw *w, int eno)
{
	if (!w->eno)
		w->eno = eno ? eno : EIO;
}

#define PACKED (1ull << 63)

void az_pdfw_put(struct az_pdfw *w, const void *s, size_t n)
{
	if (w->eno || !n)
		return;
	if (w->packing) {
		if (w->capbody - w->nbody < n) {
			size_t cap = w->capbody ? w->capbody : 16384;
			while (cap - w->nbody < n)
				cap *= 2;
			char *v = realloc(w->body, cap);
			if (!v) {
				fail(w, ENOMEM);
				return;
			}
			w->body = v, w->capbody = cap;
		}
		memcpy(w->body + w->nbody, s, n);
		w->nbody += n;
		return;
	}
	if (fwrite(s, 1, n, w->fp) != n) {
		fail(w, errno);
		return;
	}
	w->pos += n;
}

void az_pdfw_puts(struct az_pdfw *w, const char *s)
{
	az_pdfw_put(w, s, strlen(s));
}

void az_pdfw_printf(struct az_pdfw *w, const char *fmt, ...)
{
	char b[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(b, sizeof b, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof b)
		fail(w, EINVAL); /* only short dictionary entries pass here */
	else
		az_pdfw_put(w, b, (size_t)n);
}

void az_pdfw_init(struct az_pdfw *w, FILE *fp, const char *version)
{
	memset(w, 0, sizeof *w);
	w->fp = fp;
	w->next = 1;
	/* the second line's bytes above 127 tell a transfer program that the file is binary */
	az_pdfw_printf(w, "%%PDF-%s\n%%\xE2\xE3\xCF\xD3\n", version);
}

void az_pdfw_free(struct az_pdfw *w)
{
	libdeflate_free_compressor(w->z);
	free(w->off);
	free(w->zbuf);
	free(w->body);
	w->off = NULL, w->zbuf = NULL, w->z = NULL, w->body = NULL;
}

int az_pdfw_error(const struct az_pdfw *w)
{
	return w->eno;
}

unsigned az_pdfw_reserve(struct az_pdfw *w)
{
	if (w->eno)
		return 0;
	if (w->next >= w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 256;
		unsigned long long *v = realloc(w->off, cap * sizeof *v);
		if (!v) {
			fail(w, ENOMEM);
			return 0;
		}
		memset(v + w->cap, 0, (cap - w->cap) * sizeof *v);
		w->off = v, w->cap = cap;
	}
	return w->next++;
}

static int usable(struct az_pdfw *w, unsigned num)
{
	if (w->eno)
		return 0;
	if (!num || num >= w->next || w->off[num] || w->packing) {
		fail(w, EINVAL);
		return 0;
	}
	return 1;
}

/* v in decimal at b; the end (printf was most of the cost of an object's header) */
static char *put_u(char *b, unsigned long long v)
{
	char d[24];
	int n = 0;
	do
		d[n++] = (char)('0' + v % 10), v /= 10;
	while (v);
	while (n)
		*b++ = d[--n];
	return b;
}

/* "num 0 obj\n" at b; the end */
static char *obj_head(char *b, unsigned num)
{
	b = put_u(b, num);
	memcpy(b, " 0 obj\n", 7);
	return b + 7;
}

void az_pdfw_begin(struct az_pdfw *w, unsigned num)
{
	if (!usable(w, num))
		return;
	w->off[num] = w->pos;
	char b[32];
	az_pdfw_put(w, b, (size_t)(obj_head(b, num) - b));
}

static void flush_pack(struct az_pdfw *w);

void az_pdfw_begin_packed(struct az_pdfw *w, unsigned num)
{
	if (!usable(w, num))
		return;
	if (w->npack == AZ_PDFW_PACK)
		flush_pack(w);
	w->pack_num[w->npack] = num;
	w->pack_off[w->npack++] = w->nbody;
	w->off[num] = PACKED; /* where exactly is known when its stream is written */
	w->packing = 1;
}

void az_pdfw_end(struct az_pdfw *w)
{
	if (w->packing) {
		az_pdfw_put(w, "\n", 1);
		w->packing = 0;
		return;
	}
	az_pdfw_put(w, "\nendobj\n", 8);
}

void az_pdfw_text(struct az_pdfw *w, const char *s)
{
	size_t n = strlen(s);
	int plain = 1;
	for (size_t i = 0; i < n; i++)
		plain &= (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] <= 0x7E;
	char b[64];
	size_t k = 0;
	if (plain) {
		az_pdfw_put(w, "(", 1);
		for (size_t i = 0; i < n; i++) {
			if (k > sizeof b - 4)
				az_pdfw_put(w, b, k), k = 0;
			if (s[i] == '(' || s[i] == ')' || s[i] == '\\')
				b[k++] = '\\';
			b[k++] = s[i];
		}
		az_pdfw_put(w, b, k);
		az_pdfw_put(w, ")", 1);
		return;
	}
	static const char hex[] = "0123456789ABCDEF";
	az_pdfw_put(w, "<FEFF", 5);
	for (size_t i = 0; i < n;) {
		uint32_t cp = az_utf8_next(s, n, &i);
		unsigned u[2] = { (unsigned)cp, 0 };
		int m = 1;
		if (cp > 0xFFFF)
			cp -= 0x10000, u[0] = 0xD800 + (cp >> 10), u[1] = 0xDC00 + (cp & 0x3FF), m = 2;
		for (int j = 0; j < m; j++) {
			if (k > sizeof b - 4)
				az_pdfw_put(w, b, k), k = 0;
			for (int sh = 12; sh >= 0; sh -= 4)
				b[k++] = hex[(u[j] >> sh) & 15];
		}
	}
	az_pdfw_put(w, b, k);
	az_pdfw_put(w, ">", 1);
}

/* data deflated at level into w->zbuf (a zlib stream); its length, or (size_t)-1 after a failure */
static size_t deflated(struct az_pdfw *w, const void *data, size_t len, int level)
{
	if (!w->z || w->zlevel != level) {
		libdeflate_free_compressor(w->z);
		if (!(w->z = libdeflate_alloc_compressor(level))) {
			fail(w, ENOMEM);
			return (size_t)-1;
		}
		w->zlevel = level;
	}
	size_t need = libdeflate_zlib_compress_bound(w->z, len);
	if (need > w->zcap) {
		unsigned char *v = realloc(w->zbuf, need);
		if (!v) {
			fail(w, ENOMEM);
			return (size_t)-1;
		}
		w->zbuf = v, w->zcap = need;
	}
	size_t n = libdeflate_zlib_compress(w->z, data, len, w->zbuf, w->zcap);
	if (!n)
		fail(w, ENOMEM);
	return n ? n : (size_t)-1;
}

void az_pdfw_stream(struct az_pdfw *w, unsigned num, const char *dict, const void *data, size_t len, int level)
{
	if (!usable(w, num))
		return;
	const void *body = data;
	size_t n = len;
	if (level != AZ_PDFW_RAW) {
		n = deflated(w, data, len, level);
		if (n == (size_t)-1)
			return;
		body = w->zbuf;
	}
	/* "num 0 obj\n<<dict /Filter /FlateDecode /Length n >>\nstream\n" in one write */
	static const char filter[] = " /Filter /FlateDecode", length[] = " /Length ", open[] = " >>\nstream\n";
	size_t nd = strlen(dict);
	char head[256], *h = head;
	if (nd > sizeof head - 96) {
		az_pdfw_begin(w, num); /* a long dictionary (the running form's fonts): in pieces */
		az_pdfw_put(w, "<<", 2);
		az_pdfw_put(w, dict, nd);
	} else {
		w->off[num] = w->pos;
		h = obj_head(h, num);
		*h++ = '<', *h++ = '<';
		memcpy(h, dict, nd), h += nd;
	}
	if (level != AZ_PDFW_RAW)
		memcpy(h, filter, sizeof filter - 1), h += sizeof filter - 1;
	memcpy(h, length, sizeof length - 1), h += sizeof length - 1;
	h = put_u(h, n);
	memcpy(h, open, sizeof open - 1), h += sizeof open - 1;
	az_pdfw_put(w, head, (size_t)(h - head));
	az_pdfw_put(w, body, n);
	az_pdfw_put(w, "\nendstream\nendobj\n", 18);
}

/* The objects collected so far as one object stream: "num offset ..." then the objects. */
static void flush_pack(struct az_pdfw *w)
{
	if (w->eno || !w->npack)
		return;
	unsigned num = az_pdfw_reserve(w);
	char *all = malloc(w->npack * 24 + w->nbody + 1);
	if (!num || !all) {
		free(all);
		fail(w, ENOMEM);
		return;
	}
	size_t first = 0;
	for (size_t i = 0; i < w->npack; i++) {
		first += (size_t)sprintf(all + first, "%s%u %zu", i ? " " : "", w->pack_num[i], w->pack_off[i]);
		w->off[w->pack_num[i]] = PACKED | (unsigned long long)num << 16 | i;
	}
	all[first++] = '\n';
	memcpy(all + first, w->body, w->nbody);
	char dict[64];
	snprintf(dict, sizeof dict, " /Type /ObjStm /N %zu /First %zu", w->npack, first);
	size_t len = first + w->nbody;
	w->npack = 0, w->nbody = 0;
	az_pdfw_stream(w, num, dict, all, len, 6);
	free(all);
}

/* entry i of the cross-reference stream: type, 5 bytes, 2 bytes (W [1 5 2]) */
static void xref_entry(unsigned char *e, int type, unsigned long long a, unsigned b)
{
	e[0] = (unsigned char)type;
	for (int k = 0; k < 5; k++)
		e[1 + k] = (unsigned char)(a >> (8 * (4 - k)));
	e[6] = (unsigned char)(b >> 8), e[7] = (unsigned char)b;
}

int az_pdfw_finish(struct az_pdfw *w, unsigned root, unsigned info)
{
	if (w->packing)
		fail(w, EINVAL);
	flush_pack(w);
	unsigned x = az_pdfw_reserve(w);
	if (w->eno)
		return w->eno;
	unsigned long long at = w->pos;
	unsigned char *t = malloc((size_t)w->next * 8);
	if (!t) {
		fail(w, ENOMEM);
		return w->eno;
	}
	xref_entry(t, 0, 0, 65535);
	for (unsigned i = 1; i < w->next; i++) {
		unsigned long long o = i == x ? at : w->off[i];
		if (!o) {
			free(t);
			fail(w, EINVAL);
			return w->eno;
		}
		if (o & PACKED)
			xref_entry(t + 8 * i, 2, (o & ~PACKED) >> 16, (unsigned)(o & 0xFFFF));
		else
			xref_entry(t + 8 * i, 1, o, 0);
	}
	char dict[128];
	int n = snprintf(dict, sizeof dict, " /Type /XRef /Size %u /W [ 1 5 2 ] /Root %u 0 R", w->next, root);
	if (info)
		snprintf(dict + n, sizeof dict - (size_t)n, " /Info %u 0 R", info);
	az_pdfw_stream(w, x, dict, t, (size_t)w->next * 8, 6);
	free(t);
	az_pdfw_printf(w, "startxref\n%llu\n%%%%EOF\n", at);
	if (!w->eno && fflush(w->fp) != 0)
		fail(w, errno);
	return w->eno;
}
