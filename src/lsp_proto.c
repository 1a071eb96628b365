/*
 * lsp_proto.c - the base protocol: header lines up to an empty line, then
 * Content-Length bytes of JSON. The input is never trusted: a header line
 * is at most 8 KiB, a header at most 32 lines, a body at most
 * KH_LSP_MAX_BODY; after a header that cannot be read the reader looks
 * for the next "Content-Length:" instead of giving up, so one bad message
 * costs one error reply.
 * Part of kehoach; see README.md for the licence.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "lsp_proto.h"

enum { MAX_LINE = 8192, MAX_HEADERS = 32, CHUNK = 65536 };

void kh_lsp_io_init(kh_lsp_io *io, int in, int out)
{
	memset(io, 0, sizeof *io);
	io->in = in;
	io->out = out;
}

/* Reads more input; returns how much, 0 at its end (or on an error). */
static size_t fill(kh_lsp_io *io)
{
	if (io->start > 0 && io->start == io->end)
		io->start = io->end = 0;
	if (io->start > io->cap / 2) {
		memmove(io->buf, io->buf + io->start, io->end - io->start);
		io->end -= io->start;
		io->start = 0;
	}
	if (io->cap - io->end < CHUNK) {
		io->cap = io->cap ? io->cap * 2 : 2 * CHUNK;
		io->buf = kh_realloc_atomic(io->buf, io->cap);
	}
	for (;;) {
		ssize_t n = read(io->in, io->buf + io->end, io->cap - io->end);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return 0;
		io->end += (size_t)n;
		return (size_t)n;
	}
}

/* The next line (without its LF, and a CR before it). 1, or 0 at the end
 * of the input, or -1 when the line is too long. */
static int read_line(kh_lsp_io *io, const char **line, size_t *len)
{
	for (size_t seen = 0;;) {
		size_t have = io->end - io->start;
		char *nl = have > seen ? memchr(io->buf + io->start + seen, '\n', have - seen) : NULL;
		if (nl) {
			*line = io->buf + io->start;
			*len = (size_t)(nl - *line);
			io->start += *len + 1;
			if (*len && (*line)[*len - 1] == '\r')
				(*len)--;
			return 1;
		}
		seen = io->end - io->start;
		if (seen > MAX_LINE)
			return -1;
		if (!fill(io))
			return 0;
	}
}

/* Skips to the next "Content-Length:" (any case); false at the end. */
static bool resync(kh_lsp_io *io)
{
	static const char key[] = "content-length:";
	const size_t klen = sizeof key - 1;
	for (;;) {
		for (size_t i = io->start; i + klen <= io->end; i++) {
			if (!strncasecmp(io->buf + i, key, klen)) {
				io->start = i;
				io->resync = false;
				return true;
			}
		}
		if (io->end - io->start > klen)
			io->start = io->end - klen;
		if (!fill(io))
			return false;
	}
}

static bool is_token_char(unsigned char c)
{
	return c > 0x20 && c < 0x7F && !strchr("()<>@,;:\\\"/[]?={}", c);
}

/* One header line: NAME: VALUE. Sets *LENGTH for Content-Length. Returns
 * NULL, or what is wrong with the line. */
static const char *header_line(const char *line, size_t len, long long *length)
{
	const char *colon = memchr(line, ':', len);
	if (!colon || colon == line)
		return "a header line is not 'Name: value'";
	for (const char *p = line; p < colon; p++)
		if (!is_token_char((unsigned char)*p))
			return "a header name holds a character it may not";
	const char *v = colon + 1, *end = line + len;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if ((size_t)(colon - line) != 14 || strncasecmp(line, "Content-Length", 14))
		return NULL; /* Content-Type and others: nothing to do with them */
	long long n = 0;
	if (v == end || end - v > 12)
		return "Content-Length is not a number of bytes";
	for (const char *p = v; p < end; p++) {
		if (*p < '0' || *p > '9')
			return "Content-Length is not a number of bytes";
		n = n * 10 + (*p - '0');
	}
	if (*length >= 0 && *length != n)
		return "two different Content-Length headers";
	*length = n;
	return NULL;
}

/* Skips N bytes of input (a body too large to hold), or to its end. */
static void skip(kh_lsp_io *io, unsigned long long n)
{
	while (n > 0) {
		if (io->start == io->end && !fill(io))
			return;
		size_t have = io->end - io->start;
		size_t take = have < n ? have : (size_t)n;
		io->start += take;
		n -= take;
	}
}

static int bad_header(kh_lsp_io *io, const char *what, char *why, size_t whylen)
{
	snprintf(why, whylen, "cannot read the message header: %s", what);
	io->resync = true;
	return -1;
}

int kh_lsp_read(kh_lsp_io *io, kh_buf *body, char *why, size_t whylen)
{
	skip(io, io->skip);
	io->skip = 0;
	if (io->resync && !resync(io))
		return 0;
	long long length = -1;
	int lines = 0;
	for (;;) {
		const char *line;
		size_t len;
		int rc = read_line(io, &line, &len);
		if (rc == 0)
			return 0;
		if (rc < 0)
			return bad_header(io, "a header line is longer than 8 KiB", why, whylen);
		if (len == 0 && lines == 0)
			continue;     /* blank lines between messages */
		if (len == 0)
			break;
		if (++lines > MAX_HEADERS)
			return bad_header(io, "more than 32 header lines", why, whylen);
		const char *bad = header_line(line, len, &length);
		if (bad)
			return bad_header(io, bad, why, whylen);
	}
	if (length < 0)
		return bad_header(io, "no Content-Length", why, whylen);
	if (length > (long long)KH_LSP_MAX_BODY) {
		snprintf(why, whylen, "the message is %lld bytes; the limit is %u", length,
			 KH_LSP_MAX_BODY);
		/* Skipped on the next read: the error reply goes out first. */
		io->skip = (unsigned long long)length;
		return -1;
	}
	while (io->end - io->start < (size_t)length)
		if (!fill(io))
			return 0; /* cut short: nothing more will come */
	body->len = 0;
	kh_buf_put(body, io->buf + io->start, (size_t)length);
	io->start += (size_t)length;
	return 1;
}

static int write_all(kh_lsp_io *io, const char *p, size_t n)
{
	while (n > 0 && !io->write_failed) {
		ssize_t w = write(io->out, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			io->write_failed = true;
			break;
		}
		p += w;
		n -= (size_t)w;
	}
	return io->write_failed ? -1 : 0;
}

int kh_lsp_send(kh_lsp_io *io, const kh_buf *json)
{
	char head[64];
	int n = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", json->len);
	if (write_all(io, head, (size_t)n) != 0)
		return -1;
	return write_all(io, json->data ? json->data : "", json->len);
}

void kh_lsp_begin(kh_json *j, kh_buf *out, const kh_lsp_id *id)
{
	kh_json_init(j, out);
	kh_json_begin_object(j);
	kh_json_kstr(j, "jsonrpc", "2.0");
	if (!id)
		return;
	kh_json_key(j, "id");
	if (id->kind == KH_LSP_ID_NUMBER)
		kh_json_int(j, id->number);
	else if (id->kind == KH_LSP_ID_STRING)
		kh_json_str(j, id->string);
	else
		kh_json_null(j);
}

int kh_lsp_send_error(kh_lsp_io *io, const kh_lsp_id *id, int code, const char *message)
{
	static const kh_lsp_id none = { KH_LSP_ID_NULL, 0, NULL };
	kh_buf out = { 0 };
	kh_json j;
	kh_lsp_begin(&j, &out, id ? id : &none);
	kh_json_key(&j, "error");
	kh_json_begin_object(&j);
	kh_json_kint(&j, "code", code);
	kh_json_kstr(&j, "message", message);
	kh_json_end_object(&j);
	kh_json_end_object(&j);
	return kh_lsp_send(io, &out);
}

bool kh_lsp_read_id(const kh_jv *v, kh_lsp_id *id)
{
	memset(id, 0, sizeof *id);
	if (!v || v->type == KH_JV_NULL)
		return true;
	if (v->type == KH_JV_STRING) {
		id->kind = KH_LSP_ID_STRING;
		id->string = v->str;
		return strlen(v->str) == v->len; /* a NUL could not be sent back */
	}
	id->kind = KH_LSP_ID_NUMBER;
	return kh_jv_long(v, &id->number);
}
