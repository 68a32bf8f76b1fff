/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* 和暦: the era table. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/wareki.h"

static const struct {
	int start; /* first day as YYYYMMDD */
	const char *name;
} eras[] = {
	{ 20190501, "令和" }, { 19890108, "平成" }, { 19261225, "昭和" }, { 19120730, "大正" }, { 18680125, "明治" },
};

int az_wareki(const char *date, char *out, size_t size)
{
	if (!az_date_valid(date))
		return -1;
	int y = atoi(date), m = atoi(date + 5), d = atoi(date + 8), ymd = y * 10000 + m * 100 + d;
	for (size_t i = 0; i < sizeof eras / sizeof eras[0]; i++) {
		if (ymd < eras[i].start)
			continue;
		int ey = y - eras[i].start / 10000 + 1;
		char year[16];
		if (ey == 1)
			snprintf(year, sizeof year, "元");
		else
			snprintf(year, sizeof year, "%d", ey);
		int n = snprintf(out, size, "%s%s年%d月%d日", eras[i].name, year, m, d);
		return n > 0 && (size_t)n < size ? 0 : -1;
	}
	return -1;
}

