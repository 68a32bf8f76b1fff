/*
 * The workbook in memory, typed: what the screens, the rules and the PDF read.
 * Loaded whole (a hospital-scale workbook is a few MB); edits go through model/edit.h
 * and the caller reloads.
 */
#ifndef ANZEN_BOOK_H
#define ANZEN_BOOK_H

#include <stddef.h>

#include "model/store.h"

/* Enumerated fields hold an index into the value lists of model/tables.h, or -1 for NULL.
 * Scores hold 1..5, or 0 when not yet given. Dates are "YYYY-MM-DD" or "" when not given. */

struct az_clinic {
	const char *name, *address, *administrator, *security_officer, *security_deputy, *phone;
};

struct az_assessment {
	int present;
	int fiscal_year;
	const char *guideline_version, *checklist_version, *approved_by, *approved_at, *policy;
};

struct az_contact {
	long long id;
	int kind, position;
	const char *role, *name, *organisation, *phone;
};

struct az_vendor {
	long long id;
	const char *name, *contact, *certification_target, *mds_sds_received, *note;
	int certification;
};

struct az_system {
	long long id, vendor_id; /* vendor_id 0: none */
	const char *category, *name, *device_make, *device_model, *firmware, *note;
	int hosting, remote_maintenance, connection, holds_patient_data, importance;
};

struct az_risk {
	long long id, system_id;
	const char *threat, *title, *rationale, *transfer_to, *accepted_by, *accepted_at;
	int likelihood, severity, residual_likelihood, residual_severity;
	int treatment;
	int score_basis;  /* az_score_basis_values: suggested changed; -1: entered before suggestions */
	const char *confirmed_by, *confirmed_at;
	int dismissed;    /* az_dismiss_values index; -1: not dismissed */
	const char *dismiss_note;
	int exception;    /* 1: decided apart from its threat's other systems */
};

/* One answered fact; system_id and vendor_id 0 for a fact about the clinic. */
struct az_fact_row {
	long long id, system_id, vendor_id;
	const char *fact, *value; /* value: a date answer, "" otherwise */
	int answer;               /* az_answer3_values index, -1 unanswered */
};

struct az_action {
	long long id, risk_id;
	const char *control, *description, *owner, *due, *done_at; /* control "" when free text */
	int status;
};

struct az_vendor_answer {
	long long vendor_id;
	const char *question, *value, *note, *confirmed_at;
	int answer; /* az_answer3_values index, -1 unanswered */
};

struct az_checklist_answer {
	const char *checklist, *item, *checked_at, *target_at, *note;
	int device; /* az_device_values index */
	int answer; /* az_checklist_answer_values index, -1 unanswered */
};

#define AZ_BOOK_ARRAY(type, name) \
	struct type *name;        \
	size_t n_##name

struct az_book {
	struct az_clinic clinic;
	struct az_assessment assessment;
	AZ_BOOK_ARRAY(az_contact, contacts);
	AZ_BOOK_ARRAY(az_vendor, vendors);
	AZ_BOOK_ARRAY(az_system, systems);
	AZ_BOOK_ARRAY(az_risk, risks);
	AZ_BOOK_ARRAY(az_action, actions);
	AZ_BOOK_ARRAY(az_vendor_answer, vendor_answers);
	AZ_BOOK_ARRAY(az_checklist_answer, checklist_answers);
	AZ_BOOK_ARRAY(az_fact_row, facts); /* in (fact, system_id, vendor_id) order */
	long long changelog_count; /* lines of the change log, plus the fields az_book_set set since */
	/* the date (YYYY-MM-DD) of the last logged change other than the approval itself, or "" */
	char last_change[11];
	struct az_arena *arena; /* owns every string and array */
};

/* Rows come in id order (answers in key order). */
int az_book_load(struct az_store *s, struct az_book *b, struct az_error *err);
void az_book_free(struct az_book *b);

/* After a saved edit of row id of table (singletons: id 1), the same values set in b, as loading
 * would have read them: pairs is column, value, ..., NULL (a NULL value: SQL NULL). Returns 0, or
 * -1 with b unchanged when b does not hold that row or one of the columns: then load it again.
 * A saved field costs this instead of loading the whole book. */
int az_book_set(struct az_book *b, const char *table, long long id, const char *const *pairs);

/* Lookups by id (binary search); NULL if absent. */
const struct az_system *az_book_system(const struct az_book *b, long long id);
const struct az_vendor *az_book_vendor(const struct az_book *b, long long id);
const struct az_risk *az_book_risk(const struct az_book *b, long long id);
const struct az_action *az_book_action(const struct az_book *b, long long id);
const struct az_contact *az_book_contact(const struct az_book *b, long long id);

#endif
