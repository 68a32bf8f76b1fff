/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "model/ddl.h"
#include "model/schema.h"
#include "model/store_check.h"

/*
 * A date column holds 'YYYY-MM-DD' or NULL; date(x, '+0 days') IS x rejects 2026-02-30,
 * which date(x) alone would accept (SQLite 3.40 does not normalise it without a modifier).
 */
#define DATE_OK(c) "CHECK (" c " IS NULL OR (" c " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(" c ", '+0 days') IS " c "))"
#define SHORT_TEXT(c) c " TEXT NOT NULL DEFAULT '' CHECK (length(" c ") <= 200)"
#define LONG_TEXT(c) c " TEXT NOT NULL DEFAULT '' CHECK (length(" c ") <= 4000)"

/* What is not a described table (model/table_defs.h): the switch of the change log, which never
 * changed, and the change log's guard. */
#define META \
	"CREATE TABLE meta (" \
	"  key TEXT PRIMARY KEY," \
	"  value TEXT NOT NULL) WITHOUT ROWID;" \
	"INSERT INTO meta (key, value) VALUES ('changelog', '1');"
#define CHANGELOG_APPEND_ONLY \
	"CREATE TRIGGER changelog_no_update BEFORE UPDATE ON changelog" \
	"  BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;" \
	"CREATE TRIGGER changelog_no_delete BEFORE DELETE ON changelog" \
	"  BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;"
#define FACTS_INDEXES \
	"CREATE UNIQUE INDEX facts_key ON facts (fact, coalesce(system_id, 0), coalesce(vendor_id, 0));" \
	"CREATE INDEX facts_system ON facts (system_id);" \
	"CREATE INDEX facts_vendor ON facts (vendor_id);"

/* Version 1. Frozen: a later change is a new step, never an edit of this one. */
static const char schema_v1[] =
	META

	"CREATE TABLE clinic ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  " SHORT_TEXT("name") ","
	"  " SHORT_TEXT("address") ","
	"  " SHORT_TEXT("administrator") ","
	"  " SHORT_TEXT("security_officer") ","
	"  " SHORT_TEXT("security_deputy") ","
	"  " SHORT_TEXT("phone") ");"
	"INSERT INTO clinic (id) VALUES (1);"

	"CREATE TABLE contacts ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL DEFAULT 'internal' CHECK (kind IN ('internal','vendor','authority','other')),"
	"  " SHORT_TEXT("role") ","
	"  " SHORT_TEXT("name") ","
	"  " SHORT_TEXT("organisation") ","
	"  " SHORT_TEXT("phone") ","
	"  position INTEGER NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 1000000));"

	"CREATE TABLE assessment ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),"
	"  guideline_version TEXT NOT NULL DEFAULT '6.0' CHECK (length(guideline_version) BETWEEN 1 AND 20),"
	"  checklist_version TEXT NOT NULL DEFAULT 'r7' CHECK (length(checklist_version) BETWEEN 1 AND 40),"
	"  " SHORT_TEXT("approved_by") ","
	"  approved_at TEXT " DATE_OK("approved_at") ","
	"  " LONG_TEXT("policy") ");"

	"CREATE TABLE vendors ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),"
	"  " SHORT_TEXT("contact") ","
	"  certification TEXT NOT NULL DEFAULT 'unknown' CHECK (certification IN ('isms','pmark','both','none','unknown')),"
	"  certification_target TEXT " DATE_OK("certification_target") ","
	"  mds_sds_received TEXT " DATE_OK("mds_sds_received") ","
	"  " LONG_TEXT("note") ");"

	"CREATE TABLE systems ("
	"  id INTEGER PRIMARY KEY,"
	"  category TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 64),"
	"  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),"
	"  vendor_id INTEGER REFERENCES vendors (id) ON DELETE SET NULL,"
	"  hosting TEXT NOT NULL DEFAULT 'onprem' CHECK (hosting IN ('onprem','cloud')),"
	"  remote_maintenance TEXT NOT NULL DEFAULT 'unknown' CHECK (remote_maintenance IN ('yes','no','unknown')),"
	"  connection TEXT NOT NULL DEFAULT 'none' CHECK (connection IN"
	"    ('internet_vpn','closed_network','leased_line','lte','internet','cloud','none')),"
	"  " SHORT_TEXT("device_make") ","
	"  " SHORT_TEXT("device_model") ","
	"  " SHORT_TEXT("firmware") ","
	"  holds_patient_data INTEGER NOT NULL DEFAULT 1 CHECK (holds_patient_data IN (0,1)),"
	"  importance INTEGER NOT NULL DEFAULT 2 CHECK (importance BETWEEN 1 AND 3),"
	"  " LONG_TEXT("note") ");"
	"CREATE INDEX systems_vendor ON systems (vendor_id);"

	"CREATE TABLE risks ("
	"  id INTEGER PRIMARY KEY,"
	"  system_id INTEGER NOT NULL REFERENCES systems (id) ON DELETE CASCADE,"
	"  threat TEXT NOT NULL CHECK (length(threat) BETWEEN 1 AND 64),"
	"  " SHORT_TEXT("title") ","
	"  likelihood INTEGER CHECK (likelihood IS NULL OR likelihood BETWEEN 1 AND 5),"
	"  severity INTEGER CHECK (severity IS NULL OR severity BETWEEN 1 AND 5),"
	"  treatment TEXT CHECK (treatment IS NULL OR treatment IN ('avoid','reduce','transfer','accept')),"
	"  " LONG_TEXT("rationale") ","
	"  " SHORT_TEXT("transfer_to") ","
	"  residual_likelihood INTEGER CHECK (residual_likelihood IS NULL OR residual_likelihood BETWEEN 1 AND 5),"
	"  residual_severity INTEGER CHECK (residual_severity IS NULL OR residual_severity BETWEEN 1 AND 5),"
	"  " SHORT_TEXT("accepted_by") ","
	"  accepted_at TEXT " DATE_OK("accepted_at") ","
	"  UNIQUE (system_id, threat));"

	"CREATE TABLE actions ("
	"  id INTEGER PRIMARY KEY,"
	"  risk_id INTEGER NOT NULL REFERENCES risks (id) ON DELETE CASCADE,"
	"  control TEXT CHECK (control IS NULL OR length(control) BETWEEN 1 AND 64),"
	"  " LONG_TEXT("description") ","
	"  " SHORT_TEXT("owner") ","
	"  due TEXT " DATE_OK("due") ","
	"  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','in_progress','done','dropped')),"
	"  done_at TEXT " DATE_OK("done_at") ","
	"  CHECK (control IS NOT NULL OR description <> ''));"
	"CREATE INDEX actions_risk ON actions (risk_id);"

	"CREATE TABLE vendor_answers ("
	"  vendor_id INTEGER NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,"
	"  question TEXT NOT NULL CHECK (length(question) BETWEEN 1 AND 64),"
	"  answer TEXT CHECK (answer IS NULL OR answer IN ('yes','no','unknown')),"
	"  " SHORT_TEXT("value") ","
	"  " LONG_TEXT("note") ","
	"  confirmed_at TEXT " DATE_OK("confirmed_at") ","
	"  PRIMARY KEY (vendor_id, question)) WITHOUT ROWID;"

	"CREATE TABLE checklist_answers ("
	"  checklist TEXT NOT NULL CHECK (length(checklist) BETWEEN 1 AND 40),"
	"  item TEXT NOT NULL CHECK (length(item) BETWEEN 1 AND 40),"
	"  device TEXT NOT NULL DEFAULT 'all' CHECK (device IN ('all','server','terminal','network')),"
	"  answer TEXT CHECK (answer IS NULL OR answer IN ('yes','no','na')),"
	"  checked_at TEXT " DATE_OK("checked_at") ","
	"  target_at TEXT " DATE_OK("target_at") ","
	"  " LONG_TEXT("note") ","
	"  PRIMARY KEY (checklist, item, device)) WITHOUT ROWID;"

	"CREATE TABLE changelog ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  tbl TEXT NOT NULL,"
	"  row_key TEXT NOT NULL,"
	"  field TEXT NOT NULL,"
	"  old TEXT,"
	"  new TEXT);"
	CHANGELOG_APPEND_ONLY;

/* The columns whose edits the v1 change-log triggers record, per table. */
struct logged {
	const char *table;
	const char *key; /* SQL expression naming the row */
	const char *cols[16];
};

static const struct logged logged_v1[] = {
	{ "clinic", "'1'", { "name", "address", "administrator", "security_officer",
			     "security_deputy", "phone" } },
	{ "contacts", "NEW.id", { "kind", "role", "name", "organisation", "phone", "position" } },
	{ "assessment", "'1'", { "fiscal_year", "guideline_version", "checklist_version",
				 "approved_by", "approved_at", "policy" } },
	{ "vendors", "NEW.id", { "name", "contact", "certification", "certification_target",
				 "mds_sds_received", "note" } },
	{ "systems", "NEW.id", { "category", "name", "vendor_id", "hosting", "remote_maintenance",
				 "connection", "device_make", "device_model", "firmware",
				 "holds_patient_data", "importance", "note" } },
	{ "risks", "NEW.id", { "threat", "title", "likelihood", "severity", "treatment",
			       "rationale", "transfer_to", "residual_likelihood",
			       "residual_severity", "accepted_by", "accepted_at" } },
	{ "actions", "NEW.id", { "control", "description", "owner", "due", "status", "done_at" } },
	{ "vendor_answers", "NEW.vendor_id || '/' || NEW.question",
	  { "answer", "value", "note", "confirmed_at" } },
	{ "checklist_answers", "NEW.checklist || '/' || NEW.item || '/' || NEW.device",
	  { "answer", "checked_at", "target_at", "note" } },
};

#define NLOGGED(a) (sizeof a / sizeof a[0])
#define LOG_ON "(SELECT value FROM meta WHERE key = 'changelog') = '1'"
/* used inside format strings, hence %% */
#define NOW "strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now')"

static int exec(sqlite3 *db, const char *sql, struct az_error *err)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int rc = sqlite3_extended_errcode(db);
		if ((rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_READONLY)
			az_store_explain(db, rc, sqlite3_db_filename(db, "main"), _("cannot update the workbook schema"),
					 AZ_IOERR, err);
		else
			az_fail(err, AZ_IOERR, _("cannot update the workbook schema: %s"), msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* exec of SQL made with sqlite3_mprintf or sqlite3_str (NULL: out of memory), then freed */
static int exec_free(sqlite3 *db, char *sql, struct az_error *err)
{
	if (!sql)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory")), -1;
	int rc = exec(db, sql, err);
	sqlite3_free(sql);
	return rc;
}

/* The change-log lines of an update of l's columns (the row named by key). */
static void log_updates(sqlite3_str *s, const struct logged *l, const char *key)
{
	for (int c = 0; c < 16 && l->cols[c]; c++)
		sqlite3_str_appendf(s,
			"INSERT INTO changelog (at, tbl, row_key, field, old, new) SELECT " NOW
			", '%s', %s, '%s', OLD.%s, NEW.%s WHERE OLD.%s IS NOT NEW.%s; ",
			l->table, key, l->cols[c], l->cols[c], l->cols[c], l->cols[c], l->cols[c]);
}

/* One trigger per table and event; identifiers come from the tables here, never from input. A later
 * version adding columns to a logged table adds an update trigger named with its suffix, and no
 * insert or delete trigger (the first one logs those). With temp, TEMP triggers (the connection's
 * own) with the same bodies; a table's update trigger then also logs the columns that later lists
 * add to it (more, nmore), ahead of its own, as their stored triggers fired first. */
static int changelog_triggers(sqlite3 *db, const struct logged *tables, size_t n, const char *suffix, int temp,
			      const struct logged *more, size_t nmore, struct az_error *err)
{
	for (size_t t = 0; t < n; t++) {
		const struct logged *l = &tables[t];
		int added = l->key == NULL; /* columns added to a table logged already */
		if (added && temp)
			continue; /* logged by the table's own update trigger */
		const char *key = added ? "NEW.id" : l->key;
		const char *tmp = temp ? "TEMP " : "", *on = temp ? "main." : "";
		sqlite3_str *s = sqlite3_str_new(db);
		sqlite3_str_appendf(s, "CREATE %sTRIGGER log_%s_update%s AFTER UPDATE ON %s%s WHEN " LOG_ON " BEGIN ",
				    tmp, l->table, suffix, on, l->table);
		for (size_t m = 0; temp && m < nmore; m++)
			if (!more[m].key && !strcmp(more[m].table, l->table))
				log_updates(s, &more[m], "NEW.id");
		log_updates(s, l, key);
		sqlite3_str_appendf(s, "END;");
		if (!added) {
			/* Inserts and deletes are logged as one line with the row's first column. */
			sqlite3_str_appendf(s,
				"CREATE %sTRIGGER log_%s_insert AFTER INSERT ON %s%s WHEN " LOG_ON " BEGIN "
				"INSERT INTO changelog (at, tbl, row_key, field, old, new) VALUES (" NOW
				", '%s', %s, '+', NULL, NEW.%s); END;",
				tmp, l->table, on, l->table, l->table, l->key, l->cols[0]);
			char *okey = sqlite3_mprintf("%s", l->key);
			for (char *p = okey; p && (p = strstr(p, "NEW.")); p += 4)
				memcpy(p, "OLD.", 4);
			sqlite3_str_appendf(s,
				"CREATE %sTRIGGER log_%s_delete AFTER DELETE ON %s%s WHEN " LOG_ON " BEGIN "
				"INSERT INTO changelog (at, tbl, row_key, field, old, new) VALUES (" NOW
				", '%s', %s, '-', OLD.%s, NULL); END;",
				tmp, l->table, on, l->table, l->table, okey ? okey : "NULL", l->cols[0]);
			sqlite3_free(okey);
		}
		if (exec_free(db, sqlite3_str_finish(s), err))
			return -1;
	}
	return 0;
}

static int mark_ours(sqlite3 *db, struct az_error *err)
{
	char sql[128];
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d;", AZ_APPLICATION_ID);
	return exec(db, sql, err);
}

static int step_v1(sqlite3 *db, struct az_error *err)
{
	return exec(db, schema_v1, err) ||
		       changelog_triggers(db, logged_v1, NLOGGED(logged_v1), "", 0, NULL, 0, err)
		       ? -1 : mark_ours(db, err);
}

/*
 * Version 2: earlier fiscal years. Each row is the canonical JSON export of a closed year (without its
 * change log and history), kept by 'anzen next-year' so the year stays readable and the diff has a base.
 * Not logged: rows are written only by next-year and import.
 */
static const char schema_v2[] =
	"CREATE TABLE history ("
	"  fiscal_year INTEGER PRIMARY KEY CHECK (fiscal_year BETWEEN 2000 AND 2100),"
	"  taken_at TEXT " DATE_OK("taken_at") ","
	"  snapshot TEXT NOT NULL CHECK (length(snapshot) BETWEEN 2 AND 67108864));";

static int step_v2(sqlite3 *db, struct az_error *err) { return exec(db, schema_v2, err); }

/*
 * Version 3: the facts the owner answered (one row per fact and clinic, system or vendor), and per risk
 * whether its score was confirmed as suggested or changed (by whom, when), whether it is dismissed as
 * not applying (with a reason), and whether it is an exception to its threat's one decision.
 */
static const char schema_v3[] =
	"CREATE TABLE facts ("
	"  id INTEGER PRIMARY KEY,"
	"  fact TEXT NOT NULL CHECK (length(fact) BETWEEN 1 AND 64),"
	"  system_id INTEGER REFERENCES systems (id) ON DELETE CASCADE,"
	"  vendor_id INTEGER REFERENCES vendors (id) ON DELETE CASCADE,"
	"  answer TEXT CHECK (answer IS NULL OR answer IN ('yes','no','unknown')),"
	"  value TEXT " DATE_OK("value") ","
	"  CHECK (system_id IS NULL OR vendor_id IS NULL));"
	FACTS_INDEXES
	"ALTER TABLE risks ADD COLUMN score_basis TEXT CHECK (score_basis IS NULL OR score_basis IN ('suggested','changed'));"
	"ALTER TABLE risks ADD COLUMN " SHORT_TEXT("confirmed_by") ";"
	"ALTER TABLE risks ADD COLUMN confirmed_at TEXT " DATE_OK("confirmed_at") ";"
	"ALTER TABLE risks ADD COLUMN dismissed TEXT CHECK (dismissed IS NULL OR dismissed IN"
	"  ('no_device','not_used','covered','other'));"
	"ALTER TABLE risks ADD COLUMN " LONG_TEXT("dismiss_note") ";"
	"ALTER TABLE risks ADD COLUMN exception INTEGER NOT NULL DEFAULT 0 CHECK (exception IN (0,1));";

static const struct logged logged_v3[] = {
	{ "facts", "NEW.id", { "fact", "system_id", "vendor_id", "answer", "value" } },
	{ "risks", NULL, { "score_basis", "confirmed_by", "confirmed_at", "dismissed", "dismiss_note", "exception" } },
};

static int step_v3(sqlite3 *db, struct az_error *err)
{
	return exec(db, schema_v3, err) ||
		       changelog_triggers(db, logged_v3, NLOGGED(logged_v3), "_v3", 0, NULL, 0, err)
		       ? -1 : 0;
}

/*
 * Version 4: the change-log triggers leave the file. SQLite parses every trigger of a schema at each
 * open, a read-only one too: 31 triggers, 23 KB of SQL, a quarter of the clinic's `status`. A
 * connection that writes creates them as its own TEMP triggers instead (az_schema_log_triggers), with
 * the same bodies, so every edit is still logged; the append-only guard of the log stays stored.
 */
static int drop_triggers(sqlite3 *db, const struct logged *tables, size_t n, const char *suffix,
			 struct az_error *err)
{
	for (size_t t = 0; t < n; t++) {
		const struct logged *l = &tables[t];
		char *sql = l->key ? sqlite3_mprintf("DROP TRIGGER log_%s_update%s; DROP TRIGGER log_%s_insert; "
						     "DROP TRIGGER log_%s_delete;", l->table, suffix, l->table, l->table)
				   : sqlite3_mprintf("DROP TRIGGER log_%s_update%s;", l->table, suffix);
		if (exec_free(db, sql, err))
			return -1;
	}
	return 0;
}

static int step_v4(sqlite3 *db, struct az_error *err)
{
	return drop_triggers(db, logged_v1, NLOGGED(logged_v1), "", err) ||
		       drop_triggers(db, logged_v3, NLOGGED(logged_v3), "_v3", err) ? -1 : 0;
}

int az_schema_log_triggers(sqlite3 *db, struct az_error *err)
{
	/* all of them or none */
	if (exec(db, "SAVEPOINT log_triggers", err))
		return -1;
	if (changelog_triggers(db, logged_v1, NLOGGED(logged_v1), "", 1, logged_v3, NLOGGED(logged_v3), err) ||
	    changelog_triggers(db, logged_v3, NLOGGED(logged_v3), "_v3", 1, NULL, 0, err)) {
		sqlite3_exec(db, "ROLLBACK TO log_triggers; RELEASE log_triggers", NULL, NULL, NULL);
		return -1;
	}
	return exec(db, "RELEASE log_triggers", err);
}

/*
 * A new workbook is written at the current version at once: its tables from their descriptions
 * (model/ddl.c), the rest as the steps above left it. tests/t_schema checks that this gives the
 * same schema as the steps from version 1 do.
 */
static const char schema_now[] =
	META
	"INSERT INTO clinic (id) VALUES (1);"
	"CREATE INDEX systems_vendor ON systems (vendor_id);"
	"CREATE INDEX actions_risk ON actions (risk_id);"
	FACTS_INDEXES
	CHANGELOG_APPEND_ONLY;

static int create_now(sqlite3 *db, struct az_error *err)
{
	for (size_t t = 0; t < az_ntables; t++) {
		char *create = az_ddl_create_table(&az_tables[t]);
		if (!create)
			return az_fail(err, AZ_IOERR, "%s", _("out of memory")), -1;
		int rc = exec(db, create, err);
		sqlite3_free(create);
		if (rc)
			return -1;
	}
	return exec(db, schema_now, err) ? -1 : mark_ours(db, err);
}

typedef int (*step_fn)(sqlite3 *, struct az_error *);
/* steps[i] brings a workbook from version i to version i + 1. */
static const step_fn steps[AZ_SCHEMA_VERSION] = { step_v1, step_v2, step_v3, step_v4 };

int az_schema_migrate(sqlite3 *db, int from, struct az_error *err)
{
	return az_schema_migrate_to(db, from, AZ_SCHEMA_VERSION, err);
}

/* One step, its version bump and nothing else in one transaction. */
static int step(sqlite3 *db, step_fn fn, int version, struct az_error *err)
{
	char bump[64];
	if (exec(db, "BEGIN IMMEDIATE;", err))
		return -1;
	snprintf(bump, sizeof bump, "PRAGMA user_version = %d;", version);
	if (fn(db, err) || exec(db, bump, err) || exec(db, "COMMIT;", err)) {
		sqlite3_exec(db, "ROLLBACK;", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

int az_schema_migrate_to(sqlite3 *db, int from, int to, struct az_error *err)
{
	if (from == 0 && to >= AZ_SCHEMA_VERSION) /* a new workbook */
		return step(db, create_now, AZ_SCHEMA_VERSION, err);
	for (int v = from; v < to && v < AZ_SCHEMA_VERSION; v++)
		if (step(db, steps[v], v + 1, err))
			return -1;
	return 0;
}
