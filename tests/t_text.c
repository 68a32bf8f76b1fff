/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Text, date and table-description rules. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/tables.h"
#include "base/date.h"
#include "base/text.h"
#include "tests/tap.h"

int main(void)
{
	ok(az_utf8_invalid_at("abc", 3) == (size_t)-1, "ASCII is valid UTF-8");
	ok(az_utf8_invalid_at("安全", strlen("安全")) == (size_t)-1, "Japanese is valid UTF-8");
	is_int((long long)az_utf8_invalid_at("ab\xff", 3), 2, "0xFF found at its offset");
	is_int((long long)az_utf8_invalid_at("\xc0\xaf", 2), 0, "overlong encoding refused");
	is_int((long long)az_utf8_invalid_at("\xed\xa0\x80", 3), 0, "surrogate refused");
	is_int((long long)az_utf8_invalid_at("\xe5\xae", 2), 0, "truncated sequence refused");
	is_int((long long)az_utf8_count("安全a", strlen("安全a")), 3, "code points counted, not bytes");

	ok(az_date_valid("2024-02-29"), "leap day 2024 is a date");
	ok(!az_date_valid("2026-02-30"), "2026-02-30 is not a date");
	ok(!az_date_valid("2025-02-29"), "2025-02-29 is not a date");
	ok(!az_date_valid("2026-13-01"), "month 13 is not a date");
	ok(!az_date_valid("2026-1-01"), "unpadded month refused");
	ok(!az_date_valid("R8-01-01"), "era text refused");
	is_int(az_fiscal_year("2026-03-31"), 2025, "March belongs to the previous fiscal year");
	is_int(az_fiscal_year("2026-04-01"), 2026, "April starts the fiscal year");

	char *s = az_text_sanitize("a\x1b[31mb\x07\xc2\x9b" "c\xff安");
	is_str(s, "a\xEF\xBF\xBD[31mb\xEF\xBF\xBD\xEF\xBF\xBD" "c\xEF\xBF\xBD安",
	       "ESC, BEL, C1 CSI and invalid bytes are neutralised");
	free(s);
	/* az_text_fputs writes what az_text_sanitize gives, copied or not */
	static const char *const texts[] = { "plain ASCII", "安全 / 院長", ("a\x1b[31mb\x07\xc2\x9b" "c\xff安"), "\xe5\xae",
					     "\xed\xa0\x80x", "emoji \xf0\x9f\x98\x80 and \xc3\xa9", "tab\tnewline\n", "" };
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&buf, &len);
		int rc = m ? az_text_fputs(texts[i], m) : EOF;
		if (m)
			fclose(m);
		char *want = az_text_sanitize(texts[i]);
		ok(rc == 0 && buf && want && !strcmp(buf, want), "az_text_fputs of text %zu is its sanitised form", i + 1);
		free(buf);
		free(want);
	}

	int sorted = 1;
	for (size_t t = 0; t < az_ntables; t++) {
		if (t && strcmp(az_tables[t - 1].name, az_tables[t].name) >= 0)
			sorted = 0;
		for (size_t c = 1; c < az_tables[t].ncols; c++)
			if (strcmp(az_tables[t].cols[c - 1].name, az_tables[t].cols[c].name) >= 0)
				sorted = 0;
	}
	ok(sorted, "tables and columns are described in canonical (sorted) order");
	size_t n = 0;
	for (const struct az_table *const *t = az_tables_load_order; *t; t++)
		n++;
	is_int((long long)n, (long long)az_ntables, "the load order names every table");
	return done_testing();
}
