/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The embedded font redrawn on AZ_FONT_UPEM units per em (export/font_cut.c): every outline of
 * the subset is the original's within one unit of the new grid, the hinting tables are gone, and
 * a hinted font or a damaged one is left alone instead of read out of bounds. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <hb-ot.h>
#include <hb.h>

#include "base/text.h"
#include "export/font.h"
#include "export/font_cut.h"
#include "tests/tap.h"

/* The points an outline is drawn through, in order (the draw calls' end and control points). */
struct pts {
	double *v;
	size_t n, cap;
};

static void add(struct pts *p, double x, double y)
{
	if (p->n + 2 > p->cap) {
		p->cap = p->cap ? p->cap * 2 : 256;
		p->v = realloc(p->v, p->cap * sizeof *p->v);
		if (!p->v)
			abort();
	}
	p->v[p->n++] = x, p->v[p->n++] = y;
}

static void move_to(hb_draw_funcs_t *f, void *d, hb_draw_state_t *s, float x, float y, void *u)
{
	(void)f, (void)s, (void)u;
	add(d, x, y);
}

static void quad_to(hb_draw_funcs_t *f, void *d, hb_draw_state_t *s, float cx, float cy, float x, float y, void *u)
{
	(void)f, (void)s, (void)u;
	add(d, cx, cy), add(d, x, y);
}

static void cubic_to(hb_draw_funcs_t *f, void *d, hb_draw_state_t *s, float c1x, float c1y, float c2x, float c2y,
		     float x, float y, void *u)
{
	(void)f, (void)s, (void)u;
	add(d, c1x, c1y), add(d, c2x, c2y), add(d, x, y);
}

static hb_draw_funcs_t *funcs(void)
{
	hb_draw_funcs_t *f = hb_draw_funcs_create();
	hb_draw_funcs_set_move_to_func(f, move_to, NULL, NULL);
	hb_draw_funcs_set_line_to_func(f, move_to, NULL, NULL);
	hb_draw_funcs_set_quadratic_to_func(f, quad_to, NULL, NULL);
	hb_draw_funcs_set_cubic_to_func(f, cubic_to, NULL, NULL);
	return f;
}

static double dabs(double x)
{
	return x < 0 ? -x : x;
}

static int has_table(hb_face_t *face, const char *tag)
{
	hb_blob_t *b = hb_face_reference_table(face, hb_tag_from_string(tag, 4));
	int has = hb_blob_get_length(b) > 0;
	hb_blob_destroy(b);
	return has;
}

/* Draws each code point of cps from the original font (of) and the cut (cut, glyph ids through
 * map): 1 when each outline has the same segments, extents and advance, every point within one
 * unit of the original scaled; *drawn counts the outlines, *worst the largest difference. */
static int same_outlines(hb_font_t *of, const char *data, size_t len, const uint16_t *map, const uint32_t *cps,
			 size_t n, int *drawn, double *worst)
{
	hb_blob_t *sb = hb_blob_create(data, (unsigned)len, HB_MEMORY_MODE_READONLY, NULL, NULL);
	hb_face_t *sface = hb_face_create(sb, 0);
	hb_font_t *sf = hb_font_create(sface);
	hb_draw_funcs_t *df = funcs();
	double from = hb_face_get_upem(hb_font_get_face(of)), to = hb_face_get_upem(sface);
	int same = to == AZ_FONT_UPEM;
	*drawn = 0, *worst = 0;
	for (size_t i = 0; i < n; i++) {
		hb_codepoint_t og;
		if (!hb_font_get_nominal_glyph(of, cps[i], &og))
			continue;
		hb_codepoint_t ng = map[og];
		struct pts a = { 0 }, b = { 0 };
		hb_font_get_glyph_shape(of, og, df, &a);
		hb_font_get_glyph_shape(sf, ng, df, &b);
		same &= a.n == b.n;
		for (size_t k = 0; k < a.n && k < b.n; k++) {
			double d = dabs(a.v[k] * to / from - b.v[k]);
			*worst = d > *worst ? d : *worst;
		}
		*drawn += a.n > 0;
		hb_glyph_extents_t oe, se;
		if (hb_font_get_glyph_extents(of, og, &oe) && hb_font_get_glyph_extents(sf, ng, &se))
			same &= dabs(oe.x_bearing * to / from - se.x_bearing) <= 1 && dabs(oe.width * to / from - se.width) <= 2;
		same &= dabs(hb_font_get_glyph_h_advance(of, og) * to / from - hb_font_get_glyph_h_advance(sf, ng)) <= 1;
		free(a.v);
		free(b.v);
	}
	hb_draw_funcs_destroy(df);
	hb_font_destroy(sf);
	hb_face_destroy(sface);
	hb_blob_destroy(sb);
	return same;
}

static size_t code_points(const char *text, uint32_t *cps)
{
	size_t n = 0, len = strlen(text);
	for (size_t i = 0; i < len;)
		cps[n++] = az_utf8_next(text, len, &i);
	return n;
}

int main(void)
{
	struct az_error err = { 0 };
	struct az_font *font = az_font_open(NULL, NULL, &err);
	if (!font) {
		printf("1..0 # SKIP no %s\n", AZ_FONT_FAMILY);
		return 0;
	}
	/* the document's path: ASCII, kana, kanji and punctuation of the report */
	uint32_t cps[256];
	size_t n = code_points("Az09@%(),.-/ あいうえおアイウエオー医療情報安全管理責任者「」（）、。令和", cps);
	for (size_t i = 0; i < n; i++)
		if (az_font_has(font, cps[i]))
			az_font_use(font, cps[i]);
	struct az_subset sub;
	ok(az_font_subset_face(font, 0, &sub, &err) == AZ_OK, "the subset is made");
	hb_blob_t *ob = hb_blob_create_from_file(az_font_file(font));
	hb_face_t *oface = hb_face_create(ob, 0);
	hb_font_t *ofont = hb_font_create(oface);
	hb_blob_t *sb = hb_blob_create(sub.data, (unsigned)sub.len, HB_MEMORY_MODE_READONLY, NULL, NULL);
	hb_face_t *sface = hb_face_create(sb, 0);
	is_int(hb_face_get_upem(sface), AZ_FONT_UPEM, "the embedded font has %d units per em", AZ_FONT_UPEM);
	ok(has_table(oface, "fpgm") && !has_table(sface, "fpgm") && !has_table(sface, "prep") &&
		   !has_table(sface, "cvt ") && !has_table(sface, "GSUB") && !has_table(sface, "cmap"),
	   "no hinting, layout or cmap tables (the original has them)");
	/* the subset's glyph of each code point, as the PDF draws it */
	uint16_t *map = calloc(hb_face_get_glyph_count(oface), sizeof *map);
	for (size_t i = 0; map && i < sub.n; i++) {
		hb_codepoint_t og;
		if (hb_font_get_nominal_glyph(ofont, sub.cps[i], &og))
			map[og] = az_subset_gid(&sub, sub.cps[i]);
	}
	int drawn = 0;
	double worst = 99;
	int same = map && same_outlines(ofont, sub.data, sub.len, map, sub.cps, sub.n, &drawn, &worst);
	ok(same && drawn >= 40, "%d outlines drawn with the same segments, extents and advances", drawn);
	ok(worst <= 1.0, "every point within one unit of the original scaled (worst %.2f)", worst);
	is_int(hb_face_get_glyph_count(sface), sub.n + 1 - (az_subset_gid(&sub, 0x20) == 0),
	       "one glyph a character, and .notdef");
	free(map);
	hb_face_destroy(sface);
	hb_blob_destroy(sb);

	/* composite glyphs (accented letters of Symbola, a fallback font): their components come
	 * along, renumbered */
	struct az_font *sym = az_font_open(NULL, "Symbola", &err);
	if (!sym) {
		ok(1, "# SKIP no Symbola");
	} else {
		hb_blob_t *yb = hb_blob_create_from_file(az_font_file(sym));
		hb_face_t *yface = hb_face_create(yb, 0);
		hb_font_t *yfont = hb_font_create(yface);
		uint32_t lat[64], keep[64];
		size_t nl = code_points("ÀÉÖåçñŁ→", lat);
		for (size_t i = 0; i < nl; i++) {
			hb_codepoint_t g = 0;
			hb_font_get_nominal_glyph(yfont, lat[i], &g);
			keep[i] = g;
		}
		struct az_cut cut;
		unsigned len;
		const char *data = hb_blob_get_data(yb, &len);
		int made = az_font_cut(data, len, 0, keep, nl, AZ_FONT_UPEM, &cut) == 0;
		same = made && same_outlines(yfont, cut.data, cut.len, cut.map, lat, nl, &drawn, &worst);
		ok(same && worst <= 1.0 && cut.nnew > nl + 1,
		   "composite glyphs drawn as the original's, with their %u components", made ? cut.nnew - (unsigned)nl - 1 : 0);
		if (made)
			az_cut_free(&cut);
		hb_font_destroy(yfont);
		hb_face_destroy(yface);
		hb_blob_destroy(yb);
		az_font_close(sym);
	}

	/* damaged fonts: cut short anywhere, or bytes changed: no read out of bounds (ASan), and a
	 * result, when there is one, is a font HarfBuzz opens */
	struct az_cut cut;
	int bad = 0;
	for (size_t cut_at = 0; cut_at < sub.len; cut_at += 61) {
		int rc = az_font_cut(sub.data, cut_at, 0, NULL, 0, 64, &cut);
		bad += rc == 0 && cut_at < 12;
		if (rc == 0)
			az_cut_free(&cut);
	}
	char *copy = malloc(sub.len);
	unsigned seed = 1;
	uint32_t few[] = { 1, 2, 3, 500, 9999, 70000 };
	for (int t = 0; t < 3000 && copy; t++) {
		memcpy(copy, sub.data, sub.len);
		for (int k = 0; k < 4; k++) {
			seed = seed * 1103515245u + 12345u;
			copy[(seed >> 8) % sub.len] = (char)(seed >> 3);
		}
		if (az_font_cut(copy, sub.len, 0, t % 2 ? few : NULL, 6, 64, &cut) == 0) {
			hb_blob_t *b = hb_blob_create(cut.data, (unsigned)cut.len, HB_MEMORY_MODE_READONLY, NULL, NULL);
			hb_face_t *f = hb_face_create(b, 0);
			bad += hb_face_get_upem(f) == 0;
			hb_face_destroy(f);
			hb_blob_destroy(b);
			az_cut_free(&cut);
		}
	}
	free(copy);
	ok(bad == 0, "cut or changed fonts are refused or cut without a fault");

	hb_font_destroy(ofont);
	hb_face_destroy(oface);
	hb_blob_destroy(ob);
	az_subset_free(&sub);
	az_font_close(font);
	printf("1..%d\n", tap_n);
	return tap_failed != 0;
}
