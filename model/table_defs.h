/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * The workbook's tables, described once (X-macros, as SQLite describes its pragmas). Each
 * AZ_COLUMNS_<table>(X, a) calls X once per column of the current schema version, in the canonical
 * JSON key order (sorted by name):
 *
 *   X(a, column, field, type, flags, min, max, values, ref, label)
 *
 * column  the SQL column, the JSON key and the field of the struct in model/book.h
 * field   how model/book.h holds it: S text (const char *, "" for NULL), L long long (0 for NULL),
 *         I int (0 for NULL), E int index into values (-1 for NULL), N not held in the book
 * type    enum az_ctype without its prefix; flags, min, max, values, ref: struct az_column
 * label   what the change list calls it (N_() text), or NULL for the column's own name
 *
 * From these come the column tables of model/tables.c (export, import, validation, edits), the
 * structs and loader of model/book.{h,c}, the change labels of model/diff.c and the column enums
 * AZ_COL_<table>_<column> the screens name columns with. The DDL is the migrations' (model/schema.c,
 * older versions are history); tests/t_store checks that a new workbook has exactly these columns.
 * A column added by a migration is added here too.
 */
#ifndef ANZEN_TABLE_DEFS_H
#define ANZEN_TABLE_DEFS_H

/* Every table: X(a, name, singleton, max_rows, export order), in JSON key order. */
#define AZ_TABLE_LIST(X, a) \
	X(a, actions, 0, 100000, "id") \
	X(a, assessment, 1, 1, "id") \
	X(a, changelog, 0, 1000000, "id") \
	X(a, checklist_answers, 0, 5000, "checklist, item, device") \
	X(a, clinic, 1, 1, "id") \
	X(a, contacts, 0, 500, "id") \
	X(a, facts, 0, 100000, "id") \
	X(a, history, 0, 101, "fiscal_year") \
	X(a, risks, 0, 100000, "id") \
	X(a, systems, 0, 5000, "id") \
	X(a, vendor_answers, 0, 20000, "vendor_id, question") \
	X(a, vendors, 0, 1000, "id")

#define AZ_COLUMNS_actions(X, a) \
	X(a, control, S, TEXT, AZ_C_NULL, 1, 64, NULL, NULL, N_("control")) \
	X(a, description, S, TEXT, 0, 0, 4000, NULL, NULL, N_("description")) \
	X(a, done_at, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, N_("done on")) \
	X(a, due, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, N_("due date")) \
	X(a, id, L, INT, AZ_C_REQUIRED, 1, 2147483647L, NULL, NULL, NULL) \
	X(a, owner, S, TEXT, 0, 0, 200, NULL, NULL, N_("owner")) \
	X(a, risk_id, L, REF, AZ_C_REQUIRED, 0, 0, NULL, "risks", NULL) \
	X(a, status, E, ENUM, 0, 0, 0, az_action_status_values, NULL, N_("status"))

#define AZ_COLUMNS_assessment(X, a) \
	X(a, approved_at, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, NULL) \
	X(a, approved_by, S, TEXT, 0, 0, 200, NULL, NULL, NULL) \
	X(a, checklist_version, S, TEXT, 0, 1, 40, NULL, NULL, NULL) \
	X(a, fiscal_year, I, INT, AZ_C_REQUIRED, 2000, 2100, NULL, NULL, NULL) \
	X(a, guideline_version, S, TEXT, 0, 1, 20, NULL, NULL, NULL) \
	X(a, policy, S, TEXT, 0, 0, 4000, NULL, NULL, NULL)

#define AZ_COLUMNS_changelog(X, a) \
	X(a, at, N, TEXT, AZ_C_REQUIRED, 1, 40, NULL, NULL, NULL) \
	X(a, field, N, TEXT, AZ_C_REQUIRED, 1, 64, NULL, NULL, NULL) \
	X(a, id, N, INT, AZ_C_REQUIRED, 1, 2147483647L, NULL, NULL, NULL) \
	X(a, new, N, TEXT, AZ_C_NULL, 0, 4000, NULL, NULL, NULL) \
	X(a, old, N, TEXT, AZ_C_NULL, 0, 4000, NULL, NULL, NULL) \
	X(a, row_key, N, TEXT, AZ_C_REQUIRED, 1, 200, NULL, NULL, NULL) \
	X(a, tbl, N, TEXT, AZ_C_REQUIRED, 1, 64, NULL, NULL, NULL)

#define AZ_COLUMNS_checklist_answers(X, a) \
	X(a, answer, E, ENUM, AZ_C_NULL, 0, 0, az_checklist_answer_values, NULL, N_("answer")) \
	X(a, checked_at, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, NULL) \
	X(a, checklist, S, TEXT, AZ_C_REQUIRED, 1, 40, NULL, NULL, NULL) \
	X(a, device, E, ENUM, 0, 0, 0, az_device_values, NULL, NULL) \
	X(a, item, S, TEXT, AZ_C_REQUIRED, 1, 40, NULL, NULL, NULL) \
	X(a, note, S, TEXT, 0, 0, 4000, NULL, NULL, N_("note")) \
	X(a, target_at, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, N_("target date"))

#define AZ_COLUMNS_clinic(X, a) \
	X(a, address, S, TEXT, 0, 0, 200, NULL, NULL, NULL) \
	X(a, administrator, S, TEXT, 0, 0, 200, NULL, NULL, NULL) \
	X(a, name, S, TEXT, 0, 0, 200, NULL, NULL, N_("name")) \
	X(a, phone, S, TEXT, 0, 0, 200, NULL, NULL, NULL) \
	X(a, security_deputy, S, TEXT, 0, 0, 200, NULL, NULL, NULL) \
	X(a, security_officer, S, TEXT, 0, 0, 200, NULL, NULL, NULL)

#define AZ_COLUMNS_contacts(X, a) \
	X(a, id, L, INT, AZ_C_REQUIRED, 1, 2147483647L, NULL, NULL, NULL) \
	X(a, kind, E, ENUM, 0, 0, 0, az_contact_kind_values, NULL, NULL) \
	X(a, name, S, TEXT, 0, 0, 200, NULL, NULL, N_("name")) \
	X(a, organisation, S, TEXT, 0, 0, 200, NULL, NULL, NULL) \
	X(a, phone, S, TEXT, 0, 0, 200, NULL, NULL, NULL) \
	X(a, position, I, INT, 0, 0, 1000000, NULL, NULL, NULL) \
	X(a, role, S, TEXT, 0, 0, 200, NULL, NULL, NULL)

#define AZ_COLUMNS_facts(X, a) \
	X(a, answer, E, ENUM, AZ_C_NULL, 0, 0, az_answer3_values, NULL, N_("answer")) \
	X(a, fact, S, TEXT, AZ_C_REQUIRED, 1, 64, NULL, NULL, NULL) \
	X(a, id, L, INT, AZ_C_REQUIRED, 1, 2147483647L, NULL, NULL, NULL) \
	X(a, system_id, L, REF, AZ_C_NULL, 0, 0, NULL, "systems", NULL) \
	X(a, value, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, NULL) \
	X(a, vendor_id, L, REF, AZ_C_NULL, 0, 0, NULL, "vendors", N_("vendor"))

#define AZ_COLUMNS_history(X, a) \
	X(a, fiscal_year, N, INT, AZ_C_REQUIRED, 2000, 2100, NULL, NULL, NULL) \
	X(a, snapshot, N, TEXT, AZ_C_REQUIRED, 2, 67108864L, NULL, NULL, NULL) \
	X(a, taken_at, N, DATE, AZ_C_NULL, 0, 0, NULL, NULL, NULL)

#define AZ_COLUMNS_risks(X, a) \
	X(a, accepted_at, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, NULL) \
	X(a, accepted_by, S, TEXT, 0, 0, 200, NULL, NULL, NULL) \
	X(a, confirmed_at, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, NULL) \
	X(a, confirmed_by, S, TEXT, 0, 0, 200, NULL, NULL, NULL) \
	X(a, dismiss_note, S, TEXT, 0, 0, 4000, NULL, NULL, NULL) \
	X(a, dismissed, E, ENUM, AZ_C_NULL, 0, 0, az_dismiss_values, NULL, NULL) \
	X(a, exception, I, BOOL, 0, 0, 1, NULL, NULL, NULL) \
	X(a, id, L, INT, AZ_C_REQUIRED, 1, 2147483647L, NULL, NULL, NULL) \
	X(a, likelihood, I, INT, AZ_C_NULL, 1, 5, NULL, NULL, N_("likelihood")) \
	X(a, rationale, S, TEXT, 0, 0, 4000, NULL, NULL, N_("rationale")) \
	X(a, residual_likelihood, I, INT, AZ_C_NULL, 1, 5, NULL, NULL, N_("residual likelihood")) \
	X(a, residual_severity, I, INT, AZ_C_NULL, 1, 5, NULL, NULL, N_("residual severity")) \
	X(a, score_basis, E, ENUM, AZ_C_NULL, 0, 0, az_score_basis_values, NULL, NULL) \
	X(a, severity, I, INT, AZ_C_NULL, 1, 5, NULL, NULL, N_("severity")) \
	X(a, system_id, L, REF, AZ_C_REQUIRED, 0, 0, NULL, "systems", NULL) \
	X(a, threat, S, TEXT, AZ_C_REQUIRED, 1, 64, NULL, NULL, NULL) \
	X(a, title, S, TEXT, 0, 0, 200, NULL, NULL, N_("title")) \
	X(a, transfer_to, S, TEXT, 0, 0, 200, NULL, NULL, N_("transferred to")) \
	X(a, treatment, E, ENUM, AZ_C_NULL, 0, 0, az_treatment_values, NULL, N_("treatment"))

#define AZ_COLUMNS_systems(X, a) \
	X(a, category, S, TEXT, AZ_C_REQUIRED, 1, 64, NULL, NULL, N_("category")) \
	X(a, connection, E, ENUM, 0, 0, 0, az_connection_values, NULL, N_("connection")) \
	X(a, device_make, S, TEXT, 0, 0, 200, NULL, NULL, N_("maker")) \
	X(a, device_model, S, TEXT, 0, 0, 200, NULL, NULL, N_("model")) \
	X(a, firmware, S, TEXT, 0, 0, 200, NULL, NULL, N_("firmware")) \
	X(a, holds_patient_data, I, BOOL, 0, 0, 1, NULL, NULL, N_("patient data")) \
	X(a, hosting, E, ENUM, 0, 0, 0, az_hosting_values, NULL, N_("hosting")) \
	X(a, id, L, INT, AZ_C_REQUIRED, 1, 2147483647L, NULL, NULL, NULL) \
	X(a, importance, I, INT, 0, 1, 3, NULL, NULL, N_("importance")) \
	X(a, name, S, TEXT, AZ_C_REQUIRED, 1, 200, NULL, NULL, N_("name")) \
	X(a, note, S, TEXT, 0, 0, 4000, NULL, NULL, N_("note")) \
	X(a, remote_maintenance, E, ENUM, 0, 0, 0, az_remote_values, NULL, N_("remote maintenance")) \
	X(a, vendor_id, L, REF, AZ_C_NULL, 0, 0, NULL, "vendors", N_("vendor"))

#define AZ_COLUMNS_vendor_answers(X, a) \
	X(a, answer, E, ENUM, AZ_C_NULL, 0, 0, az_answer3_values, NULL, N_("answer")) \
	X(a, confirmed_at, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, NULL) \
	X(a, note, S, TEXT, 0, 0, 4000, NULL, NULL, N_("note")) \
	X(a, question, S, TEXT, AZ_C_REQUIRED, 1, 64, NULL, NULL, NULL) \
	X(a, value, S, TEXT, 0, 0, 200, NULL, NULL, NULL) \
	X(a, vendor_id, L, REF, AZ_C_REQUIRED, 0, 0, NULL, "vendors", N_("vendor"))

#define AZ_COLUMNS_vendors(X, a) \
	X(a, certification, E, ENUM, 0, 0, 0, az_certification_values, NULL, N_("ISMS/Pマーク")) \
	X(a, certification_target, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, N_("certification target date")) \
	X(a, contact, S, TEXT, 0, 0, 200, NULL, NULL, N_("contact")) \
	X(a, id, L, INT, AZ_C_REQUIRED, 1, 2147483647L, NULL, NULL, NULL) \
	X(a, mds_sds_received, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, N_("MDS/SDS received")) \
	X(a, name, S, TEXT, AZ_C_REQUIRED, 1, 200, NULL, NULL, N_("name")) \
	X(a, note, S, TEXT, 0, 0, 4000, NULL, NULL, N_("note"))

/* AZ_TBL_<table>: the table's index in az_tables (model/tables.h). */
#define AZ_TBL_ENUM_(a, name, single, max, order) AZ_TBL_##name,
enum az_table_id { AZ_TABLE_LIST(AZ_TBL_ENUM_, ~) AZ_NTABLES };

/* AZ_COL_<table>_<column>: the column's index in its table's cols; AZ_NCOLS_<table> their number. */
#define AZ_COL_ENUM_(t, col, field, type, flags, min, max, values, ref, label) AZ_COL_##t##_##col,
#define AZ_COL_ENUMS_(a, name, single, max, order) enum { AZ_COLUMNS_##name(AZ_COL_ENUM_, name) AZ_NCOLS_##name };
AZ_TABLE_LIST(AZ_COL_ENUMS_, ~)

/* A column's name, checked when compiling: AZ_COL(risks, treatment) is "treatment", and a column
 * that is not in the table's description does not compile. A constant: usable in static tables. */
#define AZ_COL(table, col) (&#col[0 * AZ_COL_##table##_##col])
/* A table's name, checked likewise: AZ_TABLE(risks) is "risks". */
#define AZ_TABLE(name) (&#name[0 * AZ_TBL_##name])

#endif
