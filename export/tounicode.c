#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/tounicode.h"

/* A block of bfrange or bfchar holds at most 100 entries (PDF 32000-1, 9.10.3). */
#define BLOCK 100

static const char head[] =
	"/CIDInit /ProcSet findresource begin\n"
	"12 dict begin\n"
	"begincmap\n"
	"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	"/CMapName /Adobe-Identity-UCS def\n"
	"/CMapType 2 def\n"
	"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
static const char tail[] =
	"endcmap\n"
	"CMapName currentdict /CMap defineresource pop\n"
	"end\n"
	"end\n";

/* The end of the run starting at cps[i]: the used code points with its high byte, since a bfrange
 * may only vary the last byte of its codes. A range also covers the unused codes between them,
 * which is still right (every code is its code point) and keeps the CMap about 30 lines. */
static size_t run_end(const uint32_t *cps, size_t n, size_t i)
{
	size_t j = i + 1;
	while (j < n && (cps[j] >> 8) == (cps[i] >> 8))
		j++;
	return j;
}

/* Writes the runs of one kind (ranges: more than one code point, else single characters) in
 * blocks of at most BLOCK entries; returns the end of the text. */
static char *put_kind(char *o, const uint32_t *cps, size_t n, int ranges)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i = run_end(cps, n, i))
		count += (run_end(cps, n, i) - i > 1) == ranges;
	const char *kw = ranges ? "bfrange" : "bfchar";
	size_t in_block = 0;
	for (size_t i = 0; i < n;) {
		size_t j = run_end(cps, n, i);
		if ((j - i > 1) == ranges) {
			if (in_block == 0) {
				size_t k = count < BLOCK ? count : BLOCK;
				o += sprintf(o, "%zu begin%s\n", k, kw);
			}
			if (ranges)
				o += sprintf(o, "<%04X> <%04X> <%04X>\n", (unsigned)cps[i], (unsigned)cps[j - 1],
					     (unsigned)cps[i]);
			else
				o += sprintf(o, "<%04X> <%04X>\n", (unsigned)cps[i], (unsigned)cps[i]);
			count--;
			if (++in_block == BLOCK || count == 0) {
				o += sprintf(o, "end%s\n", kw);
				in_block = 0;
			}
		}
		i = j;
	}
	return o;
}

char *az_tounicode_cmap(const uint32_t *cps, size_t n, size_t *len)
{
	for (size_t i = 0; i < n; i++)
		if (cps[i] == 0 || cps[i] > 0xFFFF || (i && cps[i] <= cps[i - 1]))
			return NULL;
	/* at most one entry (21 bytes) per code point, plus one begin/end pair (30) per entry */
	size_t cap = sizeof head + sizeof tail + n * 51 + 1;
	char *buf = malloc(cap), *o = buf;
	if (!buf)
		return NULL;
	memcpy(o, head, sizeof head - 1);
	o += sizeof head - 1;
	o = put_kind(o, cps, n, 1);
	o = put_kind(o, cps, n, 0);
	memcpy(o, tail, sizeof tail);
	o += sizeof tail - 1;
	*len = (size_t)(o - buf);
	return buf;
}
