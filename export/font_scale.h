/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* A subset TrueType font redrawn on a coarser grid before it is embedded: its outlines and metrics
 * scaled from the font's units per em to AZ_FONT_UPEM. IPAexGothic draws on 2,048 units; on 256
 * the largest error is 1/512 em (0.03 pt on a 16 pt heading, a quarter of a 600 dpi printer dot),
 * and its outlines deflate to 70 % (the outlines are 96 % of the clinic PDF's font). */
#ifndef ANZEN_FONT_SCALE_H
#define ANZEN_FONT_SCALE_H

#include <stddef.h>

#define AZ_FONT_UPEM 256

/* The font in data scaled to upem units per em, in a new buffer (*out, *outlen), or NULL when it
 * is not a TrueType font this understands (then the caller embeds it unchanged) or on no memory. */
char *az_font_rescale(const char *data, size_t len, unsigned upem, size_t *outlen);

#endif
