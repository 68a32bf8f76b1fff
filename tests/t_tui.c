/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The TUI pieces that need no terminal: text decoding and widths, the line editor, the era
 * dates, key names and key scripts. */
#include <config.h>

#include <curses.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tests/tap.h"
#include "tui/draw.h"
#include "tui/field.h"
#include "tui/keys.h"
#include "tui/keyscript.h"
#include "tui/screen.h"
#include "base/wareki.h"

static char *field_str(const struct tui_field *f)
{
	static char buf[8192];
	char *s = tui_field_text(f);
	snprintf(buf, sizeof buf, "%s", s ? s : "(null)");
	free(s);
	return buf;
}

static void type(struct tui_field *f, const char *utf8)
{
	size_t n;
	wchar_t *w = tui_decode(utf8, &n);
	for (size_t i = 0; w && i < n; i++)
		tui_field_key(f, (int)w[i]);
	free(w);
}

static void test_decode(void)
{
	size_t n;
	wchar_t *w = tui_decode("a\x1b[31mb\x07\xc2\x9b\xff", &n);
	is_int(n, 10, "decode: every bad byte or control is one character");
	ok(w && w[1] == 0xFFFD && w[2] == '[' && w[7] == 0xFFFD && w[8] == 0xFFFD && w[9] == 0xFFFD,
	   "ESC, BEL, C1 CSI, bad byte → U+FFFD");
	free(w);
	w = tui_decode("x\ty\nz", &n);
	ok(w && wcscmp(w, L"x y z") == 0, "tab and line break become spaces");
	free(w);
	w = tui_decode("か\xe3\x82\x99ハ\xe3\x82\x9aウ\xe3\x82\x99", &n);
	ok(w && n == 3 && w[0] == L'が' && w[1] == L'パ' && w[2] == L'ヴ', "kana + combining (han)dakuten composed");
	free(w);
	w = tui_decode("e\xcc\x81", &n);
	ok(w && n == 2 && w[1] == 0x301, "other combining marks are kept for the cell before them");
	is_int(tui_wswidth(w, n), 1, "a combining mark takes no cell");
	is_int(tui_cluster_next(w, n, 0), 2, "the mark belongs to the cluster of its base");
	free(w);
	char *s = tui_encode(L"テスト😀", 4);
	is_str(s, "テスト😀", "encode back to UTF-8 (non-BMP too)");
	free(s);
}

static void test_width(void)
{
	is_int(tui_width("テスト"), 6, "kana are two cells");
	is_int(tui_width("ｶﾅ"), 2, "half-width kana one cell");
	is_int(tui_width("A😀𠮷"), 5, "emoji and non-BMP kanji two cells");
	size_t n;
	int used;
	wchar_t *w = tui_decode("ab漢字", &n);
	is_int(tui_fit(w, n, 3, &used), 2, "fit never splits a wide character");
	is_int(used, 2, "  and says how many cells it used");
	is_int(tui_fit(w, n, 4, &used), 3, "fit takes a wide character that fits");
	free(w);
}

static void test_field(void)
{
	struct tui_field f;
	ok(tui_field_init(&f, TUI_FIELD_TEXT, 5) == 0, "field init");
	type(&f, "テスト");
	is_str(field_str(&f), "テスト", "typed Japanese");
	tui_field_key(&f, TUI_FN(KEY_LEFT));
	tui_field_key(&f, TUI_FN(KEY_LEFT));
	type(&f, "漢");
	is_str(field_str(&f), "テ漢スト", "insert in the middle");
	tui_field_key(&f, TUI_FN(KEY_BACKSPACE));
	is_str(field_str(&f), "テスト", "KEY_BACKSPACE deletes before the cursor");
	tui_field_key(&f, TUI_FN(KEY_DC));
	is_str(field_str(&f), "テト", "Delete deletes under the cursor");
	tui_field_key(&f, TUI_CTRL('e'));
	tui_field_key(&f, 127);
	is_str(field_str(&f), "テ", "Ctrl-E then DEL (127)");
	tui_field_key(&f, TUI_CTRL('a'));
	type(&f, "ab");
	tui_field_key(&f, 8);
	is_str(field_str(&f), "aテ", "Ctrl-A, insert at start, ^H");
	type(&f, "123456789");
	is_str(field_str(&f), "a123テ", "the limit holds");
	ok(strstr(tui_message_text(), "at most 5") && strstr(tui_message_text(), "6 characters were not added"),
	   "and a message says how many characters were not added: %s", tui_message_text());
	tui_field_key(&f, TUI_CTRL('u'));
	is_str(field_str(&f), "テ", "Ctrl-U erases to the start");
	tui_field_key(&f, 0x07);
	tui_field_key(&f, 0x9B);
	is_str(field_str(&f), "テ", "control characters are never inserted");
	ok(strstr(tui_message_text(), "control character") != NULL, "  and the user is told");
	is_int(tui_field_key(&f, '\r'), TUI_UNHANDLED, "Enter is the caller's");
	is_int(tui_field_key(&f, 27), TUI_UNHANDLED, "Esc is the caller's");
	is_int(tui_field_key(&f, '\t'), TUI_UNHANDLED, "Tab is the caller's");
	tui_field_key(&f, TUI_CTRL('a'));
	type(&f, "か\xe3\x82\x99");
	is_str(field_str(&f), "がテ", "a typed combining dakuten joins the kana");
	tui_field_key(&f, TUI_FN(KEY_LEFT));
	tui_field_key(&f, TUI_FN(KEY_DC));
	is_str(field_str(&f), "テ", "and is deleted with it");
	tui_field_free(&f);

	ok(tui_field_init(&f, TUI_FIELD_TEXT, 200) == 0, "200-character field");
	for (int i = 0; i < 2000; i++)
		tui_field_key(&f, i % 2 ? L'あ' : L'a');
	is_int(f.len, 200, "2,000 pasted characters: the first 200 kept");
	ok(strstr(tui_message_text(), "1800 characters were not added") != NULL, "  and the user told: %s",
	   tui_message_text());
	ok(tui_field_set(&f, "x") == 0 && f.len == 1, "set replaces the text");
	char big[700];
	memset(big, 'z', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	ok(tui_field_set(&f, big) == -1 && f.len == 200, "set with too much keeps 200 and says so");
	tui_field_free(&f);

	ok(tui_field_init(&f, TUI_FIELD_DATE, 0) == 0 && f.max == 10, "date field holds 10");
	type(&f, "2026-02-30");
	ok(!tui_field_check(&f), "2026-02-30 refused");
	ok(strstr(tui_message_text(), "2026-02-30 is not a date") != NULL, "  with a message");
	tui_field_set(&f, "");
	type(&f, "２０２６ー１１ー２３");
	is_str(field_str(&f), "2026-11-23", "full-width digits and long vowel mark from the IME become ASCII");
	ok(tui_field_check(&f), "2026-11-23 accepted");
	tui_field_set(&f, "");
	type(&f, "2026/1");
	is_str(field_str(&f), "20261", "other characters are refused in a date");
	tui_field_free(&f);
}

static void test_wareki(void)
{
	char s[64];
	ok(az_wareki("2026-11-23", s, sizeof s) == 0, "wareki of 2026-11-23");
	is_str(s, "令和8年11月23日", "  is 令和8年11月23日");
	az_wareki("2019-05-01", s, sizeof s);
	is_str(s, "令和元年5月1日", "令和 starts 2019-05-01, first year 元年");
	az_wareki("2019-04-30", s, sizeof s);
	is_str(s, "平成31年4月30日", "the day before is 平成31年");
	az_wareki("1989-01-08", s, sizeof s);
	is_str(s, "平成元年1月8日", "平成 starts 1989-01-08");
	az_wareki("1989-01-07", s, sizeof s);
	is_str(s, "昭和64年1月7日", "the day before is 昭和64年");
	ok(az_wareki("2026-02-30", s, sizeof s) == -1, "no era for a date that does not exist");
	ok(az_wareki("2026-11-23", s, 8) == -1, "too small a buffer is an error, not a cut");
}

static void test_keys(void)
{
	char buf[16];
	is_int(tui_key_action(TUI_FN(KEY_DOWN), TUI_SCOPE_ANY), TUI_ACT_DOWN, "Down moves down");
	is_int(tui_key_action('j', TUI_SCOPE_ANY), TUI_ACT_NONE, "j is text while typing");
	is_int(tui_key_action('j', TUI_SCOPE_NAV), TUI_ACT_DOWN, "j moves down in a list");
	is_int(tui_key_action('?', TUI_SCOPE_NAV), TUI_ACT_HELP, "? is help");
	is_str(tui_action_key_name(TUI_ACT_HELP, TUI_SCOPE_ANY), "F1", "help while typing is F1");
	is_str(tui_key_name(TUI_CTRL('u'), buf), "Ctrl-U", "key names");
	is_str(tui_key_name(TUI_CTRL('d'), buf), "Ctrl-D", "Ctrl-D by name");
	is_str(tui_key_name(0x30C9, buf), "\u30c9", "a Japanese key is named by its character, not its code point");
	is_str(tui_key_name(0xFF21, buf), "\uff21", "a full-width letter is itself");
	is_str(tui_key_name(TUI_CTRL('l'), buf), "Ctrl-L", "Ctrl-L by name");
	is_int(tui_key_action(TUI_CTRL('l'), TUI_SCOPE_ANY), TUI_ACT_REDRAW, "Ctrl-L redraws, even while typing");
	is_str(tui_key_name(0x0301, buf), "U+0301", "a character that cannot stand alone is named by its code point");
	is_int(tui_key_from_name("F12", 3), TUI_FN(KEY_F(12)), "F12 by name");
	is_int(tui_key_from_name("S-Tab", 5), TUI_FN(KEY_BTAB), "S-Tab by name");
	is_int(tui_key_from_name("F13", 3), -1, "F13 does not exist");
	ok(tui_action_label(TUI_ACT_SAVE)[0] != '\0', "actions have labels");
}

static void test_script(void)
{
	struct tui_script sc;
	struct az_error err = { 0 };
	const char *text = "# comment\nab<Down>テ<Resize 20x5>\n<Dump x.txt><Dump><lt>";
	ok(tui_script_parse(&sc, text, strlen(text), "t", &err) == AZ_OK, "script parses");
	is_int(sc.n, 8, "  into eight steps");
	ok(sc.n == 8 && sc.steps[0].key == 'a' && sc.steps[0].joined && !sc.steps[1].joined, "a run of text arrives together");
	ok(sc.n == 8 && sc.steps[2].key == TUI_FN(KEY_DOWN) && sc.steps[3].key == L'テ', "named keys and Japanese");
	ok(sc.n == 8 && sc.steps[4].kind == TUI_STEP_RESIZE && sc.steps[4].cols == 20 && sc.steps[4].rows == 5, "resize");
	ok(sc.n == 8 && sc.steps[5].kind == TUI_STEP_DUMP && !strcmp(sc.steps[5].file, "x.txt") && !sc.steps[6].file,
	   "dumps");
	ok(sc.n == 8 && sc.steps[7].key == '<', "<lt> is '<'");
	tui_script_free(&sc);
	const char *bad[] = { "<Nope>", "<Down", "<Resize 0x5>", "\xff" };
	for (size_t i = 0; i < 4; i++) {
		err.code = 0;
		int rc = tui_script_parse(&sc, bad[i], strlen(bad[i]), "t", &err);
		ok(rc == AZ_DATAERR && strncmp(err.msg, "t:1: ", 5) == 0, "bad script %zu: %s", i, err.msg);
		tui_script_free(&sc);
	}
}

int main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8")) {
		printf("1..0 # SKIP no C.UTF-8 locale\n");
		return 0;
	}
	test_decode();
	test_width();
	test_field();
	test_wareki();
	test_keys();
	test_script();
	return done_testing();
}
