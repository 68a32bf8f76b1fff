/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdlib.h>
#include <unicase.h>
#include <uninorm.h>
#include <unistr.h>

#include "base/fold.h"

uint32_t *az_fold(const char *s, size_t len, size_t *n)
{
	size_t nu = 0;
	if (len == 0) {
		*n = 0;
		return calloc(1, sizeof(uint32_t));
	}
	uint32_t *u = u8_to_u32((const uint8_t *)s, len, NULL, &nu);
	if (!u)
		return NULL;
	uint32_t *f = u32_casefold(u, nu, NULL, UNINORM_NFKC, NULL, n);
	free(u);
	if (!f)
		return NULL;
	for (size_t i = 0; i < *n; i++)
		if ((f[i] >= 0x3041 && f[i] <= 0x3096) || f[i] == 0x309D || f[i] == 0x309E)
			f[i] += 0x60; /* ぁ..ゖ ゝゞ → ァ..ヶ ヽヾ */
	return f;
}

int az_fold_contains(const uint32_t *hay, size_t nhay, const uint32_t *needle, size_t nneedle)
{
	if (nneedle == 0)
		return 1;
	for (size_t i = 0; i + nneedle <= nhay; i++)
		if (hay[i] == needle[0] && u32_cmp(hay + i, needle, nneedle) == 0)
			return 1;
	return 0;
}
