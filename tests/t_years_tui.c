/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The earlier-years screen headless: a next-year workbook with an edit, the list of years, and the
 * changes since the chosen one, read from the screen dump. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/book.h"
#include "tests/tap.h"
#include "cli/cli.h"
#include "tui/dump.h"
#include "tui/input.h"
#include "tui/scr_years.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/wb.h"

static char *slurp(const char *p)
{
	FILE *f = fopen(p, "rb");
	if (!f)
		return NULL;
	static char buf[1 << 16];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

int main(void)
{
	char dir[] = "/tmp/anzen-t_years_tui-XXXXXX", src[512], a[256], b[256], dump[256];
	setlocale(LC_ALL, "C.UTF-8");
	struct az_error err = { 0 };
	if (!mkdtemp(dir))
		return 99;
	snprintf(src, sizeof src, "%s/tests/data/small.json", getenv("top_srcdir") ? getenv("top_srcdir") : ".");
	char gl[600];
	snprintf(gl, sizeof gl, "%s/guideline", getenv("top_srcdir") ? getenv("top_srcdir") : ".");
	setenv("ANZEN_GUIDELINE", gl, 0); /* import checks the answers against the catalogue */
	snprintf(a, sizeof a, "%s/a.anzen", dir);
	snprintf(b, sizeof b, "%s/b.anzen", dir);
	snprintf(dump, sizeof dump, "%s/dump", dir);
	char *imp[] = { "import", "-o", a, src, NULL }, *ny[] = { "next-year", "-o", b, a, NULL };
	ok(cmd_import(4, imp) == 0 && cmd_next_year(4, ny) == 0, "a workbook and its next year");

	struct tui_wb wb = { 0 };
	ok(az_store_open(b, 0, &wb.store, &err) == AZ_OK, "opened");
	ok(sqlite3_exec(az_store_db(wb.store), "UPDATE systems SET firmware = 'Rev.99' WHERE id = 1", NULL, NULL,
			NULL) == SQLITE_OK,
	   "an edit");
	wb.path = b;
	tui_wb = &wb;

	setenv("ANZEN_HEADLESS", "1", 1);
	setenv("TERM", "xterm-256color", 1);
	setenv("LINES", "24", 1);
	setenv("COLUMNS", "100", 1);
	setenv("NO_COLOR", "1", 1);
	char keys[256];
	snprintf(keys, sizeof keys, "%s/keys", dir);
	FILE *kf = fopen(keys, "w");
	if (kf) {
		fputs("<Dump>\n<Enter><Dump>\n", kf);
		fclose(kf);
	}
	setenv("ANZEN_KEYS", keys, 1);
	setenv("ANZEN_DUMP", dump, 1);
	if (!ok(tui_term_start() == 0 && tui_input_open(&err) == 0, "headless screen (%s)", err.msg))
		return done_testing();
	ok(tui_years_open() == 0, "the years screen opens");
	tui_loop();
	tui_input_close();
	tui_term_stop();
	az_store_close(wb.store);
	const char *text = slurp(dump);
	ok(text && strstr(text, "Earlier years") && strstr(text, "Fiscal year 2026"), "it lists fiscal year 2026");
	ok(text && strstr(text, "Systems: new 0, changed 1, unchanged 2, removed 0"), "Enter shows the counts");
	ok(text && strstr(text, "[Changed] Systems: ") && strstr(text, " - firmware"),
	   "and the changed system with its field");
	if (getenv("T_YEARS_SHOW") || (tap_failed && text))
		printf("# dump:\n%s\n", text);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return done_testing();
}
