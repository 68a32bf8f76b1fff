/* Keys from get_wch or a key script; unknown escape sequences are swallowed whole. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>

#include "tui/dump.h"
#include "tui/input.h"
#include "tui/keys.h"
#include "tui/keyscript.h"

static struct tui_script script;
static int scripted;
static size_t pos;
static int joined;      /* the previous scripted key said the next one arrives with it */
static int pushed = -1; /* one key read ahead and given back */

int tui_input_open(struct az_error *err)
{
	const char *path = getenv("ANZEN_KEYS");
	pos = 0, joined = 0, pushed = -1, scripted = 0;
	if (!path || !*path)
		return AZ_OK;
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

static int from_terminal(int nowait)
{
	wint_t wc;
	if (nowait)
		wtimeout(stdscr, 0);
	int r = wget_wch(stdscr, &wc);
	if (nowait)
		wtimeout(stdscr, -1);
	if (r == ERR)
		return nowait ? -1 : TUI_KEY_NONE; /* blocking read failed: the terminal is gone */
	return r == KEY_CODE_YES ? TUI_FN((int)wc) : (int)wc;
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

/* Reads the rest of an escape sequence after ESC (or C1 CSI when csi is set). */
static void swallow_sequence(int first, int csi)
{
	int c = csi ? '[' : first, n = 0;
	if (c == '[') { /* CSI: parameters, then a final byte @..~ */
		while ((c = raw_key(1)) >= 0 && n++ < 64)
			if (c >= 0x40 && c <= 0x7E)
				return;
	} else if (c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X') { /* strings, up to ST or BEL */
		int prev = 0;
		while ((c = raw_key(1)) >= 0 && n++ < 4096) {
			if (c == 7 || (prev == 27 && c == '\\'))
				return;
			prev = c;
		}
	} else if (c == 'O') { /* SS3: one more */
		(void)raw_key(1);
	}
	/* anything else was Alt+key: already consumed */
}

int tui_input_next(void)
{
	int k = raw_key(0);
	if (k == 27 || k == 0x9B) {
		int next = k == 27 ? raw_key(1) : '[';
		if (next < 0)
			return 27; /* nothing right behind it: the Esc key */
		if (TUI_IS_FN(next) || next == 27) {
			pushed = next; /* Esc pressed just before another key */
			return 27;
		}
		swallow_sequence(next, k == 0x9B);
		return TUI_KEY_JUNK;
	}
	return k;
}

int tui_input_pending(void)
{
	if (pushed >= 0)
		return 1;
	if (scripted)
		return joined && pos < script.n;
	pushed = raw_key(1);
	return pushed >= 0;
}
