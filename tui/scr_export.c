/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The export screen: the workbook as JSON (for backup and for moving it), and the inspection PDF. */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/json_write.h"
#include "base/i18n.h"
#include "base/date.h"
#include "base/outfile.h"
#include "base/text.h"
#include "tui/app.h"
#include "tui/confirm.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/help_text.h"
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
	char done[PATH_MAX + 200];
};

/* A directory the user can see in a file manager: XDG_DOCUMENTS_DIR (the environment, else
 * user-dirs.dirs), else ~/Documents, else the home directory. */
static void documents_dir(char *dir, size_t size)
{
	const char *home = getenv("HOME"), *env = getenv("XDG_DOCUMENTS_DIR");
	struct stat st;
	dir[0] = '\0';
	if (env && *env == '/')
		snprintf(dir, size, "%s", env);
	else if (home && *home == '/') {
		const char *config = getenv("XDG_CONFIG_HOME");
		char conf[PATH_MAX], line[PATH_MAX + 32];
		if (config && *config == '/')
			snprintf(conf, sizeof conf, "%s/user-dirs.dirs", config);
		else
			snprintf(conf, sizeof conf, "%s/.config/user-dirs.dirs", home);
		FILE *fp = fopen(conf, "r");
		while (fp && fgets(line, sizeof line, fp)) {
			char *v = strncmp(line, "XDG_DOCUMENTS_DIR=\"", 19) == 0 ? line + 19 : NULL, *q;
			if (!v || !(q = strchr(v, '"')))
				continue;
			*q = '\0';
			int n = strncmp(v, "$HOME/", 6) == 0 ? snprintf(dir, size, "%s/%s", home, v + 6)
				: *v == '/'                   ? snprintf(dir, size, "%s", v)
							      : 0;
			if (n < 0 || (size_t)n >= size)
				dir[0] = '\0';
		}
		if (fp)
			fclose(fp);
		if (!dir[0] || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
			snprintf(dir, size, "%s/Documents", home);
	}
	if (!dir[0] || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		snprintf(dir, size, "%s", home && *home == '/' ? home : ".");
}

/* <workbook without .anzen>-<today>.<ext>, next to the workbook unless that is a hidden directory
 * (the default workbook lives in ~/.local/share/anzen): then in the documents directory */
static void default_name(struct exp *e, int format)
{
	char today[11], name[PATH_MAX + 64], dir[PATH_MAX], wb[PATH_MAX];
	az_date_today(today);
	const char *path = tui_wb->path, *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
	size_t n = strlen(base);
	if (n > 6 && strcmp(base + n - 6, ".anzen") == 0)
		n -= 6;
	/* the directory as the user named it; a hidden one is replaced by the documents directory */
	int fits = snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 0, path) < (int)sizeof dir;
	if (!fits || (realpath(path, wb) && strstr(wb, "/.")))
		documents_dir(dir, sizeof dir);
	if (snprintf(name, sizeof name, "%s%s%.*s-%s.%s", dir, *dir ? "/" : "", (int)(n < 200 ? n : 200), base, today,
		     format_ext[format]) >= (int)sizeof name)
		name[0] = '\0';
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
	/* the whole path, which the field may show only in part; after writing, where it went */
	char where[PATH_MAX + 200], *path = tui_field_text(&e->fm.fields[E_FILE]);
	if (path && *path && !e->done[0])
		snprintf(where, sizeof where, _("It will be written to: %s"), path);
	else
		snprintf(where, sizeof where, "%s", e->done);
	free(path);
	tui_put_wrapped(stdscr, body.y + body.rows - 2, body.x + 2, body.cols - 4, 2, 0, where, tui_attr(TUI_NORMAL));
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
	if (r != TUI_FORM_SUBMIT) {
		if (e->fm.fields[E_FILE].changed)
			e->done[0] = '\0'; /* a new name: show where it will go */
		return r;
	}
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
	.help = tui_help_export,
	.bar = bar,
	TUI_SCREEN_HOOKS(struct exp, e_enter, e_draw, e_key, e_leave),
};

int tui_export_open(void) { return tui_open(&ops, NULL); }
