/* Demo screens: a home menu, a list with a filter and delete, a form with a text and a date. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guideline/i18n.h"
#include "tui/confirm.h"
#include "tui/demo.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/list.h"
#include "tui/screen.h"
#include "tui/term.h"

/* ---- the list: fixed rows as the workbook might hold them, hostile ones included ---- */

static const char *const sample_rows[] = {
	"電子カルテ (electronic medical records)",
	"レセプトコンピュータ",
	"デジタルレントゲン / X-ray imaging",
	"院内LAN・Wi-Fiルーター",
	"予約システム（クラウド）",
	"バックアップ用 外付けHDD",
	"Evil\x1b[31m red text\x07 from a pasted vendor name",
	"か\xe3\x82\x99ぎ (kana with a combining dakuten)",
	"とても長い名前のシステムで、画面の幅を超えてしまうのでちゃんと切り詰めて表示されなければならない行",
	"Reception PC",
	"Wi-Fi access point",
	"Printer",
};

struct demo_list {
	const char *rows[sizeof sample_rows / sizeof sample_rows[0]];
	size_t n;
	struct tui_list list;
};

static size_t rows_count(void *ctx) { return ((struct demo_list *)ctx)->n; }
static const char *rows_text(void *ctx, size_t i) { return ((struct demo_list *)ctx)->rows[i]; }

static int list_enter(struct tui_screen *s)
{
	struct demo_list *d = s->data;
	memcpy(d->rows, sample_rows, sizeof sample_rows);
	d->n = sizeof sample_rows / sizeof sample_rows[0];
	return tui_list_init(&d->list, rows_count, rows_text, d);
}

static void list_draw(struct tui_screen *s, struct tui_rect body)
{
	struct demo_list *d = s->data;
	s->scopes = tui_list_scopes(&d->list);
	tui_list_draw(&d->list, body);
}

static void delete_row(void *arg)
{
	struct demo_list *d = arg;
	long i = tui_list_selected(&d->list);
	if (i < 0)
		return;
	memmove(&d->rows[i], &d->rows[i + 1], (d->n - (size_t)i - 1) * sizeof d->rows[0]);
	d->n--;
	tui_list_refresh(&d->list);
	tui_info("%s", _("Deleted."));
}

static int list_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct demo_list *d = s->data;
	int r = tui_list_key(&d->list, key, act);
	long i = tui_list_selected(&d->list);
	if (r == TUI_LIST_CHOSEN) {
		tui_info(_("Selected: %s"), d->rows[i]); /* sanitised when the message is drawn */
		return TUI_HANDLED;
	}
	if (r == TUI_UNHANDLED && act == TUI_ACT_DELETE && !d->list.filtering) {
		if (i < 0)
			return TUI_HANDLED;
		char q[600];
		snprintf(q, sizeof q, _("Delete \"%s\"?"), d->rows[i]);
		tui_confirm(q, delete_row, d);
		return TUI_HANDLED;
	}
	return r;
}

static void list_leave(struct tui_screen *s)
{
	struct demo_list *d = s->data;
	tui_list_free(&d->list);
	free(d);
}

static const enum tui_action list_bar[] = { TUI_ACT_DOWN, TUI_ACT_UP, TUI_ACT_SELECT, TUI_ACT_SEARCH,
					    TUI_ACT_DELETE, TUI_ACT_HELP, TUI_ACT_BACK, TUI_ACT_NONE };
static const struct tui_screen_ops list_ops = {
	.title = N_("Sample list"),
	.help = N_("A list of sample systems. Move with the arrow keys (or j and k), PgUp and PgDn. "
		   "Press / and type part of a name to show only the lines that contain it; Enter keeps "
		   "the search, Esc clears it. d deletes the selected line after asking."),
	.bar = list_bar,
	.enter = list_enter,
	.draw = list_draw,
	.key = list_key,
	.leave = list_leave,
};

/* ---- the form ---- */

static const struct tui_form_item form_items[] = {
	{ N_("Clinic name"), N_("The name of the clinic as the health centre knows it (up to 200 characters)."),
	  TUI_FIELD_TEXT, 200, NULL, 0 },
	{ N_("Person in charge"), N_("Who answers for information security at the clinic (up to 50 characters)."),
	  TUI_FIELD_TEXT, 50, NULL, 0 },
	{ N_("Inspection date"), N_("The day of the on-site inspection, as YYYY-MM-DD (for example 2026-11-23)."),
	  TUI_FIELD_DATE, 10, NULL, 0 },
};

static int form_enter(struct tui_screen *s)
{
	return tui_form_init(s->data, form_items, sizeof form_items / sizeof form_items[0]);
}

static void form_draw(struct tui_screen *s, struct tui_rect body)
{
	s->scopes = TUI_SCOPE_ANY; /* typing: letters are text */
	tui_form_draw(s->data, body);
}

static void discard(void *arg)
{
	(void)arg;
	tui_pop();
}

static int form_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct tui_form *fm = s->data;
	int r = tui_form_key(fm, key, act);
	if (r == TUI_FORM_SUBMIT) {
		for (size_t i = 0; i < fm->n; i++)
			fm->fields[i].changed = 0;
		tui_info("%s", _("Saved. (Demo: nothing is written to the workbook.)"));
		return TUI_HANDLED;
	}
	if (r == TUI_UNHANDLED && key == 27 && tui_form_changed(fm)) {
		tui_confirm(_("Leave this form without saving your changes?"), discard, NULL);
		return TUI_HANDLED;
	}
	return r;
}

static void form_leave(struct tui_screen *s)
{
	tui_form_free(s->data);
	free(s->data);
}

static const enum tui_action form_bar[] = { TUI_ACT_NEXT_FIELD, TUI_ACT_PREV_FIELD, TUI_ACT_SAVE, TUI_ACT_HELP,
					    TUI_ACT_BACK, TUI_ACT_NONE };
static const struct tui_screen_ops form_ops = {
	.title = N_("Sample form"),
	.help = N_("Type into the highlighted field; Japanese input works as usual. Tab or Down goes to the "
		   "next field, Shift-Tab or Up to the previous one. Left, Right, Home and End move in the "
		   "field, Backspace and Delete erase, Ctrl-U erases to the start. The number beside a field "
		   "shows how many characters it has and holds. Enter in the last field, F2 or Ctrl-S saves; "
		   "Esc leaves (you are asked first if something changed)."),
	.bar = form_bar,
	.enter = form_enter,
	.draw = form_draw,
	.key = form_key,
	.leave = form_leave,
};

/* ---- home ---- */

static const char *const home_rows[] = { N_("Sample list"), N_("Sample form"), N_("Quit") };

struct home {
	struct tui_list list;
};

static size_t home_count(void *ctx)
{
	(void)ctx;
	return sizeof home_rows / sizeof home_rows[0];
}

static const char *home_text(void *ctx, size_t i)
{
	(void)ctx;
	return _(home_rows[i]);
}

static int home_enter(struct tui_screen *s)
{
	struct home *h = s->data;
	return tui_list_init(&h->list, home_count, home_text, NULL);
}

static void home_draw(struct tui_screen *s, struct tui_rect body)
{
	struct home *h = s->data;
	s->scopes = tui_list_scopes(&h->list);
	struct tui_rect r = { body.y + 1, body.x + 2, body.rows - 1, body.cols - 4 };
	tui_list_draw(&h->list, r);
}

static int push_new(const struct tui_screen_ops *ops, size_t size)
{
	void *data = calloc(1, size);
	if (!data) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	/* tui_push hands data to leave(), which also runs when enter() fails */
	return tui_push(ops, data);
}

static int home_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct home *h = s->data;
	int r = tui_list_key(&h->list, key, act);
	if (r != TUI_LIST_CHOSEN)
		return r;
	switch (tui_list_selected(&h->list)) {
	case 0:
		push_new(&list_ops, sizeof(struct demo_list));
		break;
	case 1:
		push_new(&form_ops, sizeof(struct tui_form));
		break;
	default:
		tui_quit();
	}
	return TUI_HANDLED;
}

static void home_leave(struct tui_screen *s)
{
	struct home *h = s->data;
	tui_list_free(&h->list);
	free(h);
}

static const enum tui_action home_bar[] = { TUI_ACT_DOWN, TUI_ACT_UP, TUI_ACT_SELECT, TUI_ACT_HELP, TUI_ACT_BACK,
					    TUI_ACT_NONE };
static const struct tui_screen_ops home_ops = {
	.title = N_("Home"),
	.help = N_("The start screen. Choose a line with the arrow keys (or j and k) and press Enter. "
		   "q or Esc goes back one screen; on this screen it leaves anzen. F10 or Ctrl-C leaves at once."),
	.bar = home_bar,
	.enter = home_enter,
	.draw = home_draw,
	.key = home_key,
	.leave = home_leave,
};

int tui_demo_home(void) { return push_new(&home_ops, sizeof(struct home)); }
