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

void az_pdfw_put(struct az_pdfw *w, const void *s, size_t n)
{
	if (w->eno || !n)
		return;
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
	w->off = NULL, w->zbuf = NULL, w->z = NULL;
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

void az_pdfw_begin(struct az_pdfw *w, unsigned num)
{
	if (w->eno)
		return;
	if (!num || num >= w->next || w->off[num]) {
		fail(w, EINVAL);
		return;
	}
	w->off[num] = w->pos;
	az_pdfw_printf(w, "%u 0 obj\n", num);
}

void az_pdfw_end(struct az_pdfw *w)
{
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
	if (w->eno)
		return;
	const void *body = data;
	size_t n = len;
	if (level != AZ_PDFW_RAW) {
		n = deflated(w, data, len, level);
		if (n == (size_t)-1)
			return;
		body = w->zbuf;
	}
	az_pdfw_begin(w, num);
	az_pdfw_printf(w, "<<%s%s /Length %zu >>\nstream\n", dict, level != AZ_PDFW_RAW ? " /Filter /FlateDecode" : "", n);
	az_pdfw_put(w, body, n);
	az_pdfw_put(w, "\nendstream", 10);
	az_pdfw_end(w);
}

int az_pdfw_finish(struct az_pdfw *w, unsigned root, unsigned info)
{
	if (w->eno)
		return w->eno;
	unsigned long long at = w->pos;
	char b[24 * 64];
	size_t k = 0;
	az_pdfw_printf(w, "xref\n0 %u\n0000000000 65535 f \n", w->next);
	for (unsigned i = 1; i < w->next; i++) {
		if (!w->off[i]) {
			fail(w, EINVAL);
			return w->eno;
		}
		/* each entry exactly 20 bytes */
		k += (size_t)snprintf(b + k, sizeof b - k, "%010llu 00000 n \n", w->off[i]);
		if (k > sizeof b - 24)
			az_pdfw_put(w, b, k), k = 0;
	}
	az_pdfw_put(w, b, k);
	az_pdfw_printf(w, "trailer\n<< /Size %u /Root %u 0 R", w->next, root);
	if (info)
		az_pdfw_printf(w, " /Info %u 0 R", info);
	az_pdfw_printf(w, " >>\nstartxref\n%llu\n%%%%EOF\n", at);
	if (!w->eno && fflush(w->fp) != 0)
		fail(w, errno);
	return w->eno;
}
