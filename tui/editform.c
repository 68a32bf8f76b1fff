/* The row form screen. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "tui/confirm.h"
#include "tui/editform.h"
#include "tui/screen.h"

#define MAX_EXTRA 4

struct editform {
	struct tui_form fm;
	const struct tui_editform_spec *spec;
	long long id;
	char extra_col[MAX_EXTRA][64], extra_val[MAX_EXTRA][64];
	size_t nextra;
};

static void ef_draw(struct tui_screen *s, struct tui_rect body)
{
	struct editform *e = s->data;
	s->scopes = e->fm.items[e->fm.cur].opts ? TUI_SCOPE_ANY | TUI_SCOPE_NAV : TUI_SCOPE_ANY;
	tui_form_draw(&e->fm, body);
}

static void discard(void *arg)
{
	(void)arg;
	tui_pop();
}

static int insert(struct editform *e)
{
	const char *extra[2 * MAX_EXTRA + 1];
	for (size_t i = 0; i < e->nextra; i++) {
		extra[2 * i] = e->extra_col[i];
		extra[2 * i + 1] = e->extra_val[i];
	}
	extra[2 * e->nextra] = NULL;
	long long id = 0;
	if (tui_form_insert_row(&e->fm, e->spec->cols, e->spec->table, extra, &id) != 0)
		return -1;
	e->id = id; /* from now on each field is saved as it is left */
	return 0;
}

/* 1 once the required field of a new row has something in it. */
static int complete(const struct editform *e)
{
	for (size_t i = 0; e->spec->required && i < e->fm.n; i++)
		if (e->spec->cols[i].column && strcmp(e->spec->cols[i].column, e->spec->required) == 0)
			return e->fm.items[i].opts ? e->fm.sel[i] >= 0 : e->fm.fields[i].len > 0;
	return 0;
}

/* Each field is written when the user leaves it, so killing anzen loses at most the field being
 * typed; a new row is added as soon as its required fields are filled. */
static int save_field(struct tui_form *fm, size_t i, void *arg)
{
	struct editform *e = arg;
	(void)i;
	if (e->id)
		return tui_form_save_row(fm, e->spec->cols, e->spec->table, e->id);
	return complete(e) ? insert(e) : 0;
}

static int save(struct editform *e)
{
	if (e->id) /* the other fields were saved as they were left */
		return tui_form_changed(&e->fm) ? tui_form_save_row(&e->fm, e->spec->cols, e->spec->table, e->id) : 0;
	return insert(e);
}

static int ef_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct editform *e = s->data;
	int r = tui_form_key(&e->fm, key, act);
	if (r == TUI_FORM_SUBMIT) {
		if (save(e) == 0) {
			if (e->spec->stay) {
				if (!tui_message_text()[0])
					tui_info("%s", _("Saved."));
			} else {
				tui_pop();
				tui_info("%s", _("Saved."));
			}
		}
		return TUI_HANDLED;
	}
	if (r == TUI_UNHANDLED && tui_key_action(key, TUI_SCOPE_ANY) == TUI_ACT_BACK && tui_form_changed(&e->fm)) {
		if (tui_form_autosave(&e->fm) == 0 && e->id && !tui_form_changed(&e->fm))
			return TUI_UNHANDLED; /* saved: leave as usual */
		tui_confirm(_("Leave this form without saving your changes?"), discard, NULL);
		return TUI_HANDLED;
	}
	return r;
}

static void ef_leave(struct tui_screen *s)
{
	struct editform *e = s->data;
	tui_form_free(&e->fm);
	free(e);
}

static const enum tui_action ef_bar[] = { TUI_ACT_NEXT_FIELD, TUI_ACT_PREV_FIELD, TUI_ACT_SAVE, TUI_ACT_HELP,
					  TUI_ACT_BACK, TUI_ACT_NONE };

int tui_editform_open(struct tui_editform_spec *spec, long long id, const char *const *extra,
		      void (*load)(struct tui_form *fm, void *arg), void *arg)
{
	spec->ops.title = spec->title;
	spec->ops.help = spec->help;
	spec->ops.bar = ef_bar;
	spec->ops.draw = ef_draw;
	spec->ops.key = ef_key;
	spec->ops.leave = ef_leave;
	struct editform *e = calloc(1, sizeof *e);
	if (!e || tui_form_init(&e->fm, spec->items, spec->n) != 0) {
		free(e);
		tui_error("%s", _("out of memory"));
		return -1;
	}
	e->spec = spec;
	e->id = id;
	e->fm.autosave = save_field;
	e->fm.autosave_arg = e;
	for (; extra && extra[2 * e->nextra] && e->nextra < MAX_EXTRA; e->nextra++) {
		snprintf(e->extra_col[e->nextra], sizeof e->extra_col[0], "%s", extra[2 * e->nextra]);
		snprintf(e->extra_val[e->nextra], sizeof e->extra_val[0], "%s", extra[2 * e->nextra + 1]);
	}
	if (load)
		load(&e->fm, arg);
	for (size_t i = 0; i < e->fm.n; i++)
		e->fm.fields[i].changed = 0;
	return tui_push(&spec->ops, e);
}
