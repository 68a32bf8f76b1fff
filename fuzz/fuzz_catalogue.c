/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * libFuzzer target for the catalogue loader. The first byte picks which file of the
 * catalogue the rest replaces (each of the seven files, or a checklist); the other files
 * come from a valid catalogue on disk ($ANZEN_FUZZ_BASE, else FUZZ_BASE), so the checks
 * across files run too. See fuzz/README.md.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "guideline/catalogue.h"

static const char *const names[] = {
	"scales.yaml", "matrix.yaml", "treatments.yaml", "systems.yaml", "threats.yaml",
	"controls.yaml", "vendor_questions.yaml", "checklists/c1-clinic.yaml",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	const char *base = getenv("ANZEN_FUZZ_BASE");
	if (size < 1)
		return 0;
	if (!null)
		null = fopen("/dev/null", "w");
	struct az_catalogue_source src = {
		.dir = base && *base ? base : FUZZ_BASE,
		.mem_name = names[data[0] % (sizeof names / sizeof names[0])],
		.mem_data = data + 1,
		.mem_len = size - 1,
	};
	struct az_catalogue *cat = NULL;
	struct az_diags d;
	az_diags_init(&d);
	int rc = az_catalogue_load_from(&src, &cat, &d);
	/* a result is either a catalogue and no errors, or errors and no catalogue */
	if ((rc == 0) != (cat != NULL) || (rc == 0) != (d.n == 0 && !d.oom))
		abort();
	if (cat) {
		for (size_t i = 0; i < cat->nthreats; i++)
			if (!az_catalogue_threat(cat, cat->threats[i].id) || !az_text_get(&cat->threats[i].name)[0])
				abort();
		for (int l = 0; l < AZ_LEVELS; l++)
			for (int s = 0; s < AZ_LEVELS; s++)
				if (cat->grid[l][s] < 0 || (size_t)cat->grid[l][s] >= cat->nranks)
					abort();
	}
	if (null)
		az_diags_print(&d, null, "dir");
	az_diags_free(&d);
	az_catalogue_free(cat);
	return 0;
}
