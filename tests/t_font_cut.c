/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The embedded font redrawn on AZ_FONT_UPEM units per em (export/font_cut.c): every outline of
 * the subset is the original's within one unit of the new grid, the hinting tables are gone, and
 * a hinted font or a damaged one is left alone instead of read out of bounds. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include <hb-ot.h>
#include <hb.h>

#include "base/text.h"
#include "export/font.h"
#include "export/font_cut.h"
#include "export/sfnt.h"
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

static unsigned be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The reader of the font's own tables (export/sfnt.c) against HarfBuzz on the whole main font:
 * the glyph of every BMP character through both of its cmap subtables, every advance, the
 * metrics and names; a font collection; damaged fonts. */
static void sfnt_tests(const char *path, hb_font_t *hf)
{
	struct az_sfnt f;
	ok(az_sfnt_open(&f, path, 0) == 0 && f.cmap_format == 12 && az_sfnt_open(&(struct az_sfnt){ 0 }, path, 1) != 0,
	   "the main font opens, with its format 12 character map (and has no face 1)");
	/* its format 4 subtable, found here by hand */
	struct az_sfnt f4 = f;
	const unsigned char *d = f.data;
	for (unsigned i = 0; i < be16(d + 4); i++)
		if (be32(d + 12 + 16 * i) == 0x636D6170) { /* cmap */
			const unsigned char *cmap = d + be32(d + 12 + 16 * i + 8);
			for (unsigned k = 0; k < be16(cmap + 2); k++) {
				const unsigned char *sub = cmap + be32(cmap + 4 + 8 * k + 4);
				if (be16(cmap + 4 + 8 * k) == 3 && be16(cmap + 4 + 8 * k + 2) == 1 && be16(sub) == 4)
					f4.cmap = sub, f4.cmap_n = be16(sub + 2), f4.cmap_format = 4;
			}
		}
	int same = f4.cmap_format == 4, hb_same = 1, found = 0;
	for (uint32_t cp = 0; cp <= 0xFFFF; cp++) {
		hb_codepoint_t g = 0;
		hb_font_get_nominal_glyph(hf, cp, &g);
		unsigned mine = az_sfnt_glyph(&f, cp);
		same &= az_sfnt_glyph(&f4, cp) == mine;
		hb_same &= mine == g;
		found += mine != 0;
	}
	for (uint32_t cp = 0x10000; cp < 0x30000; cp += 7) {
		hb_codepoint_t g = 0;
		hb_font_get_nominal_glyph(hf, cp, &g);
		hb_same &= az_sfnt_glyph(&f, cp) == g;
	}
	ok(same && hb_same && found > 10000, "%d characters: the glyph HarfBuzz finds, through format 4 and 12 alike",
	   found);
	int adv = 1;
	for (unsigned g = 0; g < f.nglyphs; g++)
		adv &= (long)az_sfnt_advance(&f, g) == hb_font_get_glyph_h_advance(hf, g);
	int asc, desc, cap, box[4];
	az_sfnt_metrics(&f, &asc, &desc, &cap, box);
	hb_position_t ha = 0, hd = 0, hc = 0;
	hb_ot_metrics_get_position(hf, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &ha);
	hb_ot_metrics_get_position(hf, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &hd);
	hb_ot_metrics_get_position(hf, HB_OT_METRICS_TAG_CAP_HEIGHT, &hc);
	char ps[64], hps[64], fam[64];
	unsigned n = sizeof hps;
	hb_ot_name_get_utf8(hb_font_get_face(hf), HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &n, hps);
	ok(adv && asc == ha && desc == hd && cap == hc && az_sfnt_name(&f, 6, ps, sizeof ps) == 0 && !strcmp(ps, hps) &&
		   az_sfnt_name(&f, 1, fam, sizeof fam) == 0 && !strcmp(fam, AZ_FONT_FAMILY),
	   "advances, ascender %d, descender %d, cap height %d and names (%s, %s) as HarfBuzz reads them", asc, desc,
	   cap, ps, fam);

	/* a font collection: the same font behind a 'ttcf' header, its offsets moved */
	size_t len = f.len + 16;
	unsigned char *ttc = malloc(len);
	char tmp[] = "/tmp/t_font_cut.XXXXXX";
	int fd = ttc ? mkstemp(tmp) : -1;
	struct az_font *font = NULL;
	if (fd >= 0) {
		memcpy(ttc, "ttcf\0\1\0\0\0\0\0\1\0\0\0\x10", 16);
		memcpy(ttc + 16, f.data, f.len);
		for (unsigned i = 0; i < be16(ttc + 20); i++) {
			unsigned char *off = ttc + 16 + 12 + 16 * i + 8;
			uint32_t v = be32(off) + 16;
			off[0] = (unsigned char)(v >> 24), off[1] = (unsigned char)(v >> 16), off[2] = (unsigned char)(v >> 8),
			off[3] = (unsigned char)v;
		}
		ok(write(fd, ttc, len) == (ssize_t)len, "a font collection written");
		close(fd);
		struct az_error err = { 0 };
		font = az_font_open(tmp, NULL, &err);
	}
	struct az_subset a = { 0 }, b = { 0 };
	struct az_error err = { 0 };
	struct az_font *plain = az_font_open(path, NULL, &err);
	const char *text = "Az09 あア医療";
	for (size_t i = 0; font && plain && i < strlen(text);) {
		uint32_t cp = az_utf8_next(text, strlen(text), &i);
		az_font_use(font, cp), az_font_use(plain, cp);
	}
	ok(font && plain && az_font_subset_face(font, 0, &a, &err) == AZ_OK && az_font_subset_face(plain, 0, &b, &err) == AZ_OK &&
		   a.len == b.len && memcmp(a.data, b.data, a.len) == 0,
	   "its first face cut as the same font from its own file");
	az_subset_free(&a);
	az_subset_free(&b);
	az_font_close(font);
	az_font_close(plain);
	if (fd >= 0)
		unlink(tmp);

	/* damaged: bytes changed in the directory and the tables read here, or the file cut short */
	unsigned char *copy = malloc(f.len);
	if (copy)
		memcpy(copy, f.data, f.len);
	int bad = 0;
	unsigned seed = 3;
	for (int t = 0; copy && t < 4000; t++) {
		unsigned char *p[4], was[4];
		for (int k = 0; k < 4; k++) {
			seed = seed * 1103515245u + 12345u;
			unsigned nt = be16(f.data + 4), i = (seed >> 4) % (nt + 1);
			size_t base = i == nt ? 0 : be32(f.data + 12 + 16 * i + 8), span = i == nt ? 12 + 16 * nt : 4096;
			p[k] = copy + base + (seed >> 12) % span;
			if (p[k] >= copy + f.len)
				p[k] = copy;
			was[k] = *p[k];
			*p[k] = (unsigned char)(seed >> 20);
		}
		struct az_sfnt g;
		size_t cut = t % 7 == 0 ? (seed >> 8) % f.len : f.len;
		if (az_sfnt_read(&g, copy, cut, 0) == 0) {
			char nm[64];
			int x[7];
			for (uint32_t cp = 0; cp < 0x3100; cp += 17)
				bad += az_sfnt_advance(&g, az_sfnt_glyph(&g, cp)) > 0xFFFF;
			az_sfnt_metrics(&g, x, x + 1, x + 2, x + 3);
			az_sfnt_name(&g, 6, nm, sizeof nm);
		}
		for (int k = 3; k >= 0; k--)
			*p[k] = was[k];
	}
	ok(bad == 0, "damaged fonts are refused or read without a fault");
	free(copy);
	free(ttc);
	az_sfnt_close(&f);
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

	sfnt_tests(az_font_file(font), ofont);
	hb_font_destroy(ofont);
	hb_face_destroy(oface);
	hb_blob_destroy(ob);
	az_subset_free(&sub);
	az_font_close(font);
	printf("1..%d\n", tap_n);
	return tap_failed != 0;
}
