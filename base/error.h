/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* One error value passed up from the model and export layers to the command line. */
#ifndef ANZEN_ERROR_H
#define ANZEN_ERROR_H

#include <stdarg.h>

/* Exit codes (sysexits.h values), used as error kinds. */
enum {
	AZ_OK = 0,
	AZ_USAGE = 64,
	AZ_DATAERR = 65,
	AZ_NOINPUT = 66,
	AZ_CANTCREAT = 73,
	AZ_IOERR = 74,
	AZ_TEMPFAIL = 75, /* the workbook is in use */
};

struct az_error {
	int code;
	char msg[4096];
};

/* Sets err (if non-NULL) unless it already holds an error; returns code. */
int az_fail(struct az_error *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int az_vfail(struct az_error *err, int code, const char *fmt, va_list ap);

#endif
