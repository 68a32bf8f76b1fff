/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * The change counts of 'anzen status' (model/diff's counts, without its rows) from a digest of the
 * earlier year instead of its snapshot: reading a hospital's 6 MB snapshot took four times the rest
 * of `status`. Per row of each compared kind the digest holds a 64-bit hash of model/diff's key and
 * one of the columns model/diff compares, computed from that year's book; the current rows are hashed
 * the same way from the book `status` loads anyway, and matched through a hash table (linear).
 *
 * A digest is derived data: kept in the workbook's meta table (key "changes YEAR"), never exported,
 * written in the same transaction as its history row by whatever writes one (import, next-year, the
 * demo), with a hash of the snapshot's text: a file changed outside anzen is checked when next opened
 * (model/store.c), and a digest whose snapshot changed is dropped then. Without a usable digest (an
 * older workbook, a year whose keys repeat, another set of compared columns), the counts come from
 * model/diff itself, exactly as before.
 */
#ifndef ANZEN_CHANGES_DIGEST_H
#define ANZEN_CHANGES_DIGEST_H

#include <stddef.h>

#include "model/book.h"
#include "model/diff.h"
#include "model/store.h"

/* Keeps the digest of the earlier year `year` whose rows are was and whose snapshot text is snapshot
 * (replacing any older one); a year whose keys repeat gets a mark that it has none (its counts need
 * model/diff). */
int az_changes_digest_save(struct az_store *s, int year, const struct az_book *was, const char *snapshot,
			   size_t len, struct az_error *err);
/* The digest of each year in history that has none (a workbook of an older anzen), for a writer: once
 * per year, even when it cannot be made (its keys repeat, its snapshot cannot be read); failures are
 * not errors, the counts then come from model/diff. */
void az_changes_digests_fill(struct az_store *s);
/* The digests of every year in history again, from their snapshots (after the snapshots changed). */
int az_changes_digests_rebuild(struct az_store *s, struct az_error *err);
/* Forgets every digest whose snapshot text, or whose own rows, no longer hash to what they were, and
 * every digest of a year not in history; returns how many (-1 on a read error). For a file changed
 * outside anzen. A schema step that changes the compared columns deletes the digests (key GLOB
 * 'changes *'); the next writer makes them again. */
int az_changes_digests_drop_stale(struct az_store *s, struct az_error *err);

/*
 * d's base_year, year and counts as az_diff_compute(s, 0, d, err) gives them, with no rows; now is the
 * workbook's book (NULL: model/diff is used). A damaged earlier year is reported as model/diff does.
 */
int az_changes_count(struct az_store *s, const struct az_book *now, struct az_diff *d, struct az_error *err);

#endif
