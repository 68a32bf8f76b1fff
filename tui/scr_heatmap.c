/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The 5×5 heatmap: how many risks sit at each likelihood × severity, before treatment (current)
 * and after it (residual). Each cell shows its rank letter and count, in the rank's colour where
 * there is colour; Enter lists the risks of the chosen cell, and a risk there opens its treatment. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "model/heatmap.h"
#include "model/rules.h"
#include "tui/draw.h"
#include "tui/help_text.h"
#include "tui/rank.h"
#include "tui/scr_assess.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/wb.h"

#define CW 6 /* cell width */

struct heatmap {
	int grid, l, s; /* the chosen cell: grid 0 current, 1 residual */
	struct tui_book_stamp stamp;
	struct az_heatmap h;
};

static void hm_refresh(struct heatmap *m)
{
	if (tui_book_changed(&m->stamp))
		az_heatmap_count(&tui_wb->book, &m->h);
}

static int hm_enter(struct tui_screen *s)
{
	struct heatmap *m = s->data;
	m->l = 5;
	m->s = 5;
	tui_book_changed(&m->stamp);
	az_heatmap_count(&tui_wb->book, &m->h);
	return 0;
}

/* One grid at (y, x): a title, severity 1..5 across, likelihood 5..1 down. */
static void draw_grid(struct heatmap *m, int g, int y, int x)
{
	const struct az_catalogue *cat = tui_wb->cat;
	tui_put(stdscr, y, x, 4 + 5 * CW, g ? _("After treatment (residual)") : _("Now (current)"),
		tui_attr(m->grid == g ? TUI_LABEL_ACTIVE : TUI_NORMAL));
	tui_put(stdscr, y + 1, x, 4 + 5 * CW, _("L ^   Severity >"), tui_attr(TUI_DIM));
	for (int s = 1; s <= AZ_LEVELS; s++) {
		char n[8];
		snprintf(n, sizeof n, "%d", s);
		tui_put(stdscr, y + 2, x + 4 + (s - 1) * CW + 2, 2, n, tui_attr(TUI_DIM));
	}
	for (int l = AZ_LEVELS; l >= 1; l--) {
		int yy = y + 3 + (AZ_LEVELS - l);
		char n[8];
		snprintf(n, sizeof n, "%d", l);
		tui_put(stdscr, yy, x + 1, 2, n, tui_attr(TUI_DIM));
		for (int s = 1; s <= AZ_LEVELS; s++) {
			const struct az_rank *r = az_rank_of(cat, l, s);
			size_t count = m->h.cell[g][l - 1][s - 1];
			int chosen = m->grid == g && m->l == l && m->s == s;
			char cell[32];
			snprintf(cell, sizeof cell, chosen ? "[%s%3zu]" : " %s%3zu ", r ? r->id : "?", count);
			attr_t a = chosen ? tui_attr(TUI_SELECTED) : count ? tui_rank_attr(r) : tui_attr(TUI_DIM);
			tui_put(stdscr, yy, x + 4 + (s - 1) * CW, CW, cell, a);
		}
	}
}

static void hm_draw(struct tui_screen *s, struct tui_rect body)
{
	struct heatmap *m = s->data;
	const struct az_catalogue *cat = tui_wb->cat;
	hm_refresh(m);
	int gw = 4 + 5 * CW, gap = body.cols >= 2 * gw + 12 ? 8 : 4, x0 = body.x + 2;
	tui_put(stdscr, body.y, body.x + 1, body.cols - 2,
		_("Each cell: the rank letter and how many risks have that score."),
		tui_attr(TUI_DIM));
	draw_grid(m, 0, body.y + 2, x0);
	draw_grid(m, 1, body.y + 2, x0 + gw + gap);
	/* the legend: symbol, letter, name */
	int y = body.y + 11, x = body.x + 1;
	for (size_t i = 0; i < cat->nranks; i++) {
		const struct az_rank *r = &cat->ranks[i];
		x += tui_rank_draw(y, x, r) + 1;
		int w = tui_put(stdscr, y, x, body.x + body.cols - x, az_text_get(&r->name), 0);
		x += w + 2;
	}
	char line[1024];
	int l = m->l, sv = m->s;
	const struct az_level *ll = az_catalogue_likelihood(cat, l), *sl = az_catalogue_severity(cat, sv);
	const struct az_rank *r = az_rank_of(cat, l, sv);
	snprintf(line, sizeof line, _("%s: likelihood %d (%s) x severity %d (%s): rank %s %s, %zu risks."),
		 m->grid ? _("After treatment") : _("Now"), l, ll ? az_text_get(&ll->name) : "", sv,
		 sl ? az_text_get(&sl->name) : "", r ? r->id : "?", r ? az_text_get(&r->name) : "",
		 m->h.cell[m->grid][l - 1][sv - 1]);
	tui_put_wrapped(stdscr, y + 2, body.x + 1, body.cols - 2, 2, 0, line, tui_attr(TUI_LABEL_ACTIVE));
	if (r)
		tui_put_wrapped_more(stdscr, y + 4, body.x + 1, body.cols - 2, 2, az_text_get(&r->response), 0);
	size_t total = 0;
	for (int a = 0; a < AZ_LEVELS; a++)
		for (int b = 0; b < AZ_LEVELS; b++)
			total += m->h.cell[0][a][b];
	snprintf(line, sizeof line, _("%zu risks scored, %zu not scored yet; %zu without a residual score are shown "
				      "after treatment at their current score."),
		 total, m->h.unscored, m->h.residual_fallback);
	tui_put_wrapped_more(stdscr, y + 6, body.x + 1, body.cols - 2, 2, line, tui_attr(TUI_DIM));
}

/* The help, then the ranks and the levels from the catalogue. */
static void hm_help(FILE *f, void *arg)
{
	(void)arg;
	tui_help_ranks(f);
	tui_help_levels(f);
}

static int hm_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct heatmap *m = s->data;
	(void)key;
	switch (act) {
	case TUI_ACT_HELP:
		tui_assess_help(s, hm_help, NULL);
		return TUI_HANDLED;
	case TUI_ACT_UP:
		m->l = m->l < AZ_LEVELS ? m->l + 1 : m->l;
		return TUI_HANDLED;
	case TUI_ACT_DOWN:
		m->l = m->l > 1 ? m->l - 1 : m->l;
		return TUI_HANDLED;
	case TUI_ACT_LEFT:
		if (m->s > 1)
			m->s--;
		else if (m->grid == 1) { /* from the residual grid's edge into the current one */
			m->grid = 0;
			m->s = AZ_LEVELS;
		}
		return TUI_HANDLED;
	case TUI_ACT_RIGHT:
		if (m->s < AZ_LEVELS)
			m->s++;
		else if (m->grid == 0) {
			m->grid = 1;
			m->s = 1;
		}
		return TUI_HANDLED;
	case TUI_ACT_NEXT_FIELD:
	case TUI_ACT_PREV_FIELD:
	case TUI_ACT_TOGGLE:
		m->grid = !m->grid;
		return TUI_HANDLED;
	case TUI_ACT_SELECT:
		if (m->h.cell[m->grid][m->l - 1][m->s - 1] == 0) {
			tui_error("%s", _("No risk is in this cell."));
			return TUI_HANDLED;
		}
		tui_risks_open_cell(m->grid, m->l, m->s);
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

static const enum tui_action hm_bar[] = { TUI_ACT_SELECT, TUI_ACT_TOGGLE, TUI_ACT_HELP, TUI_ACT_BACK, TUI_ACT_NONE };
static const struct tui_screen_ops hm_ops = {
	.title = N_("Risk map"),
	.help = tui_help_heatmap,
	.bar = hm_bar,
	TUI_SCREEN_HOOKS(struct heatmap, hm_enter, hm_draw, hm_key, NULL),
};

int tui_heatmap_open(void) { return tui_open(&hm_ops, NULL); }
