/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Keys from the terminal or a key script. Characters are decoded here from the bytes curses
 * gives, so a character split across reads is waited for; a paste is text, never keys. */
#include <config.h>

#include <curses.h>
#include <term.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/dump.h"
#include "tui/input.h"
#include "tui/keys.h"
#include "tui/keyscript.h"

static struct tui_script script;
static int scripted;
static size_t pos;
static int joined;      /* the previous scripted key said the next one arrives with it */
static int pushed = -1; /* one key read ahead and given back */
static int in_paste;    /* between ESC[200~ and ESC[201~ (bracketed paste) */
static int last_pasted; /* the key last returned is pasted text */
static int prev_text;   /* the key before was text that arrived in the same burst */
static size_t dropped;  /* control characters dropped from the current paste */
static int has_brackets; /* the terminal marks its pastes: no guessing from bursts */

/* How long the rest of a character split across reads may take to arrive. */
#define SPLIT_WAIT_MS 500
/* Reads that fail with input still readable before the terminal counts as gone (end of file). */
#define MAX_FAILED_READS 64

int tui_input_open(struct az_error *err)
{
	const char *path = getenv("ANZEN_KEYS");
	pos = 0, joined = 0, pushed = -1, scripted = 0;
	in_paste = last_pasted = prev_text = 0, dropped = 0;
	if (!path || !*path) {
		const char *term = getenv("TERM"), *be = tigetstr("BE");
		has_brackets = (be && be != (char *)-1) ||
			       (term && (!strncmp(term, "screen", 6) || !strncmp(term, "tmux", 4)));
		return AZ_OK;
	}
	has_brackets = 0; /* a key script is a terminal without the mode */
	if (tui_script_load(&script, path, err) != AZ_OK)
		return err->code;
	scripted = 1;
	return AZ_OK;
}

void tui_input_close(void)
{
	tui_script_free(&script);
	scripted = 0;
}

static int from_script(int nowait)
{
	while (pos < script.n) {
		if (nowait && !joined)
			return -1;
		struct tui_step *st = &script.steps[pos++];
		joined = st->joined;
		switch (st->kind) {
		case TUI_STEP_KEY:
			return st->key;
		case TUI_STEP_RESIZE:
			if (resizeterm(st->rows, st->cols) == ERR)
				continue;
			return TUI_FN(KEY_RESIZE);
		case TUI_STEP_DUMP: {
			const char *all = getenv("ANZEN_DUMP");
			if (st->file)
				(void)tui_dump(st->file, "w");
			else if (all && *all)
				(void)tui_dump(all, "a");
			continue;
		}
		}
	}
	return nowait ? -1 : TUI_KEY_NONE;
}

/* 1 if the terminal has hung up or its input has reached its end. */
static int terminal_gone(void)
{
	struct pollfd p = { STDIN_FILENO, POLLIN, 0 };
	int r = poll(&p, 1, 0);
	if (r < 0)
		return errno != EINTR && errno != EAGAIN;
	return r > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

/* One byte or curses key code; -1 when none came within ms (-1: wait for ever), -2 when the
 * terminal is gone. A signal or a read cut short is not the end: only a hang-up is. */
static int read_byte(int ms)
{
	int failed = 0;
	for (;;) {
		wtimeout(stdscr, ms);
		errno = 0;
		int c = wgetch(stdscr);
		wtimeout(stdscr, -1);
		if (c != ERR)
			return c;
		if (ms >= 0)
			return -1;
		if (errno == EINTR)
			continue;
		if (terminal_gone() || ++failed >= MAX_FAILED_READS)
			return -2;
	}
}

/* The next character or function key from the terminal, decoding UTF-8 here. */
static int from_terminal(int nowait)
{
	int b = read_byte(nowait ? 0 : -1);
	if (b == -2)
		return nowait ? -1 : TUI_KEY_NONE;
	if (b < 0)
		return -1;
	if (b >= KEY_MIN)
		return TUI_FN(b);
	if (b < 0x80)
		return b;
	int more = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 ? 2 : b >= 0xC2 && b < 0xE0 ? 1 : -1;
	if (more < 0)
		return TUI_KEY_JUNK; /* a byte that starts no character */
	int cp = b & (0x3F >> more);
	for (int i = 0; i < more; i++) {
		int c = read_byte(SPLIT_WAIT_MS);
		if (c < 0x80 || c > 0xBF) {
			if (c >= 0)
				(void)ungetch(c); /* not part of this character: the next key */
			return TUI_KEY_JUNK;
		}
		cp = cp << 6 | (c & 0x3F);
	}
	if ((more == 2 && cp < 0x800) || (more == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return TUI_KEY_JUNK; /* overlong or not a character */
	return cp;
}

/* The next key; with nowait only if it has already arrived, else -1. */
static int raw_key(int nowait)
{
	if (pushed >= 0) {
		int k = pushed;
		pushed = -1;
		return k;
	}
	return scripted ? from_script(nowait) : from_terminal(nowait);
}

/* The key that has already arrived after the one just read, without taking it; else -1. */
static int peek(void)
{
	if (pushed >= 0)
		return pushed;
	if (scripted)
		return joined && pos < script.n && script.steps[pos].kind == TUI_STEP_KEY ? script.steps[pos].key : -1;
	pushed = raw_key(1);
	return pushed;
}

enum { SEQ_OTHER, SEQ_PASTE_START, SEQ_PASTE_END };

/* Reads the rest of an escape sequence after ESC (or C1 CSI when csi is set); tells the
 * bracketed-paste markers ESC[200~ and ESC[201~ from any other sequence. */
static int swallow_sequence(int first, int csi)
{
	int c = csi ? '[' : first, n = 0;
	if (c == '[') { /* CSI: parameters, then a final byte @..~ */
		char param[8];
		size_t np = 0;
		while ((c = raw_key(1)) >= 0 && n++ < 64) {
			if (c >= 0x40 && c <= 0x7E) {
				param[np < sizeof param ? np : sizeof param - 1] = '\0';
				if (c == '~' && !strcmp(param, "200"))
					return SEQ_PASTE_START;
				if (c == '~' && !strcmp(param, "201"))
					return SEQ_PASTE_END;
				return SEQ_OTHER;
			}
			if (np < sizeof param)
				param[np++] = (char)c;
		}
	} else if (c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X') { /* strings, up to ST or BEL */
		int prev = 0;
		while ((c = raw_key(1)) >= 0 && n++ < 4096) {
			if (c == 7 || (prev == 27 && c == '\\'))
				return SEQ_OTHER;
			prev = c;
		}
	} else if (c == 'O') { /* SS3: one more */
		(void)raw_key(1);
	}
	/* anything else was Alt+key: already consumed */
	return SEQ_OTHER;
}

static int is_text(int k) { return !TUI_IS_FN(k) && k >= 0x20 && k != 0x7F && !(k >= 0x80 && k < 0xA0); }

static int is_control(int k) { return !TUI_IS_FN(k) && k != 27 && !is_text(k); }

/* A key as it arrived, with escape sequences resolved. */
static int next_key(void)
{
	int k = raw_key(0);
	if (k != 27 && k != 0x9B)
		return k;
	int next = k == 27 ? raw_key(1) : '[';
	if (next < 0)
		return 27; /* nothing right behind it: the Esc key */
	if (TUI_IS_FN(next) || next == 27) {
		pushed = next; /* Esc pressed just before another key */
		return 27;
	}
	switch (swallow_sequence(next, k == 0x9B)) {
	case SEQ_PASTE_START:
		in_paste = 1, dropped = 0;
		return TUI_KEY_PASTE_MARK;
	case SEQ_PASTE_END:
		in_paste = 0;
		return TUI_KEY_PASTE_MARK;
	}
	return TUI_KEY_JUNK;
}

int tui_input_next(void)
{
	int together = tui_input_pending(); /* arrived with the key before it */
	int k = next_key();
	if (k == TUI_KEY_NONE || k == TUI_FN(KEY_RESIZE) || k == TUI_KEY_PASTE_MARK)
		return last_pasted = 0, k;
	if (in_paste) {
		/* inside a bracketed paste everything is text; the rest is dropped, never run */
		last_pasted = 1;
		if (is_text(k))
			return k;
		dropped++;
		return TUI_KEY_PASTE_CONTROL;
	}
	last_pasted = 0;
	/* without bracketed paste, a control character that arrives in one burst with text
	 * before and after it, or a Ctrl key right after text, is pasted, not typed: dropped,
	 * never run as a key (Enter or Tab right after typed text stays a key) */
	int text_before = prev_text && together;
	prev_text = is_text(k);
	int line_key = k == '\r' || k == '\n' || k == '\t';
	if (!has_brackets && is_control(k) && text_before && (!line_key || is_text(peek()))) {
		dropped = 1;
		return TUI_KEY_PASTE_CONTROL;
	}
	return k;
}

int tui_input_pasted(void) { return last_pasted; }

size_t tui_input_dropped(void) { return dropped; }

int tui_input_pending(void)
{
	if (pushed >= 0)
		return 1;
	if (scripted)
		return joined && pos < script.n;
	pushed = raw_key(1);
	return pushed >= 0;
}
