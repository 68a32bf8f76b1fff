/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* What SQLite's JSON functions accept but a workbook must not: it would keep "\u0000" as an
 * empty string, a lone surrogate as invalid UTF-8, and the last of two equal keys. One linear
 * pass over RFC 8259 JSON, before SQLite reads it. */
#ifndef ANZEN_JSON_STRICT_H
#define ANZEN_JSON_STRICT_H

#include <stddef.h>

/* 0 if json[0..len) is free of those (or not JSON at all: SQLite then says so); else -1 with the JSON
 * path of the value at fault ("$.risks[3].name") in where and a translated reason in *why. */
int az_json_strict(const char *json, size_t len, char *where, size_t wsize, const char **why);

#endif
