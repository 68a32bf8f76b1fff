/* The /ToUnicode CMap of the document's font, so that copying, searching and screen readers get
 * the characters back. libharu 2.3.0's UTF-8 encoder draws each character as a 2-byte code equal
 * to its code point (Identity-H), but attaches its encoding CMap (a cidrange) as /ToUnicode,
 * which readers reject; this one maps the code points a document uses, a bfrange per high byte. */
#ifndef ANZEN_TOUNICODE_H
#define ANZEN_TOUNICODE_H

#include <stddef.h>
#include <stdint.h>

/* The CMap for the n code points cps (ascending, each in U+0001..U+FFFF) as malloc'd text (its
 * length in *len), or NULL when out of memory or a code point is out of order or range. */
char *az_tounicode_cmap(const uint32_t *cps, size_t n, size_t *len);

#endif
