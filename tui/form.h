/* The form widget: labelled fields, Tab/Shift-Tab (and Up/Down) between them, the current field's
 * help line, every field's limit shown beside it. */
#ifndef ANZEN_TUI_FORM_H
#define ANZEN_TUI_FORM_H

#include <stddef.h>

#include "tui/field.h"
#include "tui/keys.h"
#include "tui/screen.h"

struct tui_form_item {
	const char *label; /* N_() */
	const char *help;  /* N_(): one line shown under the form for the current field */
	enum tui_field_kind kind;
	size_t max; /* characters; ignored for dates */
};

/* What tui_form_key returns besides TUI_HANDLED / TUI_UNHANDLED. */
enum { TUI_FORM_SUBMIT = 2 };

struct tui_form {
	const struct tui_form_item *items;
	size_t n, cur;
	struct tui_field *fields;
};

int tui_form_init(struct tui_form *fm, const struct tui_form_item *items, size_t n);
void tui_form_free(struct tui_form *fm);
/* 1 if any field was edited. */
int tui_form_changed(const struct tui_form *fm);
/* Checks every field (dates exist); on failure moves to the field and leaves a message. */
int tui_form_check(struct tui_form *fm);
void tui_form_draw(struct tui_form *fm, struct tui_rect r);
/* Field editing and moving; TUI_FORM_SUBMIT on Save, or Enter in the last field, once every field
 * passes its check. Esc is left to the caller (ask before discarding, see tui_confirm). */
int tui_form_key(struct tui_form *fm, int key, enum tui_action act);

#endif
