/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * Workbook templates (guideline/templates/NAME.yaml): a typical clinic's inventory and vendors,
 * nothing scored. Validated like the catalogue: every problem as file:line:col, system
 * categories checked against the catalogue.
 */
#ifndef ANZEN_TEMPLATE_H
#define ANZEN_TEMPLATE_H

#include <stddef.h>

#include "guideline/catalogue.h"
#include "guideline/diags.h"

struct az_tpl_vendor {
	const char *key; /* what systems refer to */
	const char *name, *contact, *note;
	int certification; /* index into isms pmark both none unknown */
};

struct az_tpl_system {
	const char *category, *name, *vendor, *device_make, *device_model, *note; /* vendor: a key, or NULL */
	int hosting, remote_maintenance, connection; /* indexes into the catalogue's value lists */
	int holds_patient_data, importance;
};

/* A fact's usual answer for this kind of clinic (the owner changes only those that differ): for the clinic,
 * or for every system or vendor the fact is asked for. */
struct az_tpl_fact {
	const char *fact; /* its id in facts.yaml */
	int answer;                 /* 0 yes, 1 no, 2 unknown */
	const char *value;          /* a date fact's date, else NULL */
};

struct az_template {
	const char *id; /* = the file name without .yaml */
	struct az_text title, description;
	struct az_tpl_vendor *vendors;
	size_t nvendors;
	struct az_tpl_system *systems;
	size_t nsystems;
	struct az_tpl_fact *facts;
	size_t nfacts;
	struct az_arena *arena;
};

extern const char *const az_tpl_certification_values[];

/* Loads dir/templates/NAME.yaml; problems go to d, named "templates/NAME.yaml". AZ_OK, 65 or 66. */
int az_template_load(const char *dir, const char *name, const struct az_catalogue *cat, struct az_template **out,
		     struct az_diags *d);
void az_template_free(struct az_template *t);
/* The template names in dir/templates, sorted; free with az_template_names_free. */
int az_template_names(const char *dir, char ***names, size_t *n);
void az_template_names_free(char **names, size_t n);

#endif
