/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The seal of a PDF anzen wrote: a SHA-256 of the whole file, stored in the file itself (its
 * document information /AnzenSeal), so `anzen verify` can tell whether any byte (a page, the
 * attachment, the metadata) changed since. The digest is taken with its own 64 digits as zeros,
 * then written over them: the file keeps its length and its cross-reference offsets. */
#ifndef ANZEN_SEAL_H
#define ANZEN_SEAL_H

#include <stddef.h>

#include "base/error.h"

#define AZ_SEAL_KEY "AnzenSeal"
#define AZ_SEAL_HEX 64
/* What the document information holds until az_seal_file writes the digest. */
#define AZ_SEAL_BLANK "0000000000000000000000000000000000000000000000000000000000000000"

/* Writes the seal into the PDF at path (written with AZ_SEAL_BLANK). */
int az_seal_file(const char *path, struct az_error *err);
/* 1 if the seal of pdf[0..len) holds, 0 if the file changed, -1 if it has no seal. */
int az_seal_check(const char *pdf, size_t len);

#endif
