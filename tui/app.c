/* The screens' entry point: checks, curses up, the home screen, the loop, curses down. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "guideline/i18n.h"
#include "model/error.h"
#include "model/text.h"
#include "tui/app.h"
#include "tui/demo.h"
#include "tui/dump.h"
#include "tui/input.h"
#include "tui/screen.h"
#include "tui/term.h"

int tui_wanted(void) { return tui_headless() || (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)); }

int tui_preflight(void) { return tui_term_check(); }

int tui_run(const char *path)
{
	struct az_error err = { 0 };
	int rc = tui_term_check();
	if (rc != AZ_OK)
		return rc;
	if ((rc = tui_term_start()) != AZ_OK)
		return rc;
	if (tui_input_open(&err) != AZ_OK) {
		tui_term_stop();
		char *msg = az_text_sanitize(err.msg);
		fprintf(stderr, "anzen: %s\n", msg ? msg : "?");
		free(msg);
		return err.code;
	}
	tui_set_context(path);
	if (tui_demo_home() == 0)
		rc = tui_loop();
	const char *dump = getenv("ANZEN_DUMP");
	if (tui_headless() && dump && *dump && !tui_dumped() && tui_dump(dump, "w") != 0)
		rc = AZ_CANTCREAT;
	tui_input_close();
	tui_term_stop();
	if (rc == AZ_CANTCREAT)
		fprintf(stderr, _("anzen: cannot write the screen dump %s\n"), dump);
	return rc;
}
