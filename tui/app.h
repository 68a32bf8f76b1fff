/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Starting the screens from the command line. */
#ifndef ANZEN_TUI_APP_H
#define ANZEN_TUI_APP_H

/* 1 if `anzen open` should show the screens: headless test mode, or both stdin and stdout are
 * terminals. Otherwise it prints the status, which is what scripts and tests read. */
int tui_wanted(void);
/* Checks the locale and terminal (clear message and an exit code if they cannot work). */
int tui_preflight(void);
/* Runs the screens for the workbook at path; returns the exit code. */
int tui_run(const char *path);

struct az_store;
struct az_catalogue;
struct az_error;
/* Writes the PDF report for the export screen. export/ sits beside tui/, not below it, so the
 * caller (cli/) hands the writer in before tui_run; NULL: the screen reports PDF unavailable. */
extern int (*tui_pdf_writer)(struct az_store *s, const struct az_catalogue *cat, const char *path,
			     int force, void (*warn)(void *ctx, const char *msg), struct az_error *err);

#endif
