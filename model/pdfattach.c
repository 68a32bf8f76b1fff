/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <qpdf/qpdf-c.h>
#include <zlib.h>

#include "base/i18n.h"
#include "base/outfile.h"
#include "base/readfile.h"
#include "base/sandbox.h"
#include "model/pdfattach.h"
#include "model/qpdf_lazy.h"

/* A hostile name tree can be deep, wide or cyclic: these bound the walk. */
#define MAX_TREE_DEPTH 16
#define MAX_TREE_NODES 4096

struct walk {
	qpdf_data q;
	const char *want;   /* NULL: the first attachment */
	qpdf_oh found;      /* the file specification, or 0 */
	char fname[512];
	int seen, nodes;
};

static int inflate_all(const unsigned char *in, size_t inlen, char **out, size_t *outlen)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit(&z) != Z_OK)
		return -1;
	size_t cap = inlen < AZ_ATTACHMENT_MAX / 4 ? inlen * 4 + 1024 : AZ_ATTACHMENT_MAX, n = 0;
	char *buf = malloc(cap + 1);
	int rc = Z_OK;
	z.next_in = (unsigned char *)in;
	z.avail_in = (uInt)(inlen > 0x7FFFFFFF ? 0x7FFFFFFF : inlen);
	while (buf && rc == Z_OK) {
		if (n == cap) {
			if (cap >= AZ_ATTACHMENT_MAX)
				break; /* a bomb, or too large: refused below */
			cap = cap * 2 > AZ_ATTACHMENT_MAX ? AZ_ATTACHMENT_MAX : cap * 2;
			char *b = realloc(buf, cap + 1);
			if (!b)
				break;
			buf = b;
		}
		z.next_out = (unsigned char *)buf + n;
		z.avail_out = (uInt)(cap - n);
		rc = inflate(&z, Z_NO_FLUSH);
		n = cap - z.avail_out;
		if (rc == Z_BUF_ERROR && z.avail_out > 0)
			break; /* input ended before the stream did */
		if (rc == Z_BUF_ERROR)
			rc = Z_OK;
	}
	inflateEnd(&z);
	if (rc != Z_STREAM_END) {
		free(buf);
		return -1;
	}
	buf[n] = '\0';
	*out = buf, *outlen = n;
	return 0;
}

/* The file name of a file specification: /UF, else /F. */
static int spec_name(qpdf_data q, qpdf_oh spec, char *buf, size_t size)
{
	static const char *const keys[] = { "/UF", "/F" };
	for (int i = 0; i < 2; i++) {
		qpdf_oh v = qpdf_oh_get_key_if_dict(q, spec, keys[i]);
		if (qpdf_oh_is_string(q, v)) {
			snprintf(buf, size, "%s", qpdf_oh_get_utf8_value(q, v));
			return 1;
		}
	}
	return 0;
}

static void consider(struct walk *w, qpdf_oh spec)
{
	char name[512];
	if (w->found || !qpdf_oh_is_dictionary(w->q, spec) || !spec_name(w->q, spec, name, sizeof name))
		return;
	w->seen = 1;
	if (w->want && strcmp(name, w->want) != 0)
		return;
	w->found = spec;
	snprintf(w->fname, sizeof w->fname, "%s", name);
}

/* A name tree node: /Names [key value ...] and /Kids [node ...]. */
static void walk_tree(struct walk *w, qpdf_oh node, int depth)
{
	qpdf_data q = w->q;
	if (w->found || depth > MAX_TREE_DEPTH || ++w->nodes > MAX_TREE_NODES || !qpdf_oh_is_dictionary(q, node))
		return;
	qpdf_oh names = qpdf_oh_get_key(q, node, "/Names");
	int n = qpdf_oh_is_array(q, names) ? qpdf_oh_get_array_n_items(q, names) : 0;
	for (int i = 1; i < n && !w->found && w->nodes <= MAX_TREE_NODES; i += 2, w->nodes++)
		consider(w, qpdf_oh_get_array_item(q, names, i));
	qpdf_oh kids = qpdf_oh_get_key(q, node, "/Kids");
	n = qpdf_oh_is_array(q, kids) ? qpdf_oh_get_array_n_items(q, kids) : 0;
	for (int i = 0; i < n && !w->found && w->nodes <= MAX_TREE_NODES; i++)
		walk_tree(w, qpdf_oh_get_array_item(q, kids, i), depth + 1);
}

/* The decoded bytes of an embedded-file stream: unfiltered or FlateDecode only (what anzen writes),
 * inflated here so that the size limit holds however well the data compresses. */
static int stream_bytes(qpdf_data q, qpdf_oh stream, char **out, size_t *outlen)
{
	if (!qpdf_oh_is_stream(q, stream))
		return -1;
	qpdf_oh dict = qpdf_oh_get_dict(q, stream);
	qpdf_oh filter = qpdf_oh_get_key(q, dict, "/Filter");
	if (qpdf_oh_is_array(q, filter)) {
		if (qpdf_oh_get_array_n_items(q, filter) > 1)
			return -1;
		filter = qpdf_oh_get_array_n_items(q, filter) ? qpdf_oh_get_array_item(q, filter, 0)
							      : qpdf_oh_new_null(q);
	}
	int flate = qpdf_oh_is_name_and_equals(q, filter, "/FlateDecode");
	if (!flate && !qpdf_oh_is_null(q, filter))
		return -1; /* not a filter anzen writes */
	if (qpdf_oh_has_key(q, dict, "/DecodeParms") && !qpdf_oh_is_null(q, qpdf_oh_get_key(q, dict, "/DecodeParms")))
		return -1;
	unsigned char *raw = NULL;
	size_t rawlen = 0;
	if (qpdf_oh_get_stream_data(q, stream, qpdf_dl_none, NULL, &raw, &rawlen) != QPDF_SUCCESS || !raw)
		return free(raw), -1;
	int rc = 0;
	if (flate) {
		rc = inflate_all(raw, rawlen, out, outlen);
	} else if (rawlen > AZ_ATTACHMENT_MAX || !(*out = malloc(rawlen + 1))) {
		rc = -1;
	} else {
		memcpy(*out, raw, rawlen);
		(*out)[rawlen] = '\0';
		*outlen = rawlen;
	}
	free(raw);
	return rc;
}

int az_pdf_sniff(const char *buf, size_t len)
{
	return len >= 5 && memcmp(buf, "%PDF-", 5) == 0;
}

static int extract(qpdf_data q, const char *name, char **out, size_t *outlen, struct az_error *err)
{
	struct walk w = { .q = q, .want = name };
	qpdf_oh names = qpdf_oh_get_key_if_dict(q, qpdf_get_root(q), "/Names");
	walk_tree(&w, qpdf_oh_get_key_if_dict(q, names, "/EmbeddedFiles"), 0);
	if (!w.found) {
		if (name && w.seen)
			return az_fail(err, AZ_DATAERR, _("no attachment called %s"), name);
		return az_fail(err, AZ_DATAERR, "%s", _("no attachment (not a report written by anzen?)"));
	}
	qpdf_oh ef = qpdf_oh_get_key_if_dict(q, w.found, "/EF");
	qpdf_oh stream = qpdf_oh_get_key_if_dict(q, ef, "/F");
	if (stream_bytes(q, stream, out, outlen) != 0)
		return az_fail(err, AZ_DATAERR, _("the attachment %s is damaged or larger than %u MB"), w.fname,
			       AZ_ATTACHMENT_MAX >> 20);
	qpdf_oh params = qpdf_oh_get_key_if_dict(q, qpdf_oh_get_dict(q, stream), "/Params");
	qpdf_oh size = qpdf_oh_get_key_if_dict(q, params, "/Size");
	if (qpdf_oh_is_integer(q, size) && qpdf_oh_get_int_value(q, size) != (long long)*outlen) {
		unsigned long got = (unsigned long)*outlen;
		free(*out);
		*out = NULL, *outlen = 0;
		return az_fail(err, AZ_DATAERR, _("the attachment %s is damaged (%lu bytes, expected %lld)"), w.fname,
			       got, qpdf_oh_get_int_value(q, size));
	}
	return AZ_OK;
}

int az_pdf_attachment_here(const char *pdf, size_t len, const char *name, char **out, size_t *outlen,
			   struct az_error *err)
{
	*out = NULL, *outlen = 0;
	if (!az_pdf_sniff(pdf, len))
		return az_fail(err, AZ_DATAERR, "%s", _("not a PDF file"));
	if (len > AZ_PDF_MAX)
		return az_fail(err, AZ_DATAERR, _("a PDF larger than %u MB is not a report written by anzen"),
			       AZ_PDF_MAX >> 20);
	int loaded = az_qpdf_load(err);
	if (loaded != AZ_OK)
		return loaded;
	qpdf_data q = qpdf_init();
	if (!q)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	/* no reconstruction of a broken cross-reference table: a damaged file is refused, quickly */
	qpdf_set_attempt_recovery(q, QPDF_FALSE);
	int rc;
	if (qpdf_read_memory(q, "pdf", pdf, (unsigned long long)len, NULL) & QPDF_ERRORS)
		rc = az_fail(err, AZ_DATAERR, "%s", _("the PDF is damaged or encrypted (its structure cannot be read)"));
	else
		rc = extract(q, name, out, outlen, err);
	if (qpdf_has_error(q)) {
		qpdf_get_error(q); /* taken, so that qpdf does not print it */
		if (rc == AZ_OK) {
			free(*out);
			*out = NULL, *outlen = 0;
			rc = az_fail(err, AZ_DATAERR, "%s", _("the PDF is damaged (its structure cannot be read)"));
		}
	}
	qpdf_cleanup(&q);
	return rc;
}

struct job {
	const char *pdf, *name;
	size_t len;
};

static int run_job(void *arg, char **out, size_t *outlen, struct az_error *err)
{
	const struct job *j = arg;
	return az_pdf_attachment_here(j->pdf, j->len, j->name, out, outlen, err);
}

int az_pdf_attachment(const char *pdf, size_t len, const char *name, char **out, size_t *outlen,
		      struct az_error *err)
{
	*out = NULL, *outlen = 0;
	if (!az_pdf_sniff(pdf, len))
		return az_fail(err, AZ_DATAERR, "%s", _("not a PDF file"));
	/* qpdf decodes object and cross-reference streams without a bound of its own: 256 MB and 20 s of
	 * CPU are far beyond what a real report needs (see bench/hostile.sh) */
	struct job j = { pdf, name, len };
	int loaded = az_qpdf_load(err); /* once, before the fork: each child has it */
	if (loaded != AZ_OK)
		return loaded;
	return az_sandbox_run(run_job, &j, 256u << 20, 20, AZ_ATTACHMENT_MAX,
			      _("the PDF needs more memory or time to read than a report written by anzen; "
				"it is damaged or not a report"), out, outlen, err);
}

int az_pdf_attachment_file(const char *path, const char *name, char **out, size_t *outlen, struct az_error *err)
{
	*out = NULL, *outlen = 0;
	char *buf;
	size_t n;
	if (az_read_file(path, AZ_PDF_MAX, &buf, &n) != 0) {
		if (errno == EISDIR || errno == EINVAL || errno == EFBIG)
			return az_fail(err, AZ_DATAERR, _("%s: not a regular file of at most %u MB"), path, AZ_PDF_MAX >> 20);
		if (errno == ENOMEM)
			return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
		if (errno == EIO)
			return az_fail(err, AZ_IOERR, _("%s: read failed"), path);
		return az_fail(err, AZ_NOINPUT, "%s: %s", path, strerror(errno));
	}
	az_outfile_input_path(path);
	struct az_error e = { 0 };
	int rc = az_pdf_attachment(buf, n, name, out, outlen, &e);
	free(buf);
	if (rc != AZ_OK)
		return az_fail(err, rc, "%s: %s", path, e.msg);
	return AZ_OK;
}
