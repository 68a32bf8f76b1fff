#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/text.h"

uint32_t az_utf8_next(const char *str, size_t len, size_t *i)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c = s[*i];
	size_t n;
	uint32_t min;
	if (c < 0x80) {
		(*i)++;
		return c;
	} else if ((c & 0xE0) == 0xC0) {
		n = 2, min = 0x80, c &= 0x1F;
	} else if ((c & 0xF0) == 0xE0) {
		n = 3, min = 0x800, c &= 0x0F;
	} else if ((c & 0xF8) == 0xF0) {
		n = 4, min = 0x10000, c &= 0x07;
	} else {
		(*i)++;
		return 0xFFFD;
	}
	if (*i + n > len) {
		(*i)++;
		return 0xFFFD;
	}
	for (size_t k = 1; k < n; k++) {
		if ((s[*i + k] & 0xC0) != 0x80) {
			(*i)++;
			return 0xFFFD;
		}
		c = (c << 6) | (s[*i + k] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		(*i)++;
		return 0xFFFD;
	}
	*i += n;
	return c;
}

size_t az_utf8_invalid_at(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		size_t at = i;
		/* U+FFFD itself is valid; a decoder's U+FFFD for a bad byte is not */
		if (az_utf8_next(s, len, &i) == 0xFFFD && !(i - at == 3 && !memcmp(s + at, "\xEF\xBF\xBD", 3)))
			return at;
	}
	return (size_t)-1;
}

size_t az_utf8_count(const char *str, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)str[i] & 0xC0) != 0x80)
			n++;
	return n;
}

char *az_text_sanitize(const char *str)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	size_t len = strlen((const char *)s);
	char *out = malloc(len * 3 + 1), *o = out;
	if (!out)
		return NULL;
	for (size_t i = 0; i < len;) {
		unsigned c = s[i];
		size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
		int bad = n > len - i || (n > 1 && az_utf8_invalid_at((const char *)s + i, n) != (size_t)-1);
		/* C1 controls U+0080..U+009F are encoded C2 80..C2 9F */
		if (bad || c < 0x20 || c == 0x7F || (c == 0xC2 && s[i + 1] < 0xA0)) {
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
			i += bad ? 1 : n;
			continue;
		}
		memcpy(o, s + i, n);
		o += n;
		i += n;
	}
	*o = '\0';
	return out;
}
