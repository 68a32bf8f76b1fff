/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Checklist suggestions from the book: generic evidence from the catalogue's feeds and checklist
 * links, plus the few facts only the inventory, the vendors and the contacts can give. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "model/idmap.h"
#include "model/suggest.h"
#include "model/tables.h"

const char *const az_suggest_items[AZ_SUGGEST_ITEMS] = {
	"0",      "1-(1)",  "1-(2)",  "2-(1)",  "2-(2)",  "2-(3)", "2-(4)", "2-(5)", "2-(6)", "2-(7)",
	"2-(8)",  "2-(9)",  "2-(10)", "2-(11)", "2-(12)", "2-(13)", "3-(1)", "3-(2)", "3-(3)",
};

enum { REMOTE_YES = 0, REMOTE_UNKNOWN = 2, STATUS_DONE = 2, STATUS_DROPPED = 3, HOSTING_CLOUD = 1 };
enum { CONN_VPN = 0, CONN_LTE = 3 };
enum { KIND_INTERNAL = 0, KIND_VENDOR = 1, KIND_AUTHORITY = 2 };

static int given(const char *s) { return s && *s; }

/* What has been found for one item: the first reason against and the first for, and how many. */
struct ev {
	char neg[512], pos[512];
	size_t nneg, npos;
	char target[11];
};

/* Appends to buf; a cut never splits a UTF-8 sequence. */
static void vadd(char *buf, size_t cap, const char *fmt, va_list ap)
{
	size_t len = strlen(buf);
	if (len + 1 >= cap)
		return;
	int n = vsnprintf(buf + len, cap - len, fmt, ap);
	if (n >= 0 && (size_t)n >= cap - len) {
		size_t at = az_utf8_invalid_at(buf, strlen(buf)); /* the character the cut left incomplete */
		if (at != (size_t)-1)
			buf[at] = '\0';
	}
}

static void neg(struct ev *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void neg(struct ev *e, const char *fmt, ...)
{
	if (e->nneg++)
		return;
	va_list ap;
	va_start(ap, fmt);
	vadd(e->neg, sizeof e->neg, fmt, ap);
	va_end(ap);
}

static void pos(struct ev *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void pos(struct ev *e, const char *fmt, ...)
{
	if (e->npos++)
		return;
	va_list ap;
	va_start(ap, fmt);
	vadd(e->pos, sizeof e->pos, fmt, ap);
	va_end(ap);
}

static void target(struct ev *e, const char *due)
{
	if (given(due) && strlen(due) == 10 && strcmp(due, e->target) > 0)
		memcpy(e->target, due, 11);
}

static const char *answer_word(int a)
{
	return a == 0 ? _("yes") : a == 1 ? _("no") : _("don't know");
}

static const char *vendor_name(const struct az_book *b, long long id)
{
	const struct az_vendor *v = az_book_vendor(b, id);
	return v ? v->name : "?";
}

/* The vendors' yes/no answers to the questions that feed the item, and the actions of the
 * controls that evidence it. */
/* The catalogue entries of the book's answers and actions, looked up once for all items. */
struct lookups {
	const struct az_question **q; /* per vendor answer, NULL if unknown */
	const struct az_control **c;  /* per action, NULL for free text */
	uint32_t *feeds;              /* per catalogue control: bit k, it evidences az_suggest_items[k] */
	struct tally *acts;           /* per item, its actions: one pass over them for all items */
};
_Static_assert(AZ_SUGGEST_ITEMS <= 32, "an item a bit");

/* The actions (not dropped) of the controls that evidence an item: the first done and the first
 * not done (their index, or n_actions), how many of each, and the latest due date of those not done. */
struct tally {
	size_t first_done, first_open, ndone, nopen;
	char target[11];
};

static void count_action(const struct az_book *b, size_t i, struct tally *t)
{
	const struct az_action *a = &b->actions[i];
	if (a->status == STATUS_DONE) {
		t->first_done = t->ndone++ ? t->first_done : i;
	} else {
		t->first_open = t->nopen++ ? t->first_open : i;
		if (given(a->due) && strlen(a->due) == 10 && strcmp(a->due, t->target) > 0)
			memcpy(t->target, a->due, 11);
	}
}

static void tally_init(const struct az_book *b, struct tally *t)
{
	memset(t, 0, sizeof *t);
	t->first_done = t->first_open = b->n_actions;
}

/* The tally of every item, each action's control looked at once. */
static void tally_all(const struct az_catalogue *cat, const struct az_book *b, struct lookups *lk)
{
	for (size_t k = 0; k < AZ_SUGGEST_ITEMS; k++)
		tally_init(b, &lk->acts[k]);
	for (size_t i = 0; i < b->n_actions; i++) {
		if (!lk->c[i] || b->actions[i].status == STATUS_DROPPED)
			continue;
		for (uint32_t m = lk->feeds[lk->c[i] - cat->controls]; m; m &= m - 1)
			count_action(b, i, &lk->acts[__builtin_ctz(m)]);
	}
}

/* item is az_suggest_items[k]. Only the first reason for and against is said: the others are
 * counted without making their message (thousands of actions at hospital scale). */
static void generic(const struct az_catalogue *cat, const struct az_book *b, const struct lookups *lk,
		    const char *item, size_t k, struct ev *e)
{
	/* for 2-(2) any answer shows the vendor was asked (remote() counts them), not a yes or no */
	for (size_t i = 0; strcmp(item, "2-(2)") != 0 && i < b->n_vendor_answers; i++) {
		const struct az_vendor_answer *a = &b->vendor_answers[i];
		const struct az_question *q = lk ? lk->q[i] : az_catalogue_question(cat, a->question);
		if (!q || q->answer != AZ_ANSWER_YES_NO_UNKNOWN || !az_idlist_has(&q->feeds, item) || a->answer < 0)
			continue;
		if (a->answer == 0)
			pos(e, _("%s answered yes: %s"), vendor_name(b, a->vendor_id), az_text_get(&q->text));
		else
			neg(e, _("%s answered %s: %s"), vendor_name(b, a->vendor_id), answer_word(a->answer),
			    az_text_get(&q->text));
	}
	struct tally t;
	if (lk)
		t = lk->acts[k];
	else { /* out of memory for the lookups: each item looks its actions up itself */
		tally_init(b, &t);
		for (size_t i = 0; i < b->n_actions; i++) {
			const struct az_control *c = given(b->actions[i].control)
							     ? az_catalogue_control(cat, b->actions[i].control) : NULL;
			if (c && b->actions[i].status != STATUS_DROPPED && az_idlist_has(&c->checklist, item))
				count_action(b, i, &t);
		}
	}
	if (t.ndone) {
		const struct az_action *a = &b->actions[t.first_done];
		const struct az_control *c = lk ? lk->c[t.first_done] : az_catalogue_control(cat, a->control);
		pos(e, _("Done: %s (%s)"), az_text_get(&c->name), given(a->done_at) ? a->done_at : "-");
		e->npos += t.ndone - 1;
	}
	if (t.nopen) {
		const struct az_action *a = &b->actions[t.first_open];
		const struct az_control *c = lk ? lk->c[t.first_open] : az_catalogue_control(cat, a->control);
		neg(e, _("Not done yet: %s (due %s)"), az_text_get(&c->name), given(a->due) ? a->due : "-");
		e->nneg += t.nopen - 1;
		target(e, t.target);
	}
}

/* The facts (facts.yaml) that answer a checklist item, and the answer that means the item is done
 * (yes_no_unknown facts; わからない and an unanswered fact count against, as in the scoring rules).
 * A table here until facts.yaml says which items its facts answer. */
static const struct {
	const char *fact, *item;
	int safe; /* az_answer3_values index: 0 yes, 1 no */
} fact_items[] = {
	{ "password_long", "2-(10)", 0 },          { "default_password_changed", "2-(10)", 0 },
	{ "password_shared", "2-(11)", 1 },        { "default_password_changed", "2-(11)", 0 },
	{ "everyone_admin", "2-(4)", 1 },          { "logs_reviewed", "2-(6)", 0 },
	{ "rdp_used", "2-(8)", 1 },                { "wifi_separated", "2-(9)", 0 },
	{ "vendor_patch_role", "2-(7)", 0 },       { "backup_offline", "3-(2)", 0 },
	{ "backup_generations", "3-(2)", 0 },      { "restore_tested", "3-(2)", 0 },
};

/* Who a fact row is about: the system, the vendor, or the clinic. */
static const char *fact_subject(const struct az_book *b, const struct az_fact_row *f)
{
	const struct az_system *y = f->system_id ? az_book_system(b, f->system_id) : NULL;
	const struct az_vendor *v = f->vendor_id ? az_book_vendor(b, f->vendor_id) : NULL;
	return y ? y->name : v ? v->name : b->clinic.name && *b->clinic.name ? b->clinic.name : _("the clinic");
}

static void facts(const struct az_catalogue *cat, const struct az_book *b, const char *item, struct ev *e)
{
	for (size_t k = 0; k < sizeof fact_items / sizeof fact_items[0]; k++) {
		if (strcmp(fact_items[k].item, item) != 0)
			continue;
		const struct az_fact *fc = az_catalogue_fact(cat, fact_items[k].fact);
		for (size_t i = 0; fc && i < b->n_facts; i++) {
			const struct az_fact_row *f = &b->facts[i];
			if (strcmp(f->fact, fact_items[k].fact) != 0)
				continue;
			if (f->answer == fact_items[k].safe)
				pos(e, "%s: %s — %s", fact_subject(b, f), az_text_get(&fc->question), answer_word(f->answer));
			else if (f->answer >= 0)
				neg(e, "%s: %s — %s", fact_subject(b, f), az_text_get(&fc->question), answer_word(f->answer));
		}
	}
	/* the firmware of a device never updated, or nobody knows when */
	const struct az_fact *fw = az_catalogue_fact(cat, "firmware_updated");
	for (size_t i = 0; fw && !strcmp(item, "2-(7)") && i < b->n_facts; i++) {
		const struct az_fact_row *f = &b->facts[i];
		if (!strcmp(f->fact, "firmware_updated") && (f->answer == 2 || (f->answer < 0 && !given(f->value))))
			neg(e, _("%s: when the firmware was last updated is not known"), fact_subject(b, f));
	}
}

int az_system_is_gateway(const struct az_system *y)
{
	static const char *const net[] = { "vpn_router", "wifi", "lte_maintenance" };
	for (size_t i = 0; i < sizeof net / sizeof net[0]; i++)
		if (y->category && strcmp(y->category, net[i]) == 0)
			return 1;
	return y->remote_maintenance == REMOTE_YES || y->connection == CONN_VPN || y->connection == CONN_LTE;
}

static int is_network(const struct az_system *y)
{
	return y->category && (!strcmp(y->category, "vpn_router") || !strcmp(y->category, "wifi") ||
			       !strcmp(y->category, "lte_maintenance"));
}

static void officer(const struct az_book *b, struct ev *e)
{
	if (given(b->clinic.security_officer))
		pos(e, _("Security officer (安全管理責任者): %s"), b->clinic.security_officer);
	else
		neg(e, "%s", _("No security officer (安全管理責任者) is named in the clinic details"));
}

static void inventory(const struct az_book *b, struct ev *e)
{
	if (!b->n_systems) {
		neg(e, "%s", _("The inventory has no systems"));
		return;
	}
	for (size_t i = 0; i < b->n_systems; i++) {
		const struct az_system *y = &b->systems[i];
		if (is_network(y) && (!given(y->device_make) || !given(y->device_model)))
			neg(e, _("%s: the make and model are not in the inventory"), y->name);
	}
	pos(e, ngettext("%zu system in the inventory", "%zu systems in the inventory", b->n_systems), b->n_systems);
}

static int vendor_answered(const struct az_catalogue *cat, const struct az_book *b, long long vendor,
			   const char *item)
{
	for (size_t i = 0; i < b->n_vendor_answers; i++) {
		const struct az_vendor_answer *a = &b->vendor_answers[i];
		const struct az_question *q = az_catalogue_question(cat, a->question);
		if (a->vendor_id == vendor && q && az_idlist_has(&q->feeds, item) &&
		    ((a->answer >= 0 && a->answer != 2) || given(a->value)))
			return 1;
	}
	return 0;
}

static void remote(const struct az_catalogue *cat, const struct az_book *b, struct ev *e)
{
	size_t known = 0;
	for (size_t i = 0; i < b->n_systems; i++) {
		const struct az_system *y = &b->systems[i];
		if (y->remote_maintenance != REMOTE_UNKNOWN ||
		    (y->vendor_id > 0 && vendor_answered(cat, b, y->vendor_id, "2-(2)")))
			known++;
		else
			neg(e, _("%s: whether it is maintained remotely is not known"), y->name);
	}
	if (known && known == b->n_systems)
		pos(e, _("Remote maintenance known for all %zu systems"), known);
}

static void mds_sds(const struct az_book *b, struct ev *e)
{
	size_t got = 0;
	for (size_t i = 0; i < b->n_vendors; i++) {
		if (given(b->vendors[i].mds_sds_received))
			got++;
		else
			neg(e, _("%s: no MDS/SDS received"), b->vendors[i].name);
	}
	if (got && got == b->n_vendors)
		pos(e, _("MDS/SDS received from all %zu vendors"), got);
}

static void patches(const struct az_book *b, struct ev *e)
{
	for (size_t i = 0; i < b->n_systems; i++) {
		const struct az_system *y = &b->systems[i];
		if (az_system_is_gateway(y) && y->hosting != HOSTING_CLOUD && !given(y->firmware))
			neg(e, _("%s: the firmware version is not known"), y->name);
	}
}

static void contacts(const struct az_book *b, struct ev *e)
{
	int have[3] = { 0 };
	for (size_t i = 0; i < b->n_contacts; i++)
		if (b->contacts[i].kind >= 0 && b->contacts[i].kind < 3 && given(b->contacts[i].name))
			have[b->contacts[i].kind] = 1;
	if (!have[KIND_INTERNAL])
		neg(e, "%s", _("The contact chart has nobody inside the clinic"));
	if (b->n_vendors && !have[KIND_VENDOR])
		neg(e, "%s", _("The contact chart has no vendor"));
	if (!have[KIND_AUTHORITY])
		neg(e, "%s", _("The contact chart has no outside body (MHLW, police, health centre)"));
	if (have[KIND_INTERNAL] && have[KIND_AUTHORITY] && (have[KIND_VENDOR] || !b->n_vendors))
		pos(e, ngettext("%zu contact: the clinic, its vendors and the outside bodies",
				"%zu contacts: the clinic, its vendors and the outside bodies", b->n_contacts),
		    b->n_contacts);
}

static void finish(struct az_suggestion *s, const char *item, const struct ev *e)
{
	memset(s, 0, sizeof *s);
	s->item = item;
	char more[64] = "";
	if (e->nneg) {
		s->answer = AZ_SUGGEST_NO;
		if (e->nneg > 1)
			snprintf(more, sizeof more, _(" (and %zu more)"), e->nneg - 1);
		snprintf(s->evidence, sizeof s->evidence, "%s%s", e->neg, more);
		memcpy(s->target, e->target, sizeof s->target);
	} else if (e->npos) {
		s->answer = AZ_SUGGEST_YES;
		if (e->npos > 1)
			snprintf(more, sizeof more, _(" (and %zu more)"), e->npos - 1);
		snprintf(s->evidence, sizeof s->evidence, "%s%s", e->pos, more);
	} else
		s->answer = AZ_SUGGEST_NONE;
}

size_t az_checklist_suggest(const struct az_catalogue *cat, const struct az_book *b,
			    struct az_suggestion out[AZ_SUGGEST_ITEMS])
{
	/* at hospital scale 19 items x thousands of actions: look each entry up once (without memory,
	 * each item looks them up itself) */
	struct lookups lk = { malloc((b->n_vendor_answers + 1) * sizeof *lk.q), malloc((b->n_actions + 1) * sizeof *lk.c),
			      calloc(cat->ncontrols + 1, sizeof *lk.feeds), malloc(AZ_SUGGEST_ITEMS * sizeof *lk.acts) };
	int have = lk.q && lk.c && lk.feeds && lk.acts;
	for (size_t c = 0; have && c < cat->ncontrols; c++)
		for (size_t k = 0; k < AZ_SUGGEST_ITEMS; k++)
			if (az_idlist_has(&cat->controls[c].checklist, az_suggest_items[k]))
				lk.feeds[c] |= 1u << k;
	for (size_t i = 0; have && i < b->n_vendor_answers; i++)
		lk.q[i] = az_catalogue_question(cat, b->vendor_answers[i].question);
	struct az_idmap controls;
	int mapped = have && az_idmap_init(&controls, cat->controls, cat->ncontrols, sizeof *cat->controls,
					   offsetof(struct az_control, id)) == 0;
	for (size_t i = 0; have && i < b->n_actions; i++) {
		long c = mapped && given(b->actions[i].control) ? az_idmap_find(&controls, b->actions[i].control) : -1;
		lk.c[i] = c >= 0 ? &cat->controls[c]
			: !mapped && given(b->actions[i].control) ? az_catalogue_control(cat, b->actions[i].control) : NULL;
	}
	if (mapped)
		az_idmap_free(&controls);
	if (have)
		tally_all(cat, b, &lk);
	for (size_t k = 0; k < AZ_SUGGEST_ITEMS; k++) {
		const char *item = az_suggest_items[k];
		struct ev e;
		memset(&e, 0, sizeof e);
		if (!strcmp(item, "0")) {
			if (b->n_systems)
				pos(&e, ngettext("%zu system in the inventory", "%zu systems in the inventory", b->n_systems),
				    b->n_systems);
		} else if (!strcmp(item, "1-(1)"))
			officer(b, &e);
		else if (!strcmp(item, "2-(1)"))
			inventory(b, &e);
		else if (!strcmp(item, "2-(2)"))
			remote(cat, b, &e);
		else if (!strcmp(item, "2-(3)"))
			mds_sds(b, &e);
		else if (!strcmp(item, "2-(7)"))
			patches(b, &e);
		else if (!strcmp(item, "3-(1)"))
			contacts(b, &e);
		/* the inventory, the vendors and the contacts speak first; then the catalogue's links */
		if (strcmp(item, "0") != 0 && strcmp(item, "1-(1)") != 0) {
			facts(cat, b, item, &e);
			generic(cat, b, have ? &lk : NULL, item, k, &e);
		}
		finish(&out[k], item, &e);
	}
	free(lk.q);
	free(lk.c);
	free(lk.feeds);
	free(lk.acts);
	return AZ_SUGGEST_ITEMS;
}

const struct az_suggestion *az_suggestion_for(const struct az_suggestion s[AZ_SUGGEST_ITEMS], const char *item)
{
	for (int i = 0; item && i < AZ_SUGGEST_ITEMS; i++)
		if (s[i].item && strcmp(s[i].item, item) == 0)
			return &s[i];
	return NULL;
}
