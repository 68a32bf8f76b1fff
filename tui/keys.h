/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Keys and actions: every user action is defined once here, bound to keys in keymap.c. */
#ifndef ANZEN_TUI_KEYS_H
#define ANZEN_TUI_KEYS_H

#include <stddef.h>

/* A key is a code point (typed text, control characters) or a curses KEY_* code moved above
 * Unicode with TUI_FN(), so wide characters and function keys never collide. */
#define TUI_FN_BASE 0x200000
#define TUI_FN(k) (TUI_FN_BASE + (k))
#define TUI_IS_FN(key) ((key) >= TUI_FN_BASE)
#define TUI_CTRL(c) ((c) & 0x1f)
/* Pseudo keys made by the input layer. */
#define TUI_KEY_JUNK TUI_FN(0x7000)  /* an escape sequence or control code was dropped */
#define TUI_KEY_NONE TUI_FN(0x7001)  /* no more input (end of a key script) */
#define TUI_KEY_PASTE_CONTROL TUI_FN(0x7002) /* a control character in pasted text was dropped */
#define TUI_KEY_PASTE_MARK TUI_FN(0x7003)    /* a paste began or ended: nothing to do but redraw */

/* X(id, label, help): label is short for the status bar, help is one line for the help screen. */
#define TUI_ACTIONS(X)                                                                       \
	X(UP, N_("Previous"), N_("Move up one line"))                                              \
	X(DOWN, N_("Next"), N_("Move down one line"))                                        \
	X(PAGE_UP, N_("Page up"), N_("Move up one page"))                                    \
	X(PAGE_DOWN, N_("Page down"), N_("Move down one page"))                              \
	X(FIRST, N_("Top"), N_("Go to the first line"))                                      \
	X(LAST, N_("Bottom"), N_("Go to the last line"))                                     \
	X(SELECT, N_("Open"), N_("Open the selected line, or confirm what you typed"))       \
	X(BACK, N_("Back"), N_("Go back to the previous screen, or cancel"))                 \
	X(HELP, N_("Help"), N_("Show the help for this screen"))                             \
	X(SEARCH, N_("Search"), N_("Show only the lines that contain what you type"))        \
	X(NEXT_FIELD, N_("Next field"), N_("Go to the next field"))                          \
	X(PREV_FIELD, N_("Previous field"), N_("Go to the previous field"))                  \
	X(SAVE, N_("Save"), N_("Save the form"))                                             \
	X(DELETE, N_("Delete"), N_("Delete the selected line (you are asked first)"))        \
	X(ADD, N_("Add"), N_("Add a new line"))                                              \
	X(EDIT, N_("Edit"), N_("Edit the selected line"))                                    \
	X(LEFT, N_("Left"), N_("Move left, or to the lower level"))                          \
	X(RIGHT, N_("Right"), N_("Move right, or to the higher level"))                      \
	X(TOGGLE, N_("Change"), N_("Change the selected choice"))                            \
	X(SUGGEST, N_("Suggest"), N_("Fill in the suggested answer"))                        \
	X(DISMISS, N_("Not applicable"), N_("Mark the threat as not applying, with a reason, or bring it back")) \
	X(BY_SYSTEM, N_("Systems"), N_("Show the systems of the threat, each decided with it or apart")) \
	X(FACTS, N_("How it works"), N_("Answer the plain questions about how it works (they suggest the scores)")) \
	X(QUIT, N_("Quit"), N_("Leave anzen at once"))                                       \
	X(REDRAW, N_("Redraw"), N_("Paint the whole screen again"))

enum tui_action {
	TUI_ACT_NONE = 0,
#define X(id, label, help) TUI_ACT_##id,
	TUI_ACTIONS(X)
#undef X
	TUI_ACT_COUNT
};

/* Where a binding applies: NAV keys are plain letters (j, k, q, ?, /) that are text while
 * the user types in a field; ANY keys work everywhere. */
enum tui_scope { TUI_SCOPE_ANY = 1, TUI_SCOPE_NAV = 2 };

struct tui_binding {
	int key;
	enum tui_action action;
	enum tui_scope scope;
};

/* The action bound to key in the given scopes (a mask of enum tui_scope), or TUI_ACT_NONE. */
enum tui_action tui_key_action(int key, int scopes);
/* Translated label and help text of an action. */
const char *tui_action_label(enum tui_action a);
const char *tui_action_help(enum tui_action a);
/* Name of the first key bound to a in the given scopes ("Enter", "F1", "q"), or NULL. */
const char *tui_action_key_name(enum tui_action a, int scopes);
/* Name of any key, for messages and the help ("Down", "Ctrl-A", "x"); buf holds 16 bytes. */
const char *tui_key_name(int key, char buf[16]);
/* The key called name in a key script ("Down", "F1", "C-a", "S-Tab", "BS"), or -1. */
int tui_key_from_name(const char *name, size_t len);
/* The default bindings, for the help screen. */
const struct tui_binding *tui_bindings(size_t *n);

#endif
