/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The help text of every screen (N_() text, tui/help_text.c), named by screen. */
#ifndef ANZEN_TUI_HELP_TEXT_H
#define ANZEN_TUI_HELP_TEXT_H

extern const char tui_help_open_failed[];
extern const char tui_help_choice[];
extern const char tui_help_confirm[];
extern const char tui_help_editbox[];
extern const char tui_help_approval[];
extern const char tui_help_changes[];
extern const char tui_help_checklist_answer[];
extern const char tui_help_checklist[];
extern const char tui_help_clinic[];
extern const char tui_help_contact[];
extern const char tui_help_contacts[];
extern const char tui_help_export[];
extern const char tui_help_facts[];
extern const char tui_help_findings[];
extern const char tui_help_heatmap[];
extern const char tui_help_home[];
extern const char tui_help_risks[];
extern const char tui_help_risk_pick[];
extern const char tui_help_system[];
extern const char tui_help_systems[];
extern const char tui_help_threats[];
extern const char tui_help_threat_systems[];
extern const char tui_help_action[];
extern const char tui_help_treat[];
extern const char tui_help_vendor[];
extern const char tui_help_vendor_answer[];
extern const char tui_help_vendor_questions[];
extern const char tui_help_vendors[];
extern const char tui_help_years[];

#endif
