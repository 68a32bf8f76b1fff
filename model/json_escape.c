/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include "model/json_escape.h"

static int hex4(const char *p, const char *end, unsigned *v)
{
	*v = 0;
	if (end - p < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
			     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
			     : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
						    : 16;
		if (d == 16)
			return -1;
		*v = *v << 4 | d;
	}
	return 0;
}

int az_json_u_escape(const char *p, const char *end, unsigned *cp, size_t *used)
{
	unsigned u, lo;
	if (hex4(p, end, &u))
		return AZ_JSON_U_BAD;
	if (u == 0)
		return AZ_JSON_U_NUL;
	if (u >= 0xDC00 && u <= 0xDFFF)
		return AZ_JSON_U_LOW;
	*used = 4;
	if (u >= 0xD800 && u <= 0xDBFF) {
		if (end - p < 10 || p[4] != '\\' || p[5] != 'u' || hex4(p + 6, end, &lo) || lo < 0xDC00 || lo > 0xDFFF)
			return AZ_JSON_U_HIGH;
		u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
		*used = 10;
	}
	*cp = u;
	return AZ_JSON_U_OK;
}
