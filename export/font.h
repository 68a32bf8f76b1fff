/* The document's TrueType font: found with fontconfig, checked for coverage and measured with
 * HarfBuzz, and cut down to the code points a document uses (libharu embeds every table otherwise). */
#ifndef ANZEN_FONT_H
#define ANZEN_FONT_H

#include <stddef.h>
#include <stdint.h>

#include "base/error.h"

#define AZ_FONT_FAMILY "IPAexGothic"
#define AZ_FONT_PACKAGE "fonts-ipaexfont-gothic"

struct az_font;

/* Opens file, or when file is NULL the font fontconfig gives for family (NULL: AZ_FONT_FAMILY).
 * A missing or unusable font is AZ_NOINPUT with a message naming the Debian package. */
struct az_font *az_font_open(const char *file, const char *family, struct az_error *err);
void az_font_close(struct az_font *f);

const char *az_font_file(const struct az_font *f);
const char *az_font_family(const struct az_font *f);
/* 1 if the font can draw cp through libharu 2.3.0 (has a glyph, and cp is in the BMP). */
int az_font_has(struct az_font *f, uint32_t cp);
/* Advance width in 1/1000 em, rounded as libharu does, so layout matches HPDF_Font_TextWidth. */
long az_font_width(struct az_font *f, uint32_t cp);

/* Records that the document draws cp (which must satisfy az_font_has). */
void az_font_use(struct az_font *f, uint32_t cp);
/* The used code points in ascending order: start with *cp = (uint32_t)-1; 0 after the last. */
int az_font_next_used(const struct az_font *f, uint32_t *cp);
/* Writes a subset holding exactly the used code points to a private temporary file (mode 0600)
 * and returns its malloc'd path; the caller unlinks and frees it. */
char *az_font_subset(struct az_font *f, struct az_error *err);

#endif
