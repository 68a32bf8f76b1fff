/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The \uXXXX escape of a JSON string, shared by the strict check (model/json_strict.c) and the
 * snapshot reader (model/snapshot_json.c), so both take and refuse the same ones. */
#ifndef ANZEN_JSON_ESCAPE_H
#define ANZEN_JSON_ESCAPE_H

#include <stddef.h>

enum az_json_u {
	AZ_JSON_U_OK = 0,
	AZ_JSON_U_BAD = -1, /* not four hex digits */
	AZ_JSON_U_NUL = -2, /* \u0000: a workbook keeps no NUL */
	AZ_JSON_U_LOW = -3, /* a lone low surrogate (\udc00 to \udfff) */
	AZ_JSON_U_HIGH = -4 /* a high surrogate without its low half */
};

/* p points just after "\u", end bounds the text. Sets *cp to the character (a surrogate pair joined)
 * and *used to the bytes read from p (4, or 10 for a pair); returns AZ_JSON_U_OK or the reason. */
int az_json_u_escape(const char *p, const char *end, unsigned *cp, size_t *used);

#endif
