/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Where the catalogue and the translated messages are found at run time. */
#ifndef ANZEN_LOCATE_H
#define ANZEN_LOCATE_H

/* The global --guideline DIR option; consulted first when set. */
extern const char *az_guideline_option;

/*
 * The catalogue directory: --guideline DIR, else $ANZEN_GUIDELINE, else the source
 * tree's guideline/ when this program runs uninstalled from its build tree, else
 * $(pkgdatadir)/guideline. Returns a malloc'd path, or NULL when out of memory.
 */
char *az_guideline_locate(void);

/*
 * The message catalogue directory (LOCALEDIR/LANG/LC_MESSAGES/anzen.mo): $ANZEN_LOCALEDIR,
 * else the build tree's locale/ (made from the po/ catalogues by make) when running uninstalled,
 * else $(localedir). Returns a malloc'd path, or NULL when out of memory.
 */
char *az_locale_locate(void);

/* The module named name (cli/ui.h): the build tree's when running uninstalled, else
 * $(pkglibdir)'s. Returns a malloc'd path, or NULL when out of memory. */
char *az_module_locate(const char *name);

/* Binds the text domain to az_locale_locate(); call after setlocale. */
void az_i18n_start(void);

#endif
