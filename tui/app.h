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

#endif
