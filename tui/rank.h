/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* A risk rank on screen: its symbol always (monochrome terminals, NO_COLOR, screen dumps) and its
 * catalogue colour where the terminal has colours. */
#ifndef ANZEN_TUI_RANK_H
#define ANZEN_TUI_RANK_H

#include <curses.h>

#include "guideline/catalogue.h"

/* The attributes for the rank (bold on monochrome); A_NORMAL for NULL. */
attr_t tui_rank_attr(const struct az_rank *r);
/* "!!! S" padded to 5 cells, or "  -  " when unscored (NULL). */
const char *tui_rank_tag(const struct az_rank *r, char buf[16]);
/* Draws the tag at (y, x); returns the cells used (5). */
int tui_rank_draw(int y, int x, const struct az_rank *r);

#endif
