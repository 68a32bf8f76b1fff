/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/sandbox.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

/* What the child sends back: this header, the message, then the result. */
struct reply {
	int32_t rc, code;
	uint32_t msglen;
	uint64_t outlen;
};

static int write_all(int fd, const void *p, size_t n)
{
	const char *c = p;
	while (n > 0) {
		ssize_t w = write(fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		c += w, n -= (size_t)w;
	}
	return 0;
}

static int read_all(int fd, void *p, size_t n)
{
	char *c = p;
	while (n > 0) {
		ssize_t r = read(fd, c, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		c += r, n -= (size_t)r;
	}
	return 0;
}

static void limit(int resource, rlim_t value)
{
	struct rlimit rl = { value, value };
	setrlimit(resource, &rl);
}

static void child(az_sandbox_fn fn, void *arg, size_t mem_extra, int cpu_seconds, int fd)
{
	/* the parent's handlers (removing its temporary files) are not the child's business */
	static const int sigs[] = { SIGHUP, SIGINT, SIGTERM, SIGQUIT, SIGPIPE, SIGXFSZ };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], SIG_DFL);
	limit(RLIMIT_CPU, (rlim_t)cpu_seconds);
#ifndef UNDER_ASAN
	unsigned long pages = 0;
	FILE *fp = fopen("/proc/self/statm", "r");
	if (fp && fscanf(fp, "%lu", &pages) == 1)
		limit(RLIMIT_AS, (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE) + mem_extra);
	if (fp)
		fclose(fp);
#else
	(void)mem_extra;
#endif
	struct az_error err = { 0 };
	char *out = NULL;
	size_t outlen = 0;
	int rc = fn(arg, &out, &outlen, &err);
	struct reply r = { rc, err.code, (uint32_t)strnlen(err.msg, sizeof err.msg), rc == AZ_OK ? outlen : 0 };
	int bad = write_all(fd, &r, sizeof r) || write_all(fd, err.msg, r.msglen) ||
		  (r.outlen && write_all(fd, out, (size_t)r.outlen));
	_exit(bad ? 1 : 0); /* no atexit handler, no stdio buffer of the parent flushed twice */
}

int az_sandbox_run(az_sandbox_fn fn, void *arg, size_t mem_extra, int cpu_seconds, size_t max_out,
		   const char *limit_msg, char **out, size_t *outlen, struct az_error *err)
{
	int p[2];
	*out = NULL, *outlen = 0;
	if (pipe(p) != 0)
		return az_fail(err, AZ_IOERR, _("cannot start a reader: %s"), strerror(errno));
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(p[0]), close(p[1]);
		return az_fail(err, AZ_IOERR, _("cannot start a reader: %s"), strerror(errno));
	}
	if (pid == 0) {
		close(p[0]);
		child(fn, arg, mem_extra, cpu_seconds, p[1]);
	}
	close(p[1]);
	struct reply r;
	char msg[sizeof err->msg];
	char *buf = NULL;
	int ok = read_all(p[0], &r, sizeof r) == 0 && r.msglen < sizeof msg && r.outlen <= max_out &&
		 read_all(p[0], msg, r.msglen) == 0;
	if (ok) {
		msg[r.msglen] = '\0';
		buf = malloc((size_t)r.outlen + 1);
		ok = buf && (r.outlen == 0 || read_all(p[0], buf, (size_t)r.outlen) == 0);
	}
	close(p[0]);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!ok || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		free(buf);
		return az_fail(err, AZ_DATAERR, "%s", limit_msg);
	}
	if (r.rc != AZ_OK) {
		free(buf);
		return az_fail(err, r.code ? r.code : r.rc, "%s", msg);
	}
	buf[r.outlen] = '\0';
	*out = buf, *outlen = (size_t)r.outlen;
	return AZ_OK;
}
