/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* A short fingerprint of the workbook, printed on every page so two printouts can be told apart. */
#ifndef ANZEN_FINGERPRINT_H
#define ANZEN_FINGERPRINT_H

#include <stddef.h>

/* Hex digits of the SHA-256 printed (64 bits: collisions between a clinic's printouts are
 * out of the question, and the footer stays short). */
#define AZ_FINGERPRINT_HEX 16

/* The first AZ_FINGERPRINT_HEX hex digits of SHA-256(data), in groups of four joined by '-'
 * ("3f2a-9c01-77be-0d45"); out needs AZ_FINGERPRINT_HEX * 5 / 4 bytes. */
void az_fingerprint(const void *data, size_t len, char out[AZ_FINGERPRINT_HEX * 5 / 4]);
/* The same from the SHA-256 digest d. */
void az_fingerprint_digest(const unsigned char d[32], char out[AZ_FINGERPRINT_HEX * 5 / 4]);

#endif
