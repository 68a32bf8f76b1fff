/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The form widget: labelled fields, Tab/Shift-Tab (and Up/Down) between them, the current field's
 * help line, every field's limit shown beside it. A form taller than its rectangle scrolls to keep
 * the current field visible ("^"/"v" mark hidden fields). An item with opts is a choice field
 * (tui/choice.h): Left/Right or Space change it, Enter lists the options with their descriptions. */
#ifndef ANZEN_TUI_FORM_H
#define ANZEN_TUI_FORM_H

#include <stddef.h>

#include "tui/choice.h"
#include "tui/field.h"
#include "tui/keys.h"
#include "tui/screen.h"

struct tui_form_item {
	const char *label; /* N_() */
	const char *help;  /* N_(): one line shown under the form for the current field */
	enum tui_field_kind kind;
	size_t max; /* characters; ignored for dates */
	const struct tui_choice_opt *opts; /* non-NULL: a choice field of nopts options */
	size_t nopts;
	int wide; /* the label (a question) on its own row across the form, the field under it */
};

/* What tui_form_key returns besides TUI_HANDLED / TUI_UNHANDLED. */
enum { TUI_FORM_SUBMIT = 2 };

struct tui_form {
	const struct tui_form_item *items;
	size_t n, cur;
	struct tui_field *fields;
	int *sel;   /* choice fields: the option picked, -1 none */
	size_t top; /* first item drawn */
	/* Called when the user leaves field i with a changed, valid value (Tab, Shift-Tab, Up/Down,
	 * Enter) or picks an option of a choice field, so each field is saved at once; NULL: not
	 * saved until the form is. Returns 0, or -1 (error shown) to keep the user in the field. */
	int (*autosave)(struct tui_form *fm, size_t i, void *arg);
	void *autosave_arg;
};

int tui_form_init(struct tui_form *fm, const struct tui_form_item *items, size_t n);
void tui_form_free(struct tui_form *fm);
/* Changes the items (a form whose questions depend on its answers): the fields of the first
 * min(old, n) items are kept as they are, new ones start empty. Returns 0 or -1 (out of memory; the
 * form is unchanged). */
int tui_form_set_items(struct tui_form *fm, const struct tui_form_item *items, size_t n);
/* The option of choice field i (-1: none), and setting it (marks the field changed). */
int tui_form_choice(const struct tui_form *fm, size_t i);
void tui_form_set_choice(struct tui_form *fm, size_t i, int v);
/* Sets the field without marking it changed (loading the saved value); NULL is "". */
void tui_form_load(struct tui_form *fm, size_t i, const char *utf8);
/* 1 if any field was edited. */
int tui_form_changed(const struct tui_form *fm);
/* Checks every field (dates exist); on failure moves to the field and leaves a message. */
int tui_form_check(struct tui_form *fm);
void tui_form_draw(struct tui_form *fm, struct tui_rect r);
/* Saves the current field through fm->autosave if it changed and is valid; 0 if nothing is left
 * unsaved in it, -1 if it is invalid or was refused (the message is shown). */
int tui_form_autosave(struct tui_form *fm);
/* Field editing and moving; TUI_FORM_SUBMIT on Save, or Enter in the last field, once every field
 * passes its check. Esc is left to the caller (ask before discarding, see tui_confirm). */
int tui_form_key(struct tui_form *fm, int key, enum tui_action act);

#endif
