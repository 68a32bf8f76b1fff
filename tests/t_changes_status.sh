#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The changes 'anzen status' prints for a second-year workbook whose earlier year differs in every
# way (tests/data/year/changes.json; its rows are checked one by one in tests/t_changes.c), exactly as
# the version that loaded the earlier year through the full import printed them.
. "$top_srcdir/tests/lib.sh"
run 0 "a second-year workbook" "$ANZEN" import -o "$T/c.anzen" "$top_srcdir/tests/data/year/changes.json"
run 0 "status of it" "$ANZEN" status "$T/c.anzen"
sed -n '/^Changes since/,$p' "$T/out" >"$T/changes"
cat >"$T/want" <<'END'
Changes since fiscal year 2026:
  Systems                new 1, changed 1, unchanged 2, removed 1
  Vendors                new 1, changed 1, unchanged 1, removed 1
  Risks                  new 1, changed 1, unchanged 3, removed 2
  Actions                new 1, changed 2, unchanged 1, removed 1
  Checklist answers      new 0, changed 2, unchanged 4, removed 1
END
same "$T/changes" "$T/want" "the changes since last year, line for line"
done_testing
