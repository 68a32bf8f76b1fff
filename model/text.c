#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/text.h"

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

int az_date_valid(const char *s)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (y < 1900 || m < 1 || m > 12 || d < 1)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

void az_date_today(char out[11])
{
	time_t t = time(NULL);
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	struct tm tm;
	if (sde && *sde)
		t = (time_t)strtoll(sde, NULL, 10);
	if (!localtime_r(&t, &tm))
		memset(&tm, 0, sizeof tm);
	if (strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		memcpy(out, "2000-01-01", 11);
}

int az_fiscal_year(const char *date)
{
	int y = atoi(date), m = atoi(date + 5);
	return m >= 4 ? y : y - 1;
}

static char *sanitize(const char *str, int keep_lines)
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
		int line = keep_lines && (c == '\n' || c == '\r' || c == '\t');
		if (bad || (c < 0x20 && !line) || c == 0x7F || (c == 0xC2 && s[i + 1] < 0xA0)) {
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

char *az_text_sanitize(const char *s) { return sanitize(s, 0); }
char *az_text_sanitize_lines(const char *s) { return sanitize(s, 1); }
