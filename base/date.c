/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Calendar dates written YYYY-MM-DD: the one validity check, today, the fiscal year. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/date.h"

int az_date_valid(const char *s)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (y < 1900 || m < 1 || m > 12 || d < 1)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

void az_date_today(char out[11])
{
	time_t t = time(NULL);
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	struct tm tm;
	if (sde && *sde)
		t = (time_t)strtoll(sde, NULL, 10);
	if (!localtime_r(&t, &tm))
		memset(&tm, 0, sizeof tm);
	if (strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		memcpy(out, "2000-01-01", 11);
}

int az_fiscal_year(const char *date)
{
	int y = atoi(date), m = atoi(date + 5);
	return m >= 4 ? y : y - 1;
}
