/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The catalogue loader: the shipped catalogue, the minimal one, and every bad-YAML fixture
 * against its golden error lines. "t_catalogue --print FIXTURE" prints a fixture's errors. */
#include <config.h>

#include <dirent.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guideline/catalogue.h"
#include "model/tables.h"
#include "tests/tap.h"

static char *path(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *p = malloc(n);
	if (!p)
		abort();
	snprintf(p, n, "%s/%s", a, b);
	return p;
}

static char *slurp(const char *p)
{
	FILE *f = fopen(p, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&buf, &n);
	int c;
	while ((c = fgetc(f)) != EOF)
		fputc(c, m);
	fclose(f);
	fclose(m);
	return buf;
}

/* The error lines of one fixture laid over the minimal catalogue. */
static char *fixture_errors(const char *min, const char *fixture, int *rc)
{
	struct az_catalogue_source src = { .dir = min, .overlay = fixture };
	struct az_catalogue *cat = NULL;
	struct az_diags d;
	char *buf = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&buf, &n);
	az_diags_init(&d);
	*rc = az_catalogue_load_from(&src, &cat, &d);
	az_diags_print(&d, m, NULL);
	fclose(m);
	if (cat && d.n)
		*rc = -1;
	az_diags_free(&d);
	az_catalogue_free(cat);
	return buf;
}

static int same_list(const char *const *a, const char *const *b)
{
	for (; *a && *b; a++, b++)
		if (strcmp(*a, *b) != 0)
			return 0;
	return !*a && !*b;
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void shipped(const char *dir)
{
	struct az_catalogue *cat = NULL;
	struct az_diags d;
	az_diags_init(&d);
	int rc = az_catalogue_load(dir, &cat, &d);
	is_int(rc, 0, "the shipped catalogue loads");
	is_int((long long)d.n, 0, "with no errors");
	if (d.n)
		az_diags_print(&d, stdout, "#");
	az_diags_free(&d);
	if (!cat)
		return;
	is_int((long long)cat->nlikelihood, 5, "5 likelihood levels");
	is_int((long long)cat->nseverity, 5, "5 severity levels");
	is_int((long long)cat->ntreatments, 4, "4 treatments");
	ok(cat->nthreats >= 30 && cat->ncontrols >= 30 && cat->ncategories >= 10, "threats, controls, categories");
	ok(cat->nchecklists == 4, "4 checklists");
	const struct az_threat *t = az_catalogue_threat(cat, "vpn_vuln");
	ok(t && t->likelihood >= 1 && t->severity >= 1 && strcmp(t->name.en, "Unpatched VPN device") == 0,
	   "lookup of a threat by id");
	ok(!az_catalogue_threat(cat, "no_such_threat") && !az_catalogue_threat(cat, NULL), "unknown id gives NULL");
	ok(az_catalogue_control(cat, "patch_vpn") && az_control_mitigates(az_catalogue_control(cat, "patch_vpn"), "vpn_vuln"),
	   "control lookup and mitigates");
	ok(az_catalogue_category(cat, "rececon") && az_catalogue_rank(cat, "S") && az_catalogue_treatment(cat, "accept") &&
	   az_catalogue_question(cat, "a") && az_catalogue_checklist(cat, "r7-clinic"), "lookups of each kind");
	const struct az_checklist *cl = az_catalogue_checklist(cat, "r7-clinic");
	ok(cl && az_checklist_item(cl, "2-(1)") && az_catalogue_has_item(cat, "3-(2)") && !az_catalogue_has_item(cat, "9-(9)"),
	   "checklist items");
	ok(cl && cl->form == AZ_FORM_CLINIC && cl->fiscal_year == 2025 && strcmp(cl->published, "2025-05-16") == 0,
	   "checklist header");
	/* every threat is mitigated by some control, and every control names real threats */
	size_t unmitigated = 0;
	for (size_t i = 0; i < cat->nthreats; i++) {
		int found = 0;
		for (size_t k = 0; k < cat->ncontrols && !found; k++)
			found = az_control_mitigates(&cat->controls[k], cat->threats[i].id);
		if (!found) {
			printf("# threat %s has no control\n", cat->threats[i].id);
			unmitigated++;
		}
	}
	is_int((long long)unmitigated, 0, "every threat has a control");
	const struct az_treatment *tr = az_catalogue_treatment(cat, "reduce");
	ok(tr && tr->kind == AZ_REDUCE && strcmp(tr->name.ja, "低減") == 0, "treatment kind and name");

	/* the language follows LC_MESSAGES, and LANGUAGE as gettext reads it */
	setenv("LANGUAGE", "ja", 1);
	setlocale(LC_MESSAGES, "C");
	is_str(az_text_get(&tr->name), "Reduce", "C locale: English (LANGUAGE is ignored, as gettext does)");
	if (setlocale(LC_MESSAGES, "C.UTF-8")) {
		is_str(az_text_get(&tr->name), "低減", "C.UTF-8 with LANGUAGE=ja: Japanese");
		setenv("LANGUAGE", "en", 1);
		is_str(az_text_get(&tr->name), "Reduce", "C.UTF-8 with LANGUAGE=en: English");
	} else {
		ok(1, "# SKIP no C.UTF-8 locale");
		ok(1, "# SKIP no C.UTF-8 locale");
	}
	unsetenv("LANGUAGE");
	setlocale(LC_MESSAGES, "C");
	struct az_text only_ja = { "日本語", NULL };
	is_str(az_text_get(&only_ja), "日本語", "a missing translation falls back to the other");
	is_str(az_text_get(NULL), "", "NULL text gives an empty string");
	az_catalogue_free(cat);
}

/* tests/data/seed003-map.tsv: key, description, threat ids, control ids. */
static void seed003(const char *srcdir, const char *dir)
{
	struct az_catalogue *cat = NULL;
	struct az_diags d;
	az_diags_init(&d);
	az_catalogue_load(dir, &cat, &d);
	az_diags_free(&d);
	char *p = path(srcdir, "tests/data/seed003-map.tsv"), *text = slurp(p);
	free(p);
	ok(text != NULL, "seed003-map.tsv is readable");
	if (!text || !cat) {
		free(text);
		az_catalogue_free(cat);
		return;
	}
	int rows = 0;
	char *save = NULL;
	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#' || !line[0])
			continue;
		char *f[4] = { 0 }, *s2 = NULL;
		int nf = 0;
		for (char *c = strtok_r(line, "\t", &s2); c && nf < 4; c = strtok_r(NULL, "\t", &s2))
			f[nf++] = c;
		if (!ok(nf == 4, "%s: four fields", f[0] ? f[0] : "?"))
			continue;
		rows++;
		char threats[512], controls[512], *s3;
		snprintf(threats, sizeof threats, "%s", f[2]);
		snprintf(controls, sizeof controls, "%s", f[3]);
		int bad = 0;
		s3 = NULL;
		for (char *c = strtok_r(controls, ",", &s3); c; c = strtok_r(NULL, ",", &s3))
			if (!az_catalogue_control(cat, c)) {
				printf("# %s: no control %s\n", f[0], c);
				bad++;
			}
		s3 = NULL;
		for (char *t = strtok_r(threats, ",", &s3); t; t = strtok_r(NULL, ",", &s3)) {
			if (!az_catalogue_threat(cat, t)) {
				printf("# %s: no threat %s\n", f[0], t);
				bad++;
				continue;
			}
			/* some control named on the row mitigates this threat */
			char ctl[512], *s4 = NULL;
			int found = 0;
			snprintf(ctl, sizeof ctl, "%s", f[3]);
			for (char *c = strtok_r(ctl, ",", &s4); c && !found; c = strtok_r(NULL, ",", &s4))
				found = az_control_mitigates(az_catalogue_control(cat, c), t);
			if (!found) {
				printf("# %s: no control of the row mitigates %s\n", f[0], t);
				bad++;
			}
		}
		is_int(bad, 0, "seed 003 %s: threats and controls exist, each threat mitigated", f[0]);
	}
	ok(rows >= 13, "seed003-map.tsv has the 7 steps and 6 causes (%d rows)", rows);
	free(text);
	az_catalogue_free(cat);
}

static void fixtures(const char *srcdir, const char *min)
{
	char *dir = path(srcdir, "tests/data/yaml-bad");
	DIR *dp = opendir(dir);
	struct dirent *e;
	char *names[200];
	size_t n = 0;
	ok(dp != NULL, "tests/data/yaml-bad exists");
	while (dp && (e = readdir(dp)) != NULL && n < 200)
		if (e->d_name[0] != '.')
			names[n++] = strdup(e->d_name);
	if (dp)
		closedir(dp);
	qsort(names, n, sizeof *names, cmp);
	ok(n >= 25, "at least 25 bad-YAML fixtures (%zu)", n);
	for (size_t i = 0; i < n; i++) {
		char *fx = path(dir, names[i]), *exp = path(fx, "expected");
		char *want = slurp(exp);
		int rc;
		char *got = fixture_errors(min, fx, &rc);
		ok(rc == 65, "%s: refused with 65", names[i]);
		is_str(got, want ? want : "(no expected file)", "%s: the exact error lines", names[i]);
		free(got);
		free(want);
		free(exp);
		free(fx);
		free(names[i]);
	}
	free(dir);
}

int main(int argc, char **argv)
{
	const char *srcdir = getenv("top_srcdir");
	if (!srcdir)
		srcdir = ".";
	char *min = path(srcdir, "tests/data/yaml-min"), *dir = path(srcdir, "guideline");
	if (argc == 3 && strcmp(argv[1], "--print") == 0) {
		int rc;
		char *got = fixture_errors(min, argv[2], &rc);
		fputs(got, stdout);
		free(got);
		free(min);
		free(dir);
		return rc == 65 ? 0 : 1;
	}
	ok(same_list(az_cat_hosting_values, az_hosting_values) && same_list(az_cat_remote_values, az_remote_values) &&
	   same_list(az_cat_connection_values, az_connection_values) &&
	   same_list(az_cat_treatment_values, az_treatment_values),
	   "the catalogue's value lists are the workbook's");

	int rc;
	char *got = fixture_errors(min, min, &rc);
	is_int(rc, 0, "the minimal catalogue loads");
	is_str(got, "", "with no errors");
	free(got);

	struct az_diags d;
	struct az_catalogue *cat = (struct az_catalogue *)1;
	az_diags_init(&d);
	is_int(az_catalogue_load("/nonexistent-anzen-dir", &cat, &d), 66, "a missing directory gives 66");
	ok(cat == NULL && d.n == 1, "and one error, no catalogue");
	az_diags_free(&d);

	shipped(dir);
	seed003(srcdir, dir);
	fixtures(srcdir, min);
	free(min);
	free(dir);
	return done_testing();
}
