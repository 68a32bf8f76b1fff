/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The workbook as canonical JSON: sorted keys, one row a line, integers only. */
#ifndef ANZEN_JSON_WRITE_H
#define ANZEN_JSON_WRITE_H

#include <stdio.h>

#include "model/store.h"

int az_export_json(struct az_store *s, FILE *out, struct az_error *err);
/* The same text in memory (for fingerprints and embedding); free() *out. */
int az_export_json_string(struct az_store *s, char **out, size_t *len, struct az_error *err);

/* Tables left out (written as []) of a snapshot or a new year's copy; AZ_JSON_FOR_TERMINAL: the C1
 * controls escaped too (\u0080..\u009f), for text that goes to a terminal (the same JSON values). */
enum { AZ_JSON_NO_CHANGELOG = 1, AZ_JSON_NO_HISTORY = 2, AZ_JSON_FOR_TERMINAL = 4 };
int az_export_json_omit(struct az_store *s, FILE *out, unsigned omit, struct az_error *err);
int az_export_json_string_omit(struct az_store *s, char **out, size_t *len, unsigned omit, struct az_error *err);

/* The same text handed to sink in pieces of 64 KiB or so, without stdio (the PDF's attachment hashes
 * and deflates it as it comes); a non-zero return from sink stops it: "write failed", errno. */
typedef int az_json_sink(void *ctx, const char *bytes, size_t n);
int az_export_json_to(struct az_store *s, az_json_sink *sink, void *ctx, unsigned omit, struct az_error *err);

#endif
