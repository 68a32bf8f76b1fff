/* The workbook as canonical JSON: sorted keys, one row a line, integers only. */
#ifndef ANZEN_EXPORT_JSON_H
#define ANZEN_EXPORT_JSON_H

#include <stdio.h>

#include "model/store.h"

int az_export_json(struct az_store *s, FILE *out, struct az_error *err);
/* The same text in memory (for fingerprints and embedding); free() *out. */
int az_export_json_string(struct az_store *s, char **out, size_t *len, struct az_error *err);

#endif
