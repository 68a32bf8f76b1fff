/* The action plan: every action by due date, so the clinic and the inspector see what comes next. */
#include <config.h>

#include <stdlib.h>

#include "export/report_ctx.h"

int rp_action_plan(struct rp *r)
{
	const struct az_book *bk = r->book;
	az_doc_heading(r->doc, 1, R_("Action plan by due date"));
	size_t *order = rp_actions_by_due(r);
	if (!order) {
		az_doc_paragraph(r->doc, R_("No actions recorded."));
		return az_doc_status(r->doc);
	}
	static const struct az_doc_column src[] = {
		{ N_("Due"), 1.3, AZ_LEFT },  { N_("Action"), 4, AZ_LEFT },    { N_("Owner"), 1.2, AZ_LEFT },
		{ N_("Status"), 1, AZ_LEFT }, { N_("Done on"), 1.3, AZ_LEFT }, { N_("Risk"), 2.6, AZ_LEFT },
	};
	struct az_doc_column cols[6];
	for (int i = 0; i < 6; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title);
	az_doc_table_begin(r->doc, cols, 6);
	for (size_t i = 0; i < bk->n_actions; i++) {
		const struct az_action *a = &bk->actions[order[i]];
		const struct az_risk *k = az_book_risk(bk, a->risk_id);
		if (k && k->dismissed >= 0) /* the threat does not apply there */
			continue;
		const struct az_system *s = k ? az_book_system(bk, k->system_id) : NULL;
		struct az_cell c[6] = { { 0 } };
		c[0].text = rp_or_dash(a->due);
		if (a->control && *a->control)
			c[1].text = a->description && *a->description
					    ? rp_fmt(r, "%s\n%s", rp_control(r, a->control), a->description)
					    : rp_control(r, a->control);
		else
			c[1].text = rp_or_dash(a->description);
		c[2].text = rp_or_dash(a->owner);
		c[3].text = rp_action_status(r, a->status);
		c[4].text = rp_or_dash(a->done_at);
		c[5].text = k ? rp_fmt(r, "%s\n%s", s ? rp_or_dash(s->name) : "—", rp_threat(r, k->threat)) : "—";
		az_doc_table_row(r->doc, c);
	}
	az_doc_table_end(r->doc);
	free(order);
	return az_doc_status(r->doc);
}
