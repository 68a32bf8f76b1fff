/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The cover: who the clinic is, who is responsible, which year and which rules, and the
 * management's approval of the risk policy with a line to sign. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "export/report_ctx.h"
#include "base/wareki.h"

/* "令和8年度 (2026年度)" or "FY2026"; "—" if none. */
static const char *fiscal_year(struct rp *r, int fy)
{
	char date[32], era[64];
	if (fy <= 0)
		return "—";
	if (!r->ja)
		return rp_fmt(r, "FY%d", fy);
	snprintf(date, sizeof date, "%04d-04-01", fy);
	if (az_wareki(date, era, sizeof era) == 0) {
		char *y = strstr(era, "年");
		if (y) {
			y[0] = '\0';
			return rp_fmt(r, "%s年度 (%d年度)", era, fy);
		}
	}
	return rp_fmt(r, "%d年度", fy);
}

int rp_cover(struct rp *r)
{
	const struct az_clinic *c = &r->book->clinic;
	const struct az_assessment *a = &r->book->assessment;
	const struct az_checklist *cl = rp_checklist(r);
	rp_anchor(r, RP_AT_COVER);
	az_doc_space(r->doc, 12);
	az_doc_heading(r->doc, 1, R_("Information security risk assessment report"));
	az_doc_paragraph(r->doc, R_("Risk assessment of the medical information systems under the MHLW Guideline for "
				    "the security of medical information systems."));
	az_doc_space(r->doc, 12);
	const char *keys[] = {
		R_("Clinic"),
		R_("Address"),
		R_("Phone"),
		R_("Administrator"),
		R_("Security officer (医療情報システム安全管理責任者)"),
		R_("Deputy (医療情報システム安全管理責任者の代行者)"),
		R_("Fiscal year"),
		R_("Date of this report"),
		R_("Guideline"),
		R_("Checklist"),
	};
	const char *values[] = {
		rp_or_dash(c->name),
		rp_or_dash(c->address),
		rp_or_dash(c->phone),
		rp_or_dash(c->administrator),
		rp_or_dash(c->security_officer),
		rp_or_dash(c->security_deputy),
		fiscal_year(r, a->fiscal_year),
		rp_date(r, r->date),
		rp_fmt(r, R_("MHLW Guideline for the security of medical information systems, version %s"),
		       rp_or_dash(a->guideline_version)),
		cl ? rp_text(r, &cl->title) : rp_or_dash(a->checklist_version),
	};
	az_doc_keyvalue(r->doc, keys, values, sizeof keys / sizeof keys[0]);

	az_doc_heading(r->doc, 2, R_("Risk policy"));
	az_doc_paragraph(r->doc, a->policy && *a->policy ? a->policy : R_("(no policy entered)"));

	az_doc_heading(r->doc, 2, R_("Approval by the management"));
	az_doc_paragraph(r->doc, R_("The management approved the risk policy above and accepts the risks this report "
				    "records as accepted."));
	static const struct az_doc_column cols[] = {
		{ N_("Role"), 2, AZ_LEFT }, { N_("Name"), 2, AZ_LEFT },
		{ N_("Date approved"), 2.2, AZ_LEFT }, { N_("Signature or seal"), 2.2, AZ_LEFT },
	};
	struct az_doc_column tc[4];
	for (int i = 0; i < 4; i++)
		tc[i] = cols[i], tc[i].title = R_(cols[i].title);
	az_doc_table_begin(r->doc, tc, 4);
	struct az_cell row[4] = {
		{ R_("Management (approves the risk policy)"), NULL, 0 },
		{ rp_or_dash(a->approved_by), NULL, AZ_NAME },
		{ rp_date_cell(r, a->approved_at), NULL, 0 },
		{ "\n\n", NULL, 0 },
	};
	az_doc_table_row(r->doc, row);
	struct az_cell row2[4] = {
		{ R_("Security officer (医療情報システム安全管理責任者)"), NULL, 0 },
		{ rp_or_dash(c->security_officer), NULL, AZ_NAME },
		{ "", NULL, 0 },
		{ "\n\n", NULL, 0 },
	};
	az_doc_table_row(r->doc, row2);
	az_doc_table_end(r->doc);
	return az_doc_status(r->doc);
}
