/* The export screen: the workbook as JSON (for backup and for moving it), and the inspection PDF. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/json_write.h"
#include "base/i18n.h"
#include "base/date.h"
#include "base/outfile.h"
#include "base/text.h"
#include "tui/app.h"
#include "tui/confirm.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/term.h"
#include "tui/wb.h"

int (*tui_pdf_writer)(struct az_store *s, const struct az_catalogue *cat, const char *path, int force,
		      void (*warn)(void *ctx, const char *msg), struct az_error *err);

static const struct tui_choice_opt format_opts[] = {
	{ N_("PDF"), N_("The report for the health centre's inspection, with the workbook attached") },
	{ N_("JSON"), N_("The whole workbook as data: a backup, or to move it to another PC") },
};
static const char *const format_ext[] = { "pdf", "json" };

enum { E_FORMAT, E_FILE, NE };
static const struct tui_form_item items[NE] = {
	{ .label = N_("Format"), .help = N_("PDF for the inspection, JSON for a backup. Left/Right or Space changes it."),
	  .opts = format_opts, .nopts = 2 },
	{ .label = N_("File"), .help = N_("Where to write it. F2, Ctrl-S or Enter here writes the file."),
	  .kind = TUI_FIELD_TEXT, .max = 1000 },
};

struct exp {
	struct tui_form fm;
	int last_format;
	char done[1200];
};

/* <workbook without .anzen>-<today>.<ext>, next to the workbook */
static void default_name(struct exp *e, int format)
{
	char today[11], name[1100];
	az_date_today(today);
	const char *path = tui_wb->path;
	size_t n = strlen(path);
	if (n > 6 && strcmp(path + n - 6, ".anzen") == 0)
		n -= 6;
	snprintf(name, sizeof name, "%.*s-%s.%s", (int)(n < 1000 ? n : 1000), path, today, format_ext[format]);
	tui_form_load(&e->fm, E_FILE, name);
	e->last_format = format;
}

static void e_draw(struct tui_screen *s, struct tui_rect body)
{
	struct exp *e = s->data;
	/* a new format gets the matching file name unless the user typed one */
	int f = tui_form_choice(&e->fm, E_FORMAT);
	if (f >= 0 && f != e->last_format && !e->fm.fields[E_FILE].changed)
		default_name(e, f);
	s->scopes = e->fm.items[e->fm.cur].opts ? TUI_SCOPE_ANY | TUI_SCOPE_NAV : TUI_SCOPE_ANY;
	struct tui_rect r = { body.y, body.x, body.rows - 2, body.cols };
	tui_form_draw(&e->fm, r);
	if (e->done[0])
		tui_put_wrapped(stdscr, body.y + body.rows - 2, body.x + 2, body.cols - 4, 2, 0, e->done,
				tui_attr(TUI_NORMAL));
}

static int write_json(const char *path, int force, struct az_error *err)
{
	struct az_outfile out;
	int rc = az_outfile_open(&out, path, force, err);
	if (rc != AZ_OK)
		return rc;
	if ((rc = az_export_json(tui_wb->store, out.fp, err)) != AZ_OK) {
		az_outfile_abort(&out);
		return rc;
	}
	return az_outfile_commit(&out, err);
}

static void warn(void *ctx, const char *msg)
{
	(void)ctx;
	tui_info("%s", msg);
}

static void run_export(struct exp *e, int force)
{
	char *path = tui_field_text(&e->fm.fields[E_FILE]);
	if (!path) {
		tui_error("%s", _("out of memory"));
		return;
	}
	struct az_error err = { 0 };
	int rc;
	if (!*path) {
		tui_error("%s", _("Enter the name of the file to write."));
		free(path);
		return;
	}
	if (tui_form_choice(&e->fm, E_FORMAT) == 1) {
		rc = write_json(path, force, &err);
	} else {
		rc = tui_pdf_writer ? tui_pdf_writer(tui_wb->store, tui_wb->cat, path, force, warn, &err)
				    : az_fail(&err, AZ_IOERR, "%s", _("PDF export is not available."));
	}
	if (rc == AZ_OK) {
		snprintf(e->done, sizeof e->done, _("Written: %s"), path);
		tui_info("%s", e->done);
	} else {
		tui_error("%s", err.msg);
	}
	free(path);
}

static void replace_yes(void *arg) { run_export(arg, 1); }

static int e_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct exp *e = s->data;
	int r = tui_form_key(&e->fm, key, act);
	if (r != TUI_FORM_SUBMIT)
		return r;
	char *path = tui_field_text(&e->fm.fields[E_FILE]);
	FILE *fp = path && *path ? fopen(path, "r") : NULL;
	if (fp) {
		fclose(fp);
		char q[1200];
		snprintf(q, sizeof q, _("%s already exists. Replace it?"), path);
		tui_confirm(q, replace_yes, e);
	} else {
		run_export(e, 0);
	}
	free(path);
	return TUI_HANDLED;
}

static int e_enter(struct tui_screen *s)
{
	struct exp *e = s->data;
	if (tui_form_init(&e->fm, items, NE) != 0) {
		tui_error("%s", _("out of memory"));
		return -1;
	}
	tui_form_set_choice(&e->fm, E_FORMAT, 0);
	default_name(e, 0);
	e->fm.fields[E_FORMAT].changed = e->fm.fields[E_FILE].changed = 0;
	e->fm.cur = E_FILE;
	return 0;
}

static void e_leave(struct tui_screen *s)
{
	struct exp *e = s->data;
	tui_form_free(&e->fm);
}

static const enum tui_action bar[] = { TUI_ACT_NEXT_FIELD, TUI_ACT_SAVE, TUI_ACT_HELP, TUI_ACT_BACK, TUI_ACT_NONE };
static const struct tui_screen_ops ops = {
	.title = N_("Export"),
	.help = N_("Write the inspection PDF for the health centre, or the whole workbook as JSON (a backup "
		   "that 'anzen import' reads back). The file goes next to the workbook unless you type "
		   "another name; an existing file is replaced only after you say so. F2 or Ctrl-S writes."),
	.bar = bar,
	TUI_SCREEN_HOOKS(struct exp, e_enter, e_draw, e_key, e_leave),
};

int tui_export_open(void) { return tui_open(&ops, NULL); }
