/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Translation macros; the bottom layer, so every other directory may include it. */
#ifndef ANZEN_I18N_H
#define ANZEN_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

/* 1 if messages are shown in Japanese (LANGUAGE, LC_ALL, LC_MESSAGES, LANG as gettext reads them). */
int az_ui_japanese(void);

#endif
