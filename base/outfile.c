/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/outfile.h"

/* The files this process reads: an output that is one of them is refused, since replacing it would
 * destroy the input (`export --force -o WB WB`). */
#define MAX_INPUTS 64
static struct {
	dev_t dev;
	ino_t ino;
} inputs[MAX_INPUTS];
static size_t ninputs;

static void add_input(const struct stat *st)
{
	if (ninputs < MAX_INPUTS && S_ISREG(st->st_mode)) {
		inputs[ninputs].dev = st->st_dev;
		inputs[ninputs].ino = st->st_ino;
		ninputs++;
	}
}

void az_outfile_input_fd(int fd)
{
	struct stat st;
	if (fstat(fd, &st) == 0)
		add_input(&st);
}

void az_outfile_input_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) == 0)
		add_input(&st);
}

static int is_input(const struct stat *st)
{
	for (size_t i = 0; i < ninputs; i++)
		if (inputs[i].dev == st->st_dev && inputs[i].ino == st->st_ino)
			return 1;
	return 0;
}

/* Temporary files being written, removed by the signal handler: a program interrupted by Ctrl-C,
 * a hangup or kill leaves nothing behind. Each slot holds the name and its SQLite journal. */
#define MAX_TEMPS 8
static char temp_names[MAX_TEMPS][2][4096];
static volatile sig_atomic_t temp_used[MAX_TEMPS];

static void on_signal(int sig)
{
	for (int i = 0; i < MAX_TEMPS; i++)
		if (temp_used[i]) {
			unlink(temp_names[i][0]);
			unlink(temp_names[i][1]);
		}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void catch_signals(void)
{
	static int done;
	static const int sigs[] = { SIGHUP, SIGINT, SIGTERM, SIGQUIT, SIGPIPE, SIGXFSZ };
	if (done)
		return;
	done = 1;
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction old, sa;
		/* a handler someone else set (the screens') stays; an ignored signal stays ignored */
		if (sigaction(sigs[i], NULL, &old) != 0 || old.sa_handler != SIG_DFL)
			continue;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(sigs[i], &sa, NULL);
	}
}

static void temp_track(struct az_outfile *o)
{
	o->slot = -1;
	catch_signals();
	for (int i = 0; i < MAX_TEMPS; i++)
		if (!temp_used[i] && strlen(o->tmp) + 9 <= sizeof temp_names[i][0]) {
			snprintf(temp_names[i][0], sizeof temp_names[i][0], "%s", o->tmp);
			snprintf(temp_names[i][1], sizeof temp_names[i][1], "%s-journal", o->tmp);
			temp_used[i] = 1;
			o->slot = i;
			return;
		}
}

static void temp_untrack(struct az_outfile *o)
{
	if (o->slot >= 0 && o->slot < MAX_TEMPS)
		temp_used[o->slot] = 0;
	o->slot = -1;
}

/* A temporary file is ".NAME" TEMP_MARK "XXXXXX" beside NAME (".NAME.XXXXXX" before: still
 * cleaned when NAME is written again), with its SQLite journal "-journal" after it. */
#define TEMP_MARK ".anzen-"
/* A temporary file nobody has written for this long belongs to a write that was killed. */
#define STALE_SECONDS (15 * 60)

/* 1 if n is one of our temporary names for base (or, base NULL, for any name); its journal too. */
static int temp_name(const char *n, const char *base)
{
	size_t nl = strlen(n), ml = strlen(TEMP_MARK);
	if (nl > 8 && !strcmp(n + nl - 8, "-journal"))
		nl -= 8;
	if (nl < 1 + 1 + 1 + 6 || n[0] != '.')
		return 0;
	for (size_t i = nl - 6; i < nl; i++)
		if (!((n[i] >= 'a' && n[i] <= 'z') || (n[i] >= 'A' && n[i] <= 'Z') || (n[i] >= '0' && n[i] <= '9')))
			return 0;
	if (!base)
		return nl >= 1 + 1 + ml + 6 && !strncmp(n + nl - 6 - ml, TEMP_MARK, ml);
	size_t bl = strlen(base);
	if (strncmp(n + 1, base, bl) != 0)
		return 0;
	return nl == 1 + bl + 7 ? n[bl + 1] == '.' : nl == 1 + bl + ml + 6 && !strncmp(n + 1 + bl, TEMP_MARK, ml);
}

/* Leftovers of writes killed with SIGKILL or by a power loss: hidden, but they take space and pile up.
 * Those of NAME go when NAME is written again; those of any other name in the folder once nobody has
 * written them for STALE_SECONDS. Only regular files of this user that nobody holds: a writer holds an
 * exclusive lock on its temporary file, so one that can be locked belongs to a dead process. */
static void remove_leftovers(const char *dir, const char *base)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d));) {
		const char *n = e->d_name;
		int same = temp_name(n, base);
		if (!same && !temp_name(n, NULL))
			continue;
		char path[4096], journal[4096 + 8];
		if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, n) >= sizeof path)
			continue;
		int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
		struct stat st;
		if (fd < 0)
			continue;
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
		    (same || time(NULL) - st.st_mtime >= STALE_SECONDS) && flock(fd, LOCK_EX | LOCK_NB) == 0) {
			snprintf(journal, sizeof journal, "%s-journal", path);
			unlink(journal);
			unlink(path);
		}
		close(fd);
	}
	closedir(d);
}

static int make_temp(struct az_outfile *o, const char *path, int force, struct az_error *err)
{
	struct stat st;
	memset(o, 0, sizeof *o);
	o->force = force;
	o->slot = -1;
	if (stat(path, &st) == 0 && is_input(&st))
		return az_fail(err, AZ_CANTCREAT, _("%s: is also an input of this command; it is never replaced by "
						    "its own output: choose another name"), path), -1;
	if (!force && lstat(path, &st) == 0)
		return az_fail(err, AZ_CANTCREAT, _("%s: already exists (use --force to replace it)"), path), -1;
	if (force && lstat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode))
		return az_fail(err, AZ_CANTCREAT, _("%s: not a regular file; --force replaces only regular files"),
			       path), -1;
	char *d = strdup(path), *b = strdup(path);
	o->path = strdup(path);
	if (!d || !b || !o->path) {
		free(d), free(b);
		return az_fail(err, AZ_IOERR, "%s", _("out of memory")), -1;
	}
	const char *dir = dirname(d), *base = basename(b);
	size_t n = strlen(dir) + strlen(base) + strlen(TEMP_MARK) + 16;
	o->tmp = malloc(n);
	if (o->tmp)
		snprintf(o->tmp, n, "%s/.%s" TEMP_MARK "XXXXXX", dir, base);
	if (!o->tmp) {
		free(b);
		free(d);
		return az_fail(err, AZ_IOERR, "%s", _("out of memory")), -1;
	}
	remove_leftovers(dir, base);
	int fd = mkstemp(o->tmp); /* mode 0600 */
	if (fd >= 0) {
		flock(fd, LOCK_EX | LOCK_NB); /* ours while we write: see remove_leftovers */
		temp_track(o);
	}
	if (fd < 0) {
		az_fail(err, AZ_CANTCREAT, _("%s: cannot create in %s: %s"), path, dir, strerror(errno));
		free(b);
		free(d);
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	free(b);
	free(d);
	return fd;
}

int az_outfile_open(struct az_outfile *o, const char *path, int force, struct az_error *err)
{
	int fd = make_temp(o, path, force, err);
	if (fd < 0) {
		az_outfile_abort(o);
		return err ? err->code : AZ_CANTCREAT;
	}
	o->fp = fdopen(fd, "w");
	if (!o->fp) {
		close(fd);
		az_outfile_abort(o);
		return az_fail(err, AZ_IOERR, "%s: %s", path, strerror(errno));
	}
	return AZ_OK;
}

int az_outfile_reserve(struct az_outfile *o, const char *path, int force, struct az_error *err)
{
	int fd = make_temp(o, path, force, err);
	if (fd < 0) {
		az_outfile_abort(o);
		return err ? err->code : AZ_CANTCREAT;
	}
	close(fd);
	/* SQLite creates the file itself; an empty file is not yet a database. */
	if (unlink(o->tmp) != 0) {
		az_outfile_abort(o);
		return az_fail(err, AZ_IOERR, "%s", strerror(errno));
	}
	return AZ_OK;
}

static int sync_dir(const char *path)
{
	char *d = strdup(path);
	if (!d)
		return -1;
	int fd = open(dirname(d), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(d);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

int az_outfile_commit(struct az_outfile *o, struct az_error *err)
{
	if (o->fp) {
		int bad = fflush(o->fp) != 0 || ferror(o->fp) || fsync(fileno(o->fp)) != 0;
		int e = errno;
		if (fclose(o->fp) != 0 && !bad) {
			bad = 1;
			e = errno;
		}
		o->fp = NULL;
		if (bad) {
			az_fail(err, AZ_IOERR, _("%s: write failed: %s"), o->path, strerror(e));
			az_outfile_abort(o);
			return AZ_IOERR;
		}
	} else {
		int fd = open(o->tmp, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || fsync(fd) != 0) {
			az_fail(err, AZ_IOERR, _("%s: write failed: %s"), o->path, strerror(errno));
			if (fd >= 0)
				close(fd);
			az_outfile_abort(o);
			return AZ_IOERR;
		}
		close(fd);
	}
	int rc;
	if (o->force) {
		rc = rename(o->tmp, o->path);
	} else {
		/* No-clobber even if the path appeared while we were writing. */
		rc = link(o->tmp, o->path);
		if (rc == 0)
			unlink(o->tmp);
	}
	if (rc != 0) {
		int e = errno;
		/* the message first: abort frees the path */
		if (e == EEXIST)
			az_fail(err, AZ_CANTCREAT, _("%s: already exists (use --force to replace it)"), o->path);
		else
			az_fail(err, AZ_CANTCREAT, _("%s: cannot create: %s"), o->path, strerror(e));
		az_outfile_abort(o);
		return AZ_CANTCREAT;
	}
	temp_untrack(o);
	sync_dir(o->path);
	free(o->tmp);
	o->tmp = NULL;
	free(o->path);
	o->path = NULL;
	return AZ_OK;
}

void az_outfile_abort(struct az_outfile *o)
{
	if (o->fp) {
		fclose(o->fp);
		o->fp = NULL;
	}
	if (o->tmp) {
		unlink(o->tmp);
		/* SQLite's journal, if a bulk load was interrupted */
		size_t n = strlen(o->tmp) + 9;
		char *j = malloc(n);
		if (j) {
			snprintf(j, n, "%s-journal", o->tmp);
			unlink(j);
			free(j);
		}
	}
	temp_untrack(o);
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
}
