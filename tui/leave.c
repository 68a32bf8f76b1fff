/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Save, else ask: one rule for every form, so no form loses a field the user typed. */
#include <config.h>

#include "base/i18n.h"
#include "tui/confirm.h"
#include "tui/leave.h"
#include "tui/screen.h"

const enum tui_action tui_form_bar[] = { TUI_ACT_NEXT_FIELD, TUI_ACT_PREV_FIELD, TUI_ACT_SAVE, TUI_ACT_HELP,
					 TUI_ACT_BACK, TUI_ACT_NONE };

void tui_form_screen_leave(struct tui_screen *s) { tui_form_free(s->data); }

static void discard(void *arg)
{
	(void)arg;
	tui_pop();
}

int tui_form_leave(struct tui_form *fm, int key, int stored)
{
	if (tui_key_action(key, TUI_SCOPE_ANY) != TUI_ACT_BACK || !tui_form_changed(fm))
		return TUI_UNHANDLED;
	if (tui_form_autosave(fm) == 0 && stored && !tui_form_changed(fm))
		return TUI_UNHANDLED; /* saved: leave as usual */
	tui_confirm(_("Leave this form without saving your changes?"), discard, NULL);
	return TUI_HANDLED;
}

int tui_form_screen_key(struct tui_form *fm, int key, enum tui_action act)
{
	int r = tui_form_key(fm, key, act);
	if (r == TUI_FORM_SUBMIT) {
		if (fm->autosave(fm, fm->cur, fm->autosave_arg) == 0) {
			tui_pop();
			tui_info("%s", _("Saved."));
		}
		return TUI_HANDLED;
	}
	return r == TUI_UNHANDLED ? tui_form_leave(fm, key, 1) : r;
}
