#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The layering rule (tests/layers.sh) holds for the source tree, and the checker catches a breach.
set -u
: "${top_srcdir:?}"
. "$top_srcdir/tests/lib.sh"
check() { sh "$top_srcdir/tests/layers.sh" "$1" >"$T/out" 2>"$T/err"; echo $?; }

rc=$(check "$top_srcdir")
ok "$rc" "the source tree keeps its layers"
[ "$rc" = 0 ] || sed 's/^/# /' "$T/err"

# A small tree that obeys the rule, then one breach at a time.
mk() { # mk DIR: a clean tree
	rm -rf "$1"; mkdir -p "$1/base" "$1/guideline" "$1/model" "$1/export" "$1/tui" "$1/cli"
	echo '#include "base/error.h"' >"$1/guideline/load.c"
	printf '#include "guideline/load.h"\n#include <sqlite3.h>\n' >"$1/model/store.c"
	echo '#include "model/store.h"' >"$1/export/report.c"
	printf '#include "model/store.h"\n#include <curses.h>\n' >"$1/tui/draw.c"
	printf '#include "export/report.h"\n#include "tui/app.h"\n' >"$1/cli/main.c"
	: >"$1/base/error.h"
}
t=$T/tree
mk "$t"; rc=$(check "$t"); ok "$rc" "a clean tree passes"

mk "$t"; echo '#include "model/store.h"' >>"$t/base/error.h"; rc=$(check "$t")
ok $([ "$rc" = 1 ] && echo 0) "base/ including model/ fails (rc=$rc)"
grep -q '^base/error.h: base/ must not include model/' "$T/err"; ok $? "the message names the file and the folder"

mk "$t"; echo '#include "model/error.h"' >>"$t/guideline/load.c"; rc=$(check "$t")
ok $([ "$rc" = 1 ] && echo 0) "guideline/ including model/ fails (rc=$rc)"

mk "$t"; echo '#include "export/report.h"' >>"$t/tui/draw.c"; rc=$(check "$t")
ok $([ "$rc" = 1 ] && echo 0) "tui/ including export/ fails (rc=$rc)"

mk "$t"; echo '#include "cli/cli.h"' >>"$t/model/store.c"; rc=$(check "$t")
ok $([ "$rc" = 1 ] && echo 0) "model/ including cli/ fails (rc=$rc)"

mk "$t"; echo 'int x(void) { return sqlite3_changes(0); }' >>"$t/export/report.c"; rc=$(check "$t")
ok $([ "$rc" = 1 ] && echo 0) "sqlite3_ outside model/ fails (rc=$rc)"
grep -q '^export/report.c: SQLite is used only in model/' "$T/err"; ok $? "and says so"

mk "$t"; echo '#include <ncursesw/curses.h>' >>"$t/cli/main.c"; rc=$(check "$t")
ok $([ "$rc" = 1 ] && echo 0) "curses outside tui/ fails (rc=$rc)"
grep -q '^cli/main.c: curses is used only in tui/' "$T/err"; ok $? "and says so"

done_testing
