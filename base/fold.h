/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Text folded for searching, so a search finds what the user means however it was typed. */
#ifndef ANZEN_FOLD_H
#define ANZEN_FOLD_H

#include <stddef.h>
#include <stdint.h>

/*
 * s (UTF-8, len bytes) in NFKC (full-width ＮＡＳ is NAS, half-width ﾚｾｺﾝ is レセコン), case-folded,
 * hiragana as katakana (れせこん is レセコン). Returns a malloc'd array of *n code points, or NULL
 * when s is not UTF-8 or memory ran out.
 */
uint32_t *az_fold(const char *s, size_t len, size_t *n);

/* 1 if the folded needle occurs in the folded hay. */
int az_fold_contains(const uint32_t *hay, size_t nhay, const uint32_t *needle, size_t nneedle);

#endif
