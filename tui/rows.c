/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Deleting a listed row: asked first, then one call into model/. */
#include <config.h>

#include "base/i18n.h"
#include "model/edit.h"
#include "tui/confirm.h"
#include "tui/rows.h"
#include "tui/wb.h"

static void delete_yes(void *arg)
{
	struct tui_rows *r = arg;
	struct az_error err = { 0 };
	if (tui_wb_edited(az_edit_delete(tui_wb->store, r->table, r->deleting, &err), &err) == 0)
		tui_info("%s", _("Deleted."));
	tui_list_refresh(&r->list);
}

void tui_rows_ask_delete(struct tui_rows *r, long long id, const char *question)
{
	r->deleting = id;
	tui_confirm(question, delete_yes, r);
}
