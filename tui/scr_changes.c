/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* What changed since an earlier year (model/diff): the counts, then each entry with its fields. */
#include <config.h>

#include <stdio.h>

#include "base/i18n.h"
#include "model/diff.h"
#include "tui/help_text.h"
#include "tui/lines.h"
#include "tui/scr_years.h"
#include "tui/screen.h"
#include "tui/wb.h"

static void draw(struct tui_screen *s, struct tui_rect body) { tui_lines_draw(s->data, s, body); }
static void leave(struct tui_screen *s) { tui_lines_free(s->data); }

static const char *kind_label(int kind)
{
	static const char *const names[AZ_DIFF_NKINDS] = { N_("Systems"), N_("Vendors"), N_("Risks"), N_("Actions"),
							    N_("Checklist answers") };
	return _(names[kind]);
}

static const char *change_label(int change)
{
	static const char *const names[AZ_NCHANGES] = { N_("Unchanged"), N_("New"), N_("Changed"), N_("Removed") };
	return _(names[change]);
}

struct changes {
	struct tui_lines l; /* first: the list screen's draw and leave */
	int year;           /* compared with this year */
};

static int changes_enter(struct tui_screen *s)
{
	struct changes *c = s->data;
	struct tui_lines *l = &c->l;
	struct az_diff d;
	struct az_error err = { 0 };
	if (az_diff_compute(tui_wb->store, c->year, &d, &err) != AZ_OK) {
		tui_error("%s", err.msg);
		return -1;
	}
	int rc = 0;
	for (int k = 0; k < AZ_DIFF_NKINDS && !rc; k++)
		rc = tui_lines_add(l, _("%s: new %zu, changed %zu, unchanged %zu, removed %zu"), kind_label(k), d.count[k][AZ_NEW],
			 d.count[k][AZ_CHANGED], d.count[k][AZ_UNCHANGED], d.count[k][AZ_REMOVED]);
	for (size_t i = 0; i < d.n && !rc; i++) {
		const struct az_diff_row *r = &d.rows[i];
		if (r->change == AZ_UNCHANGED)
			continue;
		char what[512] = "";
		const char *names[64];
		size_t nf = r->change == AZ_CHANGED ? az_diff_fields(r, names, 64) : 0;
		for (size_t f = 0, o = 0; f < nf && o < sizeof what; f++)
			o += (size_t)snprintf(what + o, sizeof what - o, "%s%s", f ? _(", ") : " - ",
					      az_diff_field_label(names[f]));
		rc = tui_lines_add(l, "[%s] %s: %s%s", change_label(r->change), kind_label(r->kind), *r->label ? r->label : r->key,
			 what);
	}
	az_diff_free(&d);
	if (rc) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	return tui_lines_list(l);
}

static int changes_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct tui_lines *l = s->data;
	int r = tui_list_key(&l->list, key, act);
	return r == TUI_LIST_CHOSEN ? TUI_HANDLED : r;
}

static const enum tui_action bar[] = { TUI_ACT_DOWN, TUI_ACT_UP, TUI_ACT_SELECT, TUI_ACT_SEARCH, TUI_ACT_HELP,
				       TUI_ACT_BACK, TUI_ACT_NONE };

static const struct tui_screen_ops changes_ops = {
	.title = N_("Changes since an earlier year"),
	.help = tui_help_changes,
	.bar = bar,
	TUI_SCREEN_HOOKS(struct changes, changes_enter, draw, changes_key, leave),
};

int tui_changes_open(int year) { return tui_open(&changes_ops, &(struct changes){ .year = year }); }
