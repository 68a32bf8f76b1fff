/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <nettle/sha2.h>

#include "export/fingerprint.h"

void az_fingerprint(const void *data, size_t len, char out[AZ_FINGERPRINT_HEX * 5 / 4])
{
	struct sha256_ctx ctx;
	uint8_t d[SHA256_DIGEST_SIZE];
	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	sha256_digest(&ctx, sizeof d, d);
	az_fingerprint_digest(d, out);
}

void az_fingerprint_digest(const unsigned char d[32], char out[AZ_FINGERPRINT_HEX * 5 / 4])
{
	static const char hex[] = "0123456789abcdef";
	size_t n = 0;
	for (int i = 0; i < AZ_FINGERPRINT_HEX; i++) {
		if (i && i % 4 == 0)
			out[n++] = '-';
		out[n++] = hex[(d[i / 2] >> (i % 2 ? 0 : 4)) & 0xF];
	}
	out[n] = '\0';
}
