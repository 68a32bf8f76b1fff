/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Test and bench driver: opens one screen of the workbook directly, as tui_run does for the home
 * screen, so golden screens, tmux tests and the bench can start where they look.
 *   open_screen SCREEN WORKBOOK
 * SCREEN: threats (one decision per threat), facts (the questions), risks (pick a system), risks:ID (one system), risks:all, treat:RISK-ID, cell:GRID:L:S, checklist,
 * heatmap. Honours ANZEN_HEADLESS, ANZEN_KEYS, ANZEN_DUMP and ANZEN_LOCALEDIR like anzen itself.
 */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/error.h"
#include "base/text.h"
#include "guideline/locate.h"
#include "tui/dump.h"
#include "tui/input.h"
#include "tui/scr_assess.h"
#include "tui/scr_facts.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/wb.h"

static int push(const char *what)
{
	long long id = 0;
	int g, l, s;
	if (!strcmp(what, "risks"))
		return tui_risks_open(0);
	if (!strcmp(what, "risks:all"))
		return tui_risks_open_all();
	if (sscanf(what, "risks:%lld", &id) == 1)
		return tui_risks_open(id);
	if (sscanf(what, "treat:%lld", &id) == 1)
		return tui_treat_open(id);
	if (sscanf(what, "cell:%d:%d:%d", &g, &l, &s) == 3)
		return tui_risks_open_cell(g, l, s);
	if (!strcmp(what, "checklist"))
		return tui_checklist_open();
	if (!strcmp(what, "heatmap"))
		return tui_heatmap_open();
	if (!strcmp(what, "threats"))
		return tui_threats_open();
	if (!strcmp(what, "facts"))
		return tui_facts_open(0, 0);
	return -2;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	az_i18n_start();
	if (argc != 3) {
		fprintf(stderr, "usage: open_screen SCREEN WORKBOOK\n");
		return AZ_USAGE;
	}
	struct az_error err = { 0 };
	int rc = tui_term_check();
	if (rc != AZ_OK || (rc = tui_term_start()) != AZ_OK)
		return rc;
	if (tui_input_open(&err) != AZ_OK) {
		tui_term_stop();
		fprintf(stderr, "open_screen: %s\n", err.msg);
		return err.code;
	}
	tui_set_context(argv[2]);
	if ((rc = tui_wb_open(argv[2], &err)) != AZ_OK) {
		tui_input_close();
		tui_term_stop();
		fprintf(stderr, "open_screen: %s\n", err.msg);
		return rc;
	}
	int p = push(argv[1]);
	if (p == -2) {
		tui_wb_close();
		tui_input_close();
		tui_term_stop();
		fprintf(stderr, "open_screen: unknown screen %s\n", argv[1]);
		return AZ_USAGE;
	}
	if (p == 0)
		rc = tui_loop();
	const char *dump = getenv("ANZEN_DUMP");
	if (tui_headless() && dump && *dump && !tui_dumped() && tui_dump(dump, "w") != 0)
		rc = AZ_CANTCREAT;
	tui_input_close();
	tui_term_stop();
	if (p != 0) {
		fprintf(stderr, "open_screen: %s\n", tui_message_text());
		rc = AZ_DATAERR;
	}
	if (tui_wb_close() != AZ_OK && rc == AZ_OK)
		rc = AZ_IOERR;
	return rc;
}
