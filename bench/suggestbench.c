/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Times the suggested scores on a workbook: every threat x system pair that applies suggested from the
 * facts, the threat list (one decision per threat, ordered by suggested rank) built from the book, and
 * confirming one suggestion (the edit and the reload of the book, as the screen does).
 *   bench/suggestbench CATALOGUE-DIR WORKBOOK   prints one line per measure, the median of 9 runs (ms) */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guideline/catalogue.h"
#include "model/book.h"
#include "model/decide.h"
#include "model/risk_edit.h"
#include "model/rules.h"
#include "model/score_suggest.h"
#include "model/threat_list.h"
#include "bench/timing.h"

#define RUNS 9

/* Every applicable pair suggested; returns how many. */
static size_t suggest_all(const struct az_catalogue *cat, const struct az_book *b)
{
	size_t n = 0;
	volatile int sink = 0;
	for (size_t s = 0; s < b->n_systems; s++) {
		struct az_system_facts sf = az_system_facts_of(&b->systems[s]);
		for (size_t t = 0; t < cat->nthreats; t++)
			if (az_threat_applies(&cat->threats[t], &sf)) {
				struct az_suggestion sg;
				az_suggest_score(b, &cat->threats[t], &b->systems[s], &sg);
				sink += sg.likelihood;
				n++;
			}
	}
	(void)sink;
	return n;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: suggestbench CATALOGUE-DIR WORKBOOK\n");
		return 64;
	}
	struct az_catalogue *cat = NULL;
	struct az_diags d = { 0 };
	struct az_error err = { 0 };
	struct az_store *s = NULL;
	struct az_book b;
	if (az_catalogue_load(argv[1], &cat, &d) != 0 || az_store_open(argv[2], 0, &s, &err) != AZ_OK ||
	    az_book_load(s, &b, &err) != AZ_OK) {
		fprintf(stderr, "suggestbench: cannot load: %s\n", err.msg);
		return 1;
	}
	double t[RUNS];
	size_t pairs = 0, threats = 0;
	for (int i = 0; i < RUNS; i++) {
		double t0 = bench_now_ms();
		pairs = suggest_all(cat, &b);
		t[i] = bench_now_ms() - t0;
	}
	printf("| suggest every pair (%zu pairs, %zu systems)   | %8.2f ms | <= 50 ms  |\n", pairs, b.n_systems, bench_median(t, RUNS));
	for (int i = 0; i < RUNS; i++) {
		double t0 = bench_now_ms();
		struct az_risk_index ix;
		struct az_threat_summary *v = NULL;
		if (az_risk_index_build(&b, &ix) != 0 || az_threat_list(cat, &b, &ix, &v, &threats) != 0)
			return 1;
		free(v);
		az_risk_index_free(&ix);
		t[i] = bench_now_ms() - t0;
	}
	printf("| threat list (%zu threats, %zu risks)          | %8.2f ms | <= 100 ms |\n", threats, b.n_risks, bench_median(t, RUNS));
	const struct az_system *sys = b.n_systems ? &b.systems[0] : NULL;
	const struct az_threat *th = NULL;
	for (size_t k = 0; sys && k < cat->nthreats && !th; k++) {
		struct az_system_facts sf = az_system_facts_of(sys);
		if (az_threat_applies(&cat->threats[k], &sf))
			th = &cat->threats[k];
	}
	for (int i = 0; th && i < RUNS; i++) {
		double t0 = bench_now_ms();
		struct az_suggestion sg;
		az_suggest_score(&b, th, sys, &sg);
		if (az_risk_confirm(s, &b, th, 0, sys->id, sg.likelihood, sg.severity, "bench", NULL, &err) != AZ_OK) {
			fprintf(stderr, "suggestbench: %s\n", err.msg);
			return 1;
		}
		az_book_free(&b);
		if (az_book_load(s, &b, &err) != AZ_OK)
			return 1;
		t[i] = bench_now_ms() - t0;
	}
	if (th)
		printf("| confirm one suggestion (edit + reload)         | %8.2f ms | <= 16 ms  |\n", bench_median(t, RUNS));
	az_book_free(&b);
	az_store_close(s);
	az_catalogue_free(cat);
	az_diags_free(&d);
	return 0;
}
