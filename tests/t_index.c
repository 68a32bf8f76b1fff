/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The indexes the rules use at hospital scale give what a scan and a sort gave: model/idmap.h
 * finds the first entry of an id, and the risk index holds the actions in (risk, id) order
 * whether it counts them (dense risk ids in id order) or sorts them (spread ids, any order). */
#include <config.h>

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/book.h"
#include "model/idmap.h"
#include "model/risk_edit.h"
#include "tests/tap.h"

struct entry {
	int n;
	const char *id;
};

static void idmap(void)
{
	struct entry e[] = { { 0, "ransomware" }, { 1, "theft" }, { 2, NULL }, { 3, "theft" }, { 4, "rdp_exposed" } };
	struct az_idmap m;
	ok(az_idmap_init(&m, e, 5, sizeof *e, offsetof(struct entry, id)) == 0, "idmap of five entries");
	is_int(az_idmap_find(&m, "ransomware"), 0, "an id is found");
	is_int(az_idmap_find(&m, "theft"), 1, "of two equal ids the first is found, as by a scan");
	is_int(az_idmap_find(&m, "rdp_exposed"), 4, "an id after a NULL one is found");
	is_int(az_idmap_find(&m, "rdp"), -1, "a prefix of an id is not that id");
	is_int(az_idmap_find(&m, ""), -1, "the empty id is not found");
	is_int(az_idmap_find(&m, NULL), -1, "NULL is not found");
	az_idmap_free(&m);
	struct entry many[300];
	char names[300][8];
	for (int i = 0; i < 300; i++) {
		snprintf(names[i], sizeof names[i], "t%d", i);
		many[i] = (struct entry){ i, names[i] };
	}
	int all = az_idmap_init(&m, many, 300, sizeof *many, offsetof(struct entry, id)) == 0;
	for (int i = 0; all && i < 300; i++)
		all = az_idmap_find(&m, names[i]) == i;
	ok(all, "each of 300 ids is found at its place (the table grows past its first size)");
	az_idmap_free(&m);
}

/* The index of actions with these (id, risk id) in this order, as "risk:id risk:id ...". */
static void index_of(const long long (*a)[2], size_t n, char *out, size_t size)
{
	struct az_book b;
	memset(&b, 0, sizeof b);
	struct az_action *acts = calloc(n, sizeof *acts);
	for (size_t i = 0; i < n; i++) {
		acts[i].id = a[i][0];
		acts[i].risk_id = a[i][1];
		acts[i].owner = acts[i].due = "";
		acts[i].status = (int)i; /* tells the actions apart in the index */
	}
	b.actions = acts;
	b.n_actions = n;
	struct az_risk_index ix;
	*out = '\0';
	if (az_risk_index_build(&b, &ix) == 0) {
		for (size_t i = 0; i < ix.n; i++)
			snprintf(out + strlen(out), size - strlen(out), "%s%lld:%lld", i ? " " : "", ix.risk_ids[i],
				 a[ix.facts[i].status][0]);
		az_risk_index_free(&ix);
	}
	free(acts);
}

static void risk_index(void)
{
	char got[256];
	static const long long dense[][2] = { { 1, 3 }, { 2, 1 }, { 3, 3 }, { 4, 2 }, { 5, 1 } };
	index_of(dense, 5, got, sizeof got);
	is_str(got, "1:2 1:5 2:4 3:1 3:3", "dense risk ids, actions in id order: by risk, then id (counted)");
	static const long long spread[][2] = { { 1, 900000000 }, { 2, 1 }, { 3, 900000000 }, { 4, -7 } };
	index_of(spread, 4, got, sizeof got);
	is_str(got, "-7:4 1:2 900000000:1 900000000:3", "risk ids spread far apart: the same order (sorted)");
	static const long long unordered[][2] = { { 5, 1 }, { 2, 2 }, { 3, 1 }, { 1, 2 } };
	index_of(unordered, 4, got, sizeof got);
	is_str(got, "1:3 1:5 2:1 2:2", "actions out of id order: the same order (sorted)");
	index_of(NULL, 0, got, sizeof got);
	is_str(got, "", "no actions, an empty index");
}

int main(void)
{
	idmap();
	risk_index();
	return done_testing();
}
