/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The PDF typesetter with the real font.
 *   t_typeset                          TAP tests
 *   t_typeset --sample OUT [FONT]      writes the sample document for t_pdf.sh (warnings on stderr)
 *   t_typeset --every-glyph OUT        writes every BMP character the main font draws (t_pdf.sh)
 *   t_typeset --verify TEXT            checks that pdftotext -raw output holds every cell, in order
 *   t_typeset --json                   prints the attachment the sample embeds */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unistr.h>

#include "export/font.h"
#include "base/linebreak.h"
#include "model/pdfattach.h"
#include "export/tounicode.h"
#include "export/typeset.h"
#include "tests/tap.h"

#define SAMPLE_ROWS 1000

static const char *kanji =
	"安全管理規程医療情報システム運用責任者端末利用者認証記録監査委託契約事業者保守点検バックアップ"
	"復旧手順障害対策外部接続暗号化教育訓練診療録電子保存真正性見読性保存性個人情報漏洩防止";

/* The i-th code point of kanji (3 bytes each). */
static void put_kanji(char *out, size_t *o, unsigned i)
{
	size_t n = strlen(kanji) / 3;
	memcpy(out + *o, kanji + (i % n) * 3, 3);
	*o += 3;
}

/* Cell texts of row r: id, a 60-character Japanese name, a class, a rank, an ASCII note. */
static void row_text(unsigned r, char cells[5][256])
{
	size_t o = 0;
	unsigned seed = r * 2654435761u + 7;
	snprintf(cells[0], 256, "%u", r + 1);
	for (int k = 0; k < 60; k++) {
		seed = seed * 1103515245u + 12345u;
		if (k == 20) {
			memcpy(cells[1] + o, "（", 3), o += 3;
		} else if (k == 30) {
			memcpy(cells[1] + o, "）", 3), o += 3;
		} else if (k == 45) {
			memcpy(cells[1] + o, "、", 3), o += 3;
		} else {
			put_kanji(cells[1], &o, seed >> 16);
		}
	}
	cells[1][o] = '\0';
	static const char *cls[] = { "技術的対策", "組織的対策", "物理的対策", "人的対策" };
	snprintf(cells[2], 256, "%s", cls[r % 4]);
	snprintf(cells[3], 256, "%c", "ABCD"[r % 4]);
	snprintf(cells[4], 256, "note-%04u review 2026", r + 1);
}

static void note_text(char *out, size_t size)
{
	static const char *phrase = "院内の端末はVPN経由で保守事業者が接続する。ログは90日保存し、月次で確認する。";
	size_t o = 0, count = 0;
	while (count < 1000) {
		for (size_t i = 0; phrase[i] && count < 1000 && o + 4 < size;) {
			size_t n = ((unsigned char)phrase[i] & 0x80) ? 3 : 1;
			memcpy(out + o, phrase + i, n);
			o += n, i += n, count++;
		}
	}
	out[o] = '\0';
}

static const char *json = "{\"clinic\":\"さくら歯科\",\"rows\":[1,2,3]}\n";

static void warn_print(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "warning: %s\n", msg);
}

static void warn_count(void *ctx, const char *msg)
{
	(void)msg;
	(*(int *)ctx)++;
}

static struct az_doc *sample(const char *font, int rows, void (*warn)(void *, const char *), void *ctx,
			     struct az_error *err)
{
	struct az_doc_options o = { 0 };
	o.font_file = font;
	o.title = "リスク評価報告書";
	o.author = "さくら歯科クリニック";
	o.subject = "医療情報システムの安全管理に関するガイドライン第6.0版";
	o.creator = "anzen";
	o.date = "2026-04-01";
	o.header_left = "さくら歯科クリニック";
	o.header_right = "リスク評価報告書";
	o.footer_left = "作成日 2026-04-01";
	o.footer_right = "指紋 1a2b3c4d";
	o.warn = warn;
	o.warn_ctx = ctx;
	struct az_doc *d = az_doc_new(&o, err);
	if (!d)
		return NULL;
	az_doc_heading(d, 1, "リスク評価報告書（サンプル）");
	const char *keys[] = { "医療機関名", "評価日", "非BMPと欠字" };
	const char *vals[] = { "さくら歯科クリニック", "2026-04-01", "𠮷野家 한국 \xff end" };
	az_doc_keyvalue(d, keys, vals, 3);
	az_doc_heading(d, 2, "1. 備考");
	char note[4096];
	note_text(note, sizeof note);
	az_doc_paragraph(d, note);
	az_doc_heading(d, 2, "2. リスクの分布");
	struct az_heatmap_figure h = { .x_label = "影響度", .y_label = "発生可能性",
				.x_ticks = { "1 軽微", "2 小", "3 中", "4 大", "5 重大" },
				.y_ticks = { "5 ほぼ確実", "4 高い", "3 中程度", "2 低い", "1 まれ" } };
	for (int r = 0; r < 5; r++)
		for (int c = 0; c < 5; c++) {
			int score = (5 - r) * (c + 1);
			h.count[r][c] = (r * 7 + c * 3) % 5;
			h.fill[r][c] = score >= 15 ? (struct az_rgb){ 0.96f, 0.6f, 0.6f }
				       : score >= 8 ? (struct az_rgb){ 1.0f, 0.85f, 0.55f }
						    : (struct az_rgb){ 0.75f, 0.9f, 0.75f };
		}
	az_doc_heatmap(d, &h);
	az_doc_heading(d, 2, "3. リスク登録簿");
	const struct az_doc_column cols[] = { { "No.", 0.6, AZ_RIGHT },
					  { "リスク名称", 5, AZ_LEFT },
					  { "区分", 1.5, AZ_CENTER },
					  { "評価", 0.8, AZ_CENTER },
					  { "メモ", 2.2, AZ_LEFT } };
	static const struct az_rgb rank[4] = { { 0.96f, 0.6f, 0.6f }, { 1, 0.85f, 0.55f }, { 1, 1, 0.7f },
					       { 0.75f, 0.9f, 0.75f } };
	az_doc_table_begin(d, cols, 5);
	for (int r = 0; r < rows; r++) {
		char t[5][256];
		row_text((unsigned)r, t);
		struct az_cell c[5] = { { t[0], NULL, 0 }, { t[1], NULL, 0 }, { t[2], NULL, 0 }, { t[3], &rank[r % 4], 0 },
					{ t[4], NULL, 0 } };
		az_doc_table_row(d, c);
	}
	az_doc_table_end(d);
	az_doc_paragraph(d, "以上");
	az_doc_attach(d, "anzen-workbook.json", "application/json", json, strlen(json));
	return d;
}

/* Removes all white space, so wrapped cells compare with their text. */
static size_t squeeze(char *s)
{
	size_t o = 0;
	for (size_t i = 0; s[i]; i++)
		if (s[i] != ' ' && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' && s[i] != '\f')
			s[o++] = s[i];
	s[o] = '\0';
	return o;
}

static int verify(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return perror(path), 2;
	static char text[16 << 20];
	size_t n = fread(text, 1, sizeof text - 1, fp);
	fclose(fp);
	text[n] = '\0';
	squeeze(text);
	const char *pos = text;
	int missing = 0;
	for (unsigned r = 0; r < SAMPLE_ROWS; r++) {
		char t[5][256];
		row_text(r, t);
		for (int c = 0; c < 5; c++) {
			squeeze(t[c]);
			const char *f = strstr(pos, t[c]);
			if (!f) {
				if (missing++ < 5)
					fprintf(stderr, "row %u cell %d not found: %s\n", r + 1, c + 1, t[c]);
				continue;
			}
			pos = f + strlen(t[c]);
		}
	}
	char note[4096];
	note_text(note, sizeof note);
	squeeze(note);
	if (!strstr(text, note))
		missing++, fprintf(stderr, "the 1,000-character note is not found whole\n");
	fprintf(stderr, "# %d missing\n", missing);
	return missing ? 1 : 0;
}

static int file_exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0;
}

/* A font set, for asking what the installed fonts have (closed at the end). */
static struct az_font *probe;

static struct az_font *probe_font(void)
{
	struct az_error err = { 0 };
	if (!probe)
		probe = az_font_open(NULL, NULL, &err);
	return probe;
}

/* The ToUnicode CMap: each glyph id of a subset to its character, in glyph order, in blocks of at
 * most 100 bfchars; a character outside the BMP as its UTF-16 surrogate pair. */
static void tounicode_tests(void)
{
	uint16_t gids[256];
	uint32_t cps[256];
	size_t n = 0, len;
	for (uint32_t c = 0x4E00; n < 150; c += 0x10, n++)
		gids[n] = (uint16_t)(150 - n), cps[n] = c; /* glyph ids in reverse order */
	gids[n] = 200, cps[n++] = 0x20BB7;
	char *t = az_tounicode_cmap(gids, cps, n, 0, &len);
	ok(t && strlen(t) == len, "a ToUnicode CMap for %zu glyphs", n);
	if (!t)
		return;
	ok(strstr(t, "/CMapType 2 def") && strstr(t, "<0000> <FFFF>\nendcodespacerange") && !strstr(t, "cidrange"),
	   "it is a CMapType 2 with a 2-byte code space and no cidrange");
	ok(strstr(t, "100 beginbfchar\n<0001> <5750>\n<0002> <5740>\n") != NULL, "bfchars in glyph order");
	ok(strstr(t, "<00C8> <D842DFB7>\n") != NULL, "𠮷 as its surrogate pair");
	ok(strstr(t, "51 beginbfchar\n") != NULL && !strstr(t, "101 begin"), "in blocks of at most 100 (100+51)");
	free(t);
	uint16_t bg[2] = { 1, 1 };
	uint32_t bc[2] = { 0x41, 0x42 };
	ok(az_tounicode_cmap(bg, bc, 2, 0, &len) == NULL, "a glyph id given twice is refused");
	bg[1] = 2, bc[1] = 0xD800;
	ok(az_tounicode_cmap(bg, bc, 2, 0, &len) == NULL, "a surrogate code point is refused");

	/* mixed codes: a glyph id below 0xE0 is one byte, the others 0xE000 + the glyph id */
	t = az_tounicode_cmap(gids, cps, n, 1, &len);
	ok(t && strstr(t, "2 begincodespacerange\n<00> <DF>\n<E000> <FFFF>\n") && strstr(t, "<01> <5750>\n") &&
		   strstr(t, "<96> <4E00>\n") && strstr(t, "<C8> <D842DFB7>\n"),
	   "mixed codes: one byte below 0xE0, in the two code spaces");
	free(t);
	gids[0] = 0xE5, cps[0] = 0x3042;
	t = az_tounicode_cmap(gids, cps, 1, 1, &len);
	ok(t && strstr(t, "<E0E5> <3042>\n"), "mixed codes: glyph 0xE5 is <E0E5>");
	free(t);
	char *enc = az_mixed_cmap(AZ_MIXED_MAX, NULL, 0, &len);
	ok(enc && strlen(enc) == len && strstr(enc, "/CMapType 1 def") &&
		   strstr(enc, "33 begincidrange\n<00> <DF> 0\n<E0E0> <E0FF> 224\n<E100> <E1FF> 256\n") &&
		   strstr(enc, "<FF00> <FFFF> 7936\nendcidrange") && !strstr(enc, "cidchar"),
	   "the Encoding CMap: the one-byte codes and 32 two-byte ranges to the glyph ids");
	free(enc);
	enc = az_mixed_cmap(300, NULL, 0, &len);
	ok(enc && strstr(enc, "3 begincidrange\n<00> <DF> 0\n<E0E0> <E0FF> 224\n<E100> <E12B> 256\nendcidrange"),
	   "and only the ranges a font of 300 glyphs needs, ending at its last glyph");
	free(enc);
	uint16_t alias[2] = { 7, 250 };
	enc = az_mixed_cmap(3, alias, 2, &len);
	ok(enc && strstr(enc, "1 begincidrange\n<00> <02> 0\nendcidrange\n2 begincidchar\n<03> 7\n<04> 250\nendcidchar"),
	   "a font of 3 glyphs and 2 aliases: the aliases' codes to the glyphs they name");
	free(enc);
	enc = az_mixed_cmap(300, alias, 1, &len);
	ok(enc && strstr(enc, "endcidrange\n1 begincidchar\n<E12C> 7\nendcidchar"), "past 0xE0 an alias is two bytes");
	free(enc);
}

/* A document of every BMP character the main font draws, more glyphs than one-byte and 0xE000
 * codes reach (tounicode.h): its font is drawn with Identity-H. */
static int every_glyph(const char *out)
{
	struct az_error err = { 0 };
	struct az_font *f = az_font_open(NULL, NULL, &err);
	struct az_doc_options o = { .title = "every glyph", .date = "2026-04-01" };
	struct az_doc *d = f ? az_doc_new(&o, &err) : NULL;
	char line[64 * 3 + 1];
	size_t n = 0, count = 0;
	for (uint32_t cp = 0x21; d && cp <= 0xFFFF; cp++) {
		if (cp == 0x7F || (cp >= 0xD800 && cp < 0xE000) || !az_font_has(f, cp) || az_font_face_of(f, cp) != 0)
			continue;
		int k = u8_uctomb((uint8_t *)line + n, cp, 4);
		n += k > 0 ? (size_t)k : 0, count++;
		if (count % 64 == 0 || cp == 0xFFFF) {
			line[n] = '\0';
			az_doc_paragraph(d, line);
			n = 0;
		}
	}
	if (d && n) {
		line[n] = '\0';
		az_doc_paragraph(d, line);
	}
	int rc = d ? az_doc_save(d, out, 1, &err) : err.code;
	if (rc)
		fprintf(stderr, "t_typeset: %s\n", err.msg);
	az_doc_free(d);
	az_font_close(f);
	fprintf(stderr, "t_typeset: %zu characters\n", count);
	return rc;
}

/* The text layer of a PDF file, its white space removed (pdftotext); NULL without pdftotext. */
static char *text_of(const char *path)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' - 2>/dev/null", path);
	FILE *p = popen(cmd, "r");
	static char text[1 << 16];
	size_t n = p ? fread(text, 1, sizeof text - 1, p) : 0;
	if (!p || pclose(p) != 0)
		return NULL;
	text[n] = '\0';
	squeeze(text);
	return text;
}

/* Page references: laid out as wide as their template and printed with the page given once the
 * layout is done; a character of the placeholders' block in ordinary text never becomes one. */
static void refs_tests(const char *dir)
{
	struct az_doc_options o = { 0 };
	struct az_error err = { 0 };
	struct az_doc *d = az_doc_new(&o, &err);
	char ph[5], line[256], path[512];
	const char *p = az_doc_ref(d, 3, "p.99", ph);
	ok(strlen(p) == 4 && memcmp(p, "\xF4\x8F\x80\x83", 4) == 0, "a reference is one placeholder character");
	snprintf(line, sizeof line, "付録 (%s) を参照。", p);
	az_doc_paragraph_refs(d, line);
	az_doc_paragraph(d, "利用者の文字\xF4\x8F\x80\x83はそのまま"); /* U+10F003 in ordinary text */
	is_int(az_doc_ref_set(d, 3, "p.7"), 1, "a page that fits its template");
	is_int(az_doc_ref_set(d, 4, "p.7"), -1, "no such reference");
	snprintf(path, sizeof path, "%s/refs.pdf", dir);
	is_int(az_doc_save(d, path, 1, &err), 0, "saved");
	az_doc_free(d);
	const char *t = text_of(path);
	if (t) {
		ok(strstr(t, "付録(p.7)を参照。") != NULL, "the page is printed in place of the reference");
		ok(strstr(t, "利用者の文字〓はそのまま") != NULL, "the same character in ordinary text prints as 〓");
	} else {
		ok(1, "# SKIP pdftotext is not installed");
		ok(1, "# SKIP pdftotext is not installed");
	}
	unlink(path);

	d = az_doc_new(&o, &err);
	az_doc_ref(d, 3, "p.99", ph);
	is_int(az_doc_ref_set(d, 3, "p.100"), 0, "a page wider than its template is refused (lay out again)");
	az_doc_ref(d, 3, "p.999", ph);
	is_int(az_doc_status(d), 65, "a reference keeps its template");
	az_doc_free(d);

	err.code = 0;
	d = az_doc_new(&o, &err);
	snprintf(line, sizeof line, "付録 (%s)", az_doc_ref(d, 5, "p.99", ph));
	az_doc_paragraph_refs(d, line);
	is_int(az_doc_save(d, path, 1, &err), 65, "a reference never given its page fails the save");
	ok(!file_exists(path), "and leaves no file");
	az_doc_free(d);
}

int main(int argc, char **argv)
{
	struct az_error err = { 0 };
	if (argc >= 3 && strcmp(argv[1], "--sample") == 0) {
		struct az_doc *d = sample(argc > 3 ? argv[3] : NULL, SAMPLE_ROWS, warn_print, NULL, &err);
		int rc = d ? az_doc_save(d, argv[2], 1, &err) : err.code;
		if (rc)
			fprintf(stderr, "t_typeset: %s\n", err.msg);
		az_doc_free(d);
		return rc;
	}
	if (argc == 3 && strcmp(argv[1], "--every-glyph") == 0)
		return every_glyph(argv[2]);
	if (argc == 3 && strcmp(argv[1], "--verify") == 0)
		return verify(argv[2]);
	if (argc == 2 && strcmp(argv[1], "--json") == 0)
		return fputs(json, stdout) == EOF;

	struct az_font *f = az_font_open(NULL, NULL, &err);
	if (!f) {
		printf("1..0 # SKIP %s\n", err.msg);
		return 77;
	}
	ok(az_font_has(f, 'A') && az_font_has(f, 0x3042) && az_font_has(f, 0x6F22) && az_font_has(f, 0x3013),
	   "%s has A, あ, 漢, 〓", az_font_family(f));
	ok(!az_font_has(f, 7) && !az_font_has(f, 0x9F) && !az_font_has(f, 0xD800), "no control characters");
	ok(az_font_face_of(f, 0x3042) == 0 && az_font_face_of(f, 0x20B9F) == 0, "あ and 𠮟 from %s",
	   az_font_family(f));
	if (az_font_face_of(f, 0x20BB7) > 0)
		ok(az_font_nfaces(f) >= 2, "𠮷 from a fallback font that fontconfig found");
	else
		ok(1, "# SKIP no installed font has 𠮷 (%s)", AZ_FALLBACK_PACKAGES);
	is_int(az_font_width(f, 0x3042), 1000, "あ is one em");
	struct az_subset sub;
	az_font_use(f, 'A'), az_font_use(f, 0x3042), az_font_use(f, 0x6F22);
	ok(az_font_subset_face(f, 0, &sub, &err) == AZ_OK && sub.n == 3 && sub.nglyphs >= 4 &&
	   sub.widths[az_subset_gid(&sub, 0x3042)] == 1000 && az_subset_gid(&sub, 'B') == 0,
	   "a subset of 3 characters: their glyph ids and widths, nothing else (%zu bytes)", sub.len);
	az_subset_free(&sub);
	az_font_close(f);

	err.code = 0;
	f = az_font_open("/nonexistent/font.ttf", NULL, &err);
	ok(!f && err.code == 66 && strstr(err.msg, "fonts-ipaexfont-gothic") && strstr(err.msg, "/nonexistent/font.ttf"),
	   "a missing font file is exit 66 naming the file and the Debian package");
	err.code = 0;
	f = az_font_open(NULL, "NoSuchFamilyAnzen", &err);
	ok(!f && err.code == 66 && strstr(err.msg, "NoSuchFamilyAnzen") && strstr(err.msg, "apt-get install"),
	   "an unknown family is exit 66, not a silent fallback font");
	err.code = 0;
	f = az_font_open("/etc/passwd", NULL, &err);
	ok(!f && err.code == 66, "a file that is not a TrueType font is refused");

	struct az_doc_options o = { 0 };
	o.font_file = "/nonexistent/font.ttf";
	err.code = 0;
	ok(az_doc_new(&o, &err) == NULL && err.code == 66, "az_doc_new fails on a missing font");

	/* Warnings: once per character, never silent. */
	int warnings = 0;
	memset(&o, 0, sizeof o);
	o.warn = warn_count, o.warn_ctx = &warnings;
	err.code = 0;
	struct az_doc *d = az_doc_new(&o, &err);
	ok(d != NULL, "document with the default font");
	az_doc_paragraph(d, "𠮷野家の𠮷と😀、한국、\xff\xfe、\x01");
	az_doc_paragraph(d, "𠮷 again and 한 again");
	/* 𠮷 and 😀 come from fallback fonts where one is installed */
	int fallbacks = az_font_has(probe_font(), 0x20BB7) + az_font_has(probe_font(), 0x1F600);
	is_int(warnings, 6 - fallbacks, "%d warnings: 한, 국, invalid UTF-8, U+0001%s; repeats not reported", 6 - fallbacks,
	       fallbacks == 2 ? "" : " (and 𠮷, 😀 without a fallback font)");
	char *buf = NULL, *buf2 = NULL;
	size_t len = 0, len2 = 0;
	is_int(az_doc_save_mem(d, &buf, &len, &err), 0, "saved to memory");
	ok(len > 1000 && len < 60000, "a small page with a subset font is small (%zu bytes)", len);
	is_int(az_doc_save_mem(d, &buf2, &len2, &err), 0, "saved again");
	ok(len == len2 && memcmp(buf, buf2, len) == 0, "byte-identical output");
	char *att;
	size_t alen;
	is_int(az_pdf_attachment(buf, len, NULL, &att, &alen, &err), 65, "a PDF without attachment: exit 65");
	free(buf2);
	az_doc_free(d);

	/* The sample document, in memory. */
	err.code = 0;
	d = sample(NULL, 200, warn_count, &warnings, &err);
	ok(d && az_doc_page_count(d) > 5, "the sample with 200 rows lays out on %d pages", d ? az_doc_page_count(d) : 0);
	free(buf);
	err.code = 0, err.msg[0] = '\0';
	is_int(az_doc_save_mem(d, &buf, &len, &err), 0, "sample saved %s", err.msg);
	az_doc_free(d);
	err.code = 0;
	is_int(az_pdf_attachment(buf, len, "anzen-workbook.json", &att, &alen, &err), 0, "attachment found");
	ok(att && alen == strlen(json) && memcmp(att, json, alen) == 0, "attachment round trip is byte-identical");
	free(att);
	err.code = 0;
	is_int(az_pdf_attachment(buf, len, "other.json", &att, &alen, &err), 65, "an unknown attachment name: exit 65");
	ok(strstr(err.msg, "other.json") != NULL, "and the message names it");
	/* Truncated and corrupted copies never crash the reader. */
	int crashed_or_wrong = 0;
	for (size_t cut = 0; cut < len; cut += len / 97 + 1) {
		err.code = 0;
		if (az_pdf_attachment(buf, cut, NULL, &att, &alen, &err) == 0) {
			crashed_or_wrong += alen != strlen(json) || memcmp(att, json, alen) != 0;
			free(att);
		}
	}
	for (size_t k = 0; k < 200; k++) {
		char *c = malloc(len);
		memcpy(c, buf, len);
		for (size_t j = 0; j < 20; j++)
			c[(k * 7919 + j * 104729) % len] ^= (char)(1 + j);
		err.code = 0;
		if (az_pdf_attachment(c, len, NULL, &att, &alen, &err) == 0)
			free(att);
		free(c);
	}
	ok(!crashed_or_wrong, "truncated PDFs give the attachment whole or an error");
	err.code = 0;
	is_int(az_pdf_attachment("hello", 5, NULL, &att, &alen, &err), 65, "not a PDF: exit 65");
	free(buf);

	/* A row taller than a page is split between lines rather than lost or overflowing. */
	memset(&o, 0, sizeof o);
	err.code = 0;
	d = az_doc_new(&o, &err);
	const struct az_doc_column two[] = { { "項目", 1, AZ_LEFT }, { "内容", 1, AZ_LEFT } };
	char *huge = malloc(6000 * 3 + 1);
	for (int k = 0; k < 6000; k++)
		memcpy(huge + k * 3, k % 50 == 49 ? "。" : "長", 3);
	huge[6000 * 3] = '\0';
	struct az_cell cells[2] = { { "短い", NULL, 0 }, { huge, NULL, 0 } };
	az_doc_table_begin(d, two, 2);
	az_doc_table_row(d, cells);
	az_doc_table_row(d, cells);
	az_doc_table_end(d);
	int pages = az_doc_page_count(d);
	ok(pages >= 6, "two 6,000-character cells in half-width columns span %d pages", pages);
	is_int(az_doc_save_mem(d, &buf, &len, &err), 0, "and save");
	free(buf);
	free(huge);
	az_doc_free(d);

	/* Measured without placing, for a heading kept with the first rows of its table: a row's height
	 * is its lines, a heading and a paragraph have theirs, and az_doc_keep starts a page only when
	 * what it keeps does not fit below. */
	memset(&o, 0, sizeof o);
	err.code = 0;
	d = az_doc_new(&o, &err);
	const struct az_cell tall[4] = { { "一", NULL, 0 }, { "行\n行\n行\n行\n行\n行", NULL, 0 }, { "二", NULL, 0 },
					 { "行", NULL, 0 } };
	double head = az_doc_table_height(d, two, 2, tall, 0), first = az_doc_table_height(d, two, 2, tall, 1),
	       both = az_doc_table_height(d, two, 2, tall, 2);
	ok(head > 12 && first - head > 6 * 12 - 0.01 && first - head < 6 * 12 + 6.01 && both - first < 12 + 6.01 &&
		   both - first > 12 - 0.01,
	   "a table measured: header %.1f pt, a row of six lines %.1f, of one %.1f", head, first - head, both - first);
	double h1 = az_doc_heading_height(d, 1, "見出し"), p2 = az_doc_paragraph_height(d, "一行目\n二行目");
	ok(h1 > 16 && p2 > 2 * 10.5 && p2 < 3 * 15.5, "a heading %.1f pt, a paragraph of two lines %.1f", h1, p2);
	is_int(az_doc_page_count(d), 1, "measuring places nothing");
	az_doc_keep(d, 700);
	is_int(az_doc_page_count(d), 1, "keep at the top of a page: no new page");
	az_doc_paragraph(d, "本文");
	az_doc_keep(d, 100);
	is_int(az_doc_page_count(d), 1, "keep what fits below: no new page");
	az_doc_keep(d, 715); /* the body is 724 pt high, the paragraph took 20.5 */
	is_int(az_doc_page_count(d), 2, "keep what does not fit below: a new page");
	is_int(az_doc_save_mem(d, &buf, &len, &err), 0, "and save");
	free(buf);
	az_doc_free(d);

	/* Misuse is a sticky error reported at save; no file appears. */
	memset(&o, 0, sizeof o);
	err.code = 0;
	d = az_doc_new(&o, &err);
	az_doc_table_row(d, NULL);
	az_doc_paragraph(d, "ignored");
	char tmp[] = "/tmp/t_typeset-XXXXXX";
	ok(mkdtemp(tmp) != NULL, "temporary directory");
	char path[64];
	snprintf(path, sizeof path, "%s/out.pdf", tmp);
	is_int(az_doc_save(d, path, 0, &err), 65, "a row without a table fails at save");
	ok(!file_exists(path), "and leaves no file");
	az_doc_free(d);

	err.code = 0;
	d = az_doc_new(&o, &err);
	az_doc_paragraph(d, "本文");
	is_int(az_doc_save(d, path, 0, &err), 0, "saved to a file");
	err.code = 0;
	is_int(az_doc_save(d, path, 0, &err), 73, "an existing file is not replaced without force");
	err.code = 0;
	is_int(az_doc_save(d, "/nonexistent-dir/x.pdf", 0, &err), 73, "an impossible path: exit 73");
	err.code = 0;
	is_int(az_doc_save(d, path, 1, &err), 0, "replaced with force");
	az_doc_free(d);
	unlink(path);
	refs_tests(tmp);
	rmdir(tmp);
	tounicode_tests();
	az_font_close(probe);
	return done_testing();
}
