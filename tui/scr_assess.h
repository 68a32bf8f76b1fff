/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* What the assessment screens (risks, treatment, checklist, heatmap) share besides tui/wb.h:
 * entry points into each other, the score picker and noticing that the book was reloaded. */
#ifndef ANZEN_TUI_SCR_ASSESS_H
#define ANZEN_TUI_SCR_ASSESS_H

#include <stddef.h>
#include <stdio.h>

#include "model/book.h"
#include "model/risk_edit.h"

/* The treatment of one risk (scores, treatment, actions, residual, approval). */
int tui_treat_open(long long risk_id);
/* Every risk of the workbook in one list. */
int tui_risks_open_all(void);
/* The risks in one heatmap cell: residual 0 (current) or 1, likelihood l, severity s. */
int tui_risks_open_cell(int residual, int l, int s);

/* Picks score k of a risk with the level descriptions on screen and saves it. risk_id 0 with
 * system_id and threat: the first score creates the risk. chain: after a likelihood, the severity
 * is asked next. */
int tui_score_pick(long long risk_id, long long system_id, const char *threat, enum az_score_kind k, int chain);

/* Which book a screen built its rows from; tui_book_changed says when to rebuild. */
struct tui_book_stamp {
	const void *arena;
	long long log;
	size_t risks, actions, systems, answers;
};
int tui_book_changed(struct tui_book_stamp *st);

/* The screen's help followed by what extra(f, arg) writes (the catalogue's descriptions and
 * references). */
struct tui_screen;
void tui_assess_help(const struct tui_screen *s, void (*extra)(FILE *f, void *arg), void *arg);
/* Pieces of that extra text, written to f: an entry's references " [doc section, ...]", the five
 * levels of likelihood and severity, the ranks with their responses. */
void tui_help_refs(FILE *f, const struct az_ref *refs, size_t n);
void tui_help_levels(FILE *f);
void tui_help_ranks(FILE *f);

/* Appends s to buf (at *len) padded with spaces to width cells (at least one space after it). */
void tui_pad_append(char *buf, size_t size, size_t *len, const char *s, int width);

#endif
