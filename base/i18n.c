/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Which language the interface speaks. */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"

static int is_ja(const char *s) { return s && s[0] == 'j' && s[1] == 'a' && (!s[2] || strchr("_.@:", s[2])); }

int az_ui_japanese(void)
{
	const char *msg = setlocale(LC_MESSAGES, NULL);
	const char *language = getenv("LANGUAGE");
	/* gettext ignores LANGUAGE in the C locale */
	if (language && *language && msg && strcmp(msg, "C") != 0 && strcmp(msg, "POSIX") != 0)
		return is_ja(language);
	return is_ja(msg);
}
