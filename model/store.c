/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/cache.h"
#include "base/i18n.h"
#include "model/changes_digest.h"
#include "model/schema.h"
#include "base/outfile.h"
#include "model/store.h"
#include "model/store_check.h"

struct az_store {
	sqlite3 *db;
	int lockfd; /* flock on the workbook itself; held until close */
	int writable;
	int logged; /* the change log's TEMP triggers exist (model/schema.h) */
	int small; /* az_store_cache_kib: a small cache and no mapping */
	char *path;
};

sqlite3 *az_store_db(struct az_store *s) { return s->db; }

void az_store_startup(void)
{
	/* Before SQLite's first use: no statistics of its memory (a mutex around every malloc), and no
	 * mutexes, since each connection is used by one thread only (SQLITE_OPEN_NOMUTEX below). */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
}
const char *az_store_path(const struct az_store *s) { return s->path; }
void az_store_cache_kib(struct az_store *s, int kib)
{
	char sql[48];
	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", kib > 0 ? kib : 1);
	/* only memory is at stake: a refused pragma leaves the cache as it was */
	(void)sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	/* a mapped file's pages count in the process's memory as they are read: a 50,000-risk export
	 * would hold the whole file beside the book */
	(void)sqlite3_exec(s->db, "PRAGMA mmap_size = 0", NULL, NULL, NULL);
	s->small = 1;
	sqlite3_db_release_memory(s->db);
}

int az_store_may_map(const struct az_store *s) { return !s->small; }

int az_store_sqlfail(struct az_store *s, struct az_error *err, int code, const char *what)
{
	return az_store_explain(s->db, sqlite3_extended_errcode(s->db), s->path, what, code, err);
}

static int exec(struct az_store *s, const char *sql, struct az_error *err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return az_store_sqlfail(s, err, AZ_IOERR, sql), -1;
	return 0;
}

/* The TEMP schema that holds the change log's triggers, in memory: with a temporary file behind it,
 * every statement of a transaction that fires them took and gave back a statement journal's memory
 * (an import made 150 more brk() calls and 200 more page faults, 0.9 ms). */
static int temp_schema(struct az_store *s, struct az_error *err) { return exec(s, "PRAGMA temp_store = MEMORY", err); }

/* A workbook opened for writing gets the change log's triggers before its first transaction, not
 * when it is opened (the screens opened and left write nothing). Every edit runs in one
 * (az_store_begin, az_store_run_one); a statement prepared before them is prepared again by SQLite
 * with the triggers at its next step, since a change of the TEMP schema expires every statement. */
static int log_ready(struct az_store *s, struct az_error *err)
{
	/* inside another transaction BEGIN fails below, and a roll-back would take the triggers along */
	if (!s->writable || s->logged || !sqlite3_get_autocommit(s->db))
		return 0;
	if (temp_schema(s, err) || az_schema_log_triggers(s->db, err))
		return -1;
	s->logged = 1;
	return 0;
}

int az_store_begin(struct az_store *s, struct az_error *err)
{
	return log_ready(s, err) ? -1 : exec(s, "BEGIN IMMEDIATE", err);
}
int az_store_commit(struct az_store *s, struct az_error *err) { return exec(s, "COMMIT", err); }
void az_store_rollback(struct az_store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int az_store_set_logging(struct az_store *s, int on, struct az_error *err)
{
	return exec(s, on ? "UPDATE meta SET value = '1' WHERE key = 'changelog'"
			  : "UPDATE meta SET value = '0' WHERE key = 'changelog'", err);
}

/*
 * The workbook check (model/store_check.h: the schema, integrity_check, foreign_key_check; for a
 * read-only command on a copy in memory) reads the whole workbook, about as long as loading it, so
 * it runs once per version of a file: a file that passed it, or that this program wrote under its lock, is
 * remembered by device, inode, size, mtime and ctime in the cache (base/cache.h), and a file that is
 * still the same is not read twice. Any other change to the file brings the check back: a file
 * rewritten in place with its mtime set back still has a new ctime, which no program can set.
 */
struct checked {
	long long dev, ino, size, sec, nsec, csec, cnsec;
};

static int checked_of(int fd, struct checked *c, char *path, size_t n)
{
	struct stat st;
	char name[80];
	if (fstat(fd, &st) != 0)
		return -1;
	*c = (struct checked){ (long long)st.st_dev, (long long)st.st_ino, (long long)st.st_size,
			       (long long)st.st_mtim.tv_sec, (long long)st.st_mtim.tv_nsec,
			       (long long)st.st_ctim.tv_sec, (long long)st.st_ctim.tv_nsec };
	snprintf(name, sizeof name, "checked-%llx-%llx", c->dev, c->ino);
	return az_cache_file(path, n, name);
}

static int checked_before(int fd)
{
	struct checked now, then;
	char path[4096];
	if (checked_of(fd, &now, path, sizeof path) != 0)
		return 0;
	return az_cache_get(path, &then, sizeof then) == (long)sizeof then && memcmp(&now, &then, sizeof now) == 0;
}

static void checked_now(int fd)
{
	struct checked c;
	char path[4096];
	if (checked_of(fd, &c, path, sizeof path) == 0)
		az_cache_put(path, &(struct az_cache_part){ &c, sizeof c }, 1);
}

static void store_free(struct az_store *s)
{
	if (!s)
		return;
	if (s->db)
		sqlite3_close(s->db);
	if (s->lockfd >= 0)
		close(s->lockfd);
	free(s->path);
	free(s);
}

int az_store_close(struct az_store *s)
{
	int rc = 0;
	if (!s)
		return 0;
	if (s->db && sqlite3_close(s->db) != SQLITE_OK)
		rc = -1;
	s->db = NULL;
	/* what this program wrote, still under its lock, needs no check when opened next */
	if (rc == 0 && s->writable)
		checked_now(s->lockfd);
	store_free(s);
	return rc;
}

static int pragma_int(struct az_store *s, const char *sql, int *out, struct az_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		return 0;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
		return az_fail(err, AZ_DATAERR, _("%s: not an anzen workbook, or damaged (%s)"),
			       s->path, sqlite3_errstr(rc)), -1;
	return az_store_sqlfail(s, err, AZ_IOERR, sql), -1;
}

/* Connection settings chosen so a committed edit survives a crash or power loss. */
static int configure(struct az_store *s, struct az_error *err)
{
	if (sqlite3_busy_timeout(s->db, 2000) != SQLITE_OK ||
	    exec(s, "PRAGMA foreign_keys = ON", err) ||
	    exec(s, "PRAGMA synchronous = FULL", err) ||
	    exec(s, "PRAGMA trusted_schema = OFF", err))
		return -1;
	return 0;
}

static struct az_store *store_new(const char *path)
{
	struct az_store *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->lockfd = -1;
	s->path = strdup(path);
	if (!s->path) {
		free(s);
		return NULL;
	}
	return s;
}

static int take_lock(struct az_store *s, int exclusive, struct az_error *err)
{
	if (flock(s->lockfd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0)
		return 0;
	if (errno == EWOULDBLOCK)
		return az_fail(err, AZ_TEMPFAIL,
			       _("%s: the workbook is in use by another anzen process; close it there first"),
			       s->path), -1;
	return az_fail(err, AZ_IOERR, _("%s: cannot lock: %s"), s->path, strerror(errno)), -1;
}

int az_store_create(const char *path, struct az_store **out, struct az_error *err)
{
	struct az_store *s = store_new(path);
	*out = NULL;
	if (!s)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	/* Created here, not by SQLite, so that it is private from its first byte. */
	s->lockfd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (s->lockfd < 0) {
		int e = errno;
		store_free(s);
		if (e == EEXIST)
			return az_fail(err, AZ_CANTCREAT, _("%s: already exists (use --force to replace it)"), path);
		return az_fail(err, AZ_CANTCREAT, _("%s: cannot create: %s"), path, strerror(e));
	}
	if (take_lock(s, 1, err))
		goto fail;
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		az_store_sqlfail(s, err, AZ_CANTCREAT, _("cannot create"));
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	/* at once: a new workbook's first rows are written without az_store_begin (az_workbook_fill_empty) */
	if (configure(s, err) || exec(s, "PRAGMA journal_mode = DELETE", err) ||
	    az_schema_migrate(s->db, 0, err) || temp_schema(s, err) || az_schema_log_triggers(s->db, err))
		goto fail;
	s->writable = s->logged = 1;
	*out = s;
	return AZ_OK;
fail:
	store_free(s);
	unlink(path);
	return err ? err->code : AZ_IOERR;
}

int az_store_create_memory(struct az_store **out, struct az_error *err)
{
	struct az_store *s = store_new(":memory:");
	*out = NULL;
	if (!s)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	if (sqlite3_open_v2(":memory:", &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK) {
		store_free(s);
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	}
	sqlite3_extended_result_codes(s->db, 1);
	if (configure(s, err) || az_schema_migrate(s->db, 0, err)) {
		store_free(s);
		return err ? err->code : AZ_IOERR;
	}
	*out = s;
	return AZ_OK;
}

/* Reads the 16-byte header so a foreign file is refused before SQLite touches it. */
static int check_header(struct az_store *s, struct az_error *err)
{
	char head[16];
	ssize_t n = pread(s->lockfd, head, sizeof head, 0);
	if (n < 0)
		return az_fail(err, AZ_IOERR, _("%s: cannot read: %s"), s->path, strerror(errno)), -1;
	if (n == 0)
		return az_fail(err, AZ_DATAERR, _("%s: empty file, not an anzen workbook"), s->path), -1;
	if (n < 16 || memcmp(head, "SQLite format 3", 16) != 0)
		return az_fail(err, AZ_DATAERR, _("%s: not an anzen workbook (not an SQLite database)"), s->path), -1;
	return 0;
}

/* A read-only caller works on a copy in memory: SQLite checks CHECK constraints only on a connection
 * that may write, and an older workbook is upgraded there while the file stays untouched. */
static int copy_to_memory(struct az_store *s, struct az_error *err)
{
	sqlite3 *mem = NULL;
	if (sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		sqlite3_close(mem);
		return az_fail(err, AZ_IOERR, "%s", _("out of memory")), -1;
	}
	sqlite3_backup *b = sqlite3_backup_init(mem, "main", s->db, "main");
	int rc = b ? sqlite3_backup_step(b, -1) : SQLITE_NOMEM;
	if (b)
		sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		sqlite3_close(mem);
		return az_store_explain(s->db, rc == SQLITE_NOMEM ? rc : sqlite3_extended_errcode(s->db), s->path,
					_("cannot read"), AZ_IOERR, err), -1;
	}
	sqlite3_close(s->db);
	s->db = mem;
	sqlite3_extended_result_codes(s->db, 1);
	return 0;
}

/* A hot journal is the half-written change of a killed process: SQLite rolls it back on the next read,
 * which needs write access. A read-only command does that once, briefly, when it may write the file;
 * otherwise it says what happened and how to fix it. */
static int recover_journal(struct az_store *s, struct az_error *err)
{
	char journal[4096];
	struct stat st;
	snprintf(journal, sizeof journal, "%s-journal", s->path);
	if (stat(journal, &st) != 0 || st.st_size == 0)
		return 0;
	int fd = open(s->path, O_RDWR | O_CLOEXEC);
	if (fd < 0 || access(journal, W_OK) != 0) {
		if (fd >= 0)
			close(fd);
		return az_fail(err, AZ_IOERR,
			       _("%s: the last change was interrupted (the program was killed or the computer lost power) "
				 "and must be rolled back from %s, which needs permission to write both files: run "
				 "'anzen open' on the workbook as its owner once"), s->path, journal), -1;
	}
	close(fd);
	if (flock(s->lockfd, LOCK_EX | LOCK_NB) != 0) /* no other anzen between the roll-back and our read */
		return az_fail(err, AZ_TEMPFAIL,
			       _("%s: the workbook is in use by another anzen process; close it there first"), s->path), -1;
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(s->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		az_store_explain(db, db ? sqlite3_extended_errcode(db) : rc, s->path,
				 _("cannot roll back the interrupted change"), AZ_IOERR, err);
	sqlite3_close(db);
	flock(s->lockfd, LOCK_SH | LOCK_NB);
	return rc == SQLITE_OK ? 0 : -1;
}

int az_store_open(const char *path, int flags, struct az_store **out, struct az_error *err)
{
	int ro = flags & AZ_STORE_READONLY;
	struct az_store *s = store_new(path);
	struct stat st;
	int version = 0, appid = 0;
	*out = NULL;
	if (!s)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	/* O_NONBLOCK: a FIFO named like a workbook must be refused, not waited on */
	s->lockfd = open(path, (ro ? O_RDONLY : O_RDWR) | O_NONBLOCK | O_CLOEXEC);
	if (s->lockfd < 0) {
		int e = errno;
		store_free(s);
		if (!ro && (e == EACCES || e == EROFS))
			return az_fail(err, AZ_NOINPUT, _("%s: cannot open for writing: %s"), path, strerror(e));
		return az_fail(err, AZ_NOINPUT, _("%s: cannot open: %s"), path, strerror(e));
	}
	if (fstat(s->lockfd, &st) != 0 || !S_ISREG(st.st_mode)) {
		az_fail(err, AZ_NOINPUT, _("%s: not a regular file"), path);
		goto fail;
	}
	if (!(flags & AZ_STORE_PROBE))
		az_outfile_input_fd(s->lockfd);
	if (take_lock(s, !ro, err) || check_header(s, err) || (ro && recover_journal(s, err)))
		goto fail;
	if (sqlite3_open_v2(path, &s->db, (ro ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK) {
		az_store_sqlfail(s, err, AZ_NOINPUT, _("cannot open"));
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	if (pragma_int(s, "PRAGMA application_id", &appid, err) ||
	    pragma_int(s, "PRAGMA user_version", &version, err))
		goto fail;
	if (appid != AZ_APPLICATION_ID) {
		az_fail(err, AZ_DATAERR, _("%s: not an anzen workbook (an SQLite database of another program)"), path);
		goto fail;
	}
	if (version > AZ_SCHEMA_VERSION) {
		az_fail(err, AZ_DATAERR,
			_("%s: written by a newer anzen (workbook version %d, this program knows up to %d); "
			  "upgrade anzen to open it"), path, version, AZ_SCHEMA_VERSION);
		goto fail;
	}
	/* a read-only store works on a copy in memory where it must check (SQLite checks CHECK
	 * constraints only where it could write) or migrate */
	int checked = checked_before(s->lockfd);
	if (ro && (!checked || version < AZ_SCHEMA_VERSION) && copy_to_memory(s, err))
		goto fail;
	if (!checked && az_store_check(s->db, path, version, err) != AZ_OK)
		goto fail;
	s->writable = !ro;
	if (configure(s, err))
		goto fail;
	if (!checked) {
		/* a change digest whose snapshot was changed outside anzen is dropped (model/changes_digest.h);
		 * from a read-only copy only, so such a file is checked again until a writer drops it */
		int stale = version == AZ_SCHEMA_VERSION ? az_changes_digests_drop_stale(s, err) : 0;
		if (stale < 0)
			goto fail;
		if (!stale || !ro)
			checked_now(s->lockfd);
	}
	/* a read-only command reads the file's pages where they lie instead of copying each through a
	 * read() into SQLite's page cache; no anzen writes the file meanwhile (the lock above) */
	if (ro && checked && version == AZ_SCHEMA_VERSION && exec(s, "PRAGMA mmap_size = 1073741824", err))
		goto fail;
	if (version < AZ_SCHEMA_VERSION && az_schema_migrate(s->db, version, err))
		goto fail;
	/* an earlier year without its change digest (a workbook of an older anzen) gets it from a writer */
	if (!ro)
		az_changes_digests_fill(s);
	*out = s;
	return AZ_OK;
fail:
	store_free(s);
	return err ? err->code : AZ_IOERR;
}

int az_store_run_one(struct az_store *s, sqlite3_stmt *st, int need_row, struct az_error *err)
{
	if (az_store_begin(s, err) != AZ_OK) {
		sqlite3_finalize(st);
		return err->code;
	}
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		int code = (rc & 0xff) == SQLITE_CONSTRAINT ? AZ_DATAERR : AZ_IOERR;
		az_store_sqlfail(s, err, code, _("not saved"));
		az_store_rollback(s);
		return code;
	}
	if (need_row && sqlite3_changes(s->db) == 0) {
		az_store_rollback(s);
		return az_fail(err, AZ_DATAERR, "%s", _("the row no longer exists"));
	}
	if (az_store_commit(s, err) != AZ_OK) {
		az_store_rollback(s);
		return err->code;
	}
	return AZ_OK;
}
