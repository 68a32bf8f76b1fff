/* Demo screens that exercise the framework until the workbook screens plug in. */
#ifndef ANZEN_TUI_DEMO_H
#define ANZEN_TUI_DEMO_H

/* Pushes the home menu. Returns 0 or -1. */
int tui_demo_home(void);

#endif
