/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <errno.h>

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "model/json_write.h"
#include "base/i18n.h"
#include "model/schema.h"
#include "model/tables.h"
#include "base/text.h"

/* Invalid UTF-8 (only possible if another program wrote the file) becomes U+FFFD; C0 controls and DEL
 * are escaped, and for a terminal the C1 controls U+0080..U+009F too, which some terminals obey. */
static void put_string(FILE *out, const unsigned char *s, size_t len, unsigned flags)
{
	putc('"', out);
	for (size_t i = 0; i < len;) {
		unsigned char c = s[i];
		if (c >= 0x80) {
			ucs4_t uc;
			int n = u8_mbtoucr(&uc, s + i, len - i);
			if (n <= 0) {
				fputs("\xEF\xBF\xBD", out);
				i++;
				continue;
			}
			if ((flags & AZ_JSON_FOR_TERMINAL) && uc >= 0x80 && uc <= 0x9F)
				fprintf(out, "\\u%04x", (unsigned)uc);
			else
				fwrite(s + i, 1, (size_t)n, out);
			i += (size_t)n;
			continue;
		}
		switch (c) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\t': fputs("\\t", out); break;
		case '\r': fputs("\\r", out); break;
		default:
			if (c < 0x20 || c == 0x7F)
				fprintf(out, "\\u%04x", c);
			else
				putc(c, out);
		}
		i++;
	}
	putc('"', out);
}

static void put_value(FILE *out, const struct az_column *c, sqlite3_stmt *st, int i, unsigned flags)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL) {
		fputs("null", out);
		return;
	}
	switch (c->type) {
	case AZ_T_INT:
	case AZ_T_REF:
		fprintf(out, "%lld", (long long)sqlite3_column_int64(st, i));
		break;
	case AZ_T_BOOL:
		fputs(sqlite3_column_int(st, i) ? "true" : "false", out);
		break;
	default:
		put_string(out, sqlite3_column_text(st, i), (size_t)sqlite3_column_bytes(st, i), flags);
	}
}

static int put_table(struct az_store *s, const struct az_table *t, FILE *out, unsigned flags, struct az_error *err)
{
	sqlite3_str *q = sqlite3_str_new(NULL);
	for (size_t c = 0; c < t->ncols; c++)
		sqlite3_str_appendf(q, "%s%s", c ? ", " : "SELECT ", t->cols[c].name);
	sqlite3_str_appendf(q, " FROM %s ORDER BY %s", t->name, t->order);
	char *sql = sqlite3_str_finish(q);
	sqlite3_stmt *st = NULL;
	if (!sql || sqlite3_prepare_v2(az_store_db(s), sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_free(sql);
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read")), -1;
	}
	sqlite3_free(sql);
	fprintf(out, "  \"%s\": %s", t->name, t->singleton ? "" : "[");
	int rc, n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		fputs(t->singleton ? "{" : n ? ",\n    {" : "\n    {", out);
		for (size_t c = 0; c < t->ncols; c++) {
			fprintf(out, "%s\"%s\": ", c ? ", " : "", t->cols[c].name);
			put_value(out, &t->cols[c], st, (int)c, flags);
		}
		putc('}', out);
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return az_store_sqlfail(s, err, AZ_IOERR, _("cannot read")), -1;
	if (t->singleton && n == 0)
		fputs("null", out);
	if (!t->singleton)
		fputs(n ? "\n  ]" : "]", out);
	return 0;
}

int az_export_json(struct az_store *s, FILE *out, struct az_error *err)
{
	return az_export_json_omit(s, out, 0, err);
}

int az_export_json_omit(struct az_store *s, FILE *out, unsigned omit, struct az_error *err)
{
	fputs("{\n", out);
	for (size_t i = 0; i < az_ntables; i++) {
		const char *n = az_tables[i].name;
		if (((omit & AZ_JSON_NO_CHANGELOG) && i == AZ_TBL_changelog) ||
		    ((omit & AZ_JSON_NO_HISTORY) && i == AZ_TBL_history))
			fprintf(out, "  \"%s\": []", n);
		else if (put_table(s, &az_tables[i], out, omit, err))
			return err->code;
		fputs(",\n", out);
		/* "format" sorts between "facts" and "history" */
		if (i == AZ_TBL_facts)
			fputs("  \"format\": \"anzen-workbook\",\n", out);
	}
	fprintf(out, "  \"version\": %d\n}\n", AZ_JSON_VERSION);
	if (ferror(out))
		return az_fail(err, AZ_IOERR, _("write failed: %s"), strerror(errno));
	return AZ_OK;
}

int az_export_json_string(struct az_store *s, char **out, size_t *len, struct az_error *err)
{
	return az_export_json_string_omit(s, out, len, 0, err);
}

int az_export_json_string_omit(struct az_store *s, char **out, size_t *len, unsigned omit, struct az_error *err)
{
	FILE *m = open_memstream(out, len);
	if (!m)
		return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	int rc = az_export_json_omit(s, m, omit, err);
	if (fclose(m) != 0 && rc == AZ_OK)
		rc = az_fail(err, AZ_IOERR, "%s", _("out of memory"));
	if (rc != AZ_OK) {
		free(*out);
		*out = NULL;
	}
	return rc;
}
