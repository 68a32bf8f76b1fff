/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * libqpdf loaded the first time a PDF is read, not by every run of anzen: linked, it and what it
 * needs (libstdc++, gnutls) cost every command about 2 ms of dynamic linking. Include after
 * <qpdf/qpdf-c.h>: the qpdf_ functions below then call through pointers that az_qpdf_load fills.
 */
#ifndef ANZEN_QPDF_LAZY_H
#define ANZEN_QPDF_LAZY_H

#include "base/error.h"

#define AZ_QPDF_FUNCS \
	X(qpdf_cleanup) \
	X(qpdf_get_error) \
	X(qpdf_get_root) \
	X(qpdf_has_error) \
	X(qpdf_init) \
	X(qpdf_oh_get_array_item) \
	X(qpdf_oh_get_array_n_items) \
	X(qpdf_oh_get_dict) \
	X(qpdf_oh_get_int_value) \
	X(qpdf_oh_get_key) \
	X(qpdf_oh_get_key_if_dict) \
	X(qpdf_oh_get_stream_data) \
	X(qpdf_oh_get_utf8_value) \
	X(qpdf_oh_has_key) \
	X(qpdf_oh_is_array) \
	X(qpdf_oh_is_dictionary) \
	X(qpdf_oh_is_integer) \
	X(qpdf_oh_is_name_and_equals) \
	X(qpdf_oh_is_null) \
	X(qpdf_oh_is_stream) \
	X(qpdf_oh_is_string) \
	X(qpdf_oh_new_null) \
	X(qpdf_read_memory) \
	X(qpdf_set_attempt_recovery) \
	X(qpdf_set_suppress_warnings) \
	X(qpdf_silence_errors) \
	/* end */

#define X(f) extern __typeof__(f) *az_##f;
AZ_QPDF_FUNCS
#undef X

/* Loads libqpdf once; 0, or the exit code with err set when it cannot be loaded. */
int az_qpdf_load(struct az_error *err);

#ifndef AZ_QPDF_LAZY_C
#define qpdf_cleanup (*az_qpdf_cleanup)
#define qpdf_get_error (*az_qpdf_get_error)
#define qpdf_get_root (*az_qpdf_get_root)
#define qpdf_has_error (*az_qpdf_has_error)
#define qpdf_init (*az_qpdf_init)
#define qpdf_oh_get_array_item (*az_qpdf_oh_get_array_item)
#define qpdf_oh_get_array_n_items (*az_qpdf_oh_get_array_n_items)
#define qpdf_oh_get_dict (*az_qpdf_oh_get_dict)
#define qpdf_oh_get_int_value (*az_qpdf_oh_get_int_value)
#define qpdf_oh_get_key (*az_qpdf_oh_get_key)
#define qpdf_oh_get_key_if_dict (*az_qpdf_oh_get_key_if_dict)
#define qpdf_oh_get_stream_data (*az_qpdf_oh_get_stream_data)
#define qpdf_oh_get_utf8_value (*az_qpdf_oh_get_utf8_value)
#define qpdf_oh_has_key (*az_qpdf_oh_has_key)
#define qpdf_oh_is_array (*az_qpdf_oh_is_array)
#define qpdf_oh_is_dictionary (*az_qpdf_oh_is_dictionary)
#define qpdf_oh_is_integer (*az_qpdf_oh_is_integer)
#define qpdf_oh_is_name_and_equals (*az_qpdf_oh_is_name_and_equals)
#define qpdf_oh_is_null (*az_qpdf_oh_is_null)
#define qpdf_oh_is_stream (*az_qpdf_oh_is_stream)
#define qpdf_oh_is_string (*az_qpdf_oh_is_string)
#define qpdf_oh_new_null (*az_qpdf_oh_new_null)
#define qpdf_read_memory (*az_qpdf_read_memory)
#define qpdf_set_attempt_recovery (*az_qpdf_set_attempt_recovery)
#define qpdf_set_suppress_warnings (*az_qpdf_set_suppress_warnings)
#define qpdf_silence_errors (*az_qpdf_silence_errors)
#endif

#endif
