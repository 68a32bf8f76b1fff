/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "base/text.h"

uint32_t az_utf8_next_rest(const char *str, size_t len, size_t *i)
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

/* How many bytes from s[i] on sanitize keeps as they are without a closer look: printable ASCII and
 * the three-byte characters (Japanese; no control among them), as az_utf8_next decodes them. */
static size_t plain_run(const unsigned char *s, size_t i, size_t len)
{
	size_t from = i;
	while (i < len) {
		if (s[i] >= 0x20 && s[i] < 0x7F)
			i++;
		else if (len - i >= 3 && (s[i] & 0xF0) == 0xE0 && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80 &&
			 (s[i] != 0xE0 || s[i + 1] >= 0xA0) && (s[i] != 0xED || s[i + 1] < 0xA0))
			i += 3;
		else
			break;
	}
	return i - from;
}

static char *sanitize(const char *str, int keep_lines)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	size_t len = strlen((const char *)s);
	char *out = malloc(len * 3 + 1), *o = out;
	if (!out)
		return NULL;
	for (size_t i = 0; i < len;) {
		size_t run = plain_run(s, i, len); /* most text: copied without a call per character */
		if (run) {
			memcpy(o, s + i, run);
			o += run, i += run;
			continue;
		}
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

int az_text_fputs(const char *str, FILE *f)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	size_t len = strlen((const char *)s);
	if (plain_run(s, 0, len) == len) /* nothing to replace: no copy */
		return fwrite(s, 1, len, f) == len ? 0 : EOF;
	char *safe = az_text_sanitize(str);
	int rc = fputs(safe ? safe : "?", f);
	free(safe);
	return rc == EOF ? EOF : 0;
}
