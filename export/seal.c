/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "export/seal.h"
#include "base/i18n.h"

static const char key[] = "/" AZ_SEAL_KEY " (";

/* Offset of the seal's digits in pdf (the last "/AnzenSeal (", as a later update would add its
 * own), or (size_t)-1. */
static size_t find(const char *pdf, size_t len)
{
	size_t k = sizeof key - 1, at = (size_t)-1;
	for (size_t i = 0; i + k + AZ_SEAL_HEX < len; i++) {
		const char *p = memchr(pdf + i, '/', len - i - k - AZ_SEAL_HEX);
		if (!p)
			break;
		i = (size_t)(p - pdf);
		if (memcmp(p, key, k) == 0 && pdf[i + k + AZ_SEAL_HEX] == ')')
			at = i + k;
	}
	return at;
}

/* The digest of pdf with the seal's digits taken as zeros, as 64 hex digits. */
static void digest(const char *pdf, size_t len, size_t at, char out[AZ_SEAL_HEX + 1])
{
	static const char hex[] = "0123456789abcdef";
	struct sha256_ctx ctx;
	uint8_t d[SHA256_DIGEST_SIZE];
	sha256_init(&ctx);
	sha256_update(&ctx, at, (const uint8_t *)pdf);
	sha256_update(&ctx, AZ_SEAL_HEX, (const uint8_t *)AZ_SEAL_BLANK);
	sha256_update(&ctx, len - at - AZ_SEAL_HEX, (const uint8_t *)pdf + at + AZ_SEAL_HEX);
	sha256_digest(&ctx, sizeof d, d);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		out[2 * i] = hex[d[i] >> 4], out[2 * i + 1] = hex[d[i] & 15];
	out[AZ_SEAL_HEX] = '\0';
}

int az_seal_check(const char *pdf, size_t len)
{
	size_t at = find(pdf, len);
	if (at == (size_t)-1)
		return -1;
	char d[AZ_SEAL_HEX + 1];
	digest(pdf, len, at, d);
	return memcmp(d, pdf + at, AZ_SEAL_HEX) == 0;
}

int az_seal_file(const char *path, struct az_error *err)
{
	FILE *f = fopen(path, "r+b");
	if (!f)
		return az_fail(err, AZ_CANTCREAT, "%s: %s", path, strerror(errno));
	char *buf = NULL;
	long len = -1;
	if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0)
		buf = malloc((size_t)len);
	int rc = AZ_OK;
	if (!buf || fread(buf, 1, (size_t)len, f) != (size_t)len) {
		rc = az_fail(err, AZ_IOERR, "%s: %s", path, buf ? strerror(errno) : _("out of memory"));
	} else {
		size_t at = find(buf, (size_t)len);
		char d[AZ_SEAL_HEX + 1];
		if (at == (size_t)-1) {
			rc = az_fail(err, AZ_IOERR, "%s: %s", path, "internal error: no seal to write");
		} else {
			digest(buf, (size_t)len, at, d);
			if (fseek(f, (long)at, SEEK_SET) != 0 || fwrite(d, 1, AZ_SEAL_HEX, f) != AZ_SEAL_HEX)
				rc = az_fail(err, AZ_IOERR, "%s: %s", path, strerror(errno));
		}
	}
	free(buf);
	if (fclose(f) != 0 && rc == AZ_OK)
		rc = az_fail(err, AZ_IOERR, "%s: %s", path, strerror(errno));
	return rc;
}
