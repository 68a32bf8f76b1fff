/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/decide.h"
#include "model/edit.h"
#include "model/rules.h"
#include "model/risk_edit.h"
#include "model/score_suggest.h"
#include "model/tables.h"
#include "base/date.h"

/* A sentence counts when it has something besides blanks. */
static int given(const char *s)
{
	for (; s && *s; s++)
		if (!strchr(" \t\r\n", *s))
			return 1;
	return 0;
}

const char *az_fact_answer_invalid(const struct az_fact *f, int answer, const char *value)
{
	if (answer < -1 || answer > 2)
		return _("An answer is yes, no or unknown");
	if (f->answer == AZ_FACT_DATE) {
		if (answer == 1)
			return _("This question asks for a date: give the date, or answer unknown");
		if (answer == 0 && !(value && az_date_valid(value)))
			return _("This question asks for a date: give the date, or answer unknown");
	} else if (value && *value) {
		return _("This question is answered yes, no or unknown, not with a date");
	}
	return NULL;
}

/* Binds a positive id, or NULL for 0. */
static void bind_id(sqlite3_stmt *st, int i, long long id)
{
	if (id > 0)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

static int run(struct az_store *s, sqlite3_stmt *st, struct az_error *err)
{
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return az_store_sqlfail(s, err, AZ_DATAERR, _("cannot save"));
	return AZ_OK;
}

static int prepare(struct az_store *s, const char *sql, sqlite3_stmt **st, struct az_error *err)
{
	if (sqlite3_prepare_v2(az_store_db(s), sql, -1, st, NULL) != SQLITE_OK)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot save"));
	return AZ_OK;
}

int az_fact_set(struct az_store *s, const struct az_fact *f, long long system_id, long long vendor_id,
		int answer, const char *value, struct az_error *err)
{
	const char *bad = az_fact_answer_invalid(f, answer, value);
	if (bad)
		return az_fail(err, AZ_DATAERR, "%s", bad);
	if ((f->scope == AZ_SCOPE_CLINIC) != (system_id <= 0 && vendor_id <= 0) ||
	    (f->scope == AZ_SCOPE_SYSTEM && system_id <= 0) || (f->scope == AZ_SCOPE_VENDOR && vendor_id <= 0))
		return az_fail(err, AZ_USAGE, _("fact '%s' is not asked there"), f->id);
	sqlite3_stmt *st = NULL;
	int rc = az_store_begin(s, err);
	if (rc != AZ_OK)
		return rc;
	rc = prepare(s, "DELETE FROM facts WHERE fact = ?1 AND coalesce(system_id, 0) = ?2 AND coalesce(vendor_id, 0) = ?3",
		     &st, err);
	if (rc == AZ_OK) {
		sqlite3_bind_text(st, 1, f->id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, system_id > 0 ? system_id : 0);
		sqlite3_bind_int64(st, 3, vendor_id > 0 ? vendor_id : 0);
		rc = run(s, st, err);
	}
	if (rc == AZ_OK && answer >= 0) {
		rc = prepare(s, "INSERT INTO facts (fact, system_id, vendor_id, answer, value) VALUES (?1, ?2, ?3, ?4, ?5)",
			     &st, err);
		if (rc == AZ_OK) {
			sqlite3_bind_text(st, 1, f->id, -1, SQLITE_STATIC);
			bind_id(st, 2, system_id);
			bind_id(st, 3, vendor_id);
			sqlite3_bind_text(st, 4, az_answer3_values[answer], -1, SQLITE_STATIC);
			if (value && *value && answer == 0)
				sqlite3_bind_text(st, 5, value, -1, SQLITE_TRANSIENT);
			else
				sqlite3_bind_null(st, 5);
			rc = run(s, st, err);
		}
	}
	if (rc != AZ_OK) {
		az_store_rollback(s);
		return rc;
	}
	return az_store_commit(s, err);
}

const char *az_decider(const struct az_book *b)
{
	if (b->clinic.security_officer && *b->clinic.security_officer)
		return b->clinic.security_officer;
	if (b->clinic.administrator && *b->clinic.administrator)
		return b->clinic.administrator;
	return _("Director"); /* the role until the clinic form names the person */
}

/* The id of the risk row of (system, threat), inserted if missing; 0 on failure. */
static long long ensure_risk(struct az_store *s, long long system_id, const char *threat, struct az_error *err)
{
	sqlite3_stmt *st = NULL;
	if (prepare(s, "INSERT INTO risks (system_id, threat) VALUES (?1, ?2) ON CONFLICT (system_id, threat) DO NOTHING",
		    &st, err) != AZ_OK)
		return 0;
	sqlite3_bind_int64(st, 1, system_id);
	sqlite3_bind_text(st, 2, threat, -1, SQLITE_STATIC);
	if (run(s, st, err) != AZ_OK)
		return 0;
	if (prepare(s, "SELECT id FROM risks WHERE system_id = ?1 AND threat = ?2", &st, err) != AZ_OK)
		return 0;
	sqlite3_bind_int64(st, 1, system_id);
	sqlite3_bind_text(st, 2, threat, -1, SQLITE_STATIC);
	long long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (!id)
		az_store_sqlfail(s, err, AZ_IOERR, _("cannot save"));
	return id;
}

/* Writes the score of one risk with its basis; in the caller's transaction. */
static int write_score(struct az_store *s, const struct az_book *b, const struct az_threat *t, long long id,
		       const struct az_system *sys, int l, int sev, int treatment, const char *who, struct az_error *err)
{
	sqlite3_stmt *st = NULL;
	char today[11];
	az_date_today(today);
	int basis = -1;
	if (l && sev && sys) {
		struct az_suggestion sg;
		az_suggest_score(b, t, sys, &sg);
		basis = sg.likelihood == l && sg.severity == sev ? 0 : 1;
	} else if (l && sev) {
		basis = 1;
	}
	int rc = prepare(s,
			 "UPDATE risks SET likelihood = coalesce(?2, likelihood), severity = coalesce(?3, severity),"
			 " score_basis = coalesce(?4, score_basis), confirmed_by = CASE WHEN ?4 IS NULL THEN confirmed_by ELSE ?5 END,"
			 " confirmed_at = CASE WHEN ?4 IS NULL THEN confirmed_at ELSE ?6 END,"
			 " treatment = coalesce(?7, treatment) WHERE id = ?1",
			 &st, err);
	if (rc != AZ_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (l)
		sqlite3_bind_int(st, 2, l);
	if (sev)
		sqlite3_bind_int(st, 3, sev);
	if (basis >= 0)
		sqlite3_bind_text(st, 4, az_score_basis_values[basis], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, who ? who : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, today, -1, SQLITE_TRANSIENT);
	if (treatment >= 0 && treatment < AZ_NTREATMENTS)
		sqlite3_bind_text(st, 7, az_treatment_values[treatment], -1, SQLITE_STATIC);
	return run(s, st, err);
}

static int finish(struct az_store *s, int rc, struct az_error *err)
{
	if (rc != AZ_OK) {
		az_store_rollback(s);
		return rc;
	}
	return az_store_commit(s, err);
}

int az_risk_confirm(struct az_store *s, const struct az_book *b, const struct az_threat *t, long long risk_id,
		    long long system_id, int l, int sev, const char *who, long long *id, struct az_error *err)
{
	if (l < 1 || l > AZ_LEVELS || sev < 1 || sev > AZ_LEVELS)
		return az_fail(err, AZ_DATAERR, _("a score is 1 to %d"), AZ_LEVELS);
	const struct az_risk *r = risk_id > 0 ? az_book_risk(b, risk_id) : NULL;
	const struct az_system *sys = az_book_system(b, r ? r->system_id : system_id);
	if (!sys)
		return az_fail(err, AZ_USAGE, "%s", _("a new risk needs its system and threat"));
	int rc = az_store_begin(s, err);
	if (rc != AZ_OK)
		return rc;
	long long rid = risk_id > 0 ? risk_id : ensure_risk(s, sys->id, t->id, err);
	rc = rid ? write_score(s, b, t, rid, sys, l, sev, -1, who, err) : err->code;
	if (id)
		*id = rid;
	return finish(s, rc, err);
}

size_t az_threat_systems(const struct az_catalogue *cat, const struct az_book *b, const struct az_threat *t,
			 const struct az_system **out)
{
	(void)cat;
	size_t n = 0;
	for (size_t i = 0; i < b->n_systems; i++) {
		struct az_system_facts sf = az_system_facts_of(&b->systems[i]);
		if (az_threat_applies(t, &sf))
			out[n++] = &b->systems[i];
	}
	/* systems with a row for a threat that no longer applies to them */
	for (size_t i = 0; i < b->n_risks; i++) {
		const struct az_risk *r = &b->risks[i];
		if (strcmp(r->threat, t->id) != 0)
			continue;
		const struct az_system *sys = az_book_system(b, r->system_id);
		struct az_system_facts sf;
		if (sys && (sf = az_system_facts_of(sys), !az_threat_applies(t, &sf)))
			out[n++] = sys;
	}
	return n;
}

/* The risk row of (system, threat), or NULL. */
static const struct az_risk *risk_of(const struct az_book *b, long long system_id, const char *threat)
{
	for (size_t i = 0; i < b->n_risks; i++)
		if (b->risks[i].system_id == system_id && strcmp(b->risks[i].threat, threat) == 0)
			return &b->risks[i];
	return NULL;
}

/* The systems a threat concerns, with a transaction begun to write them; NULL (and err) on failure. */
static const struct az_system **begin_threat(struct az_store *s, const struct az_catalogue *cat,
					     const struct az_book *b, const struct az_threat *t, size_t *ns,
					     struct az_error *err)
{
	const struct az_system **sys = malloc((b->n_systems + b->n_risks + 1) * sizeof *sys);
	if (!sys) {
		az_fail(err, AZ_IOERR, "%s", _("out of memory"));
		return NULL;
	}
	*ns = az_threat_systems(cat, b, t, sys);
	if (az_store_begin(s, err) != AZ_OK) {
		free(sys);
		return NULL;
	}
	return sys;
}

int az_threat_decide(struct az_store *s, const struct az_catalogue *cat, const struct az_book *b,
		     const struct az_threat *t, int l, int sev, int treatment, const char *who, size_t *n,
		     struct az_error *err)
{
	size_t ns, done = 0;
	const struct az_system **sys = begin_threat(s, cat, b, t, &ns, err);
	if (!sys)
		return err->code;
	int rc = AZ_OK;
	for (size_t i = 0; rc == AZ_OK && i < ns; i++) {
		const struct az_risk *r = risk_of(b, sys[i]->id, t->id);
		if (r && (r->exception || r->dismissed >= 0))
			continue;
		long long id = r ? r->id : ensure_risk(s, sys[i]->id, t->id, err);
		rc = id ? write_score(s, b, t, id, sys[i], l, sev, treatment, who, err) : err->code;
		done++;
	}
	free(sys);
	if (n)
		*n = done;
	return finish(s, rc, err);
}

static const char *const dismiss_reasons[] = {
	N_("No such device or work in the clinic"),
	N_("Not used (switched off or contract ended)"),
	N_("Covered by another system's assessment"),
	N_("Other reason"),
};

const char *az_dismiss_reason_msgid(int reason) { return reason >= 0 && reason < 4 ? dismiss_reasons[reason] : ""; }

const char *az_dismiss_reason(int reason)
{
	const char *m = az_dismiss_reason_msgid(reason);
	return *m ? _(m) : m;
}

static int write_dismissal(struct az_store *s, long long id, int reason, const char *note, struct az_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, "UPDATE risks SET dismissed = ?2, dismiss_note = ?3 WHERE id = ?1", &st, err);
	if (rc != AZ_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (reason >= 0)
		sqlite3_bind_text(st, 2, az_dismiss_values[reason], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, reason >= 0 && note ? note : "", -1, SQLITE_TRANSIENT);
	return run(s, st, err);
}

int az_threat_dismiss(struct az_store *s, const struct az_catalogue *cat, const struct az_book *b,
		      const struct az_threat *t, long long system_id, int reason, const char *note,
		      struct az_error *err)
{
	enum { OTHER = 3 };
	if (reason < -1 || reason > OTHER)
		return az_fail(err, AZ_DATAERR, "%s", _("unknown reason"));
	if (reason == OTHER && !given(note))
		return az_fail(err, AZ_DATAERR, "%s", _("Say in a sentence why the threat does not apply"));
	const struct az_system **sys = malloc((b->n_systems + b->n_risks + 1) * sizeof *sys);
	if (!sys)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	size_t ns = az_threat_systems(cat, b, t, sys);
	int rc = az_store_begin(s, err);
	if (rc != AZ_OK) {
		free(sys);
		return rc;
	}
	for (size_t i = 0; rc == AZ_OK && i < ns; i++) {
		if (system_id > 0 && sys[i]->id != system_id)
			continue;
		long long id = ensure_risk(s, sys[i]->id, t->id, err);
		rc = id ? write_dismissal(s, id, reason, note, err) : err->code;
	}
	free(sys);
	return finish(s, rc, err);
}

int az_risk_set_exception(struct az_store *s, const struct az_threat *t, long long system_id, int on,
			  struct az_error *err)
{
	int rc = az_store_begin(s, err);
	if (rc != AZ_OK)
		return rc;
	long long id = ensure_risk(s, system_id, t->id, err);
	sqlite3_stmt *st = NULL;
	rc = id ? prepare(s, "UPDATE risks SET exception = ?2 WHERE id = ?1", &st, err) : err->code;
	if (rc == AZ_OK) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, on ? 1 : 0);
		rc = run(s, st, err);
	}
	return finish(s, rc, err);
}

int az_threat_set(struct az_store *s, const struct az_catalogue *cat, const struct az_book *b,
		  const struct az_threat *t, const char *column, const char *value, size_t *n, struct az_error *err)
{
	const struct az_column *c = az_column_find(&az_tables[AZ_TBL_risks], column);
	const char *bad = c ? az_column_invalid(c, value) : _("no such field");
	if (!c || !strcmp(column, AZ_COL(risks, id)) || !strcmp(column, AZ_COL(risks, system_id)) ||
	    !strcmp(column, AZ_COL(risks, threat)))
		return az_fail(err, AZ_USAGE, "%s", _("no such field"));
	if (bad)
		return az_fail(err, AZ_DATAERR, "%s", bad);
	const struct az_system **sys = malloc((b->n_systems + b->n_risks + 1) * sizeof *sys);
	if (!sys)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	size_t ns = az_threat_systems(cat, b, t, sys), done = 0;
	char sql[128];
	snprintf(sql, sizeof sql, "UPDATE risks SET %s = ?2 WHERE id = ?1", c->name); /* a known column */
	int rc = az_store_begin(s, err);
	if (rc != AZ_OK) {
		free(sys);
		return rc;
	}
	for (size_t i = 0; rc == AZ_OK && i < ns; i++) {
		const struct az_risk *r = risk_of(b, sys[i]->id, t->id);
		if (r && (r->exception || r->dismissed >= 0))
			continue;
		long long id = r ? r->id : ensure_risk(s, sys[i]->id, t->id, err);
		sqlite3_stmt *st = NULL;
		rc = id ? prepare(s, sql, &st, err) : err->code;
		if (rc != AZ_OK)
			break;
		sqlite3_bind_int64(st, 1, id);
		if (value)
			sqlite3_bind_text(st, 2, value, -1, SQLITE_TRANSIENT);
		rc = run(s, st, err);
		done++;
	}
	free(sys);
	if (n)
		*n = done;
	return finish(s, rc, err);
}

/* 1 if risk id has a live (not dropped) action for control (or with this description when control is
 * NULL). */
static int has_action(const struct az_book *b, long long id, const char *control, const char *description)
{
	enum { DROPPED = 3 };
	for (size_t i = 0; i < b->n_actions; i++) {
		const struct az_action *a = &b->actions[i];
		if (a->risk_id == id && a->status != DROPPED &&
		    (control ? !strcmp(a->control, control) : !strcmp(a->description, description)))
			return 1;
	}
	return 0;
}

/* The other risks (existing rows or applicable pairs not yet assessed) of the threats the control
 * mitigates, besides t: those not dismissed, not treated otherwise, without the control's action yet.
 * Calls fn for each with the system and the row (NULL when not assessed yet); returns how many. */
static size_t each_reach(const struct az_catalogue *cat, const struct az_book *b, const struct az_threat *t,
			 const char *control, int (*fn)(void *arg, const struct az_threat *o, const struct az_system *sys,
							const struct az_risk *r),
			 void *arg)
{
	const struct az_control *c = control ? az_catalogue_control(cat, control) : NULL;
	const struct az_system **sys = c ? malloc((b->n_systems + b->n_risks + 1) * sizeof *sys) : NULL;
	size_t n = 0;
	for (size_t k = 0; sys && k < c->mitigates.n; k++) {
		const struct az_threat *o = az_catalogue_threat(cat, c->mitigates.v[k]);
		if (!o || o == t)
			continue;
		size_t ns = az_threat_systems(cat, b, o, sys);
		for (size_t i = 0; i < ns; i++) {
			const struct az_risk *r = risk_of(b, sys[i]->id, o->id);
			if (r && (r->dismissed >= 0 || (r->treatment >= 0 && r->treatment != AZ_REDUCE) ||
				  has_action(b, r->id, control, NULL)))
				continue;
			if (fn && fn(arg, o, sys[i], r) != AZ_OK)
				break;
			n++;
		}
	}
	free(sys);
	return n;
}

size_t az_control_reach(const struct az_catalogue *cat, const struct az_book *b, const struct az_threat *t,
			const char *control)
{
	return each_reach(cat, b, t, control, NULL, NULL);
}

static int insert_action(struct az_store *s, long long risk_id, const char *control, const char *description,
			 const char *owner, const char *due, struct az_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, "INSERT INTO actions (risk_id, control, description, owner, due) VALUES (?1, ?2, ?3, ?4, ?5)",
			 &st, err);
	if (rc != AZ_OK)
		return rc;
	sqlite3_bind_int64(st, 1, risk_id);
	if (control)
		sqlite3_bind_text(st, 2, control, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, description ? description : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, owner ? owner : "", -1, SQLITE_TRANSIENT);
	if (due && *due)
		sqlite3_bind_text(st, 5, due, -1, SQLITE_TRANSIENT);
	return run(s, st, err);
}

struct spread {
	struct az_store *s;
	const char *control, *description, *owner, *due;
	struct az_error *err;
	int rc;
};

static int spread_one(void *arg, const struct az_threat *o, const struct az_system *sys, const struct az_risk *r)
{
	struct spread *sp = arg;
	long long id = r ? r->id : ensure_risk(sp->s, sys->id, o->id, sp->err);
	sp->rc = id ? insert_action(sp->s, id, sp->control, sp->description, sp->owner, sp->due, sp->err) : sp->err->code;
	return sp->rc;
}

int az_threat_add_action(struct az_store *s, const struct az_catalogue *cat, const struct az_book *b,
			 const struct az_threat *t, const char *control, const char *description, const char *owner,
			 const char *due, int spread, size_t *n, struct az_error *err)
{
	if (due && *due && !az_date_valid(due))
		return az_fail(err, AZ_DATAERR, "%s", _("a date is YYYY-MM-DD"));
	if (!control && !given(description))
		return az_fail(err, AZ_DATAERR, "%s", _("Say what is done"));
	size_t ns, done = 0;
	const struct az_system **sys = begin_threat(s, cat, b, t, &ns, err);
	if (!sys)
		return err->code;
	int rc = AZ_OK;
	for (size_t i = 0; rc == AZ_OK && i < ns; i++) {
		const struct az_risk *r = risk_of(b, sys[i]->id, t->id);
		if (r && (r->exception || r->dismissed >= 0 || has_action(b, r->id, control, description)))
			continue;
		long long id = r ? r->id : ensure_risk(s, sys[i]->id, t->id, err);
		rc = id ? insert_action(s, id, control, description, owner, due, err) : err->code;
		done++;
	}
	if (spread && rc == AZ_OK) {
		struct spread sp = { s, control, description, owner, due, err, AZ_OK };
		done += each_reach(cat, b, t, control, spread_one, &sp);
		rc = sp.rc;
	}
	free(sys);
	if (n)
		*n = done;
	return finish(s, rc, err);
}
