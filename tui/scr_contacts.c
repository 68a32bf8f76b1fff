/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* 連絡体制: whom to call when something happens, inside the clinic, at the vendors and at the
 * authorities. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/tables.h"
#include "tui/editform.h"
#include "tui/help_text.h"
#include "tui/list.h"
#include "tui/rows.h"
#include "tui/state.h"
#include "tui/wb.h"

static const struct tui_choice_opt kind_opts[] = {
	{ N_("Inside the clinic"), N_("Staff: who notices, who decides, who calls") },
	{ N_("Vendor"), N_("The vendor who maintains a system") },
	{ N_("Authority"), N_("Health centre (保健所), police, MHLW") },
	{ N_("Other"), N_("Anyone else: insurer, IT adviser") },
};

static const struct tui_form_item items[] = {
	{ .label = N_("Kind"), .help = N_("Who this is: inside the clinic, a vendor, an authority, or other. "
					  "Left/Right or Space changes it; Enter lists the choices."),
	  .opts = kind_opts, .nopts = 4 },
	{ .label = N_("Role"), .help = N_("What they do when something happens, e.g. 'first report', 'decides'."),
	  .kind = TUI_FIELD_TEXT, .max = 200 },
	{ .label = N_("Name"), .help = N_("The person's name."), .kind = TUI_FIELD_TEXT, .max = 200 },
	{ .label = N_("Organisation"), .help = N_("The company or office, e.g. the vendor or the health centre."),
	  .kind = TUI_FIELD_TEXT, .max = 200 },
	{ .label = N_("Phone"), .help = N_("A number that works at night and on holidays if there is one."),
	  .kind = TUI_FIELD_TEXT, .max = 200 },
};
static const struct tui_form_col cols[] = {
	{ AZ_COL(contacts, kind), az_contact_kind_values }, { AZ_COL(contacts, role), NULL }, { AZ_COL(contacts, name), NULL },
	{ AZ_COL(contacts, organisation), NULL }, { AZ_COL(contacts, phone), NULL },
};

static struct tui_editform_spec spec = {
	.title = N_("Contact"),
	.help = tui_help_contact,
	.items = items,
	.cols = cols,
	.n = sizeof items / sizeof items[0],
	.table = AZ_TABLE(contacts),
	.required = "name",
};

static size_t count(void *ctx)
{
	(void)ctx;
	return tui_wb->book.n_contacts;
}

static const char *text(void *ctx, size_t i)
{
	struct tui_rows *c = ctx;
	const struct az_contact *k = &tui_wb->book.contacts[i];
	const char *kind = k->kind >= 0 && k->kind < 4 ? _(kind_opts[k->kind].label) : "?";
	snprintf(c->line, sizeof c->line, "%s | %s | %s | %s | %s", kind, k->role, k->name, k->organisation, k->phone);
	return c->line;
}

static int c_enter(struct tui_screen *s)
{
	struct tui_rows *c = s->data;
	if (tui_list_init(&c->list, count, text, c) != 0)
		return -1;
	c->list.empty = N_("No contacts yet. Press a to add whom to call when something happens.");
	return 0;
}

static int c_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct tui_rows *c = s->data;
	int r = tui_list_key(&c->list, key, act);
	long i = tui_list_selected(&c->list);
	if (r == TUI_LIST_CHOSEN || (r == TUI_UNHANDLED && act == TUI_ACT_EDIT && i >= 0)) {
		const struct az_contact *k = &tui_wb->book.contacts[i];
		tui_editform_open(&spec, k->id, NULL, NULL, NULL);
		return TUI_HANDLED;
	}
	if (r != TUI_UNHANDLED || c->list.filtering)
		return r;
	if (act == TUI_ACT_ADD) {
		tui_editform_open(&spec, 0, NULL, NULL, NULL);
		return TUI_HANDLED;
	}
	if (act == TUI_ACT_DELETE && i >= 0) {
		char q[600];
		snprintf(q, sizeof q, _("Delete the contact \"%s\"?"), tui_wb->book.contacts[i].name);
		tui_rows_ask_delete(c, tui_wb->book.contacts[i].id, q);
		return TUI_HANDLED;
	}
	return r;
}

static const enum tui_action bar[] = { TUI_ACT_ADD, TUI_ACT_EDIT, TUI_ACT_DELETE, TUI_ACT_SEARCH, TUI_ACT_HELP,
				       TUI_ACT_BACK, TUI_ACT_NONE };
static const struct tui_screen_ops ops = {
	.title = N_("Contact chart"),
	.help = tui_help_contacts,
	.bar = bar,
	TUI_SCREEN_HOOKS(struct tui_rows, c_enter, tui_list_screen_draw, c_key, tui_list_screen_leave),
};

int tui_contacts_open(void) { return tui_open(&ops, &(struct tui_rows){ .table = AZ_TABLE(contacts) }); }
