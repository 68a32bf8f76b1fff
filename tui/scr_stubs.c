/* DELETE AT MERGE: stand-ins for screens2's screens (risks, checklist, heatmap) so the home screen
 * links on the screens1 branch. screens2's files define the real ones. */
#include <config.h>

#include "guideline/i18n.h"
#include "tui/screen.h"
#include "tui/wb.h"

static int not_yet(void)
{
	tui_error("%s", _("This screen is not available yet."));
	return -1;
}

int tui_risks_open(long long system_id)
{
	(void)system_id;
	return not_yet();
}
int tui_checklist_open(void) { return not_yet(); }
int tui_heatmap_open(void) { return not_yet(); }
