/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdio.h>

#include "base/error.h"

int az_vfail(struct az_error *err, int code, const char *fmt, va_list ap)
{
	if (err && err->code == AZ_OK) {
		err->code = code;
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	}
	return code;
}

int az_fail(struct az_error *err, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	az_vfail(err, code, fmt, ap);
	va_end(ap);
	return code;
}
