#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/arena.h"
#include "base/i18n.h"
#include "model/book.h"
#include "model/suggest.h"
#include "model/tables.h"

const char *const az_suggest_items[AZ_SUGGEST_ITEMS] = { "1-(1)", "2-(1)", "2-(2)", "2-(3)", "3-(1)", "3-(2)" };

enum { REMOTE_UNKNOWN = 2, ANSWER_UNKNOWN = 2, STATUS_DONE = 2, STATUS_DROPPED = 3 };
#define NAMES_SHOWN 5

static int given(const char *s) { return s && *s; }

/* Appends to the evidence; a cut never splits a UTF-8 sequence. */
static void add(struct az_suggestion *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(struct az_suggestion *s, const char *fmt, ...)
{
	size_t len = strlen(s->evidence), cap = sizeof s->evidence;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(s->evidence + len, cap - len, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n >= cap - len) {
		/* drop a character the cut left incomplete */
		size_t at = az_utf8_invalid_at(s->evidence, cap - 1);
		if (at != (size_t)-1)
			s->evidence[at] = '\0';
	}
}

static void start(struct az_suggestion *s, const char *item, int answer)
{
	s->item = item;
	s->answer = answer;
	s->evidence[0] = '\0';
}

static void officer(const struct az_workbook_facts *f, struct az_suggestion *s)
{
	if (given(f->security_officer)) {
		start(s, "1-(1)", AZ_SUGGEST_YES);
		add(s, _("Security officer (安全管理責任者): %s"), f->security_officer);
	} else {
		start(s, "1-(1)", AZ_SUGGEST_NO);
		add(s, "%s", _("No security officer (安全管理責任者) is named in the clinic details"));
	}
}

static void inventory(const struct az_workbook_facts *f, struct az_suggestion *s)
{
	if (f->nsystems) {
		start(s, "2-(1)", AZ_SUGGEST_YES);
		add(s, ngettext("%zu system in the inventory", "%zu systems in the inventory", f->nsystems), f->nsystems);
	} else {
		start(s, "2-(1)", AZ_SUGGEST_NO);
		add(s, "%s", _("The inventory has no systems"));
	}
}

static int feeds(const struct az_catalogue *cat, const char *question, const char *item)
{
	const struct az_question *q = az_catalogue_question(cat, question);
	return q && az_idlist_has(&q->feeds, item);
}

/* 1 if the vendor answered a question that feeds item ("unknown" is no answer). */
static int vendor_answered(const struct az_catalogue *cat, const struct az_workbook_facts *f, long vendor,
			   const char *item)
{
	for (size_t i = 0; i < f->nanswers; i++) {
		const struct az_fact_answer *a = &f->answers[i];
		if (a->vendor_id == vendor && feeds(cat, a->question, item) &&
		    ((a->answer >= 0 && a->answer != ANSWER_UNKNOWN) || given(a->value)))
			return 1;
	}
	return 0;
}

static void remote(const struct az_catalogue *cat, const struct az_workbook_facts *f, struct az_suggestion *s)
{
	if (!f->nsystems) {
		start(s, "2-(2)", AZ_SUGGEST_NONE);
		add(s, "%s", _("The inventory has no systems"));
		return;
	}
	size_t known = 0, with_vendor = 0, answered = 0;
	for (size_t i = 0; i < f->nsystems; i++) {
		const struct az_fact_system *sys = &f->systems[i];
		known += sys->remote_maintenance != REMOTE_UNKNOWN;
		if (sys->vendor_id > 0) {
			with_vendor++;
			answered += vendor_answered(cat, f, sys->vendor_id, "2-(2)");
		}
	}
	int yes = known == f->nsystems || (with_vendor == f->nsystems && answered == with_vendor);
	start(s, "2-(2)", yes ? AZ_SUGGEST_YES : AZ_SUGGEST_NO);
	add(s, _("Remote maintenance recorded for %zu of %zu systems; vendors answered for %zu of %zu"), known,
	    f->nsystems, answered, with_vendor);
	if (known < f->nsystems) {
		add(s, "%s", _("; unknown:"));
		size_t shown = 0;
		for (size_t i = 0; i < f->nsystems; i++)
			if (f->systems[i].remote_maintenance == REMOTE_UNKNOWN && shown++ < NAMES_SHOWN)
				add(s, " %s%s", f->systems[i].name ? f->systems[i].name : "", shown < f->nsystems - known ? "," : "");
		if (shown > NAMES_SHOWN)
			add(s, " …");
	}
}

static void mds_sds(const struct az_workbook_facts *f, struct az_suggestion *s)
{
	if (!f->nvendors) {
		start(s, "2-(3)", AZ_SUGGEST_NONE);
		add(s, "%s", _("No vendors recorded"));
		return;
	}
	size_t got = 0;
	for (size_t i = 0; i < f->nvendors; i++)
		got += given(f->vendors[i].mds_sds_received);
	start(s, "2-(3)", got == f->nvendors ? AZ_SUGGEST_YES : AZ_SUGGEST_NO);
	add(s, _("MDS/SDS received from %zu of %zu vendors"), got, f->nvendors);
	if (got < f->nvendors) {
		add(s, "%s", _("; missing:"));
		size_t shown = 0;
		for (size_t i = 0; i < f->nvendors; i++)
			if (!given(f->vendors[i].mds_sds_received) && shown++ < NAMES_SHOWN)
				add(s, " %s%s", f->vendors[i].name ? f->vendors[i].name : "",
				    shown < f->nvendors - got ? "," : "");
		if (shown > NAMES_SHOWN)
			add(s, " …");
	}
}

static void contacts(const struct az_workbook_facts *f, struct az_suggestion *s)
{
	if (f->ncontacts) {
		start(s, "3-(1)", AZ_SUGGEST_YES);
		add(s, ngettext("%zu contact in the contact chart", "%zu contacts in the contact chart", f->ncontacts),
		    f->ncontacts);
	} else {
		start(s, "3-(1)", AZ_SUGGEST_NO);
		add(s, "%s", _("The contact chart is empty"));
	}
}

static void backup(const struct az_catalogue *cat, const struct az_workbook_facts *f, struct az_suggestion *s)
{
	const struct az_fact_action *done = NULL, *open = NULL;
	for (size_t i = 0; i < f->nactions; i++) {
		const struct az_fact_action *a = &f->actions[i];
		const struct az_control *c = az_catalogue_control(cat, a->control);
		if (!c || !az_idlist_has(&c->checklist, "3-(2)") || a->status == STATUS_DROPPED)
			continue;
		if (a->status == STATUS_DONE && !done)
			done = a;
		else if (a->status != STATUS_DONE && !open)
			open = a;
	}
	const struct az_fact_action *a = done ? done : open;
	if (!a) {
		start(s, "3-(2)", AZ_SUGGEST_NO);
		add(s, "%s", _("No action for a backup control"));
		return;
	}
	const struct az_control *c = az_catalogue_control(cat, a->control);
	start(s, "3-(2)", done ? AZ_SUGGEST_YES : AZ_SUGGEST_NO);
	if (done)
		add(s, _("Backup action done: %s"), az_text_get(&c->name));
	else
		add(s, _("Backup action not done yet: %s"), az_text_get(&c->name));
	if (given(a->description))
		add(s, " (%s)", a->description);
	if (done && given(a->done_at))
		add(s, _(", on %s"), a->done_at);
}

size_t az_checklist_suggest(const struct az_catalogue *cat, const struct az_workbook_facts *f,
			    struct az_suggestion out[AZ_SUGGEST_ITEMS])
{
	officer(f, &out[0]);
	inventory(f, &out[1]);
	remote(cat, f, &out[2]);
	mds_sds(f, &out[3]);
	contacts(f, &out[4]);
	backup(cat, f, &out[5]);
	return AZ_SUGGEST_ITEMS;
}

const struct az_suggestion *az_suggestion_for(const struct az_suggestion s[AZ_SUGGEST_ITEMS], const char *item)
{
	for (int i = 0; item && i < AZ_SUGGEST_ITEMS; i++)
		if (s[i].item && strcmp(s[i].item, item) == 0)
			return &s[i];
	return NULL;
}

/* ---- reading a workbook ---- */

int az_workbook_facts_from_book(const struct az_book *b, struct az_workbook_facts *f, struct az_error *err)
{
	memset(f, 0, sizeof *f);
	if (!(f->arena = az_arena_new()))
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	struct az_fact_system *sys = az_arena_alloc(f->arena, (b->n_systems + 1) * sizeof *sys);
	struct az_fact_vendor *ven = az_arena_alloc(f->arena, (b->n_vendors + 1) * sizeof *ven);
	struct az_fact_answer *ans = az_arena_alloc(f->arena, (b->n_vendor_answers + 1) * sizeof *ans);
	struct az_fact_action *act = az_arena_alloc(f->arena, (b->n_actions + 1) * sizeof *act);
	if (!sys || !ven || !ans || !act) {
		az_workbook_facts_free(f);
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	}
	f->security_officer = b->clinic.security_officer;
	for (size_t i = 0; i < b->n_systems; i++)
		sys[i] = (struct az_fact_system){ b->systems[i].name, b->systems[i].remote_maintenance,
						  (long)b->systems[i].vendor_id };
	for (size_t i = 0; i < b->n_vendors; i++)
		ven[i] = (struct az_fact_vendor){ (long)b->vendors[i].id, b->vendors[i].name,
						  b->vendors[i].mds_sds_received };
	for (size_t i = 0; i < b->n_vendor_answers; i++)
		ans[i] = (struct az_fact_answer){ (long)b->vendor_answers[i].vendor_id, b->vendor_answers[i].question,
						  b->vendor_answers[i].answer, b->vendor_answers[i].value };
	for (size_t i = 0; i < b->n_actions; i++)
		act[i] = (struct az_fact_action){ b->actions[i].control[0] ? b->actions[i].control : NULL,
						  b->actions[i].description, b->actions[i].status,
						  b->actions[i].done_at };
	f->systems = sys, f->nsystems = b->n_systems;
	f->vendors = ven, f->nvendors = b->n_vendors;
	f->answers = ans, f->nanswers = b->n_vendor_answers;
	f->actions = act, f->nactions = b->n_actions;
	f->ncontacts = b->n_contacts;
	return AZ_OK;
}

int az_workbook_facts_load(struct az_store *s, struct az_workbook_facts *f, struct az_error *err)
{
	struct az_book *b = malloc(sizeof *b);
	memset(f, 0, sizeof *f);
	if (!b)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	int rc = az_book_load(s, b, err);
	if (rc == AZ_OK)
		rc = az_workbook_facts_from_book(b, f, err);
	if (rc != AZ_OK) {
		if (b->arena)
			az_book_free(b);
		free(b);
		return rc;
	}
	f->book = b;
	return AZ_OK;
}

void az_workbook_facts_free(struct az_workbook_facts *f)
{
	az_arena_free(f->arena);
	if (f->book) {
		az_book_free(f->book);
		free(f->book);
	}
	memset(f, 0, sizeof *f);
}
