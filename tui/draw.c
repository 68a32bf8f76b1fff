/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Text to screen cells: decoding, widths from the C library's wcwidth, clipping, wrapping. */
#include <config.h>

#include <stdlib.h>
#include <unilbrk.h>
#include <string.h>
#include <wchar.h>
#include <unistr.h>

#include "base/linebreak.h"
#include "base/text.h"
#include "tui/draw.h"

/* The composed form of kana + U+3099 (dakuten) or U+309A (handakuten), or 0. IME input is already
 * composed; this catches decomposed text pasted from elsewhere so editing treats が as one letter. */
static wchar_t compose_kana(wchar_t b, wchar_t mark)
{
	wchar_t h = b >= 0x30A1 && b <= 0x30F6 ? b - 0x60 : b; /* katakana → hiragana row */
	int kata = h != b;
	if (mark == 0x3099) {
		if ((h >= 0x304B && h <= 0x3061 && h % 2 == 1) || h == 0x3064 || h == 0x3066 || h == 0x3068)
			return b + 1;
		if (h >= 0x306F && h <= 0x307B && (h - 0x306F) % 3 == 0)
			return b + 1;
		if (h == 0x3046)
			return kata ? 0x30F4 : 0x3094;
		if (b == 0x309D || b == 0x30FD)
			return b + 1;
		if (b >= 0x30EF && b <= 0x30F2)
			return b + 8;
	} else if (mark == 0x309A) {
		if (h >= 0x306F && h <= 0x307B && (h - 0x306F) % 3 == 0)
			return b + 2;
	}
	return 0;
}

int tui_wcwidth(wchar_t c)
{
	int w = wcwidth(c);
	return w < 0 ? 1 : w;
}

static wchar_t safe_char(unsigned long c)
{
	if (c == '\t' || c == '\n' || c == '\r')
		return L' ';
	if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0xFFFD;
	/* unassigned or otherwise unprintable: wcwidth says -1 */
	return wcwidth((wchar_t)c) < 0 ? 0xFFFD : (wchar_t)c;
}

wchar_t *tui_decode(const char *str, size_t *n)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	size_t len = strlen((const char *)s), k = 0;
	wchar_t *out = malloc((len + 1) * sizeof *out);
	if (!out)
		return NULL;
	for (size_t i = 0; i < len;) {
		unsigned long c = az_utf8_next((const char *)s, len, &i);
		wchar_t wc = safe_char(c);
		wchar_t comp = k > 0 ? compose_kana(out[k - 1], wc) : 0;
		if (comp)
			out[k - 1] = comp;
		else
			out[k++] = wc;
	}
	out[k] = L'\0';
	if (n)
		*n = k;
	return out;
}

char *tui_encode(const wchar_t *s, size_t n)
{
	char *out = malloc(n * 4 + 1), *o = out;
	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned long c = (unsigned long)s[i];
		if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			c = 0xFFFD;
		o += u8_uctomb((uint8_t *)o, (ucs4_t)c, 4); /* c is a valid code point here */
	}
	*o = '\0';
	return out;
}

int tui_wswidth(const wchar_t *s, size_t n)
{
	int w = 0;
	for (size_t i = 0; i < n; i++)
		w += tui_wcwidth(s[i]);
	return w;
}

int tui_width(const char *s)
{
	size_t n;
	wchar_t *w = tui_decode(s, &n);
	int width = w ? tui_wswidth(w, n) : 0;
	free(w);
	return width;
}

size_t tui_cluster_next(const wchar_t *s, size_t n, size_t i)
{
	if (i >= n)
		return n;
	i++;
	while (i < n && wcwidth(s[i]) == 0)
		i++;
	return i;
}

size_t tui_cluster_prev(const wchar_t *s, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && wcwidth(s[i]) == 0)
		i--;
	return i;
}

size_t tui_fit(const wchar_t *s, size_t n, int width, int *used)
{
	size_t i = 0;
	int w = 0;
	while (i < n) {
		size_t next = tui_cluster_next(s, n, i);
		int cw = tui_wswidth(s + i, next - i);
		if (w + cw > width)
			break;
		w += cw;
		i = next;
	}
	if (used)
		*used = w;
	return i;
}

void tui_blank(WINDOW *w, int y, int x, int width, attr_t attr)
{
	cchar_t sp;
	if (width <= 0 || setcchar(&sp, L" ", attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL) == ERR)
		return;
	/* mvwhline_set keeps the cursor where it was; fine, every caller places it itself */
	mvwhline_set(w, y, x, &sp, width);
}

int tui_putw(WINDOW *w, int y, int x, int width, const wchar_t *s, size_t n, attr_t attr)
{
	int used = 0;
	size_t i = 0;
	if (width <= 0)
		return 0;
	/* marks with no base before them would vanish anyway */
	while (i < n && wcwidth(s[i]) == 0)
		i++;
	while (i < n) {
		size_t next = tui_cluster_next(s, n, i);
		int cw = tui_wcwidth(s[i]);
		if (used + cw > width)
			break;
		wchar_t cell[CCHARW_MAX + 1];
		size_t k = 0;
		for (size_t j = i; j < next && k < CCHARW_MAX; j++)
			cell[k++] = s[j];
		cell[k] = L'\0';
		cchar_t cc;
		if (setcchar(&cc, cell, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL) != ERR)
			/* ERR only for the bottom-right cell, which is still drawn */
			(void)mvwadd_wch(w, y, x + used, &cc);
		used += cw;
		i = next;
	}
	tui_blank(w, y, x + used, width - used, attr);
	return used;
}

int tui_put(WINDOW *w, int y, int x, int width, const char *utf8, attr_t attr)
{
	size_t n;
	wchar_t *s = tui_decode(utf8, &n);
	if (!s) {
		tui_blank(w, y, x, width, attr);
		return 0;
	}
	int used = tui_putw(w, y, x, width, s, n, attr);
	free(s);
	return used;
}

int tui_put_more(WINDOW *w, int y, int x, int width, const char *utf8, attr_t attr)
{
	size_t n;
	wchar_t *s = tui_decode(utf8, &n);
	if (!s) {
		tui_blank(w, y, x, width, attr);
		return 0;
	}
	int total = 0;
	for (size_t i = 0; i < n; i++)
		total += tui_wcwidth(s[i]);
	int used;
	if (total <= width || width < 2) {
		used = tui_putw(w, y, x, width, s, n, attr);
	} else {
		used = tui_putw(w, y, x, width - 1, s, n, attr);
		used += tui_putw(w, y, x + used, width - used, L"…", 1, attr);
	}
	free(s);
	return used;
}

int tui_put_right(WINDOW *w, int y, int x, int width, const char *utf8, attr_t attr)
{
	int tw = tui_width(utf8);
	if (tw >= width)
		return tui_put(w, y, x, width, utf8, attr);
	tui_blank(w, y, x, width - tw, attr);
	return tui_put(w, y, x + width - tw, tw, utf8, attr);
}

/* tui_put_wrapped; with more set, a last row that does not hold the rest ends with … */
static int wrap(WINDOW *w, int y, int x, int width, int rows, int skip, const char *utf8, attr_t attr, int more)
{
	int row = 0;
	if (width <= 0)
		return 0;
	/* tui_decode makes line breaks spaces, so split on them first */
	size_t i = 0;
	const char *p = utf8 ? utf8 : "";
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t linelen;
		wchar_t *line;
		{
			char *copy = nl ? strndup(p, (size_t)(nl - p)) : strdup(p);
			if (!copy)
				break;
			line = tui_decode(copy, &linelen);
			free(copy);
		}
		if (!line)
			break;
		char *opp = malloc(linelen + 1);
		uint32_t *u = malloc((linelen + 1) * sizeof *u);
		if (opp && u) {
			for (size_t k = 0; k < linelen; k++)
				u[k] = (uint32_t)line[k];
			u32_possible_linebreaks(u, linelen, "UTF-8", opp);
		} else {
			free(opp);
			opp = NULL;
		}
		free(u);
		i = 0;
		do {
			/* take what fits, then back up to the last space if a word would be cut */
			int used;
			size_t take = tui_fit(line + i, linelen - i, width, &used);
			if (take == 0 && i < linelen)
				take = tui_cluster_next(line + i, linelen - i, 0); /* wider than the box */
			/* back up to the last break opportunity (UAX #14 with kinsoku on top, as in the
			 * PDF); a line without one is cut where it is full */
			if (i + take < linelen && opp) {
				size_t k = take;
				while (k > 0 && line[i + k] != L' ' &&
				       (line[i + k - 1] == L' ' ||
					!az_break_between((uint32_t)line[i + k - 1], (uint32_t)line[i + k], opp[i + k])))
					k--;
				if (k > 0)
					take = k;
			}
			size_t next = i + take;
			while (next < linelen && line[next] == L' ')
				next++;
			if (more && row - skip == rows - 1 && (next < linelen || nl)) {
				/* the last row and text left over: say so with … (F1 shows it whole) */
				int used;
				size_t fit = tui_fit(line + i, take, width - 1, &used);
				tui_putw(w, y + row - skip, x, width, line + i, fit, attr);
				tui_putw(w, y + row - skip, x + used, 1, L"\u2026", 1, attr);
			} else if (row >= skip && row - skip < rows)
				tui_putw(w, y + row - skip, x, width, line + i, take, attr);
			row++;
			i += take;
			while (i < linelen && line[i] == L' ')
				i++;
		} while (i < linelen);
		free(opp);
		free(line);
		if (!nl)
			break;
		p = nl + 1;
	}
	return row;
}

int tui_put_wrapped(WINDOW *w, int y, int x, int width, int rows, int skip, const char *utf8, attr_t attr)
{
	return wrap(w, y, x, width, rows, skip, utf8, attr, 0);
}

int tui_put_wrapped_more(WINDOW *w, int y, int x, int width, int rows, const char *utf8, attr_t attr)
{
	return wrap(w, y, x, width, rows, 0, utf8, attr, rows > 0);
}

/* The column where the character that covers column x of row y starts (x, or x - 1 when x is the
 * right half of a wide character), found by walking the row from its start. */
static int cell_start(WINDOW *w, int y, int x)
{
	int c = 0;
	while (c < x) {
		cchar_t cc;
		wchar_t wc[CCHARW_MAX + 1];
		attr_t a;
		short pair;
		int cw = 1;
		if (mvwin_wch(w, y, c, &cc) != ERR && getcchar(&cc, wc, &a, &pair, NULL) != ERR && wc[0])
			cw = tui_wcwidth(wc[0]) > 1 ? 2 : 1;
		if (c + cw > x)
			return c;
		c += cw;
	}
	return x;
}

void tui_frame(WINDOW *w, int y, int x, int rows, int cols, attr_t attr)
{
	if (rows < 2 || cols < 2)
		return;
	/* a wide character under either edge would be cut in half and shift the row: blank it first */
	for (int r = 0; r < rows; r++) {
		int left = cell_start(w, y + r, x), right = cell_start(w, y + r, x + cols);
		if (left < x)
			tui_blank(w, y + r, left, x - left, 0);
		if (right < x + cols)
			tui_blank(w, y + r, right, 2, 0);
	}
	wchar_t edge[cols + 1], side[cols + 1];
	for (int i = 0; i < cols; i++) {
		edge[i] = i == 0 || i == cols - 1 ? L'+' : L'-';
		side[i] = i == 0 || i == cols - 1 ? L'|' : L' ';
	}
	for (int r = 0; r < rows; r++)
		tui_putw(w, y + r, x, cols, r == 0 || r == rows - 1 ? edge : side, (size_t)cols, attr);
}
