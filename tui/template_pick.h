/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * A blank workbook (no system, vendor or answered question) can start from a template on the home
 * screen: the box lists the catalogue's templates, and the one picked adds its systems, vendors and
 * usual answers (model/template_fill.h, which refuses a workbook that is not blank).
 */
#ifndef ANZEN_TUI_TEMPLATE_PICK_H
#define ANZEN_TUI_TEMPLATE_PICK_H

/* 1 if the open workbook is blank. */
int tui_template_blank(void);
/* Opens the box of templates; 0, or -1 with a message shown. */
int tui_template_pick(void);

#endif
