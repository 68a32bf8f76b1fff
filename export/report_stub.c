/* DELETE AT MERGE: stands in for the inspection PDF (branch report, export/report.c) so that the
 * export screen links on the screens1 branch. */
#include <config.h>

#include "export/report.h"
#include "guideline/i18n.h"

int az_report_pdf(struct az_store *s, const struct az_catalogue *cat, const char *path,
		  const struct az_report_opts *o, struct az_error *err)
{
	(void)s;
	(void)cat;
	(void)path;
	(void)o;
	return az_fail(err, AZ_USAGE, "%s", _("The PDF is not available yet in this build."));
}
