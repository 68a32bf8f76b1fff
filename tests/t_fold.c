/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Folding for search (base/fold.h): NFKC width folding, case folding, hiragana as katakana. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/fold.h"
#include "tap.h"

static int finds(const char *hay, const char *needle)
{
	size_t nh, nn;
	uint32_t *h = az_fold(hay, strlen(hay), &nh), *n = az_fold(needle, strlen(needle), &nn);
	int r = h && n && az_fold_contains(h, nh, n, nn);
	free(h);
	free(n);
	return r;
}

int main(void)
{
	ok(finds("レセコン(院内サーバ)", "ﾚｾｺﾝ"), "half-width katakana finds katakana");
	ok(finds("レセコン(院内サーバ)", "れせこん"), "hiragana finds katakana");
	ok(finds("れせこん", "レセコン"), "katakana finds hiragana");
	ok(finds("バックアップ用NAS", "ＮＡＳ"), "full-width letters find ASCII");
	ok(finds("バックアップ用NAS", "nas"), "case does not matter");
	ok(finds("バックアップ", "ﾊﾞｯｸｱｯﾌﾟ"), "half-width with voiced marks finds the composed form");
	ok(finds("Wi-Fi", "ｗｉ－ｆｉ"), "full-width hyphen and letters");
	ok(!finds("レセコン", "レセプト"), "a different word is not found");
	ok(finds("anything", ""), "the empty search finds every line");
	size_t n;
	uint32_t *f = az_fold("\xff", 1, &n);
	ok(f == NULL, "text that is not UTF-8 is refused");
	free(f);
	return done_testing();
}
