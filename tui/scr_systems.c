/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The inventory of systems and devices: add one from the catalogue's categories with their
 * defaults, edit every attribute, delete with confirmation (its risks go with it). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/tables.h"
#include "tui/choice.h"
#include "tui/editform.h"
#include "tui/help_text.h"
#include "tui/list.h"
#include "tui/rows.h"
#include "tui/scr_facts.h"
#include "tui/wb.h"

static const struct tui_choice_opt hosting_opts[] = {
	{ N_("In the clinic"), N_("A server or PC inside the clinic (on-premises)") },
	{ N_("Cloud"), N_("Runs on the provider's servers over the internet") },
};
static const struct tui_choice_opt remote_opts[] = {
	{ N_("Yes"), N_("The vendor connects from outside to maintain it") },
	{ N_("No"), N_("Maintained only on site") },
	{ N_("Unknown"), N_("Ask the vendor") },
};
static const struct tui_choice_opt connection_opts[] = {
	{ N_("Internet VPN"), N_("VPN over the internet (the most attacked way in)") },
	{ N_("Closed network"), N_("A closed network, e.g. for online eligibility checks") },
	{ N_("Leased line"), N_("A dedicated line to the vendor") },
	{ N_("LTE"), N_("A mobile router, often the device maker's") },
	{ N_("Internet"), N_("Directly on the internet") },
	{ N_("Cloud service"), N_("A cloud service's own connection") },
	{ N_("None"), N_("Not connected outside the clinic") },
};
static const struct tui_choice_opt yesno_opts[] = {
	{ N_("No"), N_("Holds no patient information") },
	{ N_("Yes"), N_("Holds or shows patient information") },
};
static const char *const bool_values[] = { "0", "1", NULL };
static const struct tui_choice_opt importance_opts[] = {
	{ N_("Low"), N_("The clinic works on without it") },
	{ N_("Medium"), N_("Work is slowed down without it") },
	{ N_("High"), N_("The clinic cannot see patients without it") },
};
static const char *const importance_values[] = { "1", "2", "3", NULL };

/* built from the catalogue and the vendors when the form opens */
static struct tui_choice_opt *category_opts, *vendor_opts;
static const char **category_values, **vendor_values;
static char (*vendor_ids)[24];
/* copies: each field saved reloads the book while the form is open */
static char **vendor_names;
static size_t n_vendor_names;

enum { F_NAME, F_CATEGORY, F_HOSTING, F_REMOTE, F_CONNECTION, F_PATIENT, F_IMPORTANCE, F_VENDOR, F_MAKE, F_MODEL,
       F_FIRMWARE, F_NOTE, NF };

static struct tui_form_item items[NF] = {
	[F_NAME] = { .label = N_("Name"), .help = N_("What the clinic calls it, e.g. 'Reception PC' (up to 200 characters)."),
		     .kind = TUI_FIELD_TEXT, .max = 200 },
	[F_CATEGORY] = { .label = N_("Kind of system"), .help = N_("The kind decides which threats apply. Enter lists them with a description.") },
	[F_HOSTING] = { .label = N_("Where it runs"), .help = N_("In the clinic (on-premises) or in the cloud."),
			.opts = hosting_opts, .nopts = 2 },
	[F_REMOTE] = { .label = N_("Remote maintenance"), .help = N_("Does the vendor connect from outside to maintain it?"),
		       .opts = remote_opts, .nopts = 3 },
	[F_CONNECTION] = { .label = N_("Connection"), .help = N_("How it is connected outside the clinic."),
			   .opts = connection_opts, .nopts = 7 },
	[F_PATIENT] = { .label = N_("Patient data"), .help = N_("Does it hold or show patient information?"),
			.opts = yesno_opts, .nopts = 2 },
	[F_IMPORTANCE] = { .label = N_("Importance"), .help = N_("How much the clinic depends on it."),
			   .opts = importance_opts, .nopts = 3 },
	[F_VENDOR] = { .label = N_("Vendor"), .help = N_("Who supplies and maintains it (add vendors on the Vendors screen).") },
	[F_MAKE] = { .label = N_("Maker"), .help = N_("The device's maker (optional)."), .kind = TUI_FIELD_TEXT, .max = 200 },
	[F_MODEL] = { .label = N_("Model"), .help = N_("The model name or number (optional)."), .kind = TUI_FIELD_TEXT, .max = 200 },
	[F_FIRMWARE] = { .label = N_("Firmware"), .help = N_("The firmware or software version, for checking updates (optional)."),
			 .kind = TUI_FIELD_TEXT, .max = 200 },
	[F_NOTE] = { .label = N_("Note"), .help = N_("Anything else worth knowing (up to 4,000 characters)."),
		     .kind = TUI_FIELD_TEXT, .max = 4000 },
};
static struct tui_form_col cols[NF] = {
	[F_NAME] = { AZ_COL(systems, name), NULL },
	[F_CATEGORY] = { AZ_COL(systems, category), NULL },
	[F_HOSTING] = { AZ_COL(systems, hosting), az_hosting_values },
	[F_REMOTE] = { AZ_COL(systems, remote_maintenance), az_remote_values },
	[F_CONNECTION] = { AZ_COL(systems, connection), az_connection_values },
	[F_PATIENT] = { AZ_COL(systems, holds_patient_data), bool_values },
	[F_IMPORTANCE] = { AZ_COL(systems, importance), importance_values },
	[F_VENDOR] = { AZ_COL(systems, vendor_id), NULL },
	[F_MAKE] = { AZ_COL(systems, device_make), NULL },
	[F_MODEL] = { AZ_COL(systems, device_model), NULL },
	[F_FIRMWARE] = { AZ_COL(systems, firmware), NULL },
	[F_NOTE] = { AZ_COL(systems, note), NULL },
};

static struct tui_editform_spec spec = {
	.title = N_("System"),
	.help = tui_help_system,
	.items = items,
	.cols = cols,
	.n = NF,
	.table = AZ_TABLE(systems),
	.required = "name",
	.facts = 1 + AZ_SCOPE_SYSTEM,
};

static void free_choices(void)
{
	free(category_opts);
	free(category_values);
	free(vendor_opts);
	free(vendor_values);
	free(vendor_ids);
	for (size_t i = 0; i < n_vendor_names; i++)
		free(vendor_names[i]);
	free(vendor_names);
	vendor_names = NULL;
	n_vendor_names = 0;
	category_opts = vendor_opts = NULL;
	category_values = vendor_values = NULL;
	vendor_ids = NULL;
}

/* The category and vendor choices as they are now; 0 or -1. */
static int build_choices(void)
{
	const struct az_catalogue *cat = tui_wb->cat;
	const struct az_book *b = &tui_wb->book;
	free_choices();
	category_opts = calloc(cat->ncategories + 1, sizeof *category_opts);
	category_values = calloc(cat->ncategories + 1, sizeof *category_values);
	vendor_opts = calloc(b->n_vendors + 1, sizeof *vendor_opts);
	vendor_values = calloc(b->n_vendors + 2, sizeof *vendor_values);
	vendor_ids = calloc(b->n_vendors + 1, sizeof *vendor_ids);
	vendor_names = calloc(b->n_vendors + 1, sizeof *vendor_names);
	for (size_t i = 0; vendor_names && i < b->n_vendors; i++, n_vendor_names++)
		if (!(vendor_names[i] = strdup(b->vendors[i].name ? b->vendors[i].name : "")))
			break;
	if (!category_opts || !category_values || !vendor_opts || !vendor_values || !vendor_ids || !vendor_names ||
	    n_vendor_names < b->n_vendors) {
		free_choices();
		tui_error("%s", _("out of memory"));
		return -1;
	}
	for (size_t i = 0; i < cat->ncategories; i++) {
		category_opts[i].label = az_text_get(&cat->categories[i].name);
		category_opts[i].desc = az_text_get(&cat->categories[i].description);
		category_values[i] = cat->categories[i].id;
	}
	vendor_opts[0].label = N_("None");
	vendor_opts[0].desc = N_("No vendor, or not known yet");
	vendor_values[0] = ""; /* stored as NULL */
	for (size_t i = 0; i < b->n_vendors; i++) {
		vendor_opts[i + 1].label = vendor_names[i];
		snprintf(vendor_ids[i], sizeof vendor_ids[i], "%lld", b->vendors[i].id);
		vendor_values[i + 1] = vendor_ids[i];
	}
	items[F_CATEGORY].opts = category_opts;
	items[F_CATEGORY].nopts = cat->ncategories;
	cols[F_CATEGORY].values = category_values;
	items[F_VENDOR].opts = vendor_opts;
	items[F_VENDOR].nopts = b->n_vendors + 1;
	cols[F_VENDOR].values = vendor_values;
	return 0;
}

struct load_arg {
	const struct az_system *sys;     /* editing */
	const struct az_category *cat; /* adding: the defaults */
};

static void load(struct tui_form *fm, void *arg)
{
	const struct load_arg *a = arg;
	char vid[24];
	if (a->sys) {
		const struct az_system *y = a->sys;
		tui_form_load(fm, F_NAME, y->name);
		tui_form_load_choice(fm, cols, F_CATEGORY, y->category);
		tui_form_set_choice(fm, F_HOSTING, y->hosting);
		tui_form_set_choice(fm, F_REMOTE, y->remote_maintenance);
		tui_form_set_choice(fm, F_CONNECTION, y->connection);
		tui_form_set_choice(fm, F_PATIENT, y->holds_patient_data);
		tui_form_set_choice(fm, F_IMPORTANCE, y->importance - 1);
		snprintf(vid, sizeof vid, "%lld", y->vendor_id);
		tui_form_load_choice(fm, cols, F_VENDOR, y->vendor_id ? vid : "");
		tui_form_load(fm, F_MAKE, y->device_make);
		tui_form_load(fm, F_MODEL, y->device_model);
		tui_form_load(fm, F_FIRMWARE, y->firmware);
		tui_form_load(fm, F_NOTE, y->note);
		return;
	}
	const struct az_category *c = a->cat;
	tui_form_load(fm, F_NAME, az_text_get(&c->name));
	tui_form_load_choice(fm, cols, F_CATEGORY, c->id);
	tui_form_set_choice(fm, F_HOSTING, c->defaults.hosting);
	tui_form_set_choice(fm, F_REMOTE, c->defaults.remote_maintenance);
	tui_form_set_choice(fm, F_CONNECTION, c->defaults.connection);
	tui_form_set_choice(fm, F_PATIENT, c->defaults.holds_patient_data);
	tui_form_set_choice(fm, F_IMPORTANCE, c->defaults.importance - 1);
	tui_form_load_choice(fm, cols, F_VENDOR, "");
}

/* ---- the list ---- */

static size_t count(void *ctx)
{
	(void)ctx;
	return tui_wb->book.n_systems;
}

static const char *text(void *ctx, size_t i)
{
	struct tui_rows *s = ctx;
	const struct az_system *y = &tui_wb->book.systems[i];
	const struct az_category *c = az_catalogue_category(tui_wb->cat, y->category);
	const struct az_vendor *v = y->vendor_id ? az_book_vendor(&tui_wb->book, y->vendor_id) : NULL;
	snprintf(s->line, sizeof s->line, "%s | %s | %s | %s", y->name, c ? az_text_get(&c->name) : y->category,
		 y->hosting >= 0 && y->hosting < 2 ? _(hosting_opts[y->hosting].label) : "?",
		 v ? v->name : _("no vendor"));
	return s->line;
}

static int s_enter(struct tui_screen *s)
{
	struct tui_rows *d = s->data;
	if (tui_list_init(&d->list, count, text, d) != 0)
		return -1;
	d->list.empty = N_("No systems yet. Press a to add one from the list of kinds.");
	return 0;
}

static void add_picked(void *arg, int k)
{
	(void)arg;
	if (build_choices() != 0)
		return;
	struct load_arg a = { NULL, &tui_wb->cat->categories[k] };
	tui_editform_open(&spec, 0, NULL, load, &a);
}

static int s_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct tui_rows *d = s->data;
	int r = tui_list_key(&d->list, key, act);
	long i = tui_list_selected(&d->list);
	if (r == TUI_LIST_CHOSEN || (r == TUI_UNHANDLED && act == TUI_ACT_EDIT && i >= 0 && !d->list.filtering)) {
		if (build_choices() != 0)
			return TUI_HANDLED;
		struct load_arg a = { &tui_wb->book.systems[i], NULL };
		tui_editform_open(&spec, a.sys->id, NULL, load, &a);
		return TUI_HANDLED;
	}
	if (r != TUI_UNHANDLED || d->list.filtering)
		return r;
	if (act == TUI_ACT_ADD) {
		const struct az_catalogue *cat = tui_wb->cat;
		if (build_choices() == 0)
			tui_choice_pick(_("Which kind of system?"), category_opts, cat->ncategories, 0, add_picked, NULL);
		return TUI_HANDLED;
	}
	if (act == TUI_ACT_FACTS && i >= 0) { /* the system's questions, asked where the owner already is */
		tui_facts_open(tui_wb->book.systems[i].id, 0);
		return TUI_HANDLED;
	}
	if (act == TUI_ACT_DELETE && i >= 0) {
		const struct az_system *y = &tui_wb->book.systems[i];
		size_t nrisks = 0;
		for (size_t k = 0; k < tui_wb->book.n_risks; k++)
			nrisks += tui_wb->book.risks[k].system_id == y->id;
		char q[800];
		if (nrisks)
			snprintf(q, sizeof q,
				 ngettext("Delete \"%s\" and its %zu risk?", "Delete \"%s\" and its %zu risks?", nrisks),
				 y->name, nrisks);
		else
			snprintf(q, sizeof q, _("Delete \"%s\"?"), y->name);
		tui_rows_ask_delete(d, y->id, q);
		return TUI_HANDLED;
	}
	return r;
}

static void s_leave(struct tui_screen *s)
{
	struct tui_rows *d = s->data;
	tui_list_free(&d->list);
	/* the forms opened from here are closed before this screen leaves */
	free_choices();
}

static const enum tui_action bar[] = { TUI_ACT_ADD, TUI_ACT_EDIT, TUI_ACT_DELETE, TUI_ACT_FACTS, TUI_ACT_SEARCH,
				       TUI_ACT_HELP, TUI_ACT_BACK, TUI_ACT_NONE };
static const struct tui_screen_ops ops = {
	.title = N_("Systems"),
	.help = tui_help_systems,
	.bar = bar,
	TUI_SCREEN_HOOKS(struct tui_rows, s_enter, tui_list_screen_draw, s_key, s_leave),
};

int tui_systems_open(void) { return tui_open(&ops, &(struct tui_rows){ .table = AZ_TABLE(systems) }); }
