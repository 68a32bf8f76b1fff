/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/pdfattach.h"
#include "export/seal.h"
#include "export/verify.h"
#include "base/i18n.h"
#include "base/readfile.h"

#define MAX_PDF (512L * 1024 * 1024)

static int read_pdf(const char *path, char **out, size_t *len, struct az_error *err)
{
	if (az_read_file(path, MAX_PDF, out, len) == 0)
		return AZ_OK;
	if (errno == ENOMEM)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	if (errno == EFBIG || errno == EINVAL || errno == EISDIR)
		return az_fail(err, AZ_NOINPUT, _("%s: not a PDF file anzen can read"), path);
	return az_fail(err, AZ_NOINPUT, _("%s: cannot open: %s"), path, strerror(errno));
}

/* The document information's /AnzenFingerprint (ASCII literal), or "". */
static void meta_fingerprint(const char *pdf, size_t len, char *out, size_t cap)
{
	static const char key[] = "/AnzenFingerprint (";
	out[0] = '\0';
	for (const char *p = pdf; (p = memchr(p, '/', (size_t)(pdf + len - p))) != NULL; p++) {
		if ((size_t)(pdf + len - p) < sizeof key + cap || memcmp(p, key, sizeof key - 1) != 0)
			continue;
		const char *s = p + sizeof key - 1;
		size_t n = strspn(s, "0123456789abcdef-");
		if (n < cap && s[n] == ')') {
			memcpy(out, s, n);
			out[n] = '\0';
		}
	}
}

/* 1 if the running footer's text, written as 2-byte codes in hex, holds fp. */
static int printed(const char *pdf, size_t len, const char *fp)
{
	char hex[4 * 32 + 1];
	size_t n = 0;
	for (const char *c = fp; *c && n + 4 < sizeof hex; c++)
		n += (size_t)snprintf(hex + n, sizeof hex - n, "%04X", (unsigned)(unsigned char)*c);
	for (const char *p = pdf; (p = memchr(p, '0', (size_t)(pdf + len - p))) != NULL; p++)
		if ((size_t)(pdf + len - p) >= n && memcmp(p, hex, n) == 0)
			return 1;
	return 0;
}

int az_verify_pdf(const char *path, struct az_verify *v, struct az_error *err)
{
	memset(v, 0, sizeof *v);
	char *pdf = NULL;
	size_t len = 0;
	int rc = read_pdf(path, &pdf, &len, err);
	if (rc != AZ_OK)
		return rc;
	if (!az_pdf_sniff(pdf, len)) {
		free(pdf);
		return az_fail(err, AZ_DATAERR, _("%s: not a PDF file"), path);
	}
	rc = az_pdf_attachment(pdf, len, "anzen-workbook.json", &v->json, &v->json_len, err);
	if (rc != AZ_OK) {
		free(pdf);
		return AZ_DATAERR;
	}
	az_fingerprint(v->json, v->json_len, v->fingerprint);
	meta_fingerprint(pdf, len, v->meta, sizeof v->meta);
	v->on_pages = printed(pdf, len, v->fingerprint);
	v->seal = az_seal_check(pdf, len);
	free(pdf);
	return AZ_OK;
}

int az_verify_ok(const struct az_verify *v)
{
	return v->seal == 1 && v->on_pages && strcmp(v->meta, v->fingerprint) == 0;
}
