/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <sqlite3.h>
#include <string.h>

#include "model/ddl.h"

/* A date column holds 'YYYY-MM-DD'; date(x, '+0 days') IS x rejects 2026-02-30, which date(x) alone
 * would accept (SQLite 3.40 does not normalise it without a modifier). */
static void date_check(sqlite3_str *s, const char *c)
{
	sqlite3_str_appendf(s, "(%s GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(%s, '+0 days') IS %s)",
			    c, c, c);
}

/* What the column's CHECK says of a value that is not NULL. */
static void value_check(sqlite3_str *s, const struct az_column *c)
{
	switch (c->type) {
	case AZ_T_TEXT:
		if (c->min > 0)
			sqlite3_str_appendf(s, "length(%s) BETWEEN %ld AND %ld", c->name, c->min, c->max);
		else
			sqlite3_str_appendf(s, "length(%s) <= %ld", c->name, c->max);
		break;
	case AZ_T_INT:
		sqlite3_str_appendf(s, "%s BETWEEN %ld AND %ld", c->name, c->min, c->max);
		break;
	case AZ_T_BOOL:
		sqlite3_str_appendf(s, "%s IN (0,1)", c->name);
		break;
	case AZ_T_DATE:
		date_check(s, c->name);
		break;
	case AZ_T_ENUM:
		sqlite3_str_appendf(s, "%s IN (", c->name);
		for (int i = 0; c->values[i]; i++)
			sqlite3_str_appendf(s, "%s%Q", i ? "," : "", c->values[i]);
		sqlite3_str_appendall(s, ")");
		break;
	case AZ_T_REF:
		break;
	}
}

static void column(sqlite3_str *s, const struct az_column *c, int key)
{
	int text = c->type == AZ_T_TEXT || c->type == AZ_T_DATE || c->type == AZ_T_ENUM;
	int null = (c->flags & AZ_C_NULL) != 0;
	sqlite3_str_appendf(s, "%s %s", c->name, text ? "TEXT" : "INTEGER");
	if (key)
		sqlite3_str_appendall(s, " PRIMARY KEY");
	else if (!null)
		sqlite3_str_appendall(s, " NOT NULL");
	if (c->def)
		sqlite3_str_appendf(s, " DEFAULT %s", c->def);
	else if (c->type == AZ_T_TEXT && !key && !null && !(c->flags & AZ_C_REQUIRED))
		sqlite3_str_appendall(s, " DEFAULT ''");
	if (c->type == AZ_T_REF)
		sqlite3_str_appendf(s, " REFERENCES %s (id) ON DELETE %s", c->ref,
				    c->flags & AZ_C_SETNULL ? "SET NULL" : "CASCADE");
	else if (!(c->flags & AZ_C_UNCHECKED)) {
		sqlite3_str_appendf(s, null ? " CHECK (%s IS NULL OR " : " CHECK (", c->name);
		value_check(s, c);
		sqlite3_str_appendall(s, ")");
	}
}

char *az_ddl_create_table(const struct az_table *t)
{
	/* the columns in their table's order: the description lists them by name */
	const struct az_column *at[64] = { NULL };
	if (t->ncols > sizeof at / sizeof at[0] - 1)
		return NULL;
	for (size_t i = 0; i < t->ncols; i++) {
		int p = t->cols[i].pos;
		if (p < 0 || p >= 64 || at[p])
			return NULL;
		at[p] = &t->cols[i];
	}
	int composite = strchr(t->order, ',') != NULL;
	sqlite3_str *s = sqlite3_str_new(NULL);
	sqlite3_str_appendf(s, "CREATE TABLE %s (", t->name);
	if (t->singleton)
		sqlite3_str_appendall(s, "id INTEGER PRIMARY KEY CHECK (id = 1)");
	for (size_t p = t->singleton ? 1 : 0, n = 0; n < t->ncols; p++, n++) {
		if (!at[p]) {
			sqlite3_free(sqlite3_str_finish(s));
			return NULL;
		}
		if (p > 0)
			sqlite3_str_appendall(s, ", ");
		column(s, at[p], !composite && strcmp(at[p]->name, t->order) == 0);
	}
	if (t->constraints)
		sqlite3_str_appendf(s, ", %s", t->constraints);
	if (composite)
		sqlite3_str_appendf(s, ", PRIMARY KEY (%s)", t->order);
	sqlite3_str_appendall(s, composite ? ") WITHOUT ROWID" : ")");
	return sqlite3_str_finish(s);
}

static int tight(char c) { return c == '(' || c == ')' || c == ','; }

char *az_sql_normal(const char *sql)
{
	sqlite3_str *s = sqlite3_str_new(NULL);
	char last = '(';   /* as if at the start of a list: no space before the first word */
	int space = 0;
	for (const char *p = sql; *p;) {
		char c = *p;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			space = 1;
			p++;
			continue;
		}
		if (space && !tight(last) && !tight(c))
			sqlite3_str_appendchar(s, 1, ' ');
		space = 0;
		if (c == '\'' || c == '"') {
			/* a literal or quoted name, to its closing quote (a doubled quote stays inside) */
			const char *e = p + 1;
			while (*e && !(*e == c && e[1] != c))
				e += *e == c ? 2 : 1;
			if (*e)
				e++;
			sqlite3_str_append(s, p, (int)(e - p));
			p = e;
		} else {
			sqlite3_str_appendchar(s, 1, c);
			p++;
		}
		last = c;
	}
	return sqlite3_str_finish(s);
}
