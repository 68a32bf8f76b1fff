/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* 情報機器台帳: every system, its device, how it is connected and maintained, and its vendor. */
#include <config.h>

#include <string.h>

#include "export/report_ctx.h"

static const char *hosting(struct rp *r, int v)
{
	static const char *const label[] = { N_("On premises"), N_("Cloud") };
	return v >= 0 && v < 2 ? R_(label[v]) : "—";
}

static const char *connection(struct rp *r, int v)
{
	static const char *const label[] = { N_("Internet VPN"), N_("Closed network"), N_("Leased line"), N_("LTE"),
					     N_("Internet"), N_("Cloud service"), N_("Not connected") };
	return v >= 0 && v < 7 ? R_(label[v]) : "—";
}

/* Make and model, then the firmware. */
static const char *device_cell(struct rp *r, const struct az_system *s)
{
	return rp_fmt(r, "%s %s\n%s", s->device_make ? s->device_make : "", s->device_model ? s->device_model : "",
		      rp_or_dash(s->firmware));
}

/* The cells of system i's row. */
static void system_cells(struct rp *r, size_t i, struct az_cell *c)
{
	static const char *const imp[] = { N_("Low"), N_("Medium"), N_("High") };
	const struct az_system *s = &r->book->systems[i];
	const struct az_category *cat = az_catalogue_category(r->cat, s->category);
	const struct az_vendor *v = s->vendor_id ? az_book_vendor(r->book, s->vendor_id) : NULL;
	memset(c, 0, 8 * sizeof *c);
	c[0].text = rp_fmt(r, "%zu", i + 1);
	c[1].text = rp_fmt(r, "%s\n(%s)%s", rp_or_dash(s->name), cat ? rp_text(r, &cat->name) : rp_or_dash(s->category),
			   s->note && *s->note ? rp_fmt(r, "\n%s", R_("(see the notes)")) : "");
	c[1].style = AZ_NAME_LEAD(strlen(rp_or_dash(s->name)));
	c[2].text = device_cell(r, s);
	c[3].text = rp_fmt(r, "%s\n%s", hosting(r, s->hosting), connection(r, s->connection));
	c[4].text = rp_answer3(r, s->remote_maintenance);
	c[5].text = s->holds_patient_data == 1 ? R_("Yes") : s->holds_patient_data == 0 ? R_("No") : "—";
	c[6].text = s->importance >= 1 && s->importance <= 3 ? R_(imp[s->importance - 1]) : "—";
	c[7].text = v ? rp_or_dash(v->name) : "—";
	c[7].style = AZ_NAME;
}

int rp_inventory(struct rp *r)
{
	const char *heading = R_("Inventory of information systems and devices");
	if (!r->book->n_systems) {
		az_doc_heading(r->doc, 1, heading);
		rp_anchor(r, RP_AT_INVENTORY);
		az_doc_paragraph(r->doc, R_("No systems recorded."));
		return az_doc_status(r->doc);
	}
	static const struct az_doc_column src[] = {
		{ N_("No."), 0.6, AZ_RIGHT },        { N_("System"), 2.4, AZ_LEFT },
		{ N_("Device and firmware"), 2.8, AZ_LEFT }, { N_("Hosting and connection"), 1.7, AZ_LEFT },
		{ N_("Remote maintenance"), 1.1, AZ_LEFT }, { N_("Patient data"), 0.9, AZ_LEFT },
		{ N_("Importance"), 0.9, AZ_LEFT },   { N_("Vendor"), 2.0, AZ_LEFT },
	};
	struct az_doc_column cols[8];
	double unit = az_doc_body_width(r->doc) / 12.4, device = 1.2 * unit; /* 12.4: the weights' sum */
	for (int i = 0; i < 8; i++)
		cols[i] = src[i], cols[i].title = R_(src[i].title), cols[i].weight *= unit;
	/* the devices' column as wide as its longest line (up to its share): a template has no make or
	 * firmware yet, and its empty column made every other wrap */
	for (size_t i = 0; i < r->book->n_systems; i++) {
		double w = az_doc_cell_width(r->doc, device_cell(r, &r->book->systems[i]));
		device = w > device ? w : device;
	}
	cols[2].weight = device < cols[2].weight ? device : cols[2].weight;
	/* the heading with the first two rows (each copied from the scratch buffers at once) */
	struct az_cell c[8], keep[16] = { { 0 } };
	size_t nkeep = r->book->n_systems < 2 ? r->book->n_systems : 2;
	for (size_t i = 0; i < nkeep; i++) {
		system_cells(r, i, c);
		rp_cells_keep(keep + 8 * i, c, 8);
	}
	rp_heading_keep(r, 1, heading, NULL, cols, 8, keep, nkeep);
	rp_cells_free(keep, 16);
	rp_anchor(r, RP_AT_INVENTORY);
	az_doc_table_begin(r->doc, cols, 8);
	for (size_t i = 0; i < r->book->n_systems; i++) {
		system_cells(r, i, c);
		az_doc_table_row(r->doc, c);
	}
	az_doc_table_end(r->doc);
	/* Notes run the full width below the table: a long note would make a row taller than a page. */
	int notes = 0;
	for (size_t i = 0; i < r->book->n_systems; i++) {
		const struct az_system *s = &r->book->systems[i];
		if (!s->note || !*s->note)
			continue;
		if (!notes++)
			az_doc_heading(r->doc, 2, R_("Notes on the systems"));
		az_doc_paragraph(r->doc, rp_fmt(r, "%zu. %s: %s", i + 1, rp_or_dash(s->name), s->note));
	}
	return az_doc_status(r->doc);
}
