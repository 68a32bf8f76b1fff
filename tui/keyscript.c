/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Parsing key scripts (see keyscript.h for the syntax). */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "base/i18n.h"
#include "base/readfile.h"
#include "base/text.h"
#include "tui/keys.h"
#include "tui/keyscript.h"

static struct tui_step *add(struct tui_script *sc, struct az_error *err)
{
	if (sc->n == sc->cap) {
		size_t cap = sc->cap ? sc->cap * 2 : 64;
		struct tui_step *s = realloc(sc->steps, cap * sizeof *s);
		if (!s) {
			az_fail(err, AZ_IOERR, "%s", _("out of memory"));
			return NULL;
		}
		sc->steps = s;
		sc->cap = cap;
	}
	struct tui_step *st = &sc->steps[sc->n++];
	memset(st, 0, sizeof *st);
	return st;
}

static int utf8_char(const unsigned char *s, size_t len, int *cp)
{
	ucs4_t c;
	int n = u8_mbtoucr(&c, s, len);
	if (n <= 0)
		return -1;
	*cp = (int)c;
	return (int)n;
}

static int parse(struct tui_script *sc, const char *text, size_t len, const char *name, struct az_error *err)
{
	const unsigned char *s = (const unsigned char *)text;
	int line = 1, bol = 1;
	memset(sc, 0, sizeof *sc);
	for (size_t i = 0; i < len;) {
		if (bol && s[i] == '#') {
			while (i < len && s[i] != '\n')
				i++;
			continue;
		}
		bol = 0;
		if (s[i] == '\n') {
			line++, bol = 1, i++;
			continue;
		}
		if (s[i] == '<') {
			const unsigned char *end = memchr(s + i, '>', len - i);
			const char *nm = (const char *)s + i + 1;
			size_t nlen = end ? (size_t)(end - s) - i - 1 : 0;
			struct tui_step *st;
			if (!end || memchr(nm, '\n', nlen))
				return az_fail(err, AZ_DATAERR, _("%s:%d: '<' without '>' (write <lt> for '<')"), name, line);
			if (!(st = add(sc, err)))
				return err->code;
			if (nlen >= 6 && !memcmp(nm, "Resize", 6)) {
				char size[32] = "";
				memcpy(size, nm + 6, nlen - 6 < sizeof size - 1 ? nlen - 6 : sizeof size - 1);
				char x;
				if (sscanf(size, " %d%c%d", &st->cols, &x, &st->rows) != 3 || x != 'x' || st->cols < 1 ||
				    st->rows < 1 || st->cols > 1000 || st->rows > 1000)
					return az_fail(err, AZ_DATAERR, _("%s:%d: expected <Resize COLSxROWS>"), name, line);
				st->kind = TUI_STEP_RESIZE;
			} else if (nlen >= 4 && !memcmp(nm, "Dump", 4) && (nlen == 4 || nm[4] == ' ')) {
				st->kind = TUI_STEP_DUMP;
				if (nlen > 5 && !(st->file = strndup(nm + 5, nlen - 5)))
					return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
			} else {
				st->kind = TUI_STEP_KEY;
				st->key = tui_key_from_name(nm, nlen);
				if (st->key < 0)
					return az_fail(err, AZ_DATAERR, _("%s:%d: unknown key <%.*s>"), name, line, (int)nlen, nm);
			}
			i += nlen + 2;
			continue;
		}
		int cp, n = utf8_char(s + i, len - i, &cp);
		if (n < 0)
			return az_fail(err, AZ_DATAERR, _("%s:%d: invalid UTF-8"), name, line);
		struct tui_step *st = add(sc, err);
		if (!st)
			return err->code;
		st->kind = TUI_STEP_KEY;
		st->key = cp;
		/* the next character of the same run of text arrives with this one */
		st->joined = (size_t)n + i < len && s[i + n] != '<' && s[i + n] != '\n';
		i += (size_t)n;
	}
	return AZ_OK;
}

int tui_script_parse(struct tui_script *sc, const char *text, size_t len, const char *name,
		     struct az_error *err)
{
	int rc = parse(sc, text, len, name, err);
	if (rc != AZ_OK)
		tui_script_free(sc);
	return rc;
}

int tui_script_load(struct tui_script *sc, const char *path, struct az_error *err)
{
	char *buf;
	size_t n;
	if (az_read_file(path, 32u << 20, &buf, &n) != 0) {
		if (errno == ENOENT || errno == EACCES)
			return az_fail(err, AZ_NOINPUT, _("%s: cannot open: %s"), path, strerror(errno));
		return az_fail(err, AZ_IOERR, _("%s: cannot read"), path);
	}
	int rc = tui_script_parse(sc, buf, n, path, err);
	free(buf);
	return rc;
}

void tui_script_free(struct tui_script *sc)
{
	for (size_t i = 0; i < sc->n; i++)
		free(sc->steps[i].file);
	free(sc->steps);
	memset(sc, 0, sizeof *sc);
}
