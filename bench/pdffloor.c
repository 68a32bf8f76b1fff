/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The minimal floor of a PDF export (issue 10), for bench/run to print beside anzen's figures:
 * only the work no report can avoid, with the libraries anzen uses and nothing else linked.
 *   pdffloor WORKBOOK TEXT OUT.pdf [FONT]
 * reads every value of every table of WORKBOOK (SQLite), subsets FONT (default IPAexGothic) to the
 * glyphs of TEXT (the report's own text, from pdftotext) with HarfBuzz as anzen does, deflates the
 * font program, TEXT (standing for the pages) and the workbook's values (standing for the
 * attachment) at anzen's levels with libdeflate, and writes them as the streams of a PDF file with
 * its cross-reference table. No layout, no drawing operators: what is left is the floor. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hb-subset.h>
#include <hb.h>
#include <libdeflate.h>
#include <sqlite3.h>

#define DEFAULT_FONT "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"

struct buf {
	char *s;
	size_t n, cap;
};

static void put(struct buf *b, const void *s, size_t n)
{
	if (b->cap - b->n < n + 1) {
		size_t cap = b->cap ? b->cap * 2 : 65536;
		while (cap - b->n < n + 1)
			cap *= 2;
		if (!(b->s = realloc(b->s, cap))) {
			fputs("pdffloor: out of memory\n", stderr);
			exit(1);
		}
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
}

/* Every value of every table, one a line. */
static int read_workbook(const char *path, struct buf *out)
{
	sqlite3 *db;
	sqlite3_stmt *tables, *st;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", -1, &tables,
			       NULL) != SQLITE_OK) {
		fprintf(stderr, "pdffloor: %s: %s\n", path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return -1;
	}
	int rc = 0;
	while (rc == 0 && sqlite3_step(tables) == SQLITE_ROW) {
		char sql[256];
		snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", (const char *)sqlite3_column_text(tables, 0));
		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
			rc = -1;
			break;
		}
		while (sqlite3_step(st) == SQLITE_ROW)
			for (int i = 0; i < sqlite3_column_count(st); i++) {
				const unsigned char *v = sqlite3_column_text(st, i);
				if (v)
					put(out, v, (size_t)sqlite3_column_bytes(st, i));
				put(out, "\n", 1);
			}
		sqlite3_finalize(st);
	}
	sqlite3_finalize(tables);
	sqlite3_close(db);
	return rc;
}

static int read_file(const char *path, struct buf *out)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char b[65536];
	size_t n;
	while ((n = fread(b, 1, sizeof b, f)) > 0)
		put(out, b, n);
	int bad = ferror(f);
	fclose(f);
	return bad ? -1 : 0;
}

/* The font cut to the glyphs of text, as font.c does (by glyph, no layout tables, no hinting). */
static hb_blob_t *subset(const char *font, const struct buf *text)
{
	hb_blob_t *blob = hb_blob_create_from_file(font);
	hb_face_t *face = hb_face_create(blob, 0);
	hb_font_t *hf = hb_font_create(face);
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (!in || hb_face_get_glyph_count(face) == 0)
		return NULL;
	hb_set_t *glyphs = hb_subset_input_glyph_set(in);
	hb_buffer_t *b = hb_buffer_create();
	hb_buffer_add_utf8(b, text->s, (int)text->n, 0, (int)text->n);
	unsigned n;
	hb_glyph_info_t *info = hb_buffer_get_glyph_infos(b, &n);
	for (unsigned i = 0; i < n; i++) {
		hb_codepoint_t gid;
		if (hb_font_get_nominal_glyph(hf, info[i].codepoint, &gid))
			hb_set_add(glyphs, gid);
	}
	hb_buffer_destroy(b);
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	static const char *const unused[] = { "cmap", "GSUB", "GPOS", "GDEF", "vhea", "vmtx", "kern", "gasp",
					      "hdmx", "LTSH", "VDMX", "BASE", "JSTF", "morx", "mort", "feat" };
	for (size_t i = 0; i < sizeof unused / sizeof unused[0]; i++)
		hb_set_add(drop, hb_tag_from_string(unused[i], 4));
	hb_set_clear(hb_subset_input_set(in, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	hb_face_t *sub = hb_subset_or_fail(face, in);
	hb_subset_input_destroy(in);
	hb_blob_t *out = sub ? hb_face_reference_blob(sub) : NULL;
	hb_face_destroy(sub);
	hb_font_destroy(hf);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	return out;
}

/* One stream object, deflated at level; its offset goes to off[num]. */
static void stream(FILE *f, long *off, int num, const void *data, size_t len, int level)
{
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(level);
	size_t cap = libdeflate_zlib_compress_bound(c, len);
	void *z = malloc(cap);
	size_t n = c && z ? libdeflate_zlib_compress(c, data, len, z, cap) : 0;
	if (!n) {
		fputs("pdffloor: deflate failed\n", stderr);
		exit(1);
	}
	off[num] = ftell(f);
	fprintf(f, "%d 0 obj\n<< /Filter /FlateDecode /Length %zu >>\nstream\n", num, n);
	fwrite(z, 1, n, f);
	fputs("\nendstream\nendobj\n", f);
	free(z);
	libdeflate_free_compressor(c);
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fputs("usage: pdffloor WORKBOOK TEXT OUT.pdf [FONT]\n", stderr);
		return 64;
	}
	struct buf wb = { 0 }, text = { 0 };
	if (read_workbook(argv[1], &wb) != 0 || read_file(argv[2], &text) != 0) {
		fprintf(stderr, "pdffloor: cannot read %s or %s\n", argv[1], argv[2]);
		return 66;
	}
	hb_blob_t *font = subset(argc > 4 ? argv[4] : DEFAULT_FONT, &text);
	if (!font) {
		fputs("pdffloor: cannot subset the font\n", stderr);
		return 66;
	}
	unsigned flen;
	const char *fdata = hb_blob_get_data(font, &flen);
	FILE *f = fopen(argv[3], "wb");
	if (!f) {
		perror(argv[3]);
		return 73;
	}
	long off[6] = { 0 };
	fputs("%PDF-1.7\n", f);
	stream(f, off, 1, fdata, flen, 6);
	stream(f, off, 2, text.s, text.n, 6);
	stream(f, off, 3, wb.s, wb.n, 6);
	off[4] = ftell(f);
	fputs("4 0 obj\n<< /Type /Catalog /Pages 5 0 R >>\nendobj\n", f);
	off[5] = ftell(f);
	fputs("5 0 obj\n<< /Type /Pages /Kids [ ] /Count 0 >>\nendobj\n", f);
	long xref = ftell(f);
	fputs("xref\n0 6\n0000000000 65535 f \n", f);
	for (int i = 1; i <= 5; i++)
		fprintf(f, "%010ld 00000 n \n", off[i]);
	fprintf(f, "trailer\n<< /Size 6 /Root 4 0 R >>\nstartxref\n%ld\n%%%%EOF\n", xref);
	if (fclose(f) != 0) {
		perror(argv[3]);
		return 74;
	}
	hb_blob_destroy(font);
	free(wb.s);
	free(text.s);
	return 0;
}
