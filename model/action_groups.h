/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * Actions are per control, not per risk x control: the rows of the actions table that say the same thing
 * (same control, description, owner and due date) are one action, treating each risk they belong to.
 * The action plan prints one row per group with its risks.
 */
#ifndef ANZEN_ACTION_GROUPS_H
#define ANZEN_ACTION_GROUPS_H

#include <stddef.h>

#include "model/book.h"

struct az_action_group {
	const struct az_action *action; /* the first row (lowest id) */
	const struct az_action **rows;  /* every row of the group, by id; rows[i]->risk_id are its risks */
	size_t nrows;
	int status; /* the least advanced status of its rows (planned < in_progress < done; dropped last) */
};

/* The groups in the order of their first row; *out and each rows array in one malloc'd block (free
 * *out). Returns 0, or -1 when out of memory. */
int az_action_groups(const struct az_book *b, struct az_action_group **out, size_t *n);

#endif
