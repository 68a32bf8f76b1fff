/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Reading a whole file: bounded, regular files only, and never blocked by a FIFO. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/readfile.h"
#include "tests/tap.h"

int main(void)
{
	char dir[] = "/tmp/anzen-readfile-XXXXXX", path[256], fifo[256];
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/f", dir);
	snprintf(fifo, sizeof fifo, "%s/fifo", dir);
	FILE *fp = fopen(path, "wb");
	if (!fp || fputs("安全\n", fp) == EOF || fclose(fp) != 0)
		return 1;

	char *buf = NULL;
	size_t len = 0;
	int rc = az_read_file(path, 100, &buf, &len);
	ok(rc == 0 && len == strlen("安全\n") && memcmp(buf, "安全\n", len) == 0, "the whole file is read");
	ok(rc == 0 && buf[len] == '\0', "and ends with a NUL");
	free(buf);

	rc = az_read_file(path, strlen("安全\n"), &buf, &len);
	ok(rc == 0 && len == strlen("安全\n"), "a file exactly at the limit is read");
	free(buf);

	errno = 0;
	rc = az_read_file(path, 3, &buf, &len);
	ok(rc == -1 && errno == EFBIG && !buf, "a file over the limit is refused (EFBIG)");

	errno = 0;
	rc = az_read_file(dir, 100, &buf, &len);
	ok(rc == -1 && errno == EISDIR, "a directory is refused (EISDIR)");

	if (mkfifo(fifo, 0600) == 0) {
		errno = 0;
		alarm(10); /* a blocking open would hang here */
		rc = az_read_file(fifo, 100, &buf, &len);
		alarm(0);
		ok(rc == -1 && errno == EINVAL, "a FIFO with no writer is refused at once (EINVAL)");
		unlink(fifo);
	} else {
		ok(1, "# SKIP mkfifo: %s", strerror(errno));
	}

	errno = 0;
	snprintf(fifo, sizeof fifo, "%s/missing", dir);
	rc = az_read_file(fifo, 100, &buf, &len);
	ok(rc == -1 && errno == ENOENT, "a missing file gives open's errno");

	unlink(path);
	rmdir(dir);
	return done_testing();
}
