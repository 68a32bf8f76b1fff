/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * libFuzzer target for the PDF attachment reader (`anzen import FILE.pdf`, `anzen aggregate`):
 * the input is the PDF. It must give the attachment (within the size limit) or an error with a
 * message, never crash, hang or leak. See fuzz/README.md.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/pdfattach.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct az_error err = { 0 };
	char *out = NULL;
	size_t len = 0;
	int rc = az_pdf_attachment_here((const char *)data, size, NULL, &out, &len, &err);
	if (rc == AZ_OK ? !out || len > AZ_ATTACHMENT_MAX || out[len] != '\0' : out || !err.msg[0])
		abort();
	free(out);
	return 0;
}
