/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The last screen per workbook, kept under $XDG_STATE_HOME/anzen/. */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/outfile.h"
#include "tui/state.h"
#include "tui/wb.h"

#define MAX_LINES 200 /* the most recent workbooks only */

static char *state_file(int create_dir)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char dir[PATH_MAX];
	if (xdg && xdg[0] == '/')
		snprintf(dir, sizeof dir, "%s/anzen", xdg);
	else if (home && *home)
		snprintf(dir, sizeof dir, "%s/.local/state/anzen", home);
	else
		return NULL;
	if (create_dir) {
		/* mkdir -p of the last three levels is enough for ~/.local/state/anzen */
		char tmp[PATH_MAX];
		snprintf(tmp, sizeof tmp, "%s", dir);
		for (char *p = tmp + 1; *p; p++)
			if (*p == '/') {
				*p = '\0';
				(void)mkdir(tmp, 0700);
				*p = '/';
			}
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return NULL;
	}
	size_t n = strlen(dir) + 16;
	char *f = malloc(n);
	if (f)
		snprintf(f, n, "%s/last-screen", dir);
	return f;
}

int tui_state_recall(const char *path, char *buf, size_t size)
{
	char abs[PATH_MAX], line[PATH_MAX + 80];
	char *file = state_file(0);
	if (!file || !realpath(path, abs)) {
		free(file);
		return -1;
	}
	FILE *fp = fopen(file, "r");
	free(file);
	if (!fp)
		return -1;
	int found = -1;
	while (fgets(line, sizeof line, fp)) {
		line[strcspn(line, "\n")] = '\0';
		char *tab = strchr(line, '\t');
		if (tab && strcmp(tab + 1, abs) == 0 && (size_t)(tab - line) < size) {
			memcpy(buf, line, (size_t)(tab - line));
			buf[tab - line] = '\0';
			found = 0;
			break;
		}
	}
	fclose(fp);
	return found;
}

void tui_state_remember(const char *code)
{
	char abs[PATH_MAX], line[PATH_MAX + 80];
	if (!tui_wb || !realpath(tui_wb->path, abs))
		return;
	char *file = state_file(1);
	if (!file)
		return;
	struct az_error err = { 0 };
	struct az_outfile out;
	if (az_outfile_open(&out, file, 1, &err) != AZ_OK) {
		free(file);
		return;
	}
	/* this workbook first, then the others as they were */
	fprintf(out.fp, "%s\t%s\n", code, abs);
	FILE *old = fopen(file, "r");
	int n = 1;
	while (old && n < MAX_LINES && fgets(line, sizeof line, old)) {
		char *tab = strchr(line, '\t');
		size_t len = strlen(line);
		if (!tab || len == 0 || line[len - 1] != '\n')
			continue;
		line[len - 1] = '\0';
		if (strcmp(tab + 1, abs) != 0) {
			fprintf(out.fp, "%s\n", line);
			n++;
		}
	}
	if (old)
		fclose(old);
	if (az_outfile_commit(&out, &err) != AZ_OK)
		az_outfile_abort(&out);
	free(file);
}
