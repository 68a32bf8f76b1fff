/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The embedded font redrawn on AZ_FONT_UPEM units per em (export/font_scale.c): every outline of
 * the subset is the original's within one unit of the new grid, the hinting tables are gone, and
 * a hinted font or a damaged one is left alone instead of read out of bounds. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <hb-ot.h>
#include <hb.h>

#include "base/text.h"
#include "export/font.h"
#include "export/font_scale.h"
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

int main(void)
{
	struct az_error err = { 0 };
	struct az_font *font = az_font_open(NULL, NULL, &err);
	if (!font) {
		printf("1..0 # SKIP no %s\n", AZ_FONT_FAMILY);
		return 0;
	}
	/* ASCII, kana, kanji and punctuation of the report */
	const char *text = "Az09@%(),.-/ あいうえおアイウエオー医療情報安全管理責任者「」（）、。令和";
	size_t len = strlen(text);
	for (size_t i = 0; i < len;) {
		uint32_t cp = az_utf8_next(text, len, &i);
		if (az_font_has(font, cp))
			az_font_use(font, cp);
	}
	struct az_subset sub;
	ok(az_font_subset_face(font, 0, &sub, &err) == AZ_OK, "the subset is made");

	hb_blob_t *ob = hb_blob_create_from_file(az_font_file(font));
	hb_face_t *oface = hb_face_create(ob, 0);
	hb_font_t *ofont = hb_font_create(oface);
	hb_blob_t *sb = hb_blob_create(sub.data, (unsigned)sub.len, HB_MEMORY_MODE_READONLY, NULL, NULL);
	hb_face_t *sface = hb_face_create(sb, 0);
	hb_font_t *sfont = hb_font_create(sface);
	unsigned from = hb_face_get_upem(oface);
	is_int(hb_face_get_upem(sface), AZ_FONT_UPEM, "the embedded font has %d units per em", AZ_FONT_UPEM);
	ok(!has_table(sface, "fpgm") && !has_table(sface, "prep") && !has_table(sface, "cvt "),
	   "no hinting tables (fpgm, prep, cvt)");

	/* every glyph: the same drawing calls, each point the original's scaled within one unit */
	hb_draw_funcs_t *df = funcs();
	int same = 1, drawn = 0;
	double worst = 0;
	for (size_t i = 0; i < sub.n; i++) {
		hb_codepoint_t og;
		if (!hb_font_get_nominal_glyph(ofont, sub.cps[i], &og))
			continue;
		struct pts a = { 0 }, b = { 0 };
		hb_font_get_glyph_shape(ofont, og, df, &a);
		hb_font_get_glyph_shape(sfont, sub.gids[i], df, &b);
		same &= a.n == b.n;
		for (size_t k = 0; k < a.n && k < b.n; k++) {
			double d = dabs(a.v[k] * AZ_FONT_UPEM / from - b.v[k]);
			worst = d > worst ? d : worst;
		}
		drawn += a.n > 0;
		hb_glyph_extents_t oe, se;
		if (hb_font_get_glyph_extents(ofont, og, &oe) && hb_font_get_glyph_extents(sfont, sub.gids[i], &se))
			same &= dabs((double)oe.x_bearing * AZ_FONT_UPEM / from - se.x_bearing) <= 1 &&
				dabs((double)oe.width * AZ_FONT_UPEM / from - se.width) <= 2;
		same &= dabs((double)hb_font_get_glyph_h_advance(ofont, og) * AZ_FONT_UPEM / from -
			     hb_font_get_glyph_h_advance(sfont, sub.gids[i])) <= 1;
		free(a.v);
		free(b.v);
	}
	ok(same && drawn >= 40, "%d outlines drawn with the same segments, extents and advances", drawn);
	ok(worst <= 1.0, "every point within one unit of the original scaled (worst %.2f)", worst);

	/* a hinted font (the whole IPAexGothic file has fpgm and prep) is left as it is */
	unsigned olen;
	const char *odata = hb_blob_get_data(ob, &olen);
	size_t n;
	char *r = az_font_rescale(odata, olen, AZ_FONT_UPEM, &n);
	ok(r == NULL, "a hinted font is not rescaled");
	free(r);

	/* damaged subsets: cut short anywhere, or bytes changed: no read out of bounds (ASan), and a
	 * result, when there is one, is a font HarfBuzz opens */
	int bad = 0;
	for (size_t cut = 0; cut < sub.len; cut += 61) {
		r = az_font_rescale(sub.data, cut, 128, &n);
		bad += r != NULL && cut < 12;
		free(r);
	}
	char *copy = malloc(sub.len);
	unsigned seed = 1;
	for (int t = 0; t < 3000 && copy; t++) {
		memcpy(copy, sub.data, sub.len);
		for (int k = 0; k < 4; k++) {
			seed = seed * 1103515245u + 12345u;
			copy[(seed >> 8) % sub.len] = (char)(seed >> 3);
		}
		r = az_font_rescale(copy, sub.len, 128, &n);
		free(r);
	}
	free(copy);
	ok(bad == 0, "cut or changed fonts are refused or rescaled without a fault");

	hb_draw_funcs_destroy(df);
	hb_font_destroy(sfont);
	hb_face_destroy(sface);
	hb_blob_destroy(sb);
	hb_font_destroy(ofont);
	hb_face_destroy(oface);
	hb_blob_destroy(ob);
	az_subset_free(&sub);
	az_font_close(font);
	printf("1..%d\n", tap_n);
	return tap_failed != 0;
}
