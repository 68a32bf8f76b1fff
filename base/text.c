/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "base/text.h"

uint32_t az_utf8_next(const char *str, size_t len, size_t *i)
{
	ucs4_t c;
	int n = u8_mbtoucr(&c, (const uint8_t *)str + *i, len - *i);
	if (n <= 0) { /* invalid or truncated: one byte at a time */
		(*i)++;
		return 0xFFFD;
	}
	*i += (size_t)n;
	return c;
}

size_t az_utf8_invalid_at(const char *s, size_t len)
{
	const uint8_t *bad = u8_check((const uint8_t *)s, len);
	return bad ? (size_t)(bad - (const uint8_t *)s) : (size_t)-1;
}

size_t az_utf8_count(const char *str, size_t len)
{
	return u8_mbsnlen((const uint8_t *)str, len);
}

static char *sanitize(const char *str, int keep_lines)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	size_t len = strlen((const char *)s);
	char *out = malloc(len * 3 + 1), *o = out;
	if (!out)
		return NULL;
	for (size_t i = 0; i < len;) {
		ucs4_t c;
		int n = u8_mbtoucr(&c, s + i, len - i);
		/* invalid (skipped a byte at a time), C0, DEL and the C1 controls U+0080..U+009F */
		int line = n > 0 && keep_lines && (c == '\n' || c == '\r' || c == '\t');
		if (n <= 0 || (c < 0x20 && !line) || (c >= 0x7F && c < 0xA0)) {
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
			i += n <= 0 ? 1 : (size_t)n;
			continue;
		}
		memcpy(o, s + i, (size_t)n);
		o += n;
		i += (size_t)n;
	}
	*o = '\0';
	return out;
}

char *az_text_sanitize(const char *s) { return sanitize(s, 0); }
char *az_text_sanitize_lines(const char *s) { return sanitize(s, 1); }
