/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* anzen verify: whether an inspection PDF is as anzen wrote it. The workbook attached to the PDF
 * is fingerprinted again and compared with the fingerprint in the document information and in
 * the running footer every page shows; the file's seal (export/seal.h) tells whether any byte
 * changed since. */
#ifndef ANZEN_VERIFY_H
#define ANZEN_VERIFY_H

#include <stddef.h>

#include "export/fingerprint.h"
#include "base/error.h"

struct az_verify {
	char fingerprint[AZ_FINGERPRINT_HEX * 5 / 4]; /* of the attached workbook */
	char meta[AZ_FINGERPRINT_HEX * 5 / 4];        /* in the document information, or "" */
	int on_pages; /* 1: the running footer shows the same fingerprint */
	int seal;     /* 1: no byte changed since anzen wrote the file; 0: changed; -1: no seal */
	char *json;   /* the attached workbook (malloc'd) */
	size_t json_len;
};

/* Reads and checks the PDF at path. AZ_NOINPUT if it cannot be read, AZ_DATAERR (65) if it holds
 * no workbook; else AZ_OK with *v filled (free v->json). */
int az_verify_pdf(const char *path, struct az_verify *v, struct az_error *err);
/* 1 if everything matches and nothing changed. */
int az_verify_ok(const struct az_verify *v);

#endif
