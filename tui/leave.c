/* Save, else ask: one rule for every form, so no form loses a field the user typed. */
#include <config.h>

#include "base/i18n.h"
#include "tui/confirm.h"
#include "tui/leave.h"
#include "tui/screen.h"

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
