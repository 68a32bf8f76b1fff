/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>
#include <nettle/sha2.h>
#include <zlib.h>

#include "base/i18n.h"
#include "export/attach.h"
#include "model/json_write.h"

/* Up to this much is held and deflated whole at the end, by libdeflate at SMALL_LEVEL (smaller
 * than zlib's default and twice as fast: the clinic's 43 KB of JSON in 0.15 ms); beyond it the
 * rest is deflated at once by zlib at the fastest level. */
#define SMALL (1u << 20)
#define SMALL_LEVEL 7

struct packer {
	struct az_packed *p;
	struct sha256_ctx sha;
	z_stream z;
	int started, failed;
	unsigned char *head; /* the first SMALL bytes, until deflating starts */
	size_t nhead, caphead, capout;
};

/* Deflates n bytes (flush: Z_NO_FLUSH or Z_FINISH) into the growing output. */
static int feed(struct packer *k, const void *data, size_t n, int flush)
{
	k->z.next_in = (unsigned char *)(uintptr_t)data; /* zlib's next_in is not const */
	k->z.avail_in = (uInt)n;
	for (;;) {
		if (k->capout - k->p->zlen < 16384) {
			size_t cap = k->capout ? k->capout * 2 : 65536;
			unsigned char *v = realloc(k->p->data, cap);
			if (!v)
				return -1;
			k->p->data = v, k->capout = cap;
		}
		k->z.next_out = k->p->data + k->p->zlen;
		k->z.avail_out = (uInt)(k->capout - k->p->zlen);
		int zr = deflate(&k->z, flush);
		k->p->zlen = k->capout - k->z.avail_out;
		if (zr == Z_STREAM_ERROR)
			return -1;
		if (flush == Z_FINISH ? zr == Z_STREAM_END : k->z.avail_in == 0 && k->z.avail_out > 0)
			return 0;
	}
}

static int start(struct packer *k, int level)
{
	memset(&k->z, 0, sizeof k->z);
	if (deflateInit(&k->z, level) != Z_OK)
		return -1;
	k->started = 1;
	int rc = feed(k, k->head, k->nhead, Z_NO_FLUSH);
	free(k->head);
	k->head = NULL, k->nhead = k->caphead = 0;
	return rc;
}

/* Takes the next size bytes: 0, or -1 (errno ENOMEM) once memory ran out. */
static int pack_write(void *cookie, const char *buf, size_t size)
{
	struct packer *k = cookie;
	if (k->failed)
		return errno = ENOMEM, -1;
	sha256_update(&k->sha, size, (const uint8_t *)buf);
	k->p->len += size;
	if (!k->started && k->nhead + size <= SMALL) {
		if (k->nhead + size > k->caphead) { /* grown as needed: the clinic's JSON is 43 KB */
			size_t cap = k->caphead ? k->caphead : 65536;
			while (cap < k->nhead + size)
				cap *= 2;
			unsigned char *h = realloc(k->head, cap);
			if (!h)
				return k->failed = 1, errno = ENOMEM, -1;
			k->head = h, k->caphead = cap;
		}
		memcpy(k->head + k->nhead, buf, size);
		k->nhead += size;
		return 0;
	}
	if ((!k->started && start(k, Z_BEST_SPEED) != 0) || feed(k, buf, size, Z_NO_FLUSH) != 0)
		return k->failed = 1, errno = ENOMEM, -1;
	return 0;
}

/* The held bytes deflated whole into the output. */
static int deflate_small(struct packer *k)
{
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(SMALL_LEVEL);
	size_t cap = c ? libdeflate_zlib_compress_bound(c, k->nhead) : 0;
	unsigned char *out = cap ? malloc(cap) : NULL;
	size_t n = out ? libdeflate_zlib_compress(c, k->head, k->nhead, out, cap) : 0;
	libdeflate_free_compressor(c);
	if (!n) {
		free(out);
		return -1;
	}
	free(k->p->data);
	k->p->data = out, k->p->zlen = n;
	return 0;
}

/* Finishes *k->p and frees k: 0, or -1 (errno ENOMEM, *k->p freed) when memory ran out. */
static int pack_close(struct packer *k)
{
	int bad = k->failed;
	if (!bad && !k->started)
		bad = deflate_small(k) != 0;
	else if (!bad)
		bad = feed(k, NULL, 0, Z_FINISH) != 0;
	if (k->started)
		deflateEnd(&k->z);
	free(k->head);
	sha256_digest(&k->sha, sizeof k->p->sha256, k->p->sha256);
	if (!bad && k->p->zlen) {
		unsigned char *fit = realloc(k->p->data, k->p->zlen); /* the output grew by doubling */
		if (fit)
			k->p->data = fit;
	}
	if (bad) {
		az_packed_free(k->p);
		errno = ENOMEM;
	}
	free(k);
	return bad ? -1 : 0;
}

static struct packer *pack_new(struct az_packed *p)
{
	memset(p, 0, sizeof *p);
	struct packer *k = calloc(1, sizeof *k);
	if (!k)
		return NULL;
	k->p = p;
	sha256_init(&k->sha);
	return k;
}

int az_pack_bytes(struct az_packed *p, const void *data, size_t len)
{
	struct packer *k = pack_new(p);
	if (!k)
		return -1;
	pack_write(k, data, len); /* a failure is kept for pack_close */
	return pack_close(k);
}

/* Straight from the writer's buffer. */
int az_pack_json(struct az_store *s, struct az_packed *p, struct az_error *err)
{
	struct packer *k = pack_new(p);
	if (!k)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	int rc = az_export_json_to(s, pack_write, k, 0, err);
	if (pack_close(k) != 0 && rc == AZ_OK)
		rc = az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	if (rc != AZ_OK)
		az_packed_free(p);
	return rc;
}

void az_packed_free(struct az_packed *p)
{
	free(p->data);
	p->data = NULL;
	p->zlen = 0;
}
