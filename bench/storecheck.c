/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The workbook check on its own: opening WORKBOOK as status does (read-only, a copy in memory, the
 * full check) and as the screens do (read-write), and az_store_check alone on an open connection.
 *   bench/storecheck WORKBOOK [RUNS]    prints the median of each in ms */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "model/schema.h"
#include "model/store.h"
#include "model/store_check.h"
#include "bench/timing.h"


int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s WORKBOOK [RUNS]\n", argv[0]);
		return 64;
	}
	int runs = argc > 2 ? atoi(argv[2]) : 11;
	if (runs < 1 || runs > 1000)
		runs = 11;
	double *ro = calloc((size_t)runs, sizeof *ro), *rw = calloc((size_t)runs, sizeof *rw),
	       *chk = calloc((size_t)runs, sizeof *chk);
	if (!ro || !rw || !chk)
		return 74;
	for (int i = 0; i < runs; i++) {
		struct az_store *s = NULL;
		struct az_error err = { 0 };
		double t0 = bench_now_ms();
		if (az_store_open(argv[1], AZ_STORE_READONLY, &s, &err) != AZ_OK) {
			fprintf(stderr, "%s\n", err.msg);
			return err.code;
		}
		ro[i] = bench_now_ms() - t0;
		az_store_close(s);
		t0 = bench_now_ms();
		if (az_store_open(argv[1], 0, &s, &err) != AZ_OK) {
			fprintf(stderr, "%s\n", err.msg);
			return err.code;
		}
		rw[i] = bench_now_ms() - t0;
		/* the check alone, on the connection already open */
		t0 = bench_now_ms();
		if (az_store_check(az_store_db(s), argv[1], AZ_SCHEMA_VERSION, &err) != AZ_OK) {
			fprintf(stderr, "%s\n", err.msg);
			return err.code;
		}
		chk[i] = bench_now_ms() - t0;
		az_store_close(s);
	}
	printf("open read-only (copy in memory + full check): %.1f ms\n", bench_median(ro, runs));
	printf("open read-write (full check):                 %.1f ms\n", bench_median(rw, runs));
	printf("the check alone (schema, integrity, foreign keys): %.1f ms\n", bench_median(chk, runs));
	free(ro), free(rw), free(chk);
	return 0;
}
