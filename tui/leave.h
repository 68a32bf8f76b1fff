/* Leaving a form screen: what it holds is saved, else the user is asked before it is dropped. */
#ifndef ANZEN_TUI_LEAVE_H
#define ANZEN_TUI_LEAVE_H

#include "tui/form.h"

/* For a key the form left unhandled. On Back (as the action table binds it) with changes, the
 * current field is saved if it can be; if then nothing is unsaved and the row is stored (stored 0:
 * a new row not yet added), the framework goes back as usual (TUI_UNHANDLED); otherwise the user
 * is asked before the changes are dropped (TUI_HANDLED). Any other key: TUI_UNHANDLED. */
int tui_form_leave(struct tui_form *fm, int key, int stored);

#endif
