#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <zlib.h>

#include "base/readfile.h"
#include "model/pdfattach.h"
#include "base/i18n.h"

/* A view of the whole file; positions are offsets into it. */
struct pdf {
	const unsigned char *b;
	size_t n;
};

static int is_ws(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static int is_delim(unsigned char c)
{
	return is_ws(c) || strchr("()<>[]{}/%", c) != NULL;
}

static size_t skip_ws(const struct pdf *p, size_t i)
{
	while (i < p->n) {
		if (is_ws(p->b[i])) {
			i++;
		} else if (p->b[i] == '%') {
			while (i < p->n && p->b[i] != '\n' && p->b[i] != '\r')
				i++;
		} else {
			break;
		}
	}
	return i;
}

/* End of the object starting at i (after white space), or 0 if it is malformed. depth bounds
 * nesting so a hostile file cannot exhaust the stack. */
static size_t skip_object(const struct pdf *p, size_t i, int depth)
{
	i = skip_ws(p, i);
	if (i >= p->n || depth > 32)
		return 0;
	unsigned char c = p->b[i];
	if (c == '(') {
		int nest = 0;
		for (; i < p->n; i++) {
			if (p->b[i] == '\\')
				i++;
			else if (p->b[i] == '(')
				nest++;
			else if (p->b[i] == ')' && --nest == 0)
				return i + 1;
		}
		return 0;
	}
	if (c == '<' && i + 1 < p->n && p->b[i + 1] == '<') {
		i += 2;
		for (;;) {
			i = skip_ws(p, i);
			if (i + 1 < p->n && p->b[i] == '>' && p->b[i + 1] == '>')
				return i + 2;
			size_t k = skip_object(p, i, depth + 1); /* key, then value */
			if (!k || !(i = skip_object(p, k, depth + 1)))
				return 0;
		}
	}
	if (c == '<') {
		const unsigned char *e = memchr(p->b + i, '>', p->n - i);
		return e ? (size_t)(e - p->b) + 1 : 0;
	}
	if (c == '[') {
		for (i++;;) {
			i = skip_ws(p, i);
			if (i < p->n && p->b[i] == ']')
				return i + 1;
			if (!(i = skip_object(p, i, depth + 1)))
				return 0;
		}
	}
	if (c == ')' || c == '>' || c == ']' || c == '{' || c == '}')
		return 0;
	/* a name, number or keyword; "n g R" is read as three of these */
	size_t j = i + 1;
	while (j < p->n && !is_delim(p->b[j]))
		j++;
	if (c == '/')
		return j;
	/* a reference: the value is "n g R" */
	size_t k = skip_ws(p, j), l = k;
	while (l < p->n && p->b[l] >= '0' && p->b[l] <= '9')
		l++;
	if (l > k && c >= '0' && c <= '9') {
		size_t m = skip_ws(p, l);
		if (m < p->n && p->b[m] == 'R' && (m + 1 == p->n || is_delim(p->b[m + 1])))
			return m + 1;
	}
	return j;
}

/* Position of the value of /key in the dictionary at i, or 0. */
static size_t dict_get(const struct pdf *p, size_t i, const char *key)
{
	size_t klen = strlen(key);
	i = skip_ws(p, i);
	if (i + 1 >= p->n || p->b[i] != '<' || p->b[i + 1] != '<')
		return 0;
	i += 2;
	for (;;) {
		i = skip_ws(p, i);
		if (i >= p->n || p->b[i] != '/')
			return 0;
		size_t k = skip_object(p, i, 0);
		if (!k)
			return 0;
		size_t v = skip_ws(p, k);
		if (k - i - 1 == klen && memcmp(p->b + i + 1, key, klen) == 0)
			return v;
		if (!(i = skip_object(p, v, 0)))
			return 0;
	}
}

static int is_name(const struct pdf *p, size_t v, const char *name)
{
	size_t n = strlen(name);
	return v && v + n <= p->n && memcmp(p->b + v, name, n) == 0 && (v + n == p->n || is_delim(p->b[v + n]));
}

static int read_uint(const struct pdf *p, size_t v, unsigned long *out)
{
	unsigned long x = 0;
	size_t i = v;
	while (i < p->n && p->b[i] >= '0' && p->b[i] <= '9' && x < 0x10000000UL)
		x = x * 10 + (p->b[i++] - '0');
	*out = x;
	return v && i > v && (i == p->n || is_delim(p->b[i]));
}

/* Body of object num (the last definition wins, as after an incremental update), or 0. */
static size_t find_object(const struct pdf *p, unsigned long num)
{
	char pat[32];
	int n = snprintf(pat, sizeof pat, "%lu 0 obj", num);
	size_t found = 0;
	for (size_t i = 0; i + (size_t)n <= p->n;) {
		const unsigned char *h = memmem(p->b + i, p->n - i, pat, (size_t)n);
		if (!h)
			break;
		size_t at = (size_t)(h - p->b);
		if (at == 0 || is_ws(p->b[at - 1]))
			found = at + (size_t)n;
		i = at + 1;
	}
	return found;
}

/* A reference "n g R" at v gives object n's body; a direct object is itself. */
static size_t resolve(const struct pdf *p, size_t v)
{
	unsigned long num;
	size_t end = skip_object(p, v, 0);
	if (end && end > v && p->b[end - 1] == 'R' && read_uint(p, v, &num))
		return skip_ws(p, find_object(p, num));
	return v;
}

/* Decodes the literal string at v into buf (NUL-terminated); 0 if it is not one. */
static int read_string(const struct pdf *p, size_t v, char *buf, size_t size)
{
	size_t end = skip_object(p, v, 0), o = 0;
	if (!end || p->b[v] != '(' || size == 0)
		return 0;
	for (size_t i = v + 1; i + 1 < end && o + 1 < size; i++) {
		unsigned char c = p->b[i];
		if (c == '\\' && i + 2 < end) {
			c = p->b[++i];
			if (c >= '0' && c <= '7') {
				int x = 0;
				for (int k = 0; k < 3 && i < end - 1 && p->b[i] >= '0' && p->b[i] <= '7'; k++)
					x = x * 8 + (p->b[i++] - '0');
				i--;
				c = (unsigned char)x;
			} else if (c == 'n') {
				c = '\n';
			} else if (c == 'r') {
				c = '\r';
			} else if (c == 't') {
				c = '\t';
			}
		}
		buf[o++] = (char)c;
	}
	buf[o] = '\0';
	return 1;
}

static int inflate_all(const unsigned char *in, size_t inlen, char **out, size_t *outlen)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit(&z) != Z_OK)
		return -1;
	size_t cap = inlen * 4 + 1024, n = 0;
	char *buf = malloc(cap + 1);
	int rc = Z_OK;
	z.next_in = (unsigned char *)in;
	z.avail_in = (uInt)(inlen > 0x7FFFFFFF ? 0x7FFFFFFF : inlen);
	while (buf && rc == Z_OK) {
		if (n == cap) {
			if (cap >= AZ_ATTACHMENT_MAX)
				break;
			cap = cap * 2 > AZ_ATTACHMENT_MAX ? AZ_ATTACHMENT_MAX : cap * 2;
			char *b = realloc(buf, cap + 1);
			if (!b)
				break;
			buf = b;
		}
		z.next_out = (unsigned char *)buf + n;
		z.avail_out = (uInt)(cap - n);
		rc = inflate(&z, Z_NO_FLUSH);
		n = cap - z.avail_out;
		if (rc == Z_BUF_ERROR && z.avail_out > 0)
			break; /* input ended before the stream did */
		if (rc == Z_BUF_ERROR)
			rc = Z_OK;
	}
	inflateEnd(&z);
	if (rc != Z_STREAM_END) {
		free(buf);
		return -1;
	}
	buf[n] = '\0';
	*out = buf, *outlen = n;
	return 0;
}

/* The decoded data of the embedded-file stream object at body. */
static int stream_data(const struct pdf *p, size_t body, char **out, size_t *outlen)
{
	size_t end = skip_object(p, body, 0);
	if (!end)
		return -1;
	size_t s = skip_ws(p, end);
	if (s + 6 > p->n || memcmp(p->b + s, "stream", 6) != 0)
		return -1;
	s += 6;
	if (s < p->n && p->b[s] == '\r')
		s++;
	if (s < p->n && p->b[s] == '\n')
		s++;
	unsigned long length;
	size_t lv = dict_get(p, body, "Length");
	size_t avail = p->n - s;
	if (!lv || !read_uint(p, resolve(p, lv), &length) || length > avail)
		length = avail; /* Flate ends by itself; an unfiltered stream is cut at endstream below */
	size_t fv = dict_get(p, body, "Filter");
	if (fv && fv < p->n && p->b[fv] == '[') { /* libharu writes [ /FlateDecode ] */
		size_t e = skip_object(p, fv, 0), k = skip_ws(p, fv + 1);
		if (e && k < e && skip_ws(p, skip_object(p, k, 0)) == e - 1)
			fv = k;
	}
	if (fv && is_name(p, fv, "/FlateDecode"))
		return inflate_all(p->b + s, length, out, outlen);
	if (fv)
		return -1; /* not a filter we wrote */
	if (length == avail) {
		const unsigned char *e = memmem(p->b + s, avail, "endstream", 9);
		if (!e)
			return -1;
		length = (size_t)(e - (p->b + s));
		while (length > 0 && (p->b[s + length - 1] == '\n' || p->b[s + length - 1] == '\r'))
			length--;
	}
	if (length > AZ_ATTACHMENT_MAX || !(*out = malloc(length + 1)))
		return -1;
	memcpy(*out, p->b + s, length);
	(*out)[length] = '\0';
	*outlen = length;
	return 0;
}

int az_pdf_sniff(const char *buf, size_t len)
{
	return len >= 5 && memcmp(buf, "%PDF-", 5) == 0;
}

int az_pdf_attachment(const char *pdf, size_t len, const char *name, char **out, size_t *outlen,
		      struct az_error *err)
{
	struct pdf p = { (const unsigned char *)pdf, len };
	*out = NULL, *outlen = 0;
	if (!az_pdf_sniff(pdf, len))
		return az_fail(err, AZ_DATAERR, "%s", _("not a PDF file"));
	int seen = 0;
	for (size_t i = 0; i < len;) {
		const unsigned char *h = memmem(p.b + i, len - i, " obj", 4);
		if (!h)
			break;
		size_t body = skip_ws(&p, (size_t)(h - p.b) + 4);
		i = (size_t)(h - p.b) + 4;
		if (!is_name(&p, dict_get(&p, body, "Type"), "/Filespec"))
			continue;
		char fname[512] = "";
		size_t fv = dict_get(&p, body, "UF");
		if (!fv || !read_string(&p, fv, fname, sizeof fname))
			if (!(fv = dict_get(&p, body, "F")) || !read_string(&p, fv, fname, sizeof fname))
				continue;
		seen = 1;
		if (name && strcmp(fname, name) != 0)
			continue;
		size_t ef = dict_get(&p, body, "EF");
		size_t fs = ef ? dict_get(&p, resolve(&p, ef), "F") : 0;
		size_t obj = fs ? resolve(&p, fs) : 0;
		if (!obj || obj == fs || stream_data(&p, obj, out, outlen) != 0)
			return az_fail(err, AZ_DATAERR, _("the attachment %s is damaged"), fname);
		unsigned long size;
		size_t pv = dict_get(&p, obj, "Params");
		size_t sv = pv ? dict_get(&p, resolve(&p, pv), "Size") : 0;
		if (sv && read_uint(&p, resolve(&p, sv), &size) && size != *outlen) {
			unsigned long got = (unsigned long)*outlen;
			free(*out);
			*out = NULL, *outlen = 0;
			return az_fail(err, AZ_DATAERR, _("the attachment %s is damaged (%lu bytes, expected %lu)"),
				       fname, got, size);
		}
		return AZ_OK;
	}
	if (name && seen)
		return az_fail(err, AZ_DATAERR, _("no attachment called %s"), name);
	return az_fail(err, AZ_DATAERR, "%s", _("no attachment (not a report written by anzen?)"));
}

int az_pdf_attachment_file(const char *path, const char *name, char **out, size_t *outlen, struct az_error *err)
{
	*out = NULL, *outlen = 0;
	char *buf;
	size_t n;
	if (az_read_file(path, 512L * 1024 * 1024, &buf, &n) != 0) {
		if (errno == EISDIR || errno == EINVAL || errno == EFBIG)
			return az_fail(err, AZ_DATAERR, _("%s: not a regular file of at most 512 MB"), path);
		if (errno == ENOMEM)
			return az_fail(err, AZ_IOERR, "%s", _("out of memory"));
		if (errno == EIO)
			return az_fail(err, AZ_IOERR, _("%s: read failed"), path);
		return az_fail(err, AZ_NOINPUT, "%s: %s", path, strerror(errno));
	}
	struct az_error e = { 0 };
	int rc = az_pdf_attachment(buf, n, name, out, outlen, &e);
	free(buf);
	if (rc != AZ_OK)
		return az_fail(err, rc, "%s: %s", path, e.msg);
	return AZ_OK;
}
