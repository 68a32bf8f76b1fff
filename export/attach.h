/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* An attachment deflated as it is written, with the SHA-256 of what was written: the workbook's
 * JSON goes into the PDF without ever being whole in memory (28 MB at 50,000 risks, where the
 * deflated text is a tenth of that). Up to 1 MB is deflated at the default level, more at the
 * fastest, the same bytes for the same input. */
#ifndef ANZEN_ATTACH_H
#define ANZEN_ATTACH_H

#include <stddef.h>

#include "base/error.h"

struct az_store;

struct az_packed {
	unsigned char *data; /* zlib stream (FlateDecode), malloc'd */
	size_t zlen, len;    /* its size, and the size of what was written */
	unsigned char sha256[32];
};

/* len bytes of data into *p: 0, or -1 when out of memory. */
int az_pack_bytes(struct az_packed *p, const void *data, size_t len);
/* The workbook's canonical JSON (model/json_write.h) into *p. */
int az_pack_json(struct az_store *s, struct az_packed *p, struct az_error *err);
void az_packed_free(struct az_packed *p);

#endif
