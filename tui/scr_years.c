/* The earlier years (model/diff's history) and the changes since each: two read-only lists. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include "base/i18n.h"
#include "model/diff.h"
#include "base/text.h"
#include "tui/confirm.h"
#include "tui/draw.h"
#include "tui/list.h"
#include "model/next_year.h"
#include "tui/scr_years.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/wb.h"

#define MAX_YEARS 101

/* Lines made once when a screen is entered: the workbook does not change under a read-only screen. */
struct lines {
	char **v;
	size_t n, cap;
	struct tui_list list;
	int years[MAX_YEARS];
	int nyears;
	int year; /* the changes screen: compared with this year */
	int action; /* the years screen: a line for starting the next year under the list */
	char *next; /* the next year's file, while its confirmation is asked */
};

static size_t count(void *ctx) { return ((struct lines *)ctx)->n; }
static const char *text(void *ctx, size_t i) { return ((struct lines *)ctx)->v[i]; }

static int add(struct lines *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int add(struct lines *l, const char *fmt, ...)
{
	if (l->n == l->cap) {
		size_t nc = l->cap ? l->cap * 2 : 32;
		char **nv = realloc(l->v, nc * sizeof *nv);
		if (!nv)
			return -1;
		l->v = nv;
		l->cap = nc;
	}
	va_list ap;
	va_start(ap, fmt);
	int rc = vasprintf(&l->v[l->n], fmt, ap);
	va_end(ap);
	if (rc < 0)
		return -1;
	l->n++;
	return 0;
}

static void lines_free(struct lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	free(l->next);
	tui_list_free(&l->list);
	free(l);
}

static void draw(struct tui_screen *s, struct tui_rect body)
{
	struct lines *l = s->data;
	s->scopes = tui_list_scopes(&l->list);
	if (l->action && body.rows > 3) {
		body.rows -= 2;
		char line[200];
		snprintf(line, sizeof line, "a  %s", _("Start next year"));
		tui_put(stdscr, body.y + body.rows + 1, body.x + 1, body.cols - 2, line, tui_attr(TUI_LABEL_ACTIVE));
	}
	tui_list_draw(&l->list, body);
}

static void leave(struct tui_screen *s) { lines_free(s->data); }

static const char *kind_label(int kind)
{
	static const char *const names[AZ_DIFF_NKINDS] = { N_("Systems"), N_("Vendors"), N_("Risks"), N_("Actions"),
							    N_("Checklist answers") };
	return _(names[kind]);
}

static const char *change_label(int change)
{
	static const char *const names[AZ_NCHANGES] = { N_("Unchanged"), N_("New"), N_("Changed"), N_("Removed") };
	return _(names[change]);
}

static int changes_enter(struct tui_screen *s)
{
	struct lines *l = s->data;
	struct az_diff d;
	struct az_error err = { 0 };
	if (az_diff_compute(tui_wb->store, l->year, &d, &err) != AZ_OK) {
		tui_error("%s", err.msg);
		return -1;
	}
	int rc = 0;
	for (int k = 0; k < AZ_DIFF_NKINDS && !rc; k++)
		rc = add(l, _("%s: new %zu, changed %zu, unchanged %zu, removed %zu"), kind_label(k), d.count[k][AZ_NEW],
			 d.count[k][AZ_CHANGED], d.count[k][AZ_UNCHANGED], d.count[k][AZ_REMOVED]);
	for (size_t i = 0; i < d.n && !rc; i++) {
		const struct az_diff_row *r = &d.rows[i];
		if (r->change == AZ_UNCHANGED)
			continue;
		char what[512] = "";
		const char *names[64];
		size_t nf = r->change == AZ_CHANGED ? az_diff_fields(r, names, 64) : 0;
		for (size_t f = 0, o = 0; f < nf && o < sizeof what; f++)
			o += (size_t)snprintf(what + o, sizeof what - o, "%s%s", f ? _(", ") : " - ",
					      az_diff_field_label(names[f]));
		rc = add(l, "[%s] %s: %s%s", change_label(r->change), kind_label(r->kind), *r->label ? r->label : r->key,
			 what);
	}
	az_diff_free(&d);
	if (rc) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	return tui_list_init(&l->list, count, text, l);
}

static int changes_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct lines *l = s->data;
	int r = tui_list_key(&l->list, key, act);
	return r == TUI_LIST_CHOSEN ? TUI_HANDLED : r;
}

static const enum tui_action bar[] = { TUI_ACT_DOWN, TUI_ACT_UP, TUI_ACT_SELECT, TUI_ACT_SEARCH, TUI_ACT_HELP,
				       TUI_ACT_BACK, TUI_ACT_NONE };

static const enum tui_action years_bar[] = { TUI_ACT_DOWN, TUI_ACT_UP, TUI_ACT_SELECT, TUI_ACT_ADD, TUI_ACT_SEARCH,
					     TUI_ACT_HELP, TUI_ACT_BACK, TUI_ACT_NONE };

static const struct tui_screen_ops changes_ops = {
	.title = N_("Changes since an earlier year"),
	.help = N_("What was added, changed or removed since the chosen earlier year: first the counts, then "
		   "each entry with the fields that changed. Dates that are confirmed again every year are not "
		   "counted as changes. Press / to search. Nothing can be edited here."),
	.bar = bar,
	.enter = changes_enter,
	.draw = draw,
	.key = changes_key,
	.leave = leave,
};

static int years_enter(struct tui_screen *s)
{
	struct lines *l = s->data;
	struct az_error err = { 0 };
	if (!tui_wb || !tui_wb->store) {
		tui_error("%s", _("No workbook is open."));
		return -1;
	}
	l->nyears = az_history_years(tui_wb->store, l->years, MAX_YEARS, &err);
	if (l->nyears < 0) {
		tui_error("%s", err.msg);
		return -1;
	}
	for (int i = 0; i < l->nyears; i++)
		if (add(l, _("Fiscal year %d"), l->years[i])) {
			tui_error("%s", _("out of memory"));
			return -1;
		}
	if (tui_list_init(&l->list, count, text, l))
		return -1;
	l->list.empty = N_("No earlier year yet: a new year is started with 'a' below or 'anzen next-year'.");
	l->action = 1;
	return 0;
}

/* After the confirmation: the new file beside this one; this workbook is only read. */
static void start_next(void *arg)
{
	struct lines *l = arg;
	struct az_error err = { 0 };
	int old_year = 0, new_year = 0;
	int rc = tui_next_year_write(tui_wb->store, tui_wb->path, l->next, 0, &old_year, &new_year, &err);
	char *p = az_text_sanitize(l->next);
	if (rc != AZ_OK)
		tui_error("%s", err.msg);
	else
		tui_info(_("Created %s for fiscal year %d. Open it with: anzen open %s"), p ? p : "?", new_year,
			 p ? p : "?");
	free(p);
	free(l->next);
	l->next = NULL;
}

static void ask_next(struct lines *l)
{
	int year = tui_wb->book.assessment.fiscal_year + 1;
	if (tui_wb->book.assessment.fiscal_year <= 0) {
		tui_error("%s", _("This workbook has no fiscal year, so there is no next year to start."));
		return;
	}
	free(l->next);
	l->next = tui_next_year_path(tui_wb->path, year);
	if (!l->next) {
		tui_error("%s", _("out of memory"));
		return;
	}
	char *p = az_text_sanitize(l->next);
	struct stat st;
	if (stat(l->next, &st) == 0) {
		tui_error(_("%s already exists; nothing was created."), p ? p : "?");
		free(p);
		free(l->next);
		l->next = NULL;
		return;
	}
	char q[1200];
	snprintf(q, sizeof q, _("Start fiscal year %d in the new file %s? This workbook is not changed."), year,
		 p ? p : "?");
	free(p);
	tui_confirm(q, start_next, l);
}

static int years_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct lines *l = s->data;
	if (act == TUI_ACT_ADD && !l->list.filtering) {
		ask_next(l);
		return TUI_HANDLED;
	}
	int r = tui_list_key(&l->list, key, act);
	if (r != TUI_LIST_CHOSEN)
		return r;
	long i = tui_list_selected(&l->list);
	struct lines *c = i >= 0 ? calloc(1, sizeof *c) : NULL;
	if (c) {
		c->year = l->years[i];
		tui_push(&changes_ops, c);
	}
	return TUI_HANDLED;
}

static const struct tui_screen_ops years_ops = {
	.title = N_("Earlier years"),
	.help = N_("The fiscal years kept in this workbook by 'anzen next-year', newest first. Enter shows what "
		   "changed since that year. Earlier years are kept as they were and cannot be edited.\n\n"
		   "a starts the next fiscal year: after you confirm, a new workbook for the next year is "
		   "made beside this one (for example clinic-2027.anzen), with everything carried over and "
		   "this year kept as an earlier year. This workbook is not changed; open the new one with "
		   "'anzen open' and the file name shown."),
	.bar = years_bar,
	.enter = years_enter,
	.draw = draw,
	.key = years_key,
	.leave = leave,
};

int tui_years_open(void)
{
	struct lines *l = calloc(1, sizeof *l);
	if (!l) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	return tui_push(&years_ops, l);
}
