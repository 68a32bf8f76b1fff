/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The open workbook: store, book and catalogue, opened once for the screens. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "guideline/diags.h"
#include "base/i18n.h"
#include "guideline/locate.h"
#include "model/catalogue_open.h"
#include "base/error.h"
#include "tui/screen.h"
#include "tui/wb.h"

static struct tui_wb the_wb;
static struct az_catalogue *the_cat;
struct tui_wb *tui_wb;

static int load_catalogue(struct az_error *err) { return az_catalogue_open(&the_cat, err); }

int tui_wb_open(const char *path, struct az_error *err)
{
	int rc;
	memset(&the_wb, 0, sizeof the_wb);
	/* the catalogue first: a broken installation must not touch (migrate) the workbook */
	if ((rc = load_catalogue(err)) != AZ_OK)
		return rc;
	if ((rc = az_store_open(path, 0, &the_wb.store, err)) != AZ_OK) {
		az_catalogue_free(the_cat);
		the_cat = NULL;
		return rc;
	}
	/* the home screen first, sooner: the rest of the book when another screen opens (tui_push) */
	if ((rc = az_book_load_first(the_wb.store, &the_wb.book, err)) != AZ_OK) {
		az_store_close(the_wb.store);
		az_catalogue_free(the_cat);
		the_cat = NULL;
		memset(&the_wb, 0, sizeof the_wb);
		return rc;
	}
	the_wb.cat = the_cat;
	the_wb.path = az_store_path(the_wb.store);
	tui_wb = &the_wb;
	return AZ_OK;
}

int tui_wb_close(void)
{
	if (!tui_wb)
		return AZ_OK;
	az_book_free(&the_wb.book);
	int rc = az_store_close(the_wb.store) ? AZ_IOERR : AZ_OK;
	az_catalogue_free(the_cat);
	the_cat = NULL;
	memset(&the_wb, 0, sizeof the_wb);
	tui_wb = NULL;
	return rc;
}

int tui_wb_reload(void)
{
	struct az_error err = { 0 };
	struct az_book fresh;
	memset(&fresh, 0, sizeof fresh);
	if (az_book_load(tui_wb->store, &fresh, &err) != AZ_OK) {
		/* keep the old copy: the screens stay usable and the message says why */
		tui_error("%s", err.msg);
		return -1;
	}
	az_book_free(&tui_wb->book);
	tui_wb->book = fresh;
	tui_wb->generation++;
	return 0;
}

int tui_wb_complete(void)
{
	if (!tui_wb || !tui_wb->book.partial)
		return 0;
	struct az_error err = { 0 };
	/* what was read stays as it is: what the screens computed from it holds (no new generation) */
	if (az_book_complete(tui_wb->store, &tui_wb->book, &err) == AZ_OK)
		return 0;
	return tui_wb_reload();
}

int tui_wb_edited(int rc, const struct az_error *err)
{
	if (rc != AZ_OK)
		tui_error("%s", err && err->msg[0] ? err->msg : _("The change was not saved."));
	int rl = tui_wb_reload();
	return rc == AZ_OK && rl == 0 ? 0 : -1;
}

int tui_wb_saved(int rc, const struct az_error *err, const char *table, long long id, const char *const *pairs)
{
	if (rc == AZ_OK && az_book_set(&tui_wb->book, table, id, pairs) == 0) {
		tui_wb->generation++;
		return 0;
	}
	return tui_wb_edited(rc, err);
}
