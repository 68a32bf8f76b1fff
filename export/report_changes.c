/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "export/report_changes.h"
#include "base/i18n.h"

/* The report's language when it gives one, else the interface's. */
static const char *(*tr_fn)(void *, const char *);
static void *tr_ctx;
#define T(s) (tr_fn ? tr_fn(tr_ctx, s) : gettext(s))

static const char *kind_label(int kind)
{
	static const char *const names[AZ_DIFF_NKINDS] = { N_("Systems"), N_("Vendors"), N_("Risks"), N_("Actions"),
							    N_("Checklist answers") };
	return kind >= 0 && kind < AZ_DIFF_NKINDS ? T(names[kind]) : "?";
}

static const char *change_label(int change)
{
	static const char *const names[AZ_NCHANGES] = { N_("Unchanged"), N_("New"), N_("Changed"), N_("Removed") };
	return change >= 0 && change < AZ_NCHANGES ? T(names[change]) : "?";
}

int az_report_changes(struct az_doc *d, const struct az_diff *diff, const char *(*tr)(void *, const char *),
		      const char *(*entry)(void *, const struct az_diff_row *), void *ctx)
{
	tr_fn = tr;
	tr_ctx = ctx;
	char buf[256];
	int rc = az_doc_heading(d, 2, T(N_("Changes from the previous year")));
	if (!diff->base_year)
		return az_doc_paragraph(d, T(N_("This workbook has no earlier year to compare with. "
					     "Start next year's assessment with 'anzen next-year'.")));
	snprintf(buf, sizeof buf, T(N_("Fiscal year %d compared with fiscal year %d.")), diff->year, diff->base_year);
	az_doc_paragraph(d, buf);

	struct az_doc_column counts[5] = { { "", 3, AZ_LEFT }, { T(N_("New")), 1, AZ_RIGHT }, { T(N_("Changed")), 1, AZ_RIGHT },
				       { T(N_("Unchanged")), 1, AZ_RIGHT }, { T(N_("Removed")), 1, AZ_RIGHT } };
	az_doc_table_begin(d, counts, 5);
	for (int k = 0; k < AZ_DIFF_NKINDS; k++) {
		char n[4][24];
		static const int order[4] = { AZ_NEW, AZ_CHANGED, AZ_UNCHANGED, AZ_REMOVED };
		for (int i = 0; i < 4; i++)
			snprintf(n[i], sizeof n[i], "%zu", diff->count[k][order[i]]);
		struct az_cell cells[5] = { { kind_label(k), NULL, 0 }, { n[0], NULL, 0 }, { n[1], NULL, 0 }, { n[2], NULL, 0 },
					    { n[3], NULL, 0 } };
		az_doc_table_row(d, cells);
	}
	az_doc_table_end(d);

	size_t listed = 0, total = 0;
	for (size_t i = 0; i < diff->n; i++)
		total += diff->rows[i].change != AZ_UNCHANGED;
	if (!total)
		return az_doc_paragraph(d, T(N_("Nothing was added, changed or removed.")));
	struct az_doc_column rows[4] = { { T(N_("Kind")), 1.4, AZ_LEFT }, { T(N_("Change")), 1, AZ_LEFT }, { T(N_("Entry")), 3, AZ_LEFT },
				     { T(N_("What changed")), 3, AZ_LEFT } };
	az_doc_table_begin(d, rows, 4);
	for (size_t i = 0; i < diff->n && listed < AZ_CHANGES_MAX_ROWS; i++) {
		const struct az_diff_row *r = &diff->rows[i];
		if (r->change == AZ_UNCHANGED)
			continue;
		listed++;
		char what[1024] = "";
		const char *names[64];
		size_t nf = r->change == AZ_CHANGED ? az_diff_fields(r, names, 64) : 0;
		for (size_t f = 0, o = 0; f < nf && o < sizeof what; f++)
			o += (size_t)snprintf(what + o, sizeof what - o, "%s%s", f ? T(N_(", ")) : "",
					      T(az_diff_field_msgid(names[f])));
		struct az_cell cells[4] = { { kind_label(r->kind), NULL, 0 }, { change_label(r->change), NULL, 0 },
					    { entry ? entry(ctx, r) : *r->label ? r->label : r->key, NULL, 0 }, { what, NULL, 0 } };
		az_doc_table_row(d, cells);
	}
	rc = az_doc_table_end(d);
	if (listed < total) {
		snprintf(buf, sizeof buf, T(N_("... and %zu more; the counts above cover them all.")), total - listed);
		rc = az_doc_paragraph(d, buf);
	}
	return rc;
}
