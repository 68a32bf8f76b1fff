/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "model/aggregate.h"
#include "model/book.h"
#include "model/rules.h"
#include "model/tables.h"
#include "model/vendor_rules.h"

enum { YES = 0 }; /* index of "yes" in az_remote_values and az_answer3_values */

void az_percent(long num, long den, char out[32])
{
	if (den <= 0) {
		snprintf(out, 32, "-");
		return;
	}
	long tenths = (num * 1000 + den / 2) / den;
	snprintf(out, 32, "%ld.%ld", tenths / 10, tenths % 10);
}

int az_aggregate_init(struct az_aggregate *a, const struct az_catalogue *cat)
{
	memset(a, 0, sizeof *a);
	a->cat = cat;
	a->arena = az_arena_new();
	a->q[AZ_AGG_QUESTIONS - 1].recorded = 0;
	for (int i = 0; i < AZ_AGG_QUESTIONS - 1; i++)
		a->q[i].recorded = 1;
	return a->arena ? AZ_OK : AZ_IOERR;
}

void az_aggregate_free(struct az_aggregate *a)
{
	free(a->inputs);
	free(a->items);
	free(a->threats);
	free(a->vendors);
	az_arena_free(a->arena);
	memset(a, 0, sizeof *a);
}

static const char *keep(struct az_aggregate *a, const char *s)
{
	const char *c = az_arena_strndup(a->arena, s ? s : "", s ? strlen(s) : 0);
	return c ? c : "";
}

/* Grows one of the lists by one zeroed element; NULL when out of memory. */
static void *grow(void **v, size_t *n, size_t *cap, size_t size)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 32;
		void *nv = realloc(*v, nc * size);
		if (!nv)
			return NULL;
		*v = nv;
		*cap = nc;
	}
	void *e = (char *)*v + (*n)++ * size;
	memset(e, 0, size);
	return e;
}

static struct az_agg_input *new_input(struct az_aggregate *a, const char *path)
{
	struct az_agg_input *in = grow((void **)&a->inputs, &a->ninputs, &a->caps[0], sizeof *in);
	if (in) {
		in->path = keep(a, path);
		memset(in->q, -1, sizeof in->q);
	}
	return in;
}

int az_aggregate_skip(struct az_aggregate *a, const char *path, int code, const char *reason)
{
	struct az_agg_input *in = new_input(a, path);
	if (!in)
		return AZ_IOERR;
	/* the reason without "path: " before each of its lines, on one line, so that it can be shown
	 * without the file name */
	size_t pl = strlen(path), rl = reason ? strlen(reason) : 0, o = 0;
	char *r = az_arena_alloc(a->arena, 2 * rl + 1); /* a line break becomes "; " */
	for (size_t i = 0; r && i < rl;) {
		if ((i == 0 || reason[i - 1] == '\n') && pl && !strncmp(reason + i, path, pl) &&
		    !strncmp(reason + i + pl, ": ", 2)) {
			i += pl + 2;
			continue;
		}
		if (reason[i] == '\n') {
			memcpy(r + o, "; ", 2);
			o += 2;
			i++;
			continue;
		}
		r[o++] = reason[i++];
	}
	if (r)
		r[o] = '\0';
	in->skipped = 1;
	in->code = code;
	in->reason = r ? r : "";
	a->nskipped++;
	return AZ_OK;
}

static int ci_contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return 1;
	return 0;
}

static const struct az_vendor_answer *answer(const struct az_book *b, long long vendor, const char *q)
{
	for (size_t i = 0; i < b->n_vendor_answers; i++)
		if (b->vendor_answers[i].vendor_id == vendor && !strcmp(b->vendor_answers[i].question, q))
			return &b->vendor_answers[i];
	return NULL;
}

static int answered_yes(const struct az_book *b, long long vendor, const char *q)
{
	const struct az_vendor_answer *va = vendor ? answer(b, vendor, q) : NULL;
	return va && va->answer == YES;
}

/* A remote-maintenance device: the systems whose make/model/firmware Q2 asks about. */
static int is_device(const struct az_system *s)
{
	return s->remote_maintenance == YES &&
	       (!strcmp(s->category, "vpn_router") || !strcmp(s->category, "lte_maintenance") || *s->device_make ||
		*s->device_model);
}

static void questions(const struct az_book *b, signed char q[AZ_AGG_QUESTIONS])
{
	int remote = 0, devices = 0, known = 1, forti = 0, forti_ok = 1, others_ok = 1;
	for (size_t i = 0; i < b->n_systems; i++) {
		const struct az_system *s = &b->systems[i];
		remote |= s->remote_maintenance == YES;
		if (!is_device(s))
			continue;
		devices++;
		known &= *s->device_model && *s->firmware;
		int f = ci_contains(s->device_make, "forti") || ci_contains(s->device_model, "forti");
		int ok = answered_yes(b, s->vendor_id, "a");
		forti |= f;
		if (f)
			forti_ok &= ok;
		others_ok &= ok;
	}
	memset(q, -1, AZ_AGG_QUESTIONS);
	q[0] = remote;
	if (remote)
		q[1] = devices && known;
	if (q[1] == 1)
		q[2] = forti;
	if (q[2] == 1)
		q[3] = forti_ok;
	if (q[1] == 1 && q[2] == 0)
		q[4] = others_ok;
	/* Q6, Q7: every vendor of a system holding patient data, maintained remotely, or a VPN or router
	 * (the way in of most attacks) */
	int nv = 0, contract = 1, reports = 1;
	for (size_t v = 0; v < b->n_vendors; v++) {
		int used = 0;
		for (size_t i = 0; i < b->n_systems && !used; i++) {
			const struct az_system *s = &b->systems[i];
			used = s->vendor_id == b->vendors[v].id &&
			       (s->holds_patient_data || s->remote_maintenance == YES || !strcmp(s->category, "vpn_router") ||
				!strcmp(s->category, "lte_maintenance"));
		}
		if (!used)
			continue;
		nv++;
		contract &= answered_yes(b, b->vendors[v].id, "e");
		/* returned: the date it came back (or a Yes of an older workbook); a No or a bare
		 * confirmation date is not a returned form */
		reports &= az_vendor_form_returned(b, b->vendors[v].id) != NULL ||
			   answered_yes(b, b->vendors[v].id, AZ_VENDOR_FORM_QUESTION);
	}
	q[5] = nv && contract;
	q[6] = nv && reports;
	/* Q8 is not recorded in a workbook */
}

static struct az_agg_item *item(struct az_aggregate *a, const char *checklist, const char *id)
{
	for (size_t i = 0; i < a->nitems; i++)
		if (!strcmp(a->items[i].item, id) && !strcmp(a->items[i].checklist, checklist))
			return &a->items[i];
	struct az_agg_item *it = grow((void **)&a->items, &a->nitems, &a->caps[1], sizeof *it);
	if (it) {
		it->checklist = keep(a, checklist);
		it->item = keep(a, id);
	}
	return it;
}

/* The workbook's answer to one item over its device columns: any no, else any yes, else any n/a. */
static void checklist(struct az_aggregate *a, const struct az_book *b)
{
	const struct az_checklist *cl = b->assessment.present && a->cat
						? az_checklist_for(a->cat, b->assessment.checklist_version)
						: NULL;
	for (size_t i = 0; cl && i < cl->nitems; i++)
		item(a, cl->id, cl->items[i].id);
	for (size_t i = 0; i < b->n_checklist_answers;) {
		const struct az_checklist_answer *c = &b->checklist_answers[i];
		int no = 0, yes = 0, na = 0;
		size_t j = i;
		for (; j < b->n_checklist_answers && !strcmp(b->checklist_answers[j].checklist, c->checklist) &&
		       !strcmp(b->checklist_answers[j].item, c->item);
		     j++) {
			int ans = b->checklist_answers[j].answer;
			no |= ans == 1;
			yes |= ans == 0;
			na |= ans == 2;
		}
		struct az_agg_item *it = item(a, c->checklist, c->item);
		if (it) {
			if (no)
				it->no++;
			else if (yes)
				it->yes++;
			else if (na)
				it->na++;
		}
		i = j;
	}
}

static void threat(struct az_aggregate *a, const char *id, int first)
{
	struct az_agg_threat *t = NULL;
	for (size_t i = 0; i < a->nthreats && !t; i++)
		if (!strcmp(a->threats[i].threat, id))
			t = &a->threats[i];
	if (!t && (t = grow((void **)&a->threats, &a->nthreats, &a->caps[2], sizeof *t)))
		t->threat = keep(a, id);
	if (t) {
		t->risks++;
		t->workbooks += first;
	}
}

static void vendors(struct az_aggregate *a, const struct az_book *b)
{
	for (size_t v = 0; v < b->n_vendors; v++) {
		const struct az_vendor *bv = &b->vendors[v];
		struct az_agg_vendor *av = NULL;
		for (size_t i = 0; i < a->nvendors && !av; i++)
			if (!strcmp(a->vendors[i].name, bv->name))
				av = &a->vendors[i];
		if (!av && (av = grow((void **)&a->vendors, &a->nvendors, &a->caps[3], sizeof *av)))
			av->name = keep(a, bv->name);
		if (!av)
			continue;
		av->workbooks++;
		/* isms pmark both none unknown */
		av->no_cert += bv->certification >= 3 || bv->certification < 0;
		av->no_mds += !*bv->mds_sds_received && !answered_yes(b, bv->id, "mds_sds");
	}
}

int az_aggregate_add(struct az_aggregate *a, const char *path, struct az_store *s)
{
	struct az_book b;
	struct az_error err = { 0 };
	if (az_book_load(s, &b, &err) != AZ_OK)
		return az_aggregate_skip(a, path, err.code, err.msg);
	/* a member is a clinic: a file without one (a stub, an empty workbook) is not counted */
	if (!b.clinic.name || !*b.clinic.name) {
		az_book_free(&b);
		return az_aggregate_skip(a, path, AZ_DATAERR, _("no clinic in it: not counted as a member"));
	}
	/* one clinic and year counts once, whether given as .anzen, .pdf or .json */
	char *id = sqlite3_mprintf("%s\x1f%s\x1f%s\x1f%d", b.clinic.name, b.clinic.address ? b.clinic.address : "",
				   b.clinic.phone ? b.clinic.phone : "", b.assessment.present ? b.assessment.fiscal_year : 0);
	for (size_t i = 0; id && i < a->ninputs; i++)
		if (!a->inputs[i].skipped && a->inputs[i].identity && !strcmp(a->inputs[i].identity, id)) {
			char why[600];
			snprintf(why, sizeof why, _("the same clinic and fiscal year as %s: counted once"), a->inputs[i].path);
			sqlite3_free(id);
			az_book_free(&b);
			return az_aggregate_skip(a, path, AZ_DATAERR, why);
		}
	struct az_agg_input *in = new_input(a, path);
	if (!in || !id) {
		sqlite3_free(id);
		az_book_free(&b);
		return AZ_IOERR;
	}
	in->identity = keep(a, id);
	sqlite3_free(id);
	a->nread++;
	in->clinic = keep(a, b.clinic.name);
	in->fiscal_year = b.assessment.present ? b.assessment.fiscal_year : 0;
	questions(&b, in->q);
	for (int i = 0; i < AZ_AGG_QUESTIONS; i++)
		if (in->q[i] >= 0) {
			a->q[i].base++;
			a->q[i].yes += in->q[i];
		}
	checklist(a, &b);
	/* ranks; each S/A threat counted once per workbook for 'workbooks' */
	const char **seen = b.n_risks ? calloc(b.n_risks, sizeof *seen) : NULL;
	size_t nseen = 0;
	for (size_t i = 0; i < b.n_risks; i++) {
		const struct az_risk *r = &b.risks[i];
		in->risks++;
		a->risks++;
		int ri = a->cat && r->likelihood && r->severity ? az_rank_index(a->cat, r->likelihood, r->severity) : -1;
		if (ri < 0 || ri >= AZ_AGG_MAXRANKS) {
			a->unscored++;
			continue;
		}
		in->ranks[ri]++;
		a->ranks[ri]++;
		const char *rid = a->cat->ranks[ri].id;
		if (strcmp(rid, "S") && strcmp(rid, "A"))
			continue;
		int first = 1;
		for (size_t k = 0; k < nseen && first; k++)
			first = strcmp(seen[k], r->threat) != 0;
		if (first && seen)
			seen[nseen++] = r->threat;
		threat(a, r->threat, first);
	}
	free(seen);
	vendors(a, &b);
	az_book_free(&b);
	return AZ_OK;
}

static const struct az_catalogue *sort_cat;

/* catalogue order within a checklist; unknown items after, by id */
static long item_pos(const struct az_agg_item *it)
{
	const struct az_checklist *cl = sort_cat ? az_catalogue_checklist(sort_cat, it->checklist) : NULL;
	for (size_t i = 0; cl && i < cl->nitems; i++)
		if (!strcmp(cl->items[i].id, it->item))
			return (long)i;
	return 100000;
}

static int by_item(const void *x, const void *y)
{
	const struct az_agg_item *a = x, *b = y;
	int c = strcmp(a->checklist, b->checklist);
	if (c)
		return c;
	long pa = item_pos(a), pb = item_pos(b);
	return pa != pb ? (pa < pb ? -1 : 1) : strcmp(a->item, b->item);
}

static int by_threat(const void *x, const void *y)
{
	const struct az_agg_threat *a = x, *b = y;
	if (a->workbooks != b->workbooks)
		return a->workbooks > b->workbooks ? -1 : 1;
	if (a->risks != b->risks)
		return a->risks > b->risks ? -1 : 1;
	return strcmp(a->threat, b->threat);
}

static int by_vendor(const void *x, const void *y)
{
	const struct az_agg_vendor *a = x, *b = y;
	long la = a->no_cert + a->no_mds, lb = b->no_cert + b->no_mds;
	if (la != lb)
		return la > lb ? -1 : 1;
	if (a->workbooks != b->workbooks)
		return a->workbooks > b->workbooks ? -1 : 1;
	return strcmp(a->name, b->name);
}

void az_aggregate_finish(struct az_aggregate *a)
{
	sort_cat = a->cat;
	if (a->nitems)
		qsort(a->items, a->nitems, sizeof *a->items, by_item);
	if (a->nthreats)
		qsort(a->threats, a->nthreats, sizeof *a->threats, by_threat);
	if (a->nvendors)
		qsort(a->vendors, a->nvendors, sizeof *a->vendors, by_vendor);
	sort_cat = NULL;
}
