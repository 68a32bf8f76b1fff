/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Test driver: runs SQL on a workbook through the store, as anzen writes one: opened for writing
 * (locked, migrated, with the change log's triggers, which a workbook no longer stores), the SQL in
 * one transaction. For scripted edits "as the screens make them".
 *   sql_edit WORKBOOK SQL
 */
#include <config.h>

#include <stdio.h>

#include "model/store.h"

int main(int argc, char **argv)
{
	struct az_store *s = NULL;
	struct az_error err = { 0 };
	if (argc != 3) {
		fprintf(stderr, "usage: sql_edit WORKBOOK SQL\n");
		return 64;
	}
	az_store_startup();
	if (az_store_open(argv[1], 0, &s, &err) != AZ_OK) {
		fprintf(stderr, "sql_edit: %s\n", err.msg);
		return err.code;
	}
	int rc = az_store_begin(s, &err);
	if (rc == AZ_OK && sqlite3_exec(az_store_db(s), argv[2], NULL, NULL, NULL) != SQLITE_OK)
		rc = az_store_sqlfail(s, &err, AZ_DATAERR, argv[2]);
	if (rc == AZ_OK)
		rc = az_store_commit(s, &err);
	if (rc != AZ_OK) {
		az_store_rollback(s);
		fprintf(stderr, "sql_edit: %s\n", err.msg);
	}
	if (az_store_close(s) != 0 && rc == AZ_OK)
		rc = AZ_IOERR;
	return rc;
}
