/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * The workbook's tables as data: one description drives the JSON export, the
 * JSON import and its validation, so the three cannot drift apart.
 */
#ifndef ANZEN_TABLES_H
#define ANZEN_TABLES_H

#include <stddef.h>

#include "model/table_defs.h"

enum az_ctype {
	AZ_T_INT,  /* integer in [min, max] */
	AZ_T_TEXT, /* UTF-8 text of at most max characters */
	AZ_T_DATE, /* YYYY-MM-DD */
	AZ_T_ENUM, /* one of values */
	AZ_T_BOOL, /* stored 0/1, JSON true/false */
	AZ_T_REF,  /* integer id of a row of ref */
};

enum {
	AZ_C_NULL = 1,     /* may be null */
	AZ_C_REQUIRED = 2, /* must be present on import (others take their default) */
	AZ_C_UNCHECKED = 4, /* min and max are checked on import, not by a CHECK in SQL */
	AZ_C_SETNULL = 8,   /* AZ_T_REF: deleting the row referred to clears this column (else deletes this row) */
};

struct az_column {
	const char *name; /* column and JSON key */
	enum az_ctype type;
	unsigned flags;
	long min, max;
	const char *const *values; /* AZ_T_ENUM */
	const char *ref;           /* AZ_T_REF: table name */
	const char *label;         /* N_() text for the change list, or NULL (model/table_defs.h) */
	const char *def;           /* SQL DEFAULT, or NULL (model/table_defs.h) */
	int pos;                   /* place in the SQL table */
};

struct az_table {
	const char *name; /* table and JSON key */
	const struct az_column *cols; /* sorted by name: the canonical key order */
	size_t ncols;
	int singleton;   /* one row (id = 1), a JSON object rather than an array */
	size_t max_rows; /* larger input is refused */
	const char *order; /* the primary key: ORDER BY of the canonical export */
	const char *constraints; /* SQL rules over several columns, or NULL */
};

/* In JSON key order (az_tables[AZ_TBL_risks] is the risks); the import inserts in dependency order (az_tables_load_order). */
extern const struct az_table az_tables[];
extern const size_t az_ntables;
extern const struct az_table *const az_tables_load_order[];

const struct az_table *az_table_find(const char *name);
const struct az_column *az_column_find(const struct az_table *t, const char *name);

/* The value sets of the enumerated columns, shared with the rules and screens. */
extern const char *const az_hosting_values[];
extern const char *const az_remote_values[];
extern const char *const az_connection_values[];
extern const char *const az_treatment_values[];
extern const char *const az_certification_values[];
extern const char *const az_action_status_values[];
extern const char *const az_answer3_values[];
extern const char *const az_checklist_answer_values[];
extern const char *const az_device_values[];
extern const char *const az_contact_kind_values[];
extern const char *const az_score_basis_values[]; /* suggested changed */
extern const char *const az_dismiss_values[];     /* no_device not_used covered other */

int az_enum_index(const char *const *values, const char *v);

#endif
