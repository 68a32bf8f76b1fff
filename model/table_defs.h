/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * The workbook's tables, described once (X-macros, as SQLite describes its pragmas). Each
 * AZ_COLUMNS_<table>(X, a) calls X once per column of the current schema version, in the canonical
 * JSON key order (sorted by name):
 *
 *   X(a, column, field, type, flags, min, max, values, ref, label, def, pos)
 *
 * column  the SQL column, the JSON key and the field of the struct in model/book.h
 * field   how model/book.h holds it: S text (const char *, "" for NULL), L long long (0 for NULL),
 *         I int (0 for NULL), E int index into values (-1 for NULL), N not held in the book
 * type    enum az_ctype without its prefix; flags, min, max, values, ref: struct az_column
 * label   what the change list calls it (N_() text), or NULL for the column's own name
 * def     the SQL DEFAULT, or NULL: none, except '' for text that may be neither NULL nor required
 * pos     the column's place in its table (0 first), as the migrations made it: an added column
 *         comes last, whatever its name
 *
 * The SQL column follows from these (model/ddl.c): INTEGER for INT, BOOL and REF, TEXT otherwise;
 * NOT NULL unless AZ_C_NULL; a CHECK of the range, date or values unless AZ_C_UNCHECKED; REF
 * REFERENCES ref (id) ON DELETE CASCADE, or SET NULL with AZ_C_SETNULL.
 *
 * From these come the CREATE TABLE statements of a new workbook (model/ddl.c), the column tables of
 * model/tables.c (export, import, validation, edits), the structs and loader of model/book.{h,c},
 * the change labels of model/diff.c and the column enums AZ_COL_<table>_<column> the screens name
 * columns with. Older versions are history, written out in the migrations (model/schema.c);
 * tests/t_schema checks that both give a new workbook the same tables. A column added by a
 * migration is added here too, with the next pos.
 */
#ifndef ANZEN_TABLE_DEFS_H
#define ANZEN_TABLE_DEFS_H

/* Every table: X(a, name, singleton, max_rows, key, constraints), in JSON key order. key: the primary
 * key, which orders the export too (a singleton's is its implicit id = 1; a key of several columns
 * makes the table WITHOUT ROWID); constraints: the table's CHECK and UNIQUE rules over several
 * columns, SQL, or NULL. */
#define AZ_TABLE_LIST(X, a) \
	X(a, actions, 0, 100000, "id", "CHECK (control IS NOT NULL OR description <> '')") \
	X(a, assessment, 1, 1, "id", NULL) \
	X(a, changelog, 0, 1000000, "id", NULL) \
	X(a, checklist_answers, 0, 5000, "checklist, item, device", NULL) \
	X(a, clinic, 1, 1, "id", NULL) \
	X(a, contacts, 0, 500, "id", NULL) \
	X(a, facts, 0, 100000, "id", "CHECK (system_id IS NULL OR vendor_id IS NULL)") \
	X(a, history, 0, 101, "fiscal_year", NULL) \
	X(a, risks, 0, 100000, "id", "UNIQUE (system_id, threat)") \
	X(a, systems, 0, 5000, "id", NULL) \
	X(a, vendor_answers, 0, 20000, "vendor_id, question", NULL) \
	X(a, vendors, 0, 1000, "id", NULL)

#define AZ_COLUMNS_actions(X, a) \
	X(a, control, S, TEXT, AZ_C_NULL, 1, 64, NULL, NULL, N_("control"), NULL, 2) \
	X(a, description, S, TEXT, 0, 0, 4000, NULL, NULL, N_("description"), NULL, 3) \
	X(a, done_at, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, N_("done on"), NULL, 7) \
	X(a, due, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, N_("due date"), NULL, 5) \
	X(a, id, L, INT, AZ_C_REQUIRED | AZ_C_UNCHECKED, 1, 2147483647L, NULL, NULL, NULL, NULL, 0) \
	X(a, owner, S, TEXT, 0, 0, 200, NULL, NULL, N_("owner"), NULL, 4) \
	X(a, risk_id, L, REF, AZ_C_REQUIRED, 0, 0, NULL, "risks", NULL, NULL, 1) \
	X(a, status, E, ENUM, 0, 0, 0, az_action_status_values, NULL, N_("status"), "'planned'", 6)

#define AZ_COLUMNS_assessment(X, a) \
	X(a, approved_at, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, NULL, NULL, 5) \
	X(a, approved_by, S, TEXT, 0, 0, 200, NULL, NULL, NULL, NULL, 4) \
	X(a, checklist_version, S, TEXT, 0, 1, 40, NULL, NULL, NULL, "'r7'", 3) \
	X(a, fiscal_year, I, INT, AZ_C_REQUIRED, 2000, 2100, NULL, NULL, NULL, NULL, 1) \
	X(a, guideline_version, S, TEXT, 0, 1, 20, NULL, NULL, NULL, "'6.0'", 2) \
	X(a, policy, S, TEXT, 0, 0, 4000, NULL, NULL, NULL, NULL, 6)

#define AZ_COLUMNS_changelog(X, a) \
	X(a, at, N, TEXT, AZ_C_REQUIRED | AZ_C_UNCHECKED, 1, 40, NULL, NULL, NULL, NULL, 1) \
	X(a, field, N, TEXT, AZ_C_REQUIRED | AZ_C_UNCHECKED, 1, 64, NULL, NULL, NULL, NULL, 4) \
	X(a, id, N, INT, AZ_C_REQUIRED | AZ_C_UNCHECKED, 1, 2147483647L, NULL, NULL, NULL, NULL, 0) \
	X(a, new, N, TEXT, AZ_C_NULL | AZ_C_UNCHECKED, 0, 4000, NULL, NULL, NULL, NULL, 6) \
	X(a, old, N, TEXT, AZ_C_NULL | AZ_C_UNCHECKED, 0, 4000, NULL, NULL, NULL, NULL, 5) \
	X(a, row_key, N, TEXT, AZ_C_REQUIRED | AZ_C_UNCHECKED, 1, 200, NULL, NULL, NULL, NULL, 3) \
	X(a, tbl, N, TEXT, AZ_C_REQUIRED | AZ_C_UNCHECKED, 1, 64, NULL, NULL, NULL, NULL, 2)

#define AZ_COLUMNS_checklist_answers(X, a) \
	X(a, answer, E, ENUM, AZ_C_NULL, 0, 0, az_checklist_answer_values, NULL, N_("answer"), NULL, 3) \
	X(a, checked_at, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, NULL, NULL, 4) \
	X(a, checklist, S, TEXT, AZ_C_REQUIRED, 1, 40, NULL, NULL, NULL, NULL, 0) \
	X(a, device, E, ENUM, 0, 0, 0, az_device_values, NULL, NULL, "'all'", 2) \
	X(a, item, S, TEXT, AZ_C_REQUIRED, 1, 40, NULL, NULL, NULL, NULL, 1) \
	X(a, note, S, TEXT, 0, 0, 4000, NULL, NULL, N_("note"), NULL, 6) \
	X(a, target_at, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, N_("target date"), NULL, 5)

#define AZ_COLUMNS_clinic(X, a) \
	X(a, address, S, TEXT, 0, 0, 200, NULL, NULL, NULL, NULL, 2) \
	X(a, administrator, S, TEXT, 0, 0, 200, NULL, NULL, NULL, NULL, 3) \
	X(a, name, S, TEXT, 0, 0, 200, NULL, NULL, N_("name"), NULL, 1) \
	X(a, phone, S, TEXT, 0, 0, 200, NULL, NULL, NULL, NULL, 6) \
	X(a, security_deputy, S, TEXT, 0, 0, 200, NULL, NULL, NULL, NULL, 5) \
	X(a, security_officer, S, TEXT, 0, 0, 200, NULL, NULL, NULL, NULL, 4)

#define AZ_COLUMNS_contacts(X, a) \
	X(a, id, L, INT, AZ_C_REQUIRED | AZ_C_UNCHECKED, 1, 2147483647L, NULL, NULL, NULL, NULL, 0) \
	X(a, kind, E, ENUM, 0, 0, 0, az_contact_kind_values, NULL, NULL, "'internal'", 1) \
	X(a, name, S, TEXT, 0, 0, 200, NULL, NULL, N_("name"), NULL, 3) \
	X(a, organisation, S, TEXT, 0, 0, 200, NULL, NULL, NULL, NULL, 4) \
	X(a, phone, S, TEXT, 0, 0, 200, NULL, NULL, NULL, NULL, 5) \
	X(a, position, I, INT, 0, 0, 1000000, NULL, NULL, NULL, "0", 6) \
	X(a, role, S, TEXT, 0, 0, 200, NULL, NULL, NULL, NULL, 2)

#define AZ_COLUMNS_facts(X, a) \
	X(a, answer, E, ENUM, AZ_C_NULL, 0, 0, az_answer3_values, NULL, N_("answer"), NULL, 4) \
	X(a, fact, S, TEXT, AZ_C_REQUIRED, 1, 64, NULL, NULL, NULL, NULL, 1) \
	X(a, id, L, INT, AZ_C_REQUIRED | AZ_C_UNCHECKED, 1, 2147483647L, NULL, NULL, NULL, NULL, 0) \
	X(a, system_id, L, REF, AZ_C_NULL, 0, 0, NULL, "systems", NULL, NULL, 2) \
	X(a, value, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, NULL, NULL, 5) \
	X(a, vendor_id, L, REF, AZ_C_NULL, 0, 0, NULL, "vendors", N_("vendor"), NULL, 3)

#define AZ_COLUMNS_history(X, a) \
	X(a, fiscal_year, N, INT, AZ_C_REQUIRED, 2000, 2100, NULL, NULL, NULL, NULL, 0) \
	X(a, snapshot, N, TEXT, AZ_C_REQUIRED, 2, 67108864L, NULL, NULL, NULL, NULL, 2) \
	X(a, taken_at, N, DATE, AZ_C_NULL, 0, 0, NULL, NULL, NULL, NULL, 1)

#define AZ_COLUMNS_risks(X, a) \
	X(a, accepted_at, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, NULL, NULL, 12) \
	X(a, accepted_by, S, TEXT, 0, 0, 200, NULL, NULL, NULL, NULL, 11) \
	X(a, confirmed_at, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, NULL, NULL, 15) \
	X(a, confirmed_by, S, TEXT, 0, 0, 200, NULL, NULL, NULL, NULL, 14) \
	X(a, dismiss_note, S, TEXT, 0, 0, 4000, NULL, NULL, NULL, NULL, 17) \
	X(a, dismissed, E, ENUM, AZ_C_NULL, 0, 0, az_dismiss_values, NULL, NULL, NULL, 16) \
	X(a, exception, I, BOOL, 0, 0, 1, NULL, NULL, NULL, "0", 18) \
	X(a, id, L, INT, AZ_C_REQUIRED | AZ_C_UNCHECKED, 1, 2147483647L, NULL, NULL, NULL, NULL, 0) \
	X(a, likelihood, I, INT, AZ_C_NULL, 1, 5, NULL, NULL, N_("likelihood"), NULL, 4) \
	X(a, rationale, S, TEXT, 0, 0, 4000, NULL, NULL, N_("rationale"), NULL, 7) \
	X(a, residual_likelihood, I, INT, AZ_C_NULL, 1, 5, NULL, NULL, N_("residual likelihood"), NULL, 9) \
	X(a, residual_severity, I, INT, AZ_C_NULL, 1, 5, NULL, NULL, N_("residual severity"), NULL, 10) \
	X(a, score_basis, E, ENUM, AZ_C_NULL, 0, 0, az_score_basis_values, NULL, NULL, NULL, 13) \
	X(a, severity, I, INT, AZ_C_NULL, 1, 5, NULL, NULL, N_("severity"), NULL, 5) \
	X(a, system_id, L, REF, AZ_C_REQUIRED, 0, 0, NULL, "systems", NULL, NULL, 1) \
	X(a, threat, S, TEXT, AZ_C_REQUIRED, 1, 64, NULL, NULL, NULL, NULL, 2) \
	X(a, title, S, TEXT, 0, 0, 200, NULL, NULL, N_("title"), NULL, 3) \
	X(a, transfer_to, S, TEXT, 0, 0, 200, NULL, NULL, N_("transferred to"), NULL, 8) \
	X(a, treatment, E, ENUM, AZ_C_NULL, 0, 0, az_treatment_values, NULL, N_("treatment"), NULL, 6)

#define AZ_COLUMNS_systems(X, a) \
	X(a, category, S, TEXT, AZ_C_REQUIRED, 1, 64, NULL, NULL, N_("category"), NULL, 1) \
	X(a, connection, E, ENUM, 0, 0, 0, az_connection_values, NULL, N_("connection"), "'none'", 6) \
	X(a, device_make, S, TEXT, 0, 0, 200, NULL, NULL, N_("maker"), NULL, 7) \
	X(a, device_model, S, TEXT, 0, 0, 200, NULL, NULL, N_("model"), NULL, 8) \
	X(a, firmware, S, TEXT, 0, 0, 200, NULL, NULL, N_("firmware"), NULL, 9) \
	X(a, holds_patient_data, I, BOOL, 0, 0, 1, NULL, NULL, N_("patient data"), "1", 10) \
	X(a, hosting, E, ENUM, 0, 0, 0, az_hosting_values, NULL, N_("hosting"), "'onprem'", 4) \
	X(a, id, L, INT, AZ_C_REQUIRED | AZ_C_UNCHECKED, 1, 2147483647L, NULL, NULL, NULL, NULL, 0) \
	X(a, importance, I, INT, 0, 1, 3, NULL, NULL, N_("importance"), "2", 11) \
	X(a, name, S, TEXT, AZ_C_REQUIRED, 1, 200, NULL, NULL, N_("name"), NULL, 2) \
	X(a, note, S, TEXT, 0, 0, 4000, NULL, NULL, N_("note"), NULL, 12) \
	X(a, remote_maintenance, E, ENUM, 0, 0, 0, az_remote_values, NULL, N_("remote maintenance"), "'unknown'", 5) \
	X(a, vendor_id, L, REF, AZ_C_NULL | AZ_C_SETNULL, 0, 0, NULL, "vendors", N_("vendor"), NULL, 3)

#define AZ_COLUMNS_vendor_answers(X, a) \
	X(a, answer, E, ENUM, AZ_C_NULL, 0, 0, az_answer3_values, NULL, N_("answer"), NULL, 2) \
	X(a, confirmed_at, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, NULL, NULL, 5) \
	X(a, note, S, TEXT, 0, 0, 4000, NULL, NULL, N_("note"), NULL, 4) \
	X(a, question, S, TEXT, AZ_C_REQUIRED, 1, 64, NULL, NULL, NULL, NULL, 1) \
	X(a, value, S, TEXT, 0, 0, 200, NULL, NULL, NULL, NULL, 3) \
	X(a, vendor_id, L, REF, AZ_C_REQUIRED, 0, 0, NULL, "vendors", N_("vendor"), NULL, 0)

#define AZ_COLUMNS_vendors(X, a) \
	X(a, certification, E, ENUM, 0, 0, 0, az_certification_values, NULL, N_("ISMS/Pマーク"), "'unknown'", 3) \
	X(a, certification_target, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, N_("certification target date"), NULL, 4) \
	X(a, contact, S, TEXT, 0, 0, 200, NULL, NULL, N_("contact"), NULL, 2) \
	X(a, id, L, INT, AZ_C_REQUIRED | AZ_C_UNCHECKED, 1, 2147483647L, NULL, NULL, NULL, NULL, 0) \
	X(a, mds_sds_received, S, DATE, AZ_C_NULL, 0, 0, NULL, NULL, N_("MDS/SDS received"), NULL, 5) \
	X(a, name, S, TEXT, AZ_C_REQUIRED, 1, 200, NULL, NULL, N_("name"), NULL, 1) \
	X(a, note, S, TEXT, 0, 0, 4000, NULL, NULL, N_("note"), NULL, 6)

/* AZ_TBL_<table>: the table's index in az_tables (model/tables.h). */
#define AZ_TBL_ENUM_(a, name, single, max, order, constraints) AZ_TBL_##name,
enum az_table_id { AZ_TABLE_LIST(AZ_TBL_ENUM_, ~) AZ_NTABLES };

/* AZ_COL_<table>_<column>: the column's index in its table's cols; AZ_NCOLS_<table> their number. */
#define AZ_COL_ENUM_(t, col, field, type, flags, min, max, values, ref, label, def, pos) AZ_COL_##t##_##col,
#define AZ_COL_ENUMS_(a, name, single, max, order, constraints) enum { AZ_COLUMNS_##name(AZ_COL_ENUM_, name) AZ_NCOLS_##name };
AZ_TABLE_LIST(AZ_COL_ENUMS_, ~)

/* A column's name, checked when compiling: AZ_COL(risks, treatment) is "treatment", and a column
 * that is not in the table's description does not compile. A constant: usable in static tables. */
#define AZ_COL(table, col) (&#col[0 * AZ_COL_##table##_##col])
/* A table's name, checked likewise: AZ_TABLE(risks) is "risks". */
#define AZ_TABLE(name) (&#name[0 * AZ_TBL_##name])

#endif
