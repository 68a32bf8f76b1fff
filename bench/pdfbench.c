/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* PDF export timing (not part of make check; build with `make bench/pdfbench`).
 *   pdfbench ROWS OUT.pdf [FONT]          the typesetter: wrapped cells, subset font
 *   pdfbench --floor ROWS OUT.pdf [FONT]  bare libharu embedding the whole font, one line per
 *                                          cell, no wrapping: the floor to compare with (only when
 *                                          libharu was found by configure; anzen no longer uses it)
 * Prints "ROWS rows: SECONDS s, BYTES bytes, PAGES pages" (wall time of the whole export, font
 * lookup included). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#ifdef HAVE_HPDF
#include <hpdf.h>
#endif

#include "export/typeset.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static const char *assets[] = { "電子カルテサーバ", "レセプトコンピュータ", "院内無線LAN", "画像診断装置",
				 "予約システム", "職員用端末", "バックアップ媒体", "外部保守回線" };
static const char *threats[] = { "不正アクセスによる診療情報の漏えい", "ランサムウェア感染による診療停止",
				 "媒体の紛失・盗難", "停電による機器故障とデータ消失", "委託先からの情報漏えい" };
static const char *measures[] = {
	"二要素認証を導入し、保守事業者の接続は事前申請とログの月次確認で管理する。",
	"オフラインのバックアップを週次で取得し、復旧手順を年1回訓練する。",
	"媒体は施錠保管し、持ち出し台帳に記録する。暗号化されていない媒体は使用しない。",
	"無停電電源装置を設置し、停止手順を掲示する。",
};

static void row(int r, char cells[6][512])
{
	snprintf(cells[0], 512, "%d", r + 1);
	snprintf(cells[1], 512, "%s", assets[r % 8]);
	snprintf(cells[2], 512, "%s", threats[r % 5]);
	snprintf(cells[3], 512, "%s", measures[r % 4]);
	snprintf(cells[4], 512, "%c", "ABCD"[(r * 7) % 4]);
	snprintf(cells[5], 512, "%s（第%d版）", r % 3 ? "院長" : "事務長", r % 9 + 1);
}

#ifdef HAVE_HPDF
static void error_handler(HPDF_STATUS e, HPDF_STATUS detail, void *user)
{
	(void)user;
	fprintf(stderr, "pdfbench: libharu error 0x%04X (%u)\n", (unsigned)e, (unsigned)detail);
	exit(1);
}

static int floor_run(int rows, const char *out, const char *font, int *pages)
{
	HPDF_Doc pdf = HPDF_New(error_handler, NULL);
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	HPDF_Font f = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, font, HPDF_TRUE), "UTF-8");
	static const float x[7] = { 40, 65, 150, 290, 500, 520, 555 };
	HPDF_Page page = NULL;
	float y = 0;
	*pages = 0;
	for (int r = 0; r < rows; r++) {
		if (!page || y < 50) {
			page = HPDF_AddPage(pdf);
			HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
			y = 800;
			(*pages)++;
		}
		char c[6][512];
		row(r, c);
		HPDF_Page_SetLineWidth(page, 0.5);
		HPDF_Page_Rectangle(page, x[0], y - 14, x[6] - x[0], 14);
		HPDF_Page_Stroke(page);
		HPDF_Page_BeginText(page);
		HPDF_Page_SetFontAndSize(page, f, 7);
		for (int k = 0; k < 6; k++)
			HPDF_Page_TextOut(page, x[k] + 2, y - 10, c[k]);
		HPDF_Page_EndText(page);
		y -= 14;
	}
	HPDF_STATUS rc = HPDF_SaveToFile(pdf, out);
	HPDF_Free(pdf);
	return rc != HPDF_OK;
}
#else
static int floor_run(int rows, const char *out, const char *font, int *pages)
{
	(void)rows, (void)out, (void)font, (void)pages;
	fputs("pdfbench: built without libharu (libhpdf-dev): no --floor\n", stderr);
	return 2;
}
#endif

static int typeset_run(int rows, const char *out, const char *font, int *pages)
{
	struct az_error err = { 0 };
	struct az_doc_options o = { 0 };
	o.font_file = font;
	o.title = "リスク登録簿";
	o.header_left = "さくら歯科クリニック";
	o.footer_left = "作成日 2026-04-01";
	o.footer_right = "1a2b3c4d";
	struct az_doc *d = az_doc_new(&o, &err);
	if (!d) {
		fprintf(stderr, "pdfbench: %s\n", err.msg);
		return 1;
	}
	const struct az_doc_column cols[] = { { "No.", 0.5, AZ_RIGHT }, { "情報資産", 1.6, AZ_LEFT },
					  { "脅威", 2.2, AZ_LEFT },   { "対策", 3.6, AZ_LEFT },
					  { "評価", 0.6, AZ_CENTER }, { "担当", 1.3, AZ_LEFT } };
	static const struct az_rgb rank[4] = { { 0.96f, 0.6f, 0.6f }, { 1, 0.85f, 0.55f }, { 1, 1, 0.7f },
					       { 0.75f, 0.9f, 0.75f } };
	az_doc_heading(d, 1, "リスク登録簿");
	az_doc_table_begin(d, cols, 6);
	for (int r = 0; r < rows; r++) {
		char c[6][512];
		row(r, c);
		struct az_cell cells[6] = { { c[0], NULL, 0 }, { c[1], NULL, 0 }, { c[2], NULL, 0 },
					    { c[3], NULL, 0 }, { c[4], &rank[(r * 7) % 4], 0 }, { c[5], NULL, 0 } };
		az_doc_table_row(d, cells);
	}
	az_doc_table_end(d);
	*pages = az_doc_page_count(d);
	int rc = az_doc_save(d, out, 1, &err);
	if (rc)
		fprintf(stderr, "pdfbench: %s\n", err.msg);
	az_doc_free(d);
	return rc;
}

int main(int argc, char **argv)
{
	int floor = argc > 1 && strcmp(argv[1], "--floor") == 0;
	if (argc < 3 + floor) {
		fputs("usage: pdfbench [--floor] ROWS OUT.pdf [FONT.ttf]\n", stderr);
		return 64;
	}
	int rows = atoi(argv[1 + floor]);
	const char *out = argv[2 + floor];
	const char *font = argc > 3 + floor ? argv[3 + floor] : NULL;
	if (floor && !font)
		font = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";
	int pages = 0;
	double t0 = now();
	int rc = floor ? floor_run(rows, out, font, &pages) : typeset_run(rows, out, font, &pages);
	double t = now() - t0;
	struct stat st;
	if (rc == 0 && stat(out, &st) == 0)
		printf("%s %d rows: %.3f s, %lld bytes, %d pages\n", floor ? "floor" : "typeset", rows, t,
		       (long long)st.st_size, pages);
	return rc;
}
