/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * libFuzzer target for `anzen import` of JSON: the input is the JSON text, loaded into a workbook
 * in memory. An import either fails with bad data (65) and a message, or gives a workbook whose
 * references and constraints all hold. See fuzz/README.md.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/import.h"
#include "model/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct az_store *s = NULL;
	struct az_error err = { 0 };
	char *json = malloc(size + 1); /* the CLI hands the importer a NUL-terminated copy */
	if (!json || az_store_create_memory(&s, &err) != AZ_OK)
		abort();
	memcpy(json, data, size);
	json[size] = '\0';
	int rc = az_import_json(s, json, size, "fuzz", &err);
	if (rc != AZ_OK && (rc != AZ_DATAERR || !err.msg[0]))
		abort();
	if (rc == AZ_OK) {
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(az_store_db(s), "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK ||
		    sqlite3_step(st) != SQLITE_DONE)
			abort(); /* imported rows that point nowhere */
		sqlite3_finalize(st);
	}
	az_store_close(s);
	free(json);
	return 0;
}
