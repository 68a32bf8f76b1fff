/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * The rules of a whole workbook, for every path that writes one (import, templates, the demo): each
 * risk's treatment rules (model/rules.h) and each fact's answer of the right kind. The screens check
 * the same functions as each edit is made.
 */
#ifndef ANZEN_RULE_CHECK_H
#define ANZEN_RULE_CHECK_H

#include <stddef.h>

#include "guideline/catalogue.h"
#include "base/error.h"
#include "model/book.h"

/* Called for each break: what breaks it ("risk 3 (レセコン, VPN機器の脆弱性の放置)") and the rule. */
typedef void (*az_rule_break_fn)(void *arg, const char *where, const char *rule);

/* Calls fn for every break, risks then facts in row order; returns how many there are. */
size_t az_book_rule_breaks(const struct az_catalogue *cat, const struct az_book *b, az_rule_break_fn fn, void *arg);

/* Whether the assessment may be approved as it stands: AZ_OK, or AZ_DATAERR with the first risk whose
 * treatment an approved assessment may not have (S or A accepted or transferred without the
 * management's approval, or reduced with no action), so that an approved workbook always imports. */
int az_book_approval_check(const struct az_catalogue *cat, const struct az_book *b, struct az_error *err);

#endif
