/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* A small streaming PDF object writer: each object goes to the output as soon as it is finished,
 * and only its offset is kept, so memory does not grow with the pages. Objects are numbered when
 * reserved (the order is the caller's, hence the same bytes for the same calls). The small
 * dictionaries (pages, fonts, the page tree, the catalogue) go into object streams of up to
 * AZ_PDFW_PACK objects, deflated together, and a cross-reference stream closes the file
 * (PDF 1.5): a third of the bytes of a hospital's page objects and table. Errors are sticky: the
 * first failed write is kept (errno) and every later call does nothing; az_pdfw_finish reports it. */
#ifndef ANZEN_PDFWRITE_H
#define ANZEN_PDFWRITE_H

#include <stddef.h>
#include <stdio.h>

struct libdeflate_compressor;

#define AZ_PDFW_PACK 200

struct az_pdfw {
	FILE *fp;
	unsigned long long pos; /* bytes written so far */
	/* where object i is (index 0 unused), 0 until it is written: its offset, or with the top bit
	 * set its object stream's number << 16 and its index there */
	unsigned long long *off;
	size_t cap;
	/* the object stream being filled: the objects' numbers and their offsets in body */
	int packing; /* between az_pdfw_begin_packed and az_pdfw_end */
	unsigned pack_num[AZ_PDFW_PACK];
	size_t pack_off[AZ_PDFW_PACK], npack;
	char *body;
	size_t nbody, capbody;
	unsigned next; /* the next object number */
	int eno;       /* the first error (an errno value), 0 while all is well */
	struct libdeflate_compressor *z;
	int zlevel; /* the level z compresses at */
	unsigned char *zbuf;
	size_t zcap;
};

/* Starts a PDF of the given version ("1.7") on fp. */
void az_pdfw_init(struct az_pdfw *w, FILE *fp, const char *version);
/* Frees what the writer holds (not fp). */
void az_pdfw_free(struct az_pdfw *w);
/* Reserves the next object number (0 when out of memory, which the writer then reports). */
unsigned az_pdfw_reserve(struct az_pdfw *w);
/* Starts object num ("num 0 obj"); az_pdfw_end closes it. */
void az_pdfw_begin(struct az_pdfw *w, unsigned num);
/* The same for an object without a stream, which goes into an object stream. */
void az_pdfw_begin_packed(struct az_pdfw *w, unsigned num);
void az_pdfw_end(struct az_pdfw *w);
void az_pdfw_put(struct az_pdfw *w, const void *s, size_t n);
void az_pdfw_puts(struct az_pdfw *w, const char *s);
void az_pdfw_printf(struct az_pdfw *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* s (UTF-8) as a PDF text string: a literal when printable ASCII, else UTF-16BE in hex. */
void az_pdfw_text(struct az_pdfw *w, const char *s);
/* Object num as a stream: << dict /Length n >> (dict: more entries, or ""), the data deflated at
 * level (1 fastest .. 12 smallest, libdeflate's; /Filter /FlateDecode added), or written as it is
 * when level is AZ_PDFW_RAW. */
#define AZ_PDFW_RAW 100
void az_pdfw_stream(struct az_pdfw *w, unsigned num, const char *dict, const void *data, size_t len, int level);
/* The last object stream, the cross-reference stream and the trailer; flushes. 0, or the errno of the first failure
 * (ENOMEM when out of memory; an object reserved but never written is EINVAL). */
int az_pdfw_finish(struct az_pdfw *w, unsigned root, unsigned info);
/* The first failure so far (0: none). */
int az_pdfw_error(const struct az_pdfw *w);

#endif
