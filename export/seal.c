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

/* The offset of the seal's digits in pdf[0..len) (the last "/AnzenSeal (", as a later update would
 * add its own) plus base, into *at; *at is left alone when there is none. */
static void scan(const char *pdf, size_t len, long long base, long long *at)
{
	size_t k = sizeof key - 1;
	for (size_t i = 0; i + k + AZ_SEAL_HEX < len; i++) {
		const char *p = memchr(pdf + i, '/', len - i - k - AZ_SEAL_HEX);
		if (!p)
			break;
		i = (size_t)(p - pdf);
		if (memcmp(p, key, k) == 0 && pdf[i + k + AZ_SEAL_HEX] == ')')
			*at = base + (long long)(i + k);
	}
}

/* Offset of the seal's digits in pdf, or (size_t)-1. */
static size_t find(const char *pdf, size_t len)
{
	long long at = -1;
	scan(pdf, len, 0, &at);
	return at < 0 ? (size_t)-1 : (size_t)at;
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

/* Offset of the seal's digits in the open file f (as find() does, read in blocks: a hospital's PDF
 * is not read whole into memory), or -1; *len gets the file's length. -2 on a read error. */
static long long find_in_file(FILE *f, long long *len)
{
	enum { BLOCK = 65536, KEEP = sizeof key - 1 + AZ_SEAL_HEX }; /* a block ends with KEEP bytes of the last */
	static char buf[KEEP + BLOCK];
	long long base = 0, at = -1; /* base: the file offset of buf[0] */
	size_t have = 0, n;
	while ((n = fread(buf + have, 1, BLOCK, f)) > 0) {
		have += n;
		scan(buf, have, base, &at);
		if (have > KEEP) {
			/* keep the tail, where a key may begin that the next block completes */
			memmove(buf, buf + have - KEEP, KEEP);
			base += (long long)(have - KEEP);
			have = KEEP;
		}
	}
	if (ferror(f))
		return -2;
	*len = base + (long long)have;
	return at;
}

int az_seal_file(const char *path, struct az_error *err)
{
	FILE *f = fopen(path, "r+b");
	if (!f)
		return az_fail(err, AZ_CANTCREAT, "%s: %s", path, strerror(errno));
	long long len = 0, at = find_in_file(f, &len);
	int rc = AZ_OK;
	if (at == -2) {
		rc = az_fail(err, AZ_IOERR, "%s: %s", path, strerror(errno));
	} else if (at < 0) {
		rc = az_fail(err, AZ_IOERR, "%s: %s", path, "internal error: no seal to write");
	} else {
		/* the digest with the seal's digits as zeros, read again in blocks */
		static const char hex[] = "0123456789abcdef";
		static unsigned char buf[65536];
		struct sha256_ctx ctx;
		uint8_t dg[SHA256_DIGEST_SIZE];
		char d[AZ_SEAL_HEX + 1];
		long long pos = 0;
		size_t n;
		sha256_init(&ctx);
		if (fseek(f, 0, SEEK_SET) != 0)
			rc = az_fail(err, AZ_IOERR, "%s: %s", path, strerror(errno));
		while (rc == AZ_OK && (n = fread(buf, 1, sizeof buf, f)) > 0) {
			/* the part of this block inside the digits reads as zeros */
			long long end = pos + (long long)n, from = at > pos ? at : pos;
			long long to = at + AZ_SEAL_HEX < end ? at + AZ_SEAL_HEX : end;
			if (from < to)
				memset(buf + (from - pos), '0', (size_t)(to - from));
			sha256_update(&ctx, n, buf);
			pos += (long long)n;
		}
		if (rc == AZ_OK && (ferror(f) || pos != len))
			rc = az_fail(err, AZ_IOERR, "%s: %s", path, strerror(errno ? errno : EIO));
		if (rc == AZ_OK) {
			sha256_digest(&ctx, sizeof dg, dg);
			for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
				d[2 * i] = hex[dg[i] >> 4], d[2 * i + 1] = hex[dg[i] & 15];
			if (fseek(f, (long)at, SEEK_SET) != 0 || fwrite(d, 1, AZ_SEAL_HEX, f) != AZ_SEAL_HEX)
				rc = az_fail(err, AZ_IOERR, "%s: %s", path, strerror(errno));
		}
	}
	if (fclose(f) != 0 && rc == AZ_OK)
		rc = az_fail(err, AZ_IOERR, "%s: %s", path, strerror(errno));
	return rc;
}
