/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The facts questions (tui/scr_facts.c) and the one-decision-per-threat risk list (tui/scr_threats.c). */
#ifndef ANZEN_TUI_SCR_FACTS_H
#define ANZEN_TUI_SCR_FACTS_H

#include <stddef.h>

/* The questions of one system or vendor (the other 0), or with both 0 every question of the clinic,
 * its systems and its vendors. */
int tui_facts_open(long long system_id, long long vendor_id);
/* The questions behind threat t's suggestion (its scoring rules' facts), for every subject. */
struct az_threat;
int tui_facts_open_threat(const struct az_threat *t);
/* The threats of the workbook ordered by suggested rank, one decision each. */
int tui_threats_open(void);

#endif
