/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include "base/cache.h"
#include "export/font.h"
#include "export/font_cut.h"
#include "base/i18n.h"

struct face {
	char *file;
	hb_blob_t *blob;
	hb_face_t *face;
	hb_font_t *font;
	unsigned upem;
	hb_set_t *used;
};

/* A code point outside the BMP and the face that draws it (-1: none). */
struct astral {
	uint32_t cp;
	int face;
};

struct az_font {
	char *family; /* of the main face, for messages */
	struct face faces[AZ_MAX_FACES];
	int nfaces;
	FcConfig *fc; /* opened at the first character the main face lacks */
	int16_t *widths; /* per BMP code point, -1 until measured */
	/* per BMP code point: bit 0 known, bit 1 drawable, bit 2 used, bits 3-5 the face; every
	 * character of a document passes here twice, and HarfBuzz's cmap and set are slower */
	unsigned char *flags;
	struct astral *astral;
	size_t nastral, capastral;
	uint32_t subst; /* printed for a character no font has (0: none set) */
};

/* The file fontconfig picks for family, or NULL when only an unrelated fallback would match. */
static char *fc_lookup(const char *family)
{
	FcConfig *cfg = FcInitLoadConfigAndFonts();
	if (!cfg)
		return NULL;
	char *path = NULL;
	FcPattern *pat = FcPatternCreate();
	if (pat && FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family) &&
	    FcConfigSubstitute(cfg, pat, FcMatchPattern)) {
		FcDefaultSubstitute(pat);
		FcResult res;
		FcPattern *m = FcFontMatch(cfg, pat, &res);
		FcChar8 *file, *fam;
		int same = 0;
		for (int i = 0; m && FcPatternGetString(m, FC_FAMILY, i, &fam) == FcResultMatch; i++)
			same |= strcasecmp((const char *)fam, family) == 0;
		if (m && same && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch)
			path = strdup((const char *)file);
		if (m)
			FcPatternDestroy(m);
	}
	if (pat)
		FcPatternDestroy(pat);
	FcConfigDestroy(cfg);
	return path;
}

/*
 * The fontconfig lookup costs more than a small PDF's pages (it reads its whole configuration), so
 * its answer is kept in the cache (base/cache.h) with the font file's size and mtime, and used
 * while that file is unchanged. Record: size mtime-sec mtime-nsec path.
 */
static void font_cache_name(const char *family, char *name, size_t n)
{
	unsigned long long h = 0xcbf29ce484222325ull;
	for (const char *p = family; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ull;
	snprintf(name, n, "font-%016llx", h);
}

static char *font_cached(const char *family)
{
	char name[64], cache[4096], line[4200];
	font_cache_name(family, name, sizeof name);
	if (az_cache_file(cache, sizeof cache, name) != 0)
		return NULL;
	long n = az_cache_get(cache, line, sizeof line - 1);
	long long size, sec, nsec;
	int at = 0;
	struct stat st;
	if (n <= 0)
		return NULL;
	line[n] = '\0';
	if (sscanf(line, "%lld %lld %lld %n", &size, &sec, &nsec, &at) != 3 || !at)
		return NULL;
	char *path = line + at;
	path[strcspn(path, "\n")] = '\0';
	if (*path != '/' || stat(path, &st) != 0 || st.st_size != size || st.st_mtim.tv_sec != sec ||
	    st.st_mtim.tv_nsec != nsec)
		return NULL;
	return strdup(path);
}

static void font_remember(const char *family, const char *path)
{
	char name[64], cache[4096], line[4200];
	struct stat st;
	font_cache_name(family, name, sizeof name);
	if (az_cache_file(cache, sizeof cache, name) != 0 || stat(path, &st) != 0)
		return;
	int n = snprintf(line, sizeof line, "%lld %lld %lld %s\n", (long long)st.st_size, (long long)st.st_mtim.tv_sec,
			 (long long)st.st_mtim.tv_nsec, path);
	if (n > 0 && (size_t)n < sizeof line)
		az_cache_put(cache, &(struct az_cache_part){ line, (size_t)n }, 1);
}

/* The font file of family: remembered, else from fontconfig (and then remembered). */
static char *font_lookup(const char *family)
{
	char *path = font_cached(family);
	if (!path && (path = fc_lookup(family)) != NULL)
		font_remember(family, path);
	return path;
}

static void face_close(struct face *c)
{
	hb_set_destroy(c->used);
	hb_font_destroy(c->font);
	hb_face_destroy(c->face);
	hb_blob_destroy(c->blob);
	free(c->file);
	memset(c, 0, sizeof *c);
}

/* Opens a TrueType face (glyf outlines, a Unicode cmap); 0, or -1 when it is not one. */
static int face_open(struct face *c, const char *path, int index)
{
	memset(c, 0, sizeof *c);
	c->file = strdup(path);
	c->blob = hb_blob_create_from_file(path);
	c->face = hb_face_create(c->blob, (unsigned)index);
	c->font = hb_font_create(c->face);
	c->used = hb_set_create();
	c->upem = hb_face_get_upem(c->face);
	hb_blob_t *glyf = hb_face_reference_table(c->face, HB_TAG('g', 'l', 'y', 'f'));
	unsigned glyf_len = hb_blob_get_length(glyf);
	hb_blob_destroy(glyf);
	hb_codepoint_t gid;
	if (!c->file || !hb_set_allocation_successful(c->used) || hb_blob_get_length(c->blob) == 0 ||
	    hb_face_get_glyph_count(c->face) == 0 || glyf_len == 0 || !c->upem ||
	    !hb_font_get_nominal_glyph(c->font, 'A', &gid)) {
		face_close(c);
		return -1;
	}
	hb_font_set_scale(c->font, (int)c->upem, (int)c->upem);
	return 0;
}

static int face_has(const struct face *c, uint32_t cp)
{
	hb_codepoint_t gid;
	return hb_font_get_nominal_glyph(c->font, cp, &gid) && gid != 0;
}

void az_font_close(struct az_font *f)
{
	if (!f)
		return;
	for (int k = 0; k < f->nfaces; k++)
		face_close(&f->faces[k]);
	if (f->fc)
		FcConfigDestroy(f->fc);
	free(f->widths);
	free(f->flags);
	free(f->astral);
	free(f->family);
	free(f);
}

struct az_font *az_font_open(const char *file, const char *family, struct az_error *err)
{
	if (!family)
		family = AZ_FONT_FAMILY;
	char *path = file ? strdup(file) : font_lookup(family);
	if (!path) {
		if (file) {
			az_fail(err, AZ_IOERR, "%s", _("out of memory"));
		} else {
			az_fail(err, AZ_NOINPUT,
				_("font %s not found: install the Debian package %s (apt-get install %s), "
				  "or name a TrueType file with --font"),
				family, AZ_FONT_PACKAGE, AZ_FONT_PACKAGE);
		}
		return NULL;
	}
	/* Open it ourselves first: HarfBuzz turns every failure into an empty blob. */
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		az_fail(err, AZ_NOINPUT,
			_("font %s: %s (install the Debian package %s, or name a TrueType file with --font)"),
			path, strerror(errno), AZ_FONT_PACKAGE);
		free(path);
		return NULL;
	}
	close(fd);
	struct az_font *f = calloc(1, sizeof *f);
	if (f) {
		f->widths = malloc(65536 * sizeof *f->widths);
		f->flags = calloc(65536, 1);
	}
	if (!f || !f->widths || !f->flags) {
		az_font_close(f);
		free(path);
		az_fail(err, AZ_IOERR, "%s", _("out of memory"));
		return NULL;
	}
	memset(f->widths, 0xFF, 65536 * sizeof *f->widths);
	if (face_open(&f->faces[0], path, 0) != 0) {
		/* the PDF's CIDFontType2 (pdfdraw.c) embeds TrueType outlines */
		az_fail(err, AZ_NOINPUT,
			_("font %s: not a TrueType font with Unicode characters (install the Debian "
			  "package %s, or name a .ttf file with --font)"),
			path, AZ_FONT_PACKAGE);
		free(path);
		az_font_close(f);
		return NULL;
	}
	f->nfaces = 1;
	free(path);
	char name[256];
	unsigned n = sizeof name;
	if (hb_ot_name_get_utf8(f->faces[0].face, HB_OT_NAME_ID_FONT_FAMILY, hb_language_from_string("en", -1), &n,
				name) == 0)
		snprintf(name, sizeof name, "%s", family);
	f->family = strdup(name);
	if (!f->family) {
		az_font_close(f);
		az_fail(err, AZ_IOERR, "%s", _("out of memory"));
		return NULL;
	}
	return f;
}

const char *az_font_file(const struct az_font *f)
{
	return f->faces[0].file;
}

const char *az_font_family(const struct az_font *f)
{
	return f->family;
}

int az_font_nfaces(const struct az_font *f)
{
	return f->nfaces;
}

/* A face already open that has cp, else the first TrueType font fontconfig finds with it;
 * -1 if none. */
static int find_fallback(struct az_font *f, uint32_t cp)
{
	for (int k = 1; k < f->nfaces; k++)
		if (face_has(&f->faces[k], cp))
			return k;
	if (f->nfaces == AZ_MAX_FACES)
		return -1;
	if (!f->fc && !(f->fc = FcInitLoadConfigAndFonts()))
		return -1;
	int found = -1;
	FcPattern *pat = FcPatternCreate();
	FcCharSet *cs = FcCharSetCreate();
	if (pat && cs && FcCharSetAddChar(cs, cp) && FcPatternAddCharSet(pat, FC_CHARSET, cs) &&
	    FcPatternAddBool(pat, FC_OUTLINE, FcTrue) && FcConfigSubstitute(f->fc, pat, FcMatchPattern)) {
		FcDefaultSubstitute(pat);
		FcResult res;
		FcFontSet *set = FcFontSort(f->fc, pat, FcFalse, NULL, &res);
		for (int i = 0; set && i < set->nfont && found < 0; i++) {
			FcChar8 *file;
			FcCharSet *has;
			int index = 0;
			if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch ||
			    FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &has) != FcResultMatch ||
			    !FcCharSetHasChar(has, cp))
				continue;
			(void)FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
			int open = 0;
			for (int k = 0; k < f->nfaces; k++)
				open |= !strcmp(f->faces[k].file, (const char *)file);
			struct face *c = &f->faces[f->nfaces];
			if (open || face_open(c, (const char *)file, index) != 0)
				continue;
			if (!face_has(c, cp)) {
				face_close(c);
				continue;
			}
			found = f->nfaces++;
		}
		if (set)
			FcFontSetDestroy(set);
	}
	if (cs)
		FcCharSetDestroy(cs);
	if (pat)
		FcPatternDestroy(pat);
	return found;
}

static int is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000);
}

static int lookup(struct az_font *f, uint32_t cp)
{
	if (is_control(cp))
		return -1;
	return face_has(&f->faces[0], cp) ? 0 : find_fallback(f, cp);
}

int az_font_face_of(struct az_font *f, uint32_t cp)
{
	if (cp <= 0xFFFF) {
		if (!(f->flags[cp] & 1)) {
			int k = lookup(f, cp);
			f->flags[cp] |= (unsigned char)(1 | (k >= 0 ? 2 | k << 3 : 0));
		}
		return f->flags[cp] & 2 ? (f->flags[cp] >> 3) & 7 : -1;
	}
	for (size_t i = 0; i < f->nastral; i++)
		if (f->astral[i].cp == cp)
			return f->astral[i].face;
	if (f->nastral == f->capastral) {
		size_t cap = f->capastral ? f->capastral * 2 : 16;
		struct astral *v = realloc(f->astral, cap * sizeof *v);
		if (!v)
			return -1;
		f->astral = v, f->capastral = cap;
	}
	int k = lookup(f, cp);
	f->astral[f->nastral++] = (struct astral){ cp, k };
	return k;
}

int az_font_has(struct az_font *f, uint32_t cp)
{
	return az_font_face_of(f, cp) >= 0;
}

static long advance(const struct face *c, hb_codepoint_t gid)
{
	hb_position_t adv = hb_font_get_glyph_h_advance(c->font, gid);
	return adv > 0 ? (long)((unsigned long)adv * 1000 / c->upem) : 0;
}

void az_font_set_substitute(struct az_font *f, uint32_t cp)
{
	f->subst = cp;
}

uint32_t az_font_substitute(const struct az_font *f)
{
	return f->subst;
}

long az_font_width(struct az_font *f, uint32_t cp)
{
	if (cp <= 0xFFFF && f->widths[cp] >= 0)
		return f->widths[cp];
	int k = az_font_face_of(f, cp);
	if (k < 0 && f->subst && f->subst != cp && az_font_face_of(f, f->subst) >= 0)
		return az_font_width(f, f->subst); /* printed as the substitute */
	const struct face *c = &f->faces[k < 0 ? 0 : k];
	hb_codepoint_t gid = 0;
	hb_font_get_nominal_glyph(c->font, cp, &gid);
	long w = advance(c, gid);
	if (cp <= 0xFFFF)
		f->widths[cp] = (int16_t)(w > 32767 ? 32767 : w);
	return w;
}

void az_font_use(struct az_font *f, uint32_t cp)
{
	if (cp <= 0xFFFF) {
		if (f->flags[cp] & 4)
			return;
		f->flags[cp] |= 4;
	}
	int k = az_font_face_of(f, cp);
	if (k >= 0)
		hb_set_add(f->faces[k].used, cp);
}

void az_subset_free(struct az_subset *s)
{
	free(s->data);
	free(s->cps);
	free(s->gids);
	free(s->widths);
	free(s->bmp);
	memset(s, 0, sizeof *s);
}

uint16_t az_subset_gid(const struct az_subset *s, uint32_t cp)
{
	if (cp <= 0xFFFF)
		return s->bmp[cp];
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->cps[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->n && s->cps[lo] == cp ? s->gids[lo] : 0;
}

static int16_t be16(const char *p)
{
	return (int16_t)(((unsigned char)p[0] << 8) | (unsigned char)p[1]);
}

/* Font-wide metrics of the PDF's font descriptor, in 1/1000 em. */
static void metrics(const struct face *c, struct az_subset *s)
{
	hb_position_t v;
	long u = c->upem;
	s->ascent = hb_ot_metrics_get_position(c->font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v) ? (int)(v * 1000 / u) : 880;
	s->descent = hb_ot_metrics_get_position(c->font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v) ? (int)(v * 1000 / u) : -120;
	s->cap_height = hb_ot_metrics_get_position(c->font, HB_OT_METRICS_TAG_CAP_HEIGHT, &v) && v ? (int)(v * 1000 / u) : s->ascent;
	hb_blob_t *head = hb_face_reference_table(c->face, HB_TAG('h', 'e', 'a', 'd'));
	unsigned n;
	const char *h = hb_blob_get_data(head, &n);
	if (h && n >= 44)
		for (int i = 0; i < 4; i++)
			s->bbox[i] = (int)(be16(h + 36 + 2 * i) * 1000 / u);
	else
		s->bbox[0] = 0, s->bbox[1] = s->descent, s->bbox[2] = 1000, s->bbox[3] = s->ascent;
	hb_blob_destroy(head);
}

/* The PostScript name with a tag made from the code points, so the same document gives the same
 * bytes and two subsets of one font are told apart. */
static void subset_name(const struct face *c, const struct az_subset *s, char *out, size_t cap)
{
	char ps[64];
	unsigned n = sizeof ps;
	if (hb_ot_name_get_utf8(c->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &n, ps) == 0)
		snprintf(ps, sizeof ps, "Font");
	for (char *p = ps; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			*p = '-';
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < s->n; i++)
		h = (h ^ s->cps[i]) * 16777619u;
	char tag[7];
	for (int i = 0; i < 6; i++, h /= 26)
		tag[i] = (char)('A' + h % 26);
	tag[6] = '\0';
	snprintf(out, cap, "%s+%s", tag, ps);
}

/* HarfBuzz's subset of face c to the old glyph ids old[0..n-1] (for what az_font_cut does not
 * read, such as a font collection), then scaled; its glyphs numbered in old order as well. */
static int subset_hb(const struct face *c, const uint32_t *old, size_t n, struct az_cut *cut, struct az_error *err)
{
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (!in)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	/* By glyph: the PDF draws by glyph id and needs no cmap (nor its variation sequences). */
	hb_set_t *glyphs = hb_subset_input_glyph_set(in);
	for (size_t i = 0; i < n; i++)
		hb_set_add(glyphs, old[i]);
	hb_set_add(hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG), HB_TAG('c', 'm', 'a', 'p'));
	/* A PDF viewer reads only the outlines and horizontal metrics: no layout tables (which would
	 * bring more glyphs along), vertical metrics, kerning, device tables or hinting. */
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	static const char *const unused[] = { "GSUB", "GPOS", "GDEF", "vhea", "vmtx", "kern", "gasp", "hdmx",
					      "LTSH", "VDMX", "BASE", "JSTF", "morx", "mort", "feat" };
	for (size_t i = 0; i < sizeof unused / sizeof unused[0]; i++)
		hb_set_add(drop, hb_tag_from_string(unused[i], 4));
	/* and no glyphs reached only through layout features (vertical forms, ligatures) */
	hb_set_clear(hb_subset_input_set(in, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(c->face, in);
	hb_face_t *sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
	hb_subset_input_destroy(in);
	int rc = AZ_OK;
	if (!sub) {
		rc = az_fail(err, AZ_DATAERR, _("font %s: HarfBuzz could not subset it"), c->file);
	} else {
		hb_blob_t *blob = hb_face_reference_blob(sub);
		unsigned len;
		const char *data = hb_blob_get_data(blob, &len);
		const hb_map_t *renumber = hb_subset_plan_old_to_new_glyph_mapping(plan);
		if (az_font_cut(data, len, NULL, 0, AZ_FONT_UPEM, cut) != 0 ||
		    (cut->nold = hb_face_get_glyph_count(c->face)) == 0 ||
		    !(cut->map = realloc(cut->map, cut->nold * sizeof *cut->map))) {
			rc = az_fail(err, AZ_DATAERR, _("font %s: HarfBuzz could not subset it"), c->file);
		} else {
			for (unsigned g = 0; g < cut->nold; g++) {
				hb_codepoint_t to = hb_map_get(renumber, g);
				cut->map[g] = (uint16_t)(to == HB_MAP_VALUE_INVALID ? 0 : to);
			}
		}
		hb_blob_destroy(blob);
	}
	hb_face_destroy(sub);
	hb_subset_plan_destroy(plan);
	return rc;
}

int az_font_subset_face(struct az_font *f, int k, struct az_subset *out, struct az_error *err)
{
	memset(out, 0, sizeof *out);
	const struct face *c = &f->faces[k];
	size_t n = hb_set_get_population(c->used);
	uint32_t *old = malloc((n + 1) * sizeof *old);
	out->cps = malloc((n + 1) * sizeof *out->cps);
	out->gids = malloc((n + 1) * sizeof *out->gids);
	out->bmp = calloc(65536, sizeof *out->bmp); /* only the used entries are touched */
	if (!old || !out->cps || !out->gids || !out->bmp) {
		free(old);
		az_subset_free(out);
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	}
	size_t i = 0;
	for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(c->used, &cp) && i < n; i++) {
		hb_codepoint_t gid = 0;
		hb_font_get_nominal_glyph(c->font, cp, &gid);
		out->cps[i] = cp, old[i] = gid;
	}
	out->n = i;
	/* By glyph: the PDF draws by glyph id and needs no cmap. */
	struct az_cut cut;
	unsigned len;
	const char *data = hb_blob_get_data(c->blob, &len);
	int rc = AZ_OK;
	if (az_font_cut(data, len, old, out->n, AZ_FONT_UPEM, &cut) != 0)
		rc = subset_hb(c, old, out->n, &cut, err);
	free(old);
	if (rc == AZ_OK && (cut.nnew > 65535 || !(out->widths = calloc(cut.nnew + 1, sizeof *out->widths))))
		rc = az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	if (rc != AZ_OK) {
		az_cut_free(&cut);
		az_subset_free(out);
		return rc;
	}
	for (i = 0; i < out->n; i++) {
		hb_codepoint_t gid = 0;
		hb_font_get_nominal_glyph(c->font, out->cps[i], &gid);
		out->gids[i] = gid < cut.nold ? cut.map[gid] : 0;
		if (out->cps[i] <= 0xFFFF)
			out->bmp[out->cps[i]] = out->gids[i];
	}
	/* widths from the original font, in 1/1000 em */
	for (unsigned g = 0; g < cut.nold; g++)
		if (cut.map[g] || g == 0) {
			hb_position_t adv = hb_font_get_glyph_h_advance(c->font, g);
			out->widths[cut.map[g]] = (uint16_t)(adv > 0 ? (unsigned long)adv * 1000 / c->upem : 0);
		}
	out->nglyphs = cut.nnew;
	out->data = cut.data, out->len = cut.len;
	free(cut.map);
	metrics(c, out);
	subset_name(c, out, out->name, sizeof out->name);
	return AZ_OK;
}
