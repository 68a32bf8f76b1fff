/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The report's language, independent of the interface's: an inspector may need the PDF in
 * Japanese while the clinic's staff run anzen in English, or the other way round.
 * English is the msgid itself. Japanese is looked up in the same message catalogue with
 * LC_MESSAGES switched for this thread only (uselocale) and LANGUAGE set to "ja" for the
 * lookup, so it works whether or not ja_JP.UTF-8 is generated. Results are cached by msgid
 * address: the sections ask for the same few labels once per row. */
#include <config.h>

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export/report_ctx.h"
#include "base/i18n.h"

#ifdef ENABLE_NLS
extern int _nl_msg_cat_cntr; /* glibc/gettext: bump after changing LANGUAGE */
#endif

#define CACHE 1024

struct rp_lang {
	int ja;
	locale_t loc;
	const char *key[CACHE];
	const char *val[CACHE];
};

struct rp_lang *rp_lang_open(int ja)
{
	struct rp_lang *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	l->ja = ja;
#ifdef ENABLE_NLS
	if (ja) {
		locale_t base = duplocale(LC_GLOBAL_LOCALE);
		l->loc = base ? newlocale(LC_MESSAGES_MASK, "C.UTF-8", base) : (locale_t)0;
		if (!l->loc && base)
			freelocale(base);
	}
#endif
	return l;
}

void rp_lang_close(struct rp_lang *l)
{
	if (!l)
		return;
	if (l->loc)
		freelocale(l->loc);
	free(l);
}

static const char *lookup(struct rp_lang *l, const char *msgid)
{
#ifdef ENABLE_NLS
	if (!l->loc)
		return msgid;
	const char *old = getenv("LANGUAGE");
	char *saved = old ? strdup(old) : NULL;
	if (old && !saved)
		return msgid;
	locale_t prev = uselocale(l->loc);
	setenv("LANGUAGE", "ja", 1);
	++_nl_msg_cat_cntr;
	const char *t = dgettext(PACKAGE, msgid);
	if (saved)
		setenv("LANGUAGE", saved, 1);
	else
		unsetenv("LANGUAGE");
	++_nl_msg_cat_cntr;
	uselocale(prev);
	free(saved);
	return t;
#else
	(void)l;
	return msgid;
#endif
}

const char *rp_tr(struct rp *r, const char *msgid)
{
	struct rp_lang *l = r->lang;
	if (!l || !l->ja)
		return msgid;
	size_t h = ((uintptr_t)msgid >> 3) % CACHE;
	for (size_t k = 0; k < CACHE; k++, h = (h + 1) % CACHE) {
		if (l->key[h] == msgid)
			return l->val[h];
		if (!l->key[h]) {
			l->key[h] = msgid;
			return l->val[h] = lookup(l, msgid);
		}
	}
	return lookup(l, msgid);
}

const char *rp_text(const struct rp *r, const struct az_text *t)
{
	if (!t)
		return "";
	const char *first = r->ja ? t->ja : t->en, *other = r->ja ? t->en : t->ja;
	return first && *first ? first : other ? other : "";
}
