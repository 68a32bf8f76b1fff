#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/outfile.h"

static int make_temp(struct az_outfile *o, const char *path, int force, struct az_error *err)
{
	struct stat st;
	memset(o, 0, sizeof *o);
	o->force = force;
	if (!force && lstat(path, &st) == 0)
		return az_fail(err, AZ_CANTCREAT, _("%s: already exists (use --force to replace it)"), path), -1;
	char *d = strdup(path), *b = strdup(path);
	o->path = strdup(path);
	if (!d || !b || !o->path) {
		free(d), free(b);
		return az_fail(err, AZ_IOERR, "%s", _("out of memory")), -1;
	}
	const char *dir = dirname(d), *base = basename(b);
	size_t n = strlen(dir) + strlen(base) + 16;
	o->tmp = malloc(n);
	if (o->tmp)
		snprintf(o->tmp, n, "%s/.%s.XXXXXX", dir, base);
	free(b);
	if (!o->tmp) {
		free(d);
		return az_fail(err, AZ_IOERR, "%s", _("out of memory")), -1;
	}
	int fd = mkstemp(o->tmp); /* mode 0600 */
	if (fd < 0) {
		az_fail(err, AZ_CANTCREAT, _("%s: cannot create in %s: %s"), path, dir, strerror(errno));
		free(d);
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
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
		az_outfile_abort(o);
		if (e == EEXIST)
			return az_fail(err, AZ_CANTCREAT, _("%s: already exists (use --force to replace it)"), o->path);
		return az_fail(err, AZ_CANTCREAT, _("%s: cannot create: %s"), o->path, strerror(e));
	}
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
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
}
