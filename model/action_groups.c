/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/action_groups.h"

static const struct az_action *sort_actions;

static int same(const struct az_action *a, const struct az_action *b)
{
	return !strcmp(a->control, b->control) && !strcmp(a->description, b->description) &&
	       !strcmp(a->owner, b->owner) && !strcmp(a->due, b->due);
}

/* By the group's key, then id: each group is a run, its first row the lowest id. */
static int by_key(const void *x, const void *y)
{
	const struct az_action *a = &sort_actions[*(const size_t *)x], *b = &sort_actions[*(const size_t *)y];
	int c = strcmp(a->control, b->control);
	if (!c)
		c = strcmp(a->description, b->description);
	if (!c)
		c = strcmp(a->owner, b->owner);
	if (!c)
		c = strcmp(a->due, b->due);
	return c ? c : (a->id > b->id) - (a->id < b->id);
}

static int by_first(const void *x, const void *y)
{
	const struct az_action_group *a = x, *b = y;
	return (a->action->id > b->action->id) - (a->action->id < b->action->id);
}

int az_action_groups(const struct az_book *b, struct az_action_group **out, size_t *n)
{
	enum { DROPPED = 3 };
	size_t na = b->n_actions;
	*out = NULL;
	*n = 0;
	size_t *order = malloc((na ? na : 1) * sizeof *order);
	/* one block: the groups (at most one per row), then the row pointers */
	unsigned char *block = malloc((na ? na : 1) * (sizeof(struct az_action_group) + sizeof(struct az_action *)));
	if (!order || !block) {
		free(order);
		free(block);
		return -1;
	}
	struct az_action_group *g = (struct az_action_group *)block;
	const struct az_action **rows = (const struct az_action **)(g + (na ? na : 1));
	for (size_t i = 0; i < na; i++)
		order[i] = i;
	sort_actions = b->actions;
	qsort(order, na, sizeof *order, by_key);
	size_t ng = 0;
	for (size_t i = 0; i < na; i++) {
		const struct az_action *a = &b->actions[order[i]];
		if (!ng || !same(g[ng - 1].action, a)) {
			g[ng] = (struct az_action_group){ a, &rows[i], 0, a->status };
			ng++;
		}
		struct az_action_group *cur = &g[ng - 1];
		cur->rows[cur->nrows++] = a;
		/* the group is as far as its least advanced live row */
		if (a->status != DROPPED && (cur->status == DROPPED || a->status < cur->status))
			cur->status = a->status;
	}
	free(order);
	qsort(g, ng, sizeof *g, by_first);
	*out = g;
	*n = ng;
	return 0;
}
