/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Reads a file attachment back out of a PDF written by az_doc_save (so that `anzen import` can
 * take the report itself), also after a viewer or qpdf re-saved it with object streams and
 * cross-reference streams. The PDF structure is read by qpdf (linear in the file); the name tree
 * walk and the decompression are bounded here. */
#ifndef ANZEN_PDFATTACH_H
#define ANZEN_PDFATTACH_H

#include <stddef.h>

#include "base/error.h"

/* Largest attachment accepted, after decompression. */
#define AZ_ATTACHMENT_MAX (64u << 20)
/* Largest PDF read: a report with such an attachment is far smaller, compressed. */
#define AZ_PDF_MAX (64u << 20)

/* The attachment called name (NULL: the first one) of the PDF in pdf[0..len): a malloc'd copy
 * in *out (NUL-terminated for convenience; *outlen excludes the NUL). AZ_DATAERR if there is none
 * or it is damaged. */
int az_pdf_attachment(const char *pdf, size_t len, const char *name, char **out, size_t *outlen,
		      struct az_error *err);
/* The same in this process, without the memory and CPU limits of a child (for the fuzzer, which
 * sets its own): qpdf's own decoding of object streams is unbounded. */
int az_pdf_attachment_here(const char *pdf, size_t len, const char *name, char **out, size_t *outlen,
			   struct az_error *err);
/* The same, reading the PDF from path; messages name the path. */
int az_pdf_attachment_file(const char *path, const char *name, char **out, size_t *outlen, struct az_error *err);
/* 1 if the bytes start like a PDF file. */
int az_pdf_sniff(const char *buf, size_t len);

#endif
