/* The risk register, system by system: threat, score and rank, treatment, the actions that carry
 * it out (owner, due), the residual rank, and where the guideline asks for it. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "export/report_ctx.h"

static const struct az_book *sort_book;

static int by_risk(const void *a, const void *b)
{
	const struct az_action *x = &sort_book->actions[*(const size_t *)a], *y = &sort_book->actions[*(const size_t *)b];
	if (x->risk_id != y->risk_id)
		return x->risk_id < y->risk_id ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

static int by_system(const void *a, const void *b)
{
	const struct az_risk *x = &sort_book->risks[*(const size_t *)a], *y = &sort_book->risks[*(const size_t *)b];
	if (x->system_id != y->system_id)
		return x->system_id < y->system_id ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

/* First index in acts (sorted by risk) of risk id, or n. */
static size_t first_action(const struct az_book *b, const size_t *acts, size_t n, long long id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (b->actions[acts[mid]].risk_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Text grows by pieces; a risk's cells are built here and freed after its row. */
struct sbuf {
	char *s;
	size_t n, cap;
};

static void put(struct sbuf *b, const char *s)
{
	size_t k = strlen(s);
	if (b->n + k + 1 > b->cap) {
		size_t cap = (b->n + k + 1) * 2;
		char *p = realloc(b->s, cap);
		if (!p)
			return;
		b->s = p, b->cap = cap;
	}
	memcpy(b->s + b->n, s, k + 1);
	b->n += k;
}

static const char *treatment_cell(struct rp *r, const struct az_risk *k)
{
	const char *t = rp_treatment(r, k->treatment);
	switch (k->treatment) {
	case AZ_TRANSFER:
		return rp_fmt(r, "%s\n%s %s", t, R_("to:"), rp_or_dash(k->transfer_to));
	case AZ_ACCEPT:
		return rp_fmt(r, "%s\n%s %s\n%s", t, R_("accepted by"), rp_or_dash(k->accepted_by),
			      rp_or_dash(k->accepted_at));
	default:
		return t;
	}
}

static const char *refs_cell(struct rp *r, const char *threat)
{
	const struct az_threat *t = az_catalogue_threat(r->cat, threat);
	if (!t || !t->nrefs)
		return "—";
	const char *s = "";
	for (size_t i = 0; i < t->nrefs; i++)
		s = rp_fmt(r, "%s%s%s %s", s, i ? "\n" : "", t->refs[i].doc, t->refs[i].section ? t->refs[i].section : "");
	return s;
}

static void risk_row(struct rp *r, const struct az_risk *k, const size_t *acts, size_t nacts, struct sbuf *b)
{
	const struct az_book *bk = r->book;
	struct sbuf owner = { 0 }, due = { 0 };
	b->n = 0;
	put(b, "");
	put(&owner, "");
	put(&due, "");
	for (size_t i = first_action(bk, acts, nacts, k->id); i < nacts && bk->actions[acts[i]].risk_id == k->id; i++) {
		const struct az_action *a = &bk->actions[acts[i]];
		if (b->n)
			put(b, "\n"), put(&owner, "\n"), put(&due, "\n");
		put(b, "・");
		if (a->control && *a->control) {
			put(b, rp_control(r, a->control));
			if (a->description && *a->description)
				put(b, ": ");
		}
		put(b, a->description ? a->description : "");
		put(&owner, rp_or_dash(a->owner));
		put(&due, a->due && *a->due ? a->due : "—");
		if (a->status == 2)
			put(&due, rp_fmt(r, " %s", R_("(done)")));
		else if (a->status == 3)
			put(&due, rp_fmt(r, " %s", R_("(dropped)")));
	}
	struct az_cell c[8] = { { 0 } };
	const char *threat = rp_threat(r, k->threat);
	if (k->title && *k->title)
		threat = rp_fmt(r, "%s\n%s", threat, k->title);
	if (k->rationale && *k->rationale)
		threat = rp_fmt(r, "%s\n%s %s", threat, R_("Reason:"), k->rationale);
	c[0].text = threat;
	c[1].text = rp_rank_cell(r, k->likelihood, k->severity, &c[1].fill);
	c[2].text = treatment_cell(r, k);
	c[3].text = b->n ? b->s : "—";
	c[4].text = owner.n ? owner.s : "—";
	c[5].text = due.n ? due.s : "—";
	c[6].text = rp_rank_cell(r, k->residual_likelihood, k->residual_severity, &c[6].fill);
	c[7].text = refs_cell(r, k->threat);
	az_doc_table_row(r->doc, c);
	free(owner.s);
	free(due.s);
}

int rp_register(struct rp *r)
{
	const struct az_book *bk = r->book;
	az_doc_heading(r->doc, 1, R_("Risk register by system"));
	if (!bk->n_risks) {
		az_doc_paragraph(r->doc, R_("No risks recorded."));
		return az_doc_status(r->doc);
	}
	size_t *acts = malloc((bk->n_actions + 1) * sizeof *acts), *risks = malloc(bk->n_risks * sizeof *risks);
	if (!acts || !risks) {
		free(acts), free(risks);
		return az_doc_paragraph(r->doc, "out of memory");
	}
	for (size_t i = 0; i < bk->n_actions; i++)
		acts[i] = i;
	for (size_t i = 0; i < bk->n_risks; i++)
		risks[i] = i;
	sort_book = bk;
	qsort(acts, bk->n_actions, sizeof *acts, by_risk);
	qsort(risks, bk->n_risks, sizeof *risks, by_system);
	static const struct az_doc_column src[] = {
		{ N_("Threat"), 2.6, AZ_LEFT },   { N_("Rank (L×S)"), 0.9, AZ_LEFT },
		{ N_("Treatment"), 1.4, AZ_LEFT }, { N_("Controls and actions"), 3.0, AZ_LEFT },
		{ N_("Owner"), 1.0, AZ_LEFT },    { N_("Due"), 1.5, AZ_LEFT },
		{ N_("Residual"), 0.8, AZ_LEFT }, { N_("References"), 1.5, AZ_LEFT },
	};
	struct az_doc_column cols[8];
	for (int i = 0; i < 8; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title);
	struct sbuf b = { 0 };
	long long sys = -1;
	for (size_t i = 0; i < bk->n_risks && az_doc_page_count(r->doc) > 0; i++) {
		const struct az_risk *k = &bk->risks[risks[i]];
		if (k->dismissed >= 0) /* not a risk of the clinic: listed with its reason in the basis */
			continue;
		if (k->system_id != sys) {
			if (sys != -1)
				az_doc_table_end(r->doc);
			sys = k->system_id;
			const struct az_system *s = az_book_system(bk, sys);
			az_doc_heading(r->doc, 2, s ? rp_or_dash(s->name) : R_("(no system)"));
			if (az_doc_table_begin(r->doc, cols, 8) != AZ_OK)
				break;
		}
		risk_row(r, k, acts, bk->n_actions, &b);
	}
	if (sys != -1)
		az_doc_table_end(r->doc);
	free(b.s);
	free(acts);
	free(risks);
	return az_doc_status(r->doc);
}
