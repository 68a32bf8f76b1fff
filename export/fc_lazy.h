/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * fontconfig loaded the first time a font must be looked up (font.c caches the answer), not by
 * every PDF: linked, it and what it needs (FreeType, libpng, brotli, expat) cost 0.35 ms of
 * dynamic linking, a fiftieth of the clinic PDF. Include after <fontconfig/fontconfig.h>: the Fc
 * functions below then call through pointers that az_fc_load fills.
 */
#ifndef ANZEN_FC_LAZY_H
#define ANZEN_FC_LAZY_H

#define AZ_FC_FUNCS \
	X(FcCharSetAddChar) \
	X(FcCharSetCreate) \
	X(FcCharSetDestroy) \
	X(FcCharSetHasChar) \
	X(FcConfigDestroy) \
	X(FcConfigSubstitute) \
	X(FcDefaultSubstitute) \
	X(FcFontMatch) \
	X(FcFontSetDestroy) \
	X(FcFontSort) \
	X(FcInitLoadConfigAndFonts) \
	X(FcPatternAddBool) \
	X(FcPatternAddCharSet) \
	X(FcPatternAddString) \
	X(FcPatternCreate) \
	X(FcPatternDestroy) \
	X(FcPatternGetCharSet) \
	X(FcPatternGetInteger) \
	X(FcPatternGetString) \
	/* end */

#define X(f) extern __typeof__(f) *az_##f;
AZ_FC_FUNCS
#undef X

/* Loads fontconfig once: 0, or -1 when it cannot be loaded (then no font is looked up). */
int az_fc_load(void);

#ifndef AZ_FC_LAZY_C
#define FcCharSetAddChar (*az_FcCharSetAddChar)
#define FcCharSetCreate (*az_FcCharSetCreate)
#define FcCharSetDestroy (*az_FcCharSetDestroy)
#define FcCharSetHasChar (*az_FcCharSetHasChar)
#define FcConfigDestroy (*az_FcConfigDestroy)
#define FcConfigSubstitute (*az_FcConfigSubstitute)
#define FcDefaultSubstitute (*az_FcDefaultSubstitute)
#define FcFontMatch (*az_FcFontMatch)
#define FcFontSetDestroy (*az_FcFontSetDestroy)
#define FcFontSort (*az_FcFontSort)
#define FcInitLoadConfigAndFonts (*az_FcInitLoadConfigAndFonts)
#define FcPatternAddBool (*az_FcPatternAddBool)
#define FcPatternAddCharSet (*az_FcPatternAddCharSet)
#define FcPatternAddString (*az_FcPatternAddString)
#define FcPatternCreate (*az_FcPatternCreate)
#define FcPatternDestroy (*az_FcPatternDestroy)
#define FcPatternGetCharSet (*az_FcPatternGetCharSet)
#define FcPatternGetInteger (*az_FcPatternGetInteger)
#define FcPatternGetString (*az_FcPatternGetString)
#endif

#endif
