/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The help overlay ('?' or F1): the screen's help text and the keys of its status bar. */
#ifndef ANZEN_TUI_HELP_H
#define ANZEN_TUI_HELP_H

#include "tui/screen.h"

/* Pushes the help for screen s. */
void tui_help_show(const struct tui_screen *s);

#endif
