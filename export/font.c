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
#include <hb-subset.h>
#include <hb.h>

#include "base/cache.h"
#include "export/font.h"
#include "base/i18n.h"

struct az_font {
	char *file, *family;
	hb_blob_t *blob;
	hb_face_t *face;
	hb_font_t *font;
	unsigned upem;
	hb_set_t *used;
	int16_t *widths; /* 65536 cached widths, -1 until measured */
	/* per BMP code point: bit 0 known, bit 1 has a glyph, bit 2 used (az_font_use); every
	 * character of a document passes here twice, and HarfBuzz's cmap and set are slower */
	unsigned char *flags;
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

void az_font_close(struct az_font *f)
{
	if (!f)
		return;
	hb_set_destroy(f->used);
	hb_font_destroy(f->font);
	hb_face_destroy(f->face);
	hb_blob_destroy(f->blob);
	free(f->widths);
	free(f->flags);
	free(f->file);
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
	if (!f) {
		free(path);
		az_fail(err, AZ_IOERR, "%s", _("out of memory"));
		return NULL;
	}
	f->file = path;
	f->blob = hb_blob_create_from_file(path);
	f->face = hb_face_create(f->blob, 0);
	f->font = hb_font_create(f->face);
	f->used = hb_set_create();
	f->widths = malloc(65536 * sizeof *f->widths);
	f->flags = calloc(65536, 1);
	f->upem = hb_face_get_upem(f->face);
	if (!hb_set_allocation_successful(f->used) || !f->widths || !f->flags) {
		az_font_close(f);
		az_fail(err, AZ_IOERR, "%s", _("out of memory"));
		return NULL;
	}
	memset(f->widths, 0xFF, 65536 * sizeof *f->widths);
	hb_font_set_scale(f->font, (int)f->upem, (int)f->upem);
	/* libharu 2.3.0 reads TrueType outlines only (no CFF, no collections). */
	hb_blob_t *glyf = hb_face_reference_table(f->face, HB_TAG('g', 'l', 'y', 'f'));
	unsigned glyf_len = hb_blob_get_length(glyf);
	hb_blob_destroy(glyf);
	hb_codepoint_t gid;
	if (hb_blob_get_length(f->blob) == 0 || hb_face_get_glyph_count(f->face) == 0 || glyf_len == 0 ||
	    !hb_font_get_nominal_glyph(f->font, 'A', &gid)) {
		az_fail(err, AZ_NOINPUT,
			_("font %s: not a TrueType font with Unicode characters (install the Debian "
			  "package %s, or name a .ttf file with --font)"),
			path, AZ_FONT_PACKAGE);
		az_font_close(f);
		return NULL;
	}
	/* The family as libharu will name it, for messages. */
	char name[256];
	unsigned n = sizeof name;
	if (hb_ot_name_get_utf8(f->face, HB_OT_NAME_ID_FONT_FAMILY, hb_language_from_string("en", -1),
				&n, name) == 0)
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
	return f->file;
}

const char *az_font_family(const struct az_font *f)
{
	return f->family;
}

int az_font_has(struct az_font *f, uint32_t cp)
{
	hb_codepoint_t gid;
	/* libharu 2.3.0 truncates code points to 16 bits, and controls draw nothing. */
	if (cp > 0xFFFF || cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (!(f->flags[cp] & 1))
		f->flags[cp] |= (unsigned char)(1 | (hb_font_get_nominal_glyph(f->font, cp, &gid) && gid != 0 ? 2 : 0));
	return (f->flags[cp] & 2) != 0;
}

long az_font_width(struct az_font *f, uint32_t cp)
{
	if (cp > 0xFFFF)
		return 1000;
	if (f->widths[cp] < 0) {
		hb_codepoint_t gid = 0;
		hb_font_get_nominal_glyph(f->font, cp, &gid);
		hb_position_t adv = hb_font_get_glyph_h_advance(f->font, gid);
		/* HPDF_TTFontDef_GetCharWidth: advance * 1000 / unitsPerEm, truncated */
		long w = adv > 0 && f->upem ? (long)((unsigned long)adv * 1000 / f->upem) : 0;
		f->widths[cp] = (int16_t)(w > 32767 ? 32767 : w);
	}
	return f->widths[cp];
}

void az_font_use(struct az_font *f, uint32_t cp)
{
	if (cp <= 0xFFFF) {
		if (f->flags[cp] & 4)
			return;
		f->flags[cp] |= 4;
	}
	hb_set_add(f->used, cp);
}

int az_font_next_used(const struct az_font *f, uint32_t *cp)
{
	hb_codepoint_t c = *cp == (uint32_t)-1 ? HB_SET_VALUE_INVALID : *cp;
	if (!hb_set_next(f->used, &c))
		return 0;
	*cp = c;
	return 1;
}

char *az_font_subset(struct az_font *f, struct az_error *err)
{
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (!in) {
		az_fail(err, AZ_IOERR, "%s", _("out of memory"));
		return NULL;
	}
	hb_set_union(hb_subset_input_unicode_set(in), f->used);
	/* libharu uses none of the OpenType layout tables; without them no extra glyphs come along. */
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	hb_set_add(drop, HB_TAG('G', 'S', 'U', 'B'));
	hb_set_add(drop, HB_TAG('G', 'P', 'O', 'S'));
	hb_set_add(drop, HB_TAG('G', 'D', 'E', 'F'));
	/* Nor vertical metrics, kerning or device tables: a PDF viewer reads only the outlines and
	 * horizontal metrics. Hinting goes too (about a third of IPAexGothic's glyph data). */
	static const char *const unused[] = { "vhea", "vmtx", "kern", "gasp", "hdmx", "LTSH", "VDMX", "BASE", "JSTF" };
	for (size_t i = 0; i < sizeof unused / sizeof unused[0]; i++)
		hb_set_add(drop, hb_tag_from_string(unused[i], 4));
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	/* names: the copyright notice, family and style, and the PostScript name libharu reads */
	hb_set_t *names = hb_subset_input_set(in, HB_SUBSET_SETS_NAME_ID);
	hb_set_clear(names);
	hb_set_add(names, HB_OT_NAME_ID_COPYRIGHT);
	hb_set_add(names, HB_OT_NAME_ID_FONT_FAMILY);
	hb_set_add(names, HB_OT_NAME_ID_FONT_SUBFAMILY);
	hb_set_add(names, HB_OT_NAME_ID_POSTSCRIPT_NAME);
	hb_face_t *sub = hb_subset_or_fail(f->face, in);
	hb_subset_input_destroy(in);
	if (!sub) {
		az_fail(err, AZ_DATAERR, _("font %s: HarfBuzz could not subset it"), f->file);
		return NULL;
	}
	hb_blob_t *blob = hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	unsigned len;
	const char *data = hb_blob_get_data(blob, &len);
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	size_t n = strlen(dir) + 32;
	char *path = malloc(n);
	int fd = -1;
	if (path) {
		snprintf(path, n, "%s/anzen-font-XXXXXX", dir);
		fd = mkstemp(path);
	}
	if (!path || fd < 0 || len == 0) {
		az_fail(err, AZ_CANTCREAT, _("cannot create a temporary font file in %s: %s"), dir,
			len == 0 ? _("empty subset") : strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(path);
		}
		free(path);
		hb_blob_destroy(blob);
		return NULL;
	}
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	int e = errno;
	hb_blob_destroy(blob);
	if (close(fd) != 0 && off == len)
		off = 0, e = errno;
	if (off != len) {
		az_fail(err, AZ_IOERR, _("cannot write a temporary font file in %s: %s"), dir, strerror(e));
		unlink(path);
		free(path);
		return NULL;
	}
	return path;
}
