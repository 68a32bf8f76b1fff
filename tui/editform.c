/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The row form screen. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/edit_row.h"
#include "model/tables.h"
#include "tui/editform.h"
#include "tui/formfacts.h"
#include "tui/leave.h"
#include "tui/screen.h"
#include "tui/wb.h"

#define MAX_EXTRA 4
#define MAX_FIELDS 32

struct editform {
	struct tui_form fm;
	const struct tui_editform_spec *spec;
	long long id;
	char extra_col[MAX_EXTRA][64], extra_val[MAX_EXTRA][64];
	size_t nextra;
	void (*load)(struct tui_form *fm, void *arg);
	void *load_arg;
	struct tui_formfacts ff;
};

static void ef_draw(struct tui_screen *s, struct tui_rect body)
{
	struct editform *e = s->data;
	e->ff.id = e->id; /* a new row gets its questions once it is added */
	(void)tui_formfacts_refresh(&e->ff, &e->fm);
	s->scopes = e->fm.items[e->fm.cur].opts ? TUI_SCOPE_ANY | TUI_SCOPE_NAV : TUI_SCOPE_ANY;
	tui_form_draw(&e->fm, body);
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
	if (tui_form_insert_row(&e->fm, tui_formfacts_cols(&e->ff), e->spec->table, extra, &id) != 0)
		return -1;
	e->id = id; /* from now on each field is saved as it is left */
	return 0;
}

/* 1 once the required field of a new row has something in it. */
static int complete(const struct editform *e)
{
	for (size_t i = 0; e->spec->required && i < e->spec->n; i++)
		if (e->spec->cols[i].column && strcmp(e->spec->cols[i].column, e->spec->required) == 0)
			return e->fm.items[i].opts ? e->fm.sel[i] >= 0 : e->fm.fields[i].len > 0;
	return 0;
}

/* Each field is written when the user leaves it, so killing anzen loses at most the field being
 * typed; a new row is added as soon as its required fields are filled. */
static int save_field(struct tui_form *fm, size_t i, void *arg)
{
	struct editform *e = arg;
	if (tui_formfacts_is_fact(&e->ff, i))
		return tui_formfacts_save(&e->ff, fm, i);
	if (e->spec->refuse && e->spec->refuse(fm))
		return -1;
	if (e->id)
		return tui_form_save_row(fm, tui_formfacts_cols(&e->ff), e->spec->table, e->id);
	return complete(e) ? insert(e) : 0;
}

static int save(struct editform *e)
{
	if (e->spec->refuse && e->spec->refuse(&e->fm))
		return -1;
	if (e->id) /* the other fields were saved as they were left */
		return tui_form_changed(&e->fm) ? tui_form_save_row(&e->fm, tui_formfacts_cols(&e->ff), e->spec->table, e->id)
						: 0;
	return insert(e);
}

static int ef_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct editform *e = s->data;
	int r = tui_formfacts_key(&e->ff, &e->fm, key, act);
	if (r != TUI_UNHANDLED)
		return r;
	r = tui_form_key(&e->fm, key, act);
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
	return r == TUI_UNHANDLED ? tui_form_leave(&e->fm, key, e->id != 0) : r;
}

/* A form without a load of its own shows its row as the workbook holds it, and a new row with the
 * defaults of its table's description (model/table_defs.h), as the workbook would store them. */
static void load_row(struct editform *e)
{
	const struct tui_editform_spec *sp = e->spec;
	const char *names[MAX_FIELDS] = { NULL };
	char *v[MAX_FIELDS];
	size_t n = sp->n < MAX_FIELDS ? sp->n : MAX_FIELDS;
	struct az_error err = { 0 };
	if (e->id == 0) {
		const struct az_table *t = az_table_find(sp->table);
		for (size_t i = 0; i < n; i++) {
			const struct az_column *c = t && sp->cols[i].values ? az_column_find(t, sp->cols[i].column) : NULL;
			char def[64];
			/* an SQL default: 'text' or a number */
			if (c && c->def && snprintf(def, sizeof def, "%s", c->def + (c->def[0] == '\'')) < (int)sizeof def) {
				def[strcspn(def, "'")] = '\0';
				tui_form_load_choice(&e->fm, sp->cols, i, def);
			}
		}
		return;
	}
	for (size_t i = 0; i < n; i++)
		names[i] = sp->cols[i].column;
	if (az_row_texts(tui_wb->store, sp->table, e->id, names, n, v, &err) != AZ_OK) {
		tui_error("%s", err.msg);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (sp->cols[i].values)
			tui_form_load_choice(&e->fm, sp->cols, i, v[i] ? v[i] : "");
		else
			tui_form_load(&e->fm, i, v[i] ? v[i] : "");
		free(v[i]);
	}
}

static int ef_enter(struct tui_screen *s)
{
	struct editform *e = s->data;
	if (tui_form_init(&e->fm, e->spec->items, e->spec->n) != 0) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	e->fm.autosave = save_field;
	e->fm.autosave_arg = e;
	if (e->load)
		e->load(&e->fm, e->load_arg);
	else
		load_row(e);
	for (size_t i = 0; i < e->fm.n; i++)
		e->fm.fields[i].changed = 0;
	tui_formfacts_init(&e->ff, e->spec->facts - 1, e->id, e->spec->items, e->spec->cols, e->spec->n);
	e->ff.on = e->spec->facts != 0;
	return tui_formfacts_refresh(&e->ff, &e->fm);
}

static void ef_leave(struct tui_screen *s)
{
	struct editform *e = s->data;
	tui_form_free(&e->fm);
	tui_formfacts_free(&e->ff);
}


int tui_editform_open(struct tui_editform_spec *spec, long long id, const char *const *extra,
		      void (*load)(struct tui_form *fm, void *arg), void *arg)
{
	spec->ops.title = spec->title;
	spec->ops.help = spec->help;
	spec->ops.bar = tui_form_bar;
	spec->ops.size = sizeof(struct editform);
	spec->ops.enter = ef_enter;
	spec->ops.draw = ef_draw;
	spec->ops.key = ef_key;
	spec->ops.leave = ef_leave;
	struct editform e = { .spec = spec, .id = id, .load = load, .load_arg = arg };
	for (; extra && extra[2 * e.nextra] && e.nextra < MAX_EXTRA; e.nextra++) {
		snprintf(e.extra_col[e.nextra], sizeof e.extra_col[0], "%s", extra[2 * e.nextra]);
		snprintf(e.extra_val[e.nextra], sizeof e.extra_val[0], "%s", extra[2 * e.nextra + 1]);
	}
	return tui_open(&spec->ops, &e);
}

void tui_editform_load_texts(struct tui_form *fm, void *arg)
{
	const char *const *v = arg;
	for (size_t i = 0; i < fm->n; i++)
		tui_form_load(fm, i, v[i]);
}
