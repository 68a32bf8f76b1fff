/* The MHLW checklist in the official order of the form, with the date each item was checked
 * (確認日) and, for every "no", the date it will be done (目標日). */
#include <config.h>

#include <string.h>

#include "export/report_ctx.h"
#include "model/findings.h"

static int worse(int a, int b)
{
	/* no (1) > unanswered (-1) > yes (0) > not applicable (2) */
	static const int weight[] = { 1, 3, 0 }; /* yes no na */
	int wa = a < 0 ? 2 : weight[a], wb = b < 0 ? 2 : weight[b];
	return wa >= wb ? a : b;
}

void rp_item_status(struct rp *r, const struct az_checklist *cl, const struct az_check_item *it,
		    struct rp_item *out)
{
	static const char *const device[] = { N_("All"), N_("Server"), N_("Terminal"), N_("Network") };
	memset(out, 0, sizeof *out);
	out->answer = -1;
	int first = 1;
	const char *detail = NULL;
	for (size_t i = 0; i < r->book->n_checklist_answers; i++) {
		const struct az_checklist_answer *a = &r->book->checklist_answers[i];
		if (strcmp(a->checklist, cl->id) != 0 || strcmp(a->item, it->id) != 0)
			continue;
		out->answer = first ? a->answer : worse(out->answer, a->answer);
		first = 0;
		if (a->checked_at && *a->checked_at && (!out->checked_at || strcmp(a->checked_at, out->checked_at) > 0))
			out->checked_at = a->checked_at;
		if (a->answer == 1 && a->target_at && *a->target_at &&
		    (!out->target_at || strcmp(a->target_at, out->target_at) < 0))
			out->target_at = a->target_at;
		if (a->note && *a->note)
			out->note = a->note;
		if (a->device > 0 && a->device < 4) {
			const char *line = rp_fmt(r, "%s: %s", R_(device[a->device]), rp_check_answer(r, a->answer));
			detail = detail ? rp_fmt(r, "%s\n%s", detail, line) : line;
		}
	}
	out->detail = detail;
}

const char *rp_certification(struct rp *r, int certification)
{
	static const char *const label[] = { N_("ISMS"), N_("Privacy Mark"), N_("ISMS and Privacy Mark"),
					     N_("None"), N_("Unknown") };
	return certification >= 0 && certification < 5 ? R_(label[certification]) : "—";
}

struct basis {
	const struct az_checklist *cl;
	char text[512];
};

/* Which form is followed and why (model/findings.h), in the report's language. */
static void basis_text(struct rp *r, void *arg)
{
	struct basis *b = arg;
	az_checklist_basis(r->book, b->cl, b->text, sizeof b->text);
}

int rp_checklist_section(struct rp *r)
{
	const struct az_checklist *cl = rp_checklist(r);
	az_doc_heading(r->doc, 1, R_("MHLW cyber-security checklist"));
	if (!cl) {
		az_doc_paragraph(r->doc, R_("No checklist in the catalogue."));
		return az_doc_status(r->doc);
	}
	az_doc_paragraph(r->doc, rp_fmt(r, "%s (%s %s)", rp_text(r, &cl->title), R_("published"),
					rp_or_dash(cl->published)));
	struct basis b = { cl, "" };
	rp_in_report_language(r, basis_text, &b);
	az_doc_paragraph(r->doc, b.text);
	static const struct az_doc_column src[] = {
		{ N_("No."), 0.9, AZ_LEFT },     { N_("Item"), 5.2, AZ_LEFT },
		{ N_("Answer"), 1.6, AZ_LEFT },  { N_("Date checked"), 1.6, AZ_LEFT },
		{ N_("Target date"), 1.6, AZ_LEFT }, { N_("Note"), 2, AZ_LEFT },
	};
	struct az_doc_column cols[6];
	for (int i = 0; i < 6; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title);
	az_doc_table_begin(r->doc, cols, 6);
	for (size_t i = 0; i < cl->nitems; i++) {
		const struct az_check_item *it = &cl->items[i];
		struct rp_item st;
		rp_item_status(r, cl, it, &st);
		struct az_cell c[6] = { { 0 } };
		c[0].text = it->number ? it->number : it->id;
		/* a number or wording not found in an official copy says so on the page */
		c[1].text = it->unverified ? rp_fmt(r, "%s\n%s", rp_text(r, &it->text),
						    R_("※Check the number and wording against the official form."))
					   : rp_text(r, &it->text);
		c[2].text = st.detail ? rp_fmt(r, "%s\n%s", rp_check_answer(r, st.answer), st.detail)
				      : rp_check_answer(r, st.answer);
		/* dates for an official in 令和 (rp_date) */
		c[3].text = st.checked_at ? rp_date(r, st.checked_at) : "—";
		c[4].text = st.target_at ? rp_date(r, st.target_at) : st.answer == 1 ? R_("(missing)") : "—";
		c[5].text = st.note ? st.note : "";
		az_doc_table_row(r->doc, c);
	}
	az_doc_table_end(r->doc);
	return az_doc_status(r->doc);
}
