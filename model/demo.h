/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The fictional clinic shown by 'anzen demo': guideline/demo/dental-clinic.json made current. */
#ifndef ANZEN_DEMO_H
#define ANZEN_DEMO_H

#include <stddef.h>

#include "model/store.h"

/* The date the demo file's dates were written for; they are moved so that it falls on today. */
#define AZ_DEMO_REFERENCE_DATE "2026-07-01"

struct az_demo_input {
	const char *json;
	size_t len;
	const char *name;
};

/* az_fill_fn: imports the demo, moves every date by (today - reference), marks the workbook as a demo. */
int az_demo_fill(struct az_store *s, void *arg, struct az_error *err);
/* 1 if the workbook at path is a demo made by az_demo_fill, 0 if not (or unreadable). */
int az_demo_is_demo(const char *path); /* -1: in use by another anzen process */

#endif
