/* The summary page: what an inspector reads first. Risks per rank now and after the actions,
 * both heat maps, the highest risks, overdue and upcoming actions, and how far the checklist
 * and the vendor confirmations are. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "export/report_ctx.h"
#include "model/heatmap.h"
#include "model/vendor_rules.h"

#define TOP_RISKS 10
#define MAX_LISTED 20
#define UPCOMING_DAYS 90

static void columns(struct rp *r, const struct az_doc_column *src, size_t n, struct az_doc_column *out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = src[i], out[i].title = R_(src[i].title);
}

static void rank_table(struct rp *r)
{
	const struct az_catalogue *cat = r->cat;
	size_t nr = cat->nranks;
	size_t *now = calloc(nr + 1, sizeof *now), *after = calloc(nr + 1, sizeof *after);
	if (!now || !after) {
		free(now), free(after);
		return;
	}
	for (size_t i = 0; i < r->book->n_risks; i++) {
		const struct az_risk *k = &r->book->risks[i];
		if (k->dismissed >= 0) /* dismissed: not a risk of the clinic */
			continue;
		int a = az_rank_index(cat, k->likelihood, k->severity);
		int b = az_rank_index(cat, k->residual_likelihood, k->residual_severity);
		/* no residual score: the risk stays where it is */
		if (b < 0)
			b = a;
		now[a < 0 ? nr : (size_t)a]++;
		after[b < 0 ? nr : (size_t)b]++;
	}
	static const struct az_doc_column src[] = {
		{ N_("Rank"), 1.2, AZ_LEFT }, { N_("What it asks for"), 5, AZ_LEFT },
		{ N_("Now"), 1, AZ_RIGHT }, { N_("After the actions"), 1.3, AZ_RIGHT },
	};
	struct az_doc_column cols[4];
	columns(r, src, 4, cols);
	az_doc_table_begin(r->doc, cols, 4);
	for (size_t i = 0; i <= nr; i++) {
		struct az_cell c[4] = { { 0 } };
		if (i < nr) {
			const struct az_rank *k = &cat->ranks[i];
			c[0].text = rp_fmt(r, "%s %s %s", k->id, k->symbol ? k->symbol : "", rp_text(r, &k->name));
			c[0].fill = rp_rank_fill(k);
			c[1].text = rp_text(r, &k->response);
		} else {
			c[0].text = R_("Not scored");
			c[1].text = R_("Likelihood or severity not entered yet.");
		}
		c[2].text = rp_fmt(r, "%zu", now[i]);
		c[3].text = rp_fmt(r, "%zu", after[i]);
		az_doc_table_row(r->doc, c);
	}
	az_doc_table_end(r->doc);
	free(now);
	free(after);
}

_Static_assert(AZ_LEVELS == 5, "the heat map figure is 5 x 5");

static void heatmap(struct rp *r, int residual)
{
	struct az_heatmap_figure h;
	memset(&h, 0, sizeof h);
	h.y_label = residual ? R_("After the actions (residual risk): likelihood") : R_("Now: likelihood");
	h.x_label = R_("Severity");
	for (int i = 0; i < 5; i++) {
		const struct az_level *l = az_catalogue_likelihood(r->cat, 5 - i);
		const struct az_level *s = az_catalogue_severity(r->cat, i + 1);
		h.y_ticks[i] = l ? rp_fmt(r, "%d %s", 5 - i, rp_text(r, &l->name)) : rp_fmt(r, "%d", 5 - i);
		h.x_ticks[i] = s ? rp_fmt(r, "%d %s", i + 1, rp_text(r, &s->name)) : rp_fmt(r, "%d", i + 1);
	}
	for (int row = 0; row < 5; row++)
		for (int c = 0; c < 5; c++) {
			const struct az_rank *k = az_rank_of(r->cat, 5 - row, c + 1);
			const struct az_rgb *f = rp_rank_fill(k);
			static const struct az_rgb white = { 1, 1, 1 };
			h.fill[row][c] = f ? *f : white;
			h.mark[row][c] = k ? rp_fmt(r, "%s %s", k->id, k->symbol ? k->symbol : "") : NULL;
		}
	/* the counts are the model's, as the heat map screen shows them */
	struct az_heatmap counts;
	az_heatmap_count(r->book, &counts);
	for (int l = 1; l <= 5; l++)
		for (int s = 1; s <= 5; s++)
			h.count[5 - l][s - 1] = (int)counts.cell[residual][l - 1][s - 1];
	az_doc_heatmap(r->doc, &h);
}

static const struct az_catalogue *cmp_cat;
static const struct az_book *cmp_book;

/* Most severe rank first, then the larger score, then id. */
static int by_severity(const void *a, const void *b)
{
	const struct az_risk *x = &cmp_book->risks[*(const size_t *)a], *y = &cmp_book->risks[*(const size_t *)b];
	int rx = az_rank_index(cmp_cat, x->likelihood, x->severity), ry = az_rank_index(cmp_cat, y->likelihood, y->severity);
	if (rx != ry)
		return rx < 0 ? 1 : ry < 0 ? -1 : rx - ry;
	int sx = x->likelihood * x->severity, sy = y->likelihood * y->severity;
	if (sx != sy)
		return sy - sx;
	return (x->id > y->id) - (x->id < y->id);
}

static void top_risks(struct rp *r)
{
	size_t n = r->book->n_risks;
	size_t *v = n ? malloc(n * sizeof *v) : NULL;
	az_doc_heading(r->doc, 2, R_("Highest risks"));
	if (!v) {
		az_doc_paragraph(r->doc, R_("No risks recorded."));
		return;
	}
	for (size_t i = 0; i < n; i++)
		v[i] = i;
	cmp_cat = r->cat, cmp_book = r->book;
	qsort(v, n, sizeof *v, by_severity);
	static const struct az_doc_column src[] = {
		{ N_("System"), 2.5, AZ_LEFT }, { N_("Threat"), 3.5, AZ_LEFT }, { N_("Rank"), 1, AZ_LEFT },
		{ N_("Treatment"), 1.4, AZ_LEFT }, { N_("Residual"), 1, AZ_LEFT },
	};
	struct az_doc_column cols[5];
	columns(r, src, 5, cols);
	az_doc_table_begin(r->doc, cols, 5);
	for (size_t i = 0; i < n && i < TOP_RISKS; i++) {
		const struct az_risk *k = &r->book->risks[v[i]];
		const struct az_system *s = az_book_system(r->book, k->system_id);
		struct az_cell c[5] = { { 0 } };
		c[0].text = s ? s->name : "—";
		c[1].text = k->title && *k->title ? rp_fmt(r, "%s\n%s", rp_threat(r, k->threat), k->title)
						  : rp_threat(r, k->threat);
		c[2].text = rp_rank_cell(r, k->likelihood, k->severity, &c[2].fill);
		c[3].text = rp_treatment(r, k->treatment);
		c[4].text = rp_rank_cell(r, k->residual_likelihood, k->residual_severity, &c[4].fill);
		az_doc_table_row(r->doc, c);
	}
	az_doc_table_end(r->doc);
	free(v);
}

/* Days from 0000-03-01, for comparing dates a few months apart. */
static long day_number(const char *ymd)
{
	long y = atol(ymd), m = atol(ymd + 5), d = atol(ymd + 8);
	if (m <= 2)
		y--, m += 12;
	return 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d;
}

static int open_action(const struct az_action *a)
{
	return a->status != 2 && a->status != 3 && a->due && *a->due; /* not done, not dropped */
}

static void action_list(struct rp *r, const size_t *order, int overdue)
{
	long today = day_number(r->date);
	size_t shown = 0, more = 0;
	static const struct az_doc_column src[] = {
		{ N_("Due"), 1.6, AZ_LEFT }, { N_("Action"), 4, AZ_LEFT }, { N_("Owner"), 1.4, AZ_LEFT },
		{ N_("Status"), 1.1, AZ_LEFT }, { N_("System"), 2, AZ_LEFT },
	};
	struct az_doc_column cols[5];
	columns(r, src, 5, cols);
	for (size_t i = 0; i < r->book->n_actions; i++) {
		const struct az_action *a = &r->book->actions[order[i]];
		if (!open_action(a))
			continue;
		long d = day_number(a->due) - today;
		if (overdue ? d >= 0 : d < 0 || d > UPCOMING_DAYS)
			continue;
		if (shown == MAX_LISTED) {
			more++;
			continue;
		}
		if (shown++ == 0)
			az_doc_table_begin(r->doc, cols, 5);
		const struct az_risk *k = az_book_risk(r->book, a->risk_id);
		const struct az_system *s = k ? az_book_system(r->book, k->system_id) : NULL;
		struct az_cell c[5] = { { 0 } };
		c[0].text = a->due;
		c[1].text = a->description && *a->description ? a->description : rp_control(r, a->control);
		c[2].text = rp_or_dash(a->owner);
		c[3].text = rp_action_status(r, a->status);
		c[4].text = s ? s->name : "—";
		az_doc_table_row(r->doc, c);
	}
	if (shown)
		az_doc_table_end(r->doc);
	else
		az_doc_paragraph(r->doc, overdue ? R_("None.") : R_("None in the next 90 days."));
	if (more)
		az_doc_paragraph(r->doc, rp_fmt(r, R_("… and %zu more: see the action plan."), more));
}

static void actions(struct rp *r)
{
	size_t *order = rp_actions_by_due(r);
	az_doc_heading(r->doc, 2, R_("Overdue actions"));
	if (order)
		action_list(r, order, 1);
	else
		az_doc_paragraph(r->doc, R_("None."));
	az_doc_heading(r->doc, 2, R_("Actions due in the next 90 days"));
	if (order)
		action_list(r, order, 0);
	else
		az_doc_paragraph(r->doc, R_("None in the next 90 days."));
	free(order);
}

static void checklist_status(struct rp *r)
{
	const struct az_checklist *cl = rp_checklist(r);
	az_doc_heading(r->doc, 2, R_("Checklist status"));
	if (!cl) {
		az_doc_paragraph(r->doc, R_("No checklist in the catalogue."));
		return;
	}
	size_t count[4] = { 0 }; /* yes no na unanswered */
	for (size_t i = 0; i < cl->nitems; i++) {
		struct rp_item st;
		rp_item_status(r, cl, &cl->items[i], &st);
		count[st.answer < 0 ? 3 : st.answer]++;
	}
	az_doc_paragraph(r->doc, rp_fmt(r, R_("%s: %zu items. Yes %zu, No %zu (each with a target date in the "
					      "checklist section), not applicable %zu, not answered %zu."),
					rp_text(r, &cl->title), cl->nitems, count[0], count[1], count[2], count[3]));
	if (!count[1])
		return;
	static const struct az_doc_column src[] = {
		{ N_("No."), 0.8, AZ_LEFT }, { N_("Item"), 6, AZ_LEFT }, { N_("Target date"), 2, AZ_LEFT },
	};
	struct az_doc_column cols[3];
	columns(r, src, 3, cols);
	az_doc_table_begin(r->doc, cols, 3);
	for (size_t i = 0; i < cl->nitems; i++) {
		struct rp_item st;
		rp_item_status(r, cl, &cl->items[i], &st);
		if (st.answer != 1)
			continue;
		struct az_cell c[3] = { { 0 } };
		c[0].text = cl->items[i].number ? cl->items[i].number : cl->items[i].id;
		c[1].text = rp_text(r, &cl->items[i].text);
		c[2].text = rp_date(r, st.target_at);
		az_doc_table_row(r->doc, c);
	}
	az_doc_table_end(r->doc);
}

static void vendor_status(struct rp *r)
{
	az_doc_heading(r->doc, 2, R_("Vendor confirmations"));
	if (!r->book->n_vendors) {
		az_doc_paragraph(r->doc, R_("No vendors recorded."));
		return;
	}
	static const struct az_doc_column src[] = {
		{ N_("Vendor"), 3, AZ_LEFT }, { N_("Answered"), 1.3, AZ_RIGHT }, { N_("Yes"), 1, AZ_RIGHT },
		{ N_("No"), 1, AZ_RIGHT }, { N_("Unknown"), 1, AZ_RIGHT }, { N_("Certification"), 1.8, AZ_LEFT },
	};
	struct az_doc_column cols[6];
	columns(r, src, 6, cols);
	az_doc_table_begin(r->doc, cols, 6);
	for (size_t v = 0; v < r->book->n_vendors; v++) {
		const struct az_vendor *vd = &r->book->vendors[v];
		size_t n[3] = { 0 };
		for (size_t i = 0; i < r->book->n_vendor_answers; i++) {
			const struct az_vendor_answer *a = &r->book->vendor_answers[i];
			if (a->vendor_id == vd->id && a->answer >= 0 && a->answer < 3)
				n[a->answer]++;
		}
		/* the count of the vendor list, the home screen and status (model/vendor_rules.h) */
		struct az_vendor_count k = az_vendor_questions_count(r->book, r->cat, vd->id);
		struct az_cell c[6] = { { 0 } };
		c[0].text = rp_or_dash(vd->name);
		c[1].text = rp_fmt(r, "%zu / %zu", k.answered, k.asked);
		c[2].text = rp_fmt(r, "%zu", n[0]);
		c[3].text = rp_fmt(r, "%zu", n[1]);
		c[4].text = rp_fmt(r, "%zu", n[2]);
		c[5].text = rp_certification(r, vd->certification);
		az_doc_table_row(r->doc, c);
	}
	az_doc_table_end(r->doc);
}

int rp_summary(struct rp *r)
{
	az_doc_heading(r->doc, 1, R_("Summary"));
	az_doc_paragraph(r->doc, rp_fmt(r, R_("%zu systems, %zu risks, %zu actions, %zu vendors."),
					r->book->n_systems, r->book->n_risks, r->book->n_actions, r->book->n_vendors));
	az_doc_heading(r->doc, 2, R_("Risks per rank"));
	rank_table(r);
	az_doc_heading(r->doc, 2, R_("Heat maps: number of risks per likelihood and severity"));
	heatmap(r, 0);
	heatmap(r, 1);
	top_risks(r);
	actions(r);
	checklist_status(r);
	vendor_status(r);
	return az_doc_status(r->doc);
}
