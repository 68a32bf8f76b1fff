/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>

#include "base/cache.h"
#include "export/fc_lazy.h"
#include "export/font.h"
#include "export/font_cut.h"
#include "export/sfnt.h"
#include "base/i18n.h"

struct face {
	char *file;
	int index; /* in a font collection */
	struct az_sfnt sf;
	unsigned upem;
	uint32_t *used; /* the code points drawn with it (unsorted; astral ones may repeat) */
	size_t nused, capused;
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
	uint16_t *widths; /* per BMP code point, its width + 1 (0: not measured yet) */
	uint16_t *gids; /* per BMP code point, its glyph in the face that draws it (set with flags bit 0) */
	/* per BMP code point: bit 0 known, bit 1 drawable, bit 2 used, bits 3-5 the face; every
	 * character of a document passes here twice, and a cmap lookup is slower */
	unsigned char *flags;
	struct astral *astral;
	size_t nastral, capastral;
	uint32_t subst; /* printed for a character no font has (0: none set) */
};

/* The file fontconfig picks for family, or NULL when only an unrelated fallback would match. */
static char *fc_lookup(const char *family)
{
	FcConfig *cfg = az_fc_load() == 0 ? FcInitLoadConfigAndFonts() : NULL;
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

/* The per-BMP-code-point tables of struct az_font, in one mapping: widths, gids, flags. */
#define MAPS_SIZE (5 * 65536)

/* n bytes of zeros from the system, their pages untouched until used: the tables of every BMP
 * code point are sparse. (calloc clears memory the heap takes back: 0.27 M instructions for the
 * four such tables of the clinic PDF.) NULL when there is no memory. */
static void *zero_pages(size_t n)
{
	void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

static void zero_pages_free(void *p, size_t n)
{
	if (p)
		munmap(p, n);
}

static void face_close(struct face *c)
{
	az_sfnt_close(&c->sf);
	free(c->used);
	free(c->file);
	memset(c, 0, sizeof *c);
}

/* Opens a TrueType face (glyf outlines, a Unicode cmap); 0, or -1 when it is not one. */
static int face_open(struct face *c, const char *path, int index)
{
	memset(c, 0, sizeof *c);
	c->file = strdup(path);
	c->index = index;
	if (!c->file || az_sfnt_open(&c->sf, path, index) != 0) {
		face_close(c);
		return -1;
	}
	c->upem = c->sf.upem;
	return 0;
}

static int face_has(const struct face *c, uint32_t cp)
{
	return az_sfnt_glyph(&c->sf, cp) != 0;
}

void az_font_close(struct az_font *f)
{
	if (!f)
		return;
	for (int k = 0; k < f->nfaces; k++)
		face_close(&f->faces[k]);
	if (f->fc)
		FcConfigDestroy(f->fc);
	zero_pages_free(f->widths, MAPS_SIZE);
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
	/* Opened here first for the reason a missing or unreadable file fails. */
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
		unsigned char *maps = zero_pages(MAPS_SIZE);
		f->widths = (uint16_t *)maps;
		f->gids = maps ? (uint16_t *)(maps + 2 * 65536) : NULL;
		f->flags = maps ? maps + 4 * 65536 : NULL;
	}
	if (!f || !f->widths || !f->gids || !f->flags) {
		az_font_close(f);
		free(path);
		az_fail(err, AZ_IOERR, "%s", _("out of memory"));
		return NULL;
	}
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
	if (az_sfnt_name(&f->faces[0].sf, 1, name, sizeof name) != 0)
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
	if (!f->fc && (az_fc_load() != 0 || !(f->fc = FcInitLoadConfigAndFonts())))
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

/* The face that draws cp (-1: none) and its glyph there (*gid). */
static int lookup(struct az_font *f, uint32_t cp, unsigned *gid)
{
	*gid = 0;
	if (is_control(cp))
		return -1;
	if ((*gid = az_sfnt_glyph(&f->faces[0].sf, cp)) != 0)
		return 0;
	int k = find_fallback(f, cp);
	if (k >= 0)
		*gid = az_sfnt_glyph(&f->faces[k].sf, cp);
	return k;
}

int az_font_face_of(struct az_font *f, uint32_t cp)
{
	if (cp <= 0xFFFF) {
		if (!(f->flags[cp] & 1)) {
			unsigned gid;
			int k = lookup(f, cp, &gid);
			f->gids[cp] = (uint16_t)gid;
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
	unsigned gid;
	int k = lookup(f, cp, &gid);
	f->astral[f->nastral++] = (struct astral){ cp, k };
	return k;
}

int az_font_has(struct az_font *f, uint32_t cp)
{
	return az_font_face_of(f, cp) >= 0;
}

static long advance(const struct face *c, unsigned gid)
{
	return (long)((unsigned long)az_sfnt_advance(&c->sf, gid) * 1000 / c->upem);
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
	if (cp <= 0xFFFF && f->widths[cp])
		return f->widths[cp] - 1;
	int k = az_font_face_of(f, cp);
	if (k < 0 && f->subst && f->subst != cp && az_font_face_of(f, f->subst) >= 0)
		return az_font_width(f, f->subst); /* printed as the substitute */
	const struct face *c = &f->faces[k < 0 ? 0 : k];
	long w = advance(c, k >= 0 && cp <= 0xFFFF ? f->gids[cp] : az_sfnt_glyph(&c->sf, cp));
	if (cp <= 0xFFFF)
		f->widths[cp] = (uint16_t)(w > 65534 ? 65535 : w + 1);
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
	struct face *c = k >= 0 ? &f->faces[k] : NULL;
	if (c && c->nused == c->capused) {
		size_t cap = c->capused ? c->capused * 2 : 1024;
		uint32_t *v = realloc(c->used, cap * sizeof *v);
		if (!v)
			return; /* drawn as .notdef: the subset has no glyph for it */
		c->used = v, c->capused = cap;
	}
	if (c)
		c->used[c->nused++] = cp;
}

void az_subset_free(struct az_subset *s)
{
	free(s->data);
	free(s->cps);
	free(s->gids);
	free(s->widths);
	free(s->alias);
	zero_pages_free(s->bmp, 65536 * sizeof *s->bmp);
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

/* Font-wide metrics of the PDF's font descriptor, in 1/1000 em. */
static void metrics(const struct face *c, struct az_subset *s)
{
	long u = c->upem;
	int asc, desc, cap, box[4];
	az_sfnt_metrics(&c->sf, &asc, &desc, &cap, box);
	s->ascent = (int)(asc * 1000 / u);
	s->descent = (int)(desc * 1000 / u);
	s->cap_height = cap ? (int)(cap * 1000 / u) : s->ascent;
	for (int i = 0; i < 4; i++)
		s->bbox[i] = (int)(box[i] * 1000 / u);
}

/* The PostScript name with a tag made from the code points, so the same document gives the same
 * bytes and two subsets of one font are told apart. */
static void subset_name(const struct face *c, const struct az_subset *s, char *out, size_t cap)
{
	char ps[64];
	if (az_sfnt_name(&c->sf, 6, ps, sizeof ps) != 0)
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

int az_font_subset_face(struct az_font *f, int k, struct az_subset *out, struct az_error *err)
{
	memset(out, 0, sizeof *out);
	struct face *c = &f->faces[k];
	/* the code points drawn with it, once each, ascending */
	uint32_t *old = malloc((c->nused + 1) * sizeof *old);
	if (old)
		az_sort_u32(c->used, old, c->nused);
	size_t n = 0;
	for (size_t i = 0; i < c->nused; i++)
		if (n == 0 || c->used[i] != c->used[n - 1])
			c->used[n++] = c->used[i];
	c->nused = n;
	out->cps = malloc((n + 1) * sizeof *out->cps);
	out->gids = malloc((n + 1) * sizeof *out->gids);
	out->bmp = zero_pages(65536 * sizeof *out->bmp);
	if (!old || !out->cps || !out->gids || !out->bmp) {
		free(old);
		az_subset_free(out);
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	}
	for (size_t i = 0; i < n; i++)
		/* every code point here was looked up in this face: a BMP one's glyph is kept */
		out->cps[i] = c->used[i], old[i] = c->used[i] <= 0xFFFF ? f->gids[c->used[i]] : az_sfnt_glyph(&c->sf, c->used[i]);
	out->n = n;
	/* By glyph: the PDF draws by glyph id and needs no cmap. */
	struct az_cut cut;
	int rc = az_font_cut((const char *)c->sf.data, c->sf.len, c->sf.dir, old, n, AZ_FONT_UPEM, &cut);
	if (rc != 0) {
		free(old);
		az_subset_free(out);
		return az_fail(err, AZ_DATAERR, _("font %s: cannot cut it to the document's characters"), c->file);
	}
	if (cut.nnew > 65535 || !(out->widths = calloc(cut.nnew + 1, sizeof *out->widths))) {
		free(old);
		az_cut_free(&cut);
		az_subset_free(out);
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	}
	unsigned char *seen = calloc(cut.nnew + 1, 1);
	out->alias = malloc((n + 1) * sizeof *out->alias);
	if (!seen || !out->alias) {
		free(seen), free(old);
		az_cut_free(&cut);
		az_subset_free(out);
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	}
	for (size_t i = 0; i < n; i++) {
		unsigned g = old[i] < cut.nold ? cut.map[old[i]] : 0;
		if (g && seen[g] && cut.nnew + out->nalias < 65535) /* a glyph drawn for two characters */
			out->alias[out->nalias] = (uint16_t)g, g = cut.nnew + (unsigned)out->nalias++;
		else
			seen[g] = 1;
		out->gids[i] = (uint16_t)g;
		if (out->cps[i] <= 0xFFFF)
			out->bmp[out->cps[i]] = out->gids[i];
	}
	free(seen);
	/* widths from the original font, in 1/1000 em */
	for (unsigned g = 0; g < cut.nnew; g++)
		out->widths[g] = (uint16_t)advance(c, cut.from[g]);
	free(old);
	out->nglyphs = cut.nnew;
	out->data = cut.data, out->len = cut.len;
	free(cut.map);
	free(cut.from);
	metrics(c, out);
	subset_name(c, out, out->name, sizeof out->name);
	return AZ_OK;
}
