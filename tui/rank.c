/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdio.h>

#include "tui/draw.h"
#include "tui/rank.h"
#include "tui/term.h"

/* Pair numbers after the screen roles of term.c, one per catalogue colour. */
#define RANK_PAIR(c) ((short)(TUI_ROLE_COUNT + (c)))

static int colours(void)
{
	/* term.c decided already (NO_COLOR, monochrome): roles carry a colour pair or not */
	return (tui_attr(TUI_ERROR) & A_COLOR) != 0;
}

attr_t tui_rank_attr(const struct az_rank *r)
{
	static const short fg[] = { COLOR_RED, COLOR_MAGENTA, COLOR_YELLOW, COLOR_GREEN, COLOR_BLUE, COLOR_CYAN, COLOR_WHITE };
	static int ready[sizeof fg / sizeof fg[0]];
	if (!r)
		return A_NORMAL;
	int c = r->color >= 0 && (size_t)r->color < sizeof fg / sizeof fg[0] ? r->color : AZ_WHITE;
	if (!colours() || COLOR_PAIRS <= RANK_PAIR(c))
		return A_BOLD;
	if (!ready[c]) {
		if (init_pair(RANK_PAIR(c), fg[c], -1) == ERR && init_pair(RANK_PAIR(c), fg[c], COLOR_BLACK) == ERR)
			return A_BOLD;
		ready[c] = 1;
	}
	return A_BOLD | COLOR_PAIR(RANK_PAIR(c));
}

const char *tui_rank_tag(const struct az_rank *r, char buf[16])
{
	if (!r)
		snprintf(buf, 16, "  -  ");
	else
		snprintf(buf, 16, "%3.3s %.1s", r->symbol ? r->symbol : "", r->id ? r->id : "?");
	return buf;
}

int tui_rank_draw(int y, int x, const struct az_rank *r)
{
	char tag[16];
	return tui_put(stdscr, y, x, 5, tui_rank_tag(r, tag), tui_rank_attr(r));
}
