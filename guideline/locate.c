#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guideline/locate.h"

const char *az_guideline_option;

/* 1 if the running program is the one in the build tree (not an installed copy). */
static int uninstalled(void)
{
#if defined(ABS_TOP_BUILDDIR) && defined(ABS_TOP_SRCDIR)
	char exe[PATH_MAX], top[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0 || !realpath(ABS_TOP_BUILDDIR, top))
		return 0;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return 0;
	*slash = '\0';
	return strcmp(exe, top) == 0;
#else
	return 0;
#endif
}

char *az_guideline_locate(void)
{
	const char *env = getenv("ANZEN_GUIDELINE");
	if (az_guideline_option && *az_guideline_option)
		return strdup(az_guideline_option);
	if (env && *env)
		return strdup(env);
#ifdef ABS_TOP_SRCDIR
	char src[PATH_MAX];
	if (uninstalled())
		return strdup(realpath(ABS_TOP_SRCDIR "/guideline", src) ? src : ABS_TOP_SRCDIR "/guideline");
#endif
	return strdup(PKGDATADIR "/guideline");
}
