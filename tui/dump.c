/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Reads the screen back cell by cell, as tig's save-display does. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/dump.h"

static int dumped;

int tui_dumped(void) { return dumped; }

int tui_dump(const char *path, const char *mode)
{
	FILE *fp = fopen(path, mode);
	if (!fp)
		return -1;
	int cols = COLS, rows = LINES;
	wchar_t *line = calloc((size_t)cols * CCHARW_MAX + 1, sizeof *line);
	if (!line) {
		fclose(fp);
		return -1;
	}
	if (mode[0] == 'a')
		fprintf(fp, "--- %dx%d\n", cols, rows);
	for (int y = 0; y < rows; y++) {
		size_t n = 0;
		for (int x = 0; x < cols;) {
			wchar_t wch[CCHARW_MAX + 1];
			cchar_t cc;
			attr_t attr;
			short pair;
			if (mvwin_wch(stdscr, y, x, &cc) == ERR ||
			    getcchar(&cc, wch, &attr, &pair, NULL) == ERR || !wch[0]) {
				x++;
				continue;
			}
			for (size_t k = 0; wch[k]; k++)
				line[n++] = wch[k];
			/* a wide character fills the next cell too */
			x += tui_wcwidth(wch[0]) > 1 ? 2 : 1;
		}
		while (n > 0 && line[n - 1] == L' ')
			n--;
		char *utf8 = tui_encode(line, n);
		if (utf8)
			fprintf(fp, "%s\n", utf8);
		free(utf8);
	}
	free(line);
	dumped = 1;
	return fclose(fp) == 0 ? 0 : -1;
}
