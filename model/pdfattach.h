/* Reads a file attachment back out of a PDF written by az_doc_save (so that `anzen import` can
 * take the report itself). Parses only what it needs: file specifications, their embedded-file
 * streams, and FlateDecode. The input is untrusted: every offset is checked. */
#ifndef ANZEN_PDFATTACH_H
#define ANZEN_PDFATTACH_H

#include <stddef.h>

#include "base/error.h"

/* Largest attachment accepted, after decompression. */
#define AZ_ATTACHMENT_MAX (64u << 20)

/* The attachment called name (NULL: the first one) of the PDF in pdf[0..len): a malloc'd copy
 * in *out (NUL-terminated for convenience; *outlen excludes the NUL). AZ_DATAERR if there is none
 * or it is damaged. */
int az_pdf_attachment(const char *pdf, size_t len, const char *name, char **out, size_t *outlen,
		      struct az_error *err);
/* The same, reading the PDF from path; messages name the path. */
int az_pdf_attachment_file(const char *path, const char *name, char **out, size_t *outlen, struct az_error *err);
/* 1 if the bytes start like a PDF file. */
int az_pdf_sniff(const char *buf, size_t len);

#endif
