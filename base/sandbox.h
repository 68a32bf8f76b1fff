/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Running a reader of untrusted input in a child process under memory and CPU limits, so that a
 * library we do not control (qpdf) cannot exhaust the machine with a decompression bomb or a
 * pathological file: the worst it can do is fail. */
#ifndef ANZEN_SANDBOX_H
#define ANZEN_SANDBOX_H

#include <stddef.h>

#include "base/error.h"

/* Produces a malloc'd result in *out (or an error); runs in the child. */
typedef int (*az_sandbox_fn)(void *arg, char **out, size_t *outlen, struct az_error *err);

/* Runs fn(arg) in a child allowed mem_extra bytes of memory beyond what it starts with and cpu_seconds
 * of CPU, and returns its result (at most max_out bytes, NUL-terminated) and error as if it ran here.
 * A child killed by a limit gives AZ_DATAERR with limit_msg. Under AddressSanitizer, which reserves
 * terabytes of address space, only the CPU limit applies. */
int az_sandbox_run(az_sandbox_fn fn, void *arg, size_t mem_extra, int cpu_seconds, size_t max_out,
		   const char *limit_msg, char **out, size_t *outlen, struct az_error *err);

#endif
