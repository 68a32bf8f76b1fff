/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * Picking one of N labelled options, each with a description: on-prem/cloud, yes/no/unknown,
 * connection types, treatments, the 1-5 levels with their descriptions.
 *
 * Overlay: tui_choice_pick() pushes a box over the current screen: one line per option (label, and
 * the start of its description when there is room), under them the whole description of the
 * highlighted option, wrapped by display width. Up/Down (j/k) move, a digit picks
 * that option, Enter picks the highlighted one and calls picked(arg, index) after the box has
 * closed; Esc/q closes without calling it. Labels and descriptions are UTF-8; each is passed through
 * gettext when drawn (so N_() strings translate and catalogue text shows as it is) and sanitised.
 *
 * Inline: a form item with opts set is a choice field (see tui/form.h): Left/Right or Space change
 * it in place, Enter opens the overlay. tui_choice_draw_inline draws "< label >" and the description.
 */
#ifndef ANZEN_TUI_CHOICE_H
#define ANZEN_TUI_CHOICE_H

#include <stddef.h>

#include "tui/screen.h"

struct tui_choice_opt {
	const char *label; /* short: "Cloud", "3 Likely" */
	const char *desc;  /* any length (wrapped in the overlay), may be NULL */
};

/* The option's text as shown (translated if it is a message id). */
const char *tui_choice_text(const char *s);

/* cur: the option highlighted first (-1: the first). The options are copied. Returns 0 or -1. */
int tui_choice_pick(const char *title, const struct tui_choice_opt *opts, size_t n, int cur,
		    void (*picked)(void *arg, int index), void *arg);

/* Draws option cur (or "-" when cur < 0) as "< label >" in at most width cells at (y, x); returns
 * the cells used. */
int tui_choice_draw_inline(const struct tui_choice_opt *opts, size_t n, int cur, int y, int x, int width,
			    int active);

#endif
