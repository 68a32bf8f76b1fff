/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "guideline/locate.h"

const char *az_guideline_option;

/* The name of the file `make` writes at the top of a build tree: the source tree's absolute path. */
#define BUILD_TREE_MARK "anzen-build-tree"

/*
 * When the running program sits in a build tree (at its top, or one directory below it, as
 * tests/open_screen does), stores the build tree's top in build and the source tree's in src
 * and returns 1; an installed program returns 0. Nothing about the build is compiled in, so two
 * builds in different directories give the same binary.
 */
static int find_build_tree(char build[PATH_MAX], char src[PATH_MAX])
{
	char exe[PATH_MAX];
	if (!realpath("/proc/self/exe", exe))
		return 0;
	for (int up = 0; up < 2; up++) {
		char *slash = strrchr(exe, '/');
		if (!slash || slash == exe)
			return 0;
		*slash = '\0';
		char mark[PATH_MAX + sizeof BUILD_TREE_MARK + 1];
		snprintf(mark, sizeof mark, "%s/%s", exe, BUILD_TREE_MARK);
		int fd = open(mark, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0)
			continue;
		struct stat st;
		ssize_t n = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? read(fd, src, PATH_MAX - 1) : -1;
		close(fd);
		if (n <= 1 || src[0] != '/')
			return 0;
		src[n] = '\0';
		src[strcspn(src, "\n")] = '\0';
		strcpy(build, exe);
		return 1;
	}
	return 0;
}

/* The same, found once a run: the catalogue, the messages and the modules each ask. */
static int build_tree(char build[PATH_MAX], char src[PATH_MAX])
{
	static int known = -1;
	static char kb[PATH_MAX], ks[PATH_MAX];
	if (known < 0)
		known = find_build_tree(kb, ks);
	if (known)
		memcpy(build, kb, PATH_MAX), memcpy(src, ks, PATH_MAX);
	return known;
}

char *az_guideline_locate(void)
{
	const char *env = getenv("ANZEN_GUIDELINE");
	if (az_guideline_option && *az_guideline_option)
		return strdup(az_guideline_option);
	if (env && *env)
		return strdup(env);
	char build[PATH_MAX], src[PATH_MAX], dir[PATH_MAX + 16];
	if (build_tree(build, src)) {
		snprintf(dir, sizeof dir, "%s/guideline", src);
		return strdup(dir);
	}
	return strdup(PKGDATADIR "/guideline");
}

char *az_locale_locate(void)
{
	const char *env = getenv("ANZEN_LOCALEDIR");
	if (env && *env)
		return strdup(env);
	char build[PATH_MAX], src[PATH_MAX], dir[PATH_MAX + 16];
	if (build_tree(build, src)) {
		snprintf(dir, sizeof dir, "%s/locale", build);
		return strdup(dir);
	}
	return strdup(LOCALEDIR);
}

char *az_module_locate(const char *name)
{
	char build[PATH_MAX], src[PATH_MAX], path[PATH_MAX + 64];
	snprintf(path, sizeof path, "%s/%s", build_tree(build, src) ? build : PKGLIBDIR, name);
	return strdup(path);
}

void az_i18n_start(void)
{
#ifdef ENABLE_NLS
	char *dir = az_locale_locate();
	bindtextdomain(PACKAGE, dir ? dir : LOCALEDIR);
	free(dir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
}
