/*
 * lsp.c - the language server: reads JSON-RPC messages, keeps the open
 * documents' texts, and answers. Nothing but a document's text is kept
 * between messages: each answer comes from a fresh run over that text
 * (a plan resolves in milliseconds), so no document sees another's
 * declarations, and an edit can never leave stale state behind.
 * Lifecycle as LSP says: requests before initialize are refused
 * (-32002), after shutdown too; exit ends with 0 after shutdown, else 1.
 * Part of kehoach; see README.md for the licence.
 */
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "json_read.h"
#include "lsp.h"
#include "lsp_int.h"
#include "lsp_proto.h"

typedef struct lsp_server {
	kh_lsp_io io;
	const kh_resolve_opts *opts;
	const char *version;
	kh_vec docs;            /* lsp_doc* */
	bool initialized, shut_down;
} lsp_server;

static lsp_doc *find_doc(lsp_server *s, const char *uri, size_t *at)
{
	for (size_t i = 0; uri && i < s->docs.n; i++) {
		lsp_doc *d = KH_VEC_AT(s->docs, lsp_doc, i);
		if (!strcmp(d->uri, uri)) {
			if (at)
				*at = i;
			return d;
		}
	}
	return NULL;
}

/* A message to the editor's log, for what cannot be answered: a
 * notification that makes no sense. */
static void log_message(lsp_server *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void log_message(lsp_server *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *text = kh_vprintf(fmt, ap);
	va_end(ap);
	kh_buf out = { 0 };
	kh_json j;
	kh_lsp_begin(&j, &out, NULL);
	kh_json_kstr(&j, "method", "window/logMessage");
	kh_json_key(&j, "params");
	kh_json_begin_object(&j);
	kh_json_kint(&j, "type", 2);  /* Warning */
	kh_json_kstr(&j, "message", text);
	kh_json_end_object(&j);
	kh_json_end_object(&j);
	kh_lsp_send(&s->io, &out);
}

static void publish_begin(kh_json *j, kh_buf *out, const char *uri)
{
	kh_lsp_begin(j, out, NULL);
	kh_json_kstr(j, "method", "textDocument/publishDiagnostics");
	kh_json_key(j, "params");
	kh_json_begin_object(j);
	kh_json_kstr(j, "uri", uri);
}

/* check's findings for D, at the editor's positions. */
static void publish(lsp_server *s, const lsp_doc *d)
{
	lsp_analysis a;
	kh_lsp_analyse(s->opts, d, true, &a);
	kh_buf out = { 0 };
	kh_json j;
	publish_begin(&j, &out, d->uri);
	if (d->has_version)
		kh_json_kint(&j, "version", d->version);
	kh_json_key(&j, "diagnostics");
	kh_lsp_diagnostics(&j, &a);
	kh_json_end_object(&j);
	kh_json_end_object(&j);
	kh_lsp_send(&s->io, &out);
}

/* A closed document's findings go with it. */
static void publish_none(lsp_server *s, const char *uri)
{
	kh_buf out = { 0 };
	kh_json j;
	publish_begin(&j, &out, uri);
	kh_json_key(&j, "diagnostics");
	kh_json_begin_array(&j);
	kh_json_end_array(&j);
	kh_json_end_object(&j);
	kh_json_end_object(&j);
	kh_lsp_send(&s->io, &out);
}

static const char *doc_uri(const kh_jv *params)
{
	return kh_jv_get_string(kh_jv_get(params, "textDocument"), "uri");
}

static bool read_uint(const kh_jv *v, unsigned *out)
{
	long n;
	if (!kh_jv_long(v, &n) || n < 0 || (unsigned long)n > UINT_MAX)
		return false;
	*out = (unsigned)n;
	return true;
}

static bool read_position(const kh_jv *pos, unsigned *line, unsigned *character)
{
	return read_uint(kh_jv_get(pos, "line"), line) &&
	       read_uint(kh_jv_get(pos, "character"), character);
}

static void set_text(lsp_doc *d, const kh_jv *text)
{
	d->text = text->str;
	d->len = text->len;
}

static void did_open(lsp_server *s, const kh_jv *params)
{
	const kh_jv *td = kh_jv_get(params, "textDocument");
	const char *uri = kh_jv_get_string(td, "uri");
	const kh_jv *text = kh_jv_get(td, "text");
	if (!uri || !kh_jv_string(text)) {
		log_message(s, _("kehoach: textDocument/didOpen without textDocument.uri and "
				 "text: ignored"));
		return;
	}
	lsp_doc *d = find_doc(s, uri, NULL);
	if (!d) {
		d = KH_NEW(lsp_doc);
		d->uri = uri;
		const char *path = kh_lsp_uri_path(uri);
		/* A buffer that is no file yet reads its imports from here. */
		d->path = path ? path : "untitled.kh";
		kh_vec_push(&s->docs, d);
	}
	set_text(d, text);
	d->has_version = kh_jv_long(kh_jv_get(td, "version"), &d->version);
	publish(s, d);
}

/* One entry of didChange's contentChanges: the whole text, or a range of
 * it replaced (which a client may send even when asked for full texts). */
static bool apply_change(lsp_doc *d, const kh_jv *change)
{
	const kh_jv *text = kh_jv_get(change, "text");
	if (!kh_jv_string(text))
		return false;
	const kh_jv *range = kh_jv_get(change, "range");
	if (!range) {
		set_text(d, text);
		return true;
	}
	unsigned sl, sc, el, ec;
	if (!read_position(kh_jv_get(range, "start"), &sl, &sc) ||
	    !read_position(kh_jv_get(range, "end"), &el, &ec))
		return false;
	kh_lsp_text t;
	kh_lsp_text_init(&t, d->text, d->len);
	size_t a = kh_lsp_raw_offset(&t, sl, sc), b = kh_lsp_raw_offset(&t, el, ec);
	if (b < a)
		return false;
	kh_buf n = { 0 };
	kh_buf_put(&n, d->text, a);
	kh_buf_put(&n, text->str, text->len);
	kh_buf_put(&n, d->text + b, d->len - b);
	d->text = kh_buf_cstr(&n);
	d->len = n.len;
	return true;
}

static void did_change(lsp_server *s, const kh_jv *params)
{
	const char *uri = doc_uri(params);
	lsp_doc *d = find_doc(s, uri, NULL);
	const kh_jv *changes = kh_jv_get(params, "contentChanges");
	if (!d || !changes || changes->type != KH_JV_ARRAY) {
		log_message(s, _("kehoach: textDocument/didChange for %s, which is not open, or "
				 "without contentChanges: ignored"), uri ? uri : "?");
		return;
	}
	for (size_t i = 0; i < changes->n; i++) {
		if (!apply_change(d, changes->items[i])) {
			log_message(s, _("kehoach: textDocument/didChange: change %zu of %s is not a "
					 "text or a range and a text: ignored"), i + 1, uri);
			break;
		}
	}
	d->has_version = kh_jv_long(kh_jv_get(kh_jv_get(params, "textDocument"), "version"),
				    &d->version) || d->has_version;
	publish(s, d);
}

/* A saved file may be imported by the other open documents: all of them
 * are looked at again. */
static void did_save(lsp_server *s, const kh_jv *params)
{
	lsp_doc *d = find_doc(s, doc_uri(params), NULL);
	const kh_jv *text = kh_jv_get(params, "text");
	if (d && kh_jv_string(text))
		set_text(d, text);
	for (size_t i = 0; i < s->docs.n; i++)
		publish(s, KH_VEC_AT(s->docs, lsp_doc, i));
}

static void did_close(lsp_server *s, const kh_jv *params)
{
	size_t at;
	const char *uri = doc_uri(params);
	if (!find_doc(s, uri, &at))
		return;
	s->docs.items[at] = s->docs.items[--s->docs.n];
	publish_none(s, uri);
}

static void notification(lsp_server *s, const char *method, const kh_jv *params)
{
	/* Before initialize, notifications are dropped (exit aside). */
	if (!s->initialized)
		return;
	if (!strcmp(method, "textDocument/didOpen"))
		did_open(s, params);
	else if (!strcmp(method, "textDocument/didChange"))
		did_change(s, params);
	else if (!strcmp(method, "textDocument/didSave"))
		did_save(s, params);
	else if (!strcmp(method, "textDocument/didClose"))
		did_close(s, params);
	/* initialized, $/cancelRequest, $/setTrace and the rest: nothing to do. */
}

static void capabilities(kh_json *j, const char *version)
{
	kh_json_begin_object(j);
	kh_json_key(j, "capabilities");
	kh_json_begin_object(j);
	kh_json_kstr(j, "positionEncoding", "utf-16");
	kh_json_key(j, "textDocumentSync");
	kh_json_begin_object(j);
	kh_json_kbool(j, "openClose", true);
	kh_json_kint(j, "change", 1);  /* Full: the whole text each time */
	kh_json_key(j, "save");
	kh_json_begin_object(j);
	kh_json_kbool(j, "includeText", false);
	kh_json_end_object(j);
	kh_json_end_object(j);
	kh_json_key(j, "completionProvider");
	kh_json_begin_object(j);
	kh_json_kbool(j, "resolveProvider", false);
	kh_json_end_object(j);
	kh_json_kbool(j, "hoverProvider", true);
	kh_json_kbool(j, "definitionProvider", true);
	kh_json_end_object(j);
	kh_json_key(j, "serverInfo");
	kh_json_begin_object(j);
	kh_json_kstr(j, "name", "kehoach");
	kh_json_kstr(j, "version", version);
	kh_json_end_object(j);
	kh_json_end_object(j);
}

typedef enum { Q_HOVER, Q_DEFINITION, Q_COMPLETION } query;

/* hover, definition and completion: the document at a position. */
static void answer_query(lsp_server *s, const kh_lsp_id *id, query q, const kh_jv *params)
{
	unsigned line, character;
	const char *uri = doc_uri(params);
	if (!uri || !read_position(kh_jv_get(params, "position"), &line, &character)) {
		kh_lsp_send_error(&s->io, id, KH_RPC_INVALID_PARAMS,
				  _("expected textDocument.uri and position {line, character}"));
		return;
	}
	const lsp_doc *d = find_doc(s, uri, NULL);
	lsp_analysis a;
	if (d)
		kh_lsp_analyse(s->opts, d, false, &a);
	kh_buf out = { 0 };
	kh_json j;
	kh_lsp_begin(&j, &out, id);
	kh_json_key(&j, "result");
	if (q == Q_COMPLETION)
		kh_lsp_completion(&j, d ? &a : NULL);
	else if (!d)
		kh_json_null(&j);     /* a document that is not open: nothing known */
	else if (q == Q_HOVER)
		kh_lsp_hover(&j, &a, line, character);
	else
		kh_lsp_definition(&j, &a, line, character);
	kh_json_end_object(&j);
	kh_lsp_send(&s->io, &out);
}

static void reply_plain(lsp_server *s, const kh_lsp_id *id, bool initialize)
{
	kh_buf out = { 0 };
	kh_json j;
	kh_lsp_begin(&j, &out, id);
	kh_json_key(&j, "result");
	if (initialize)
		capabilities(&j, s->version);
	else
		kh_json_null(&j);
	kh_json_end_object(&j);
	kh_lsp_send(&s->io, &out);
}

static void request(lsp_server *s, const kh_lsp_id *id, const char *method, const kh_jv *params)
{
	bool init = !strcmp(method, "initialize");
	if (!s->initialized && !init) {
		kh_lsp_send_error(&s->io, id, KH_RPC_NOT_INITIALIZED,
				  _("the server is not initialized: send initialize first"));
	} else if (s->shut_down) {
		kh_lsp_send_error(&s->io, id, KH_RPC_INVALID_REQUEST,
				  _("the server is shutting down: only exit is accepted"));
	} else if (init && s->initialized) {
		kh_lsp_send_error(&s->io, id, KH_RPC_INVALID_REQUEST,
				  _("initialize was already received"));
	} else if (init) {
		s->initialized = true;
		reply_plain(s, id, true);
	} else if (!strcmp(method, "shutdown")) {
		s->shut_down = true;
		reply_plain(s, id, false);
	} else if (!strcmp(method, "textDocument/hover")) {
		answer_query(s, id, Q_HOVER, params);
	} else if (!strcmp(method, "textDocument/definition")) {
		answer_query(s, id, Q_DEFINITION, params);
	} else if (!strcmp(method, "textDocument/completion")) {
		answer_query(s, id, Q_COMPLETION, params);
	} else {
		kh_lsp_send_error(&s->io, id, KH_RPC_METHOD_NOT_FOUND,
				  kh_printf(_("no method '%s'"), method));
	}
}

/* One message. Returns the exit status when it was exit, else -1. */
static int handle(lsp_server *s, const kh_buf *body)
{
	char why[160];
	kh_jv *msg = kh_json_parse(body->data ? body->data : "", body->len, why, sizeof why);
	kh_lsp_id id;
	if (!msg) {
		kh_lsp_send_error(&s->io, NULL, KH_RPC_PARSE_ERROR,
				  kh_printf(_("the message is not JSON: %s"), why));
		return -1;
	}
	const kh_jv *idv = kh_jv_get(msg, "id");
	const kh_jv *params = kh_jv_get(msg, "params");
	const char *method = kh_jv_get_string(msg, "method");
	const char *bad = NULL;
	if (msg->type != KH_JV_OBJECT)
		bad = _("a message is a JSON object");
	else if (!kh_lsp_read_id(idv, &id))
		bad = _("an id is a string or an integer");
	else if (!kh_jv_string(kh_jv_get(msg, "jsonrpc")) ||
		 strcmp(kh_jv_get_string(msg, "jsonrpc"), "2.0"))
		bad = _("\"jsonrpc\" must be \"2.0\"");
	else if (!method && (kh_jv_get(msg, "result") || kh_jv_get(msg, "error")) && idv)
		return -1;      /* an answer to a request of ours: we send none */
	else if (!method)
		bad = _("a request has a \"method\" string");
	else if (params && params->type != KH_JV_OBJECT && params->type != KH_JV_ARRAY)
		bad = _("\"params\" is an object or an array");
	if (bad) {
		kh_lsp_id none = { KH_LSP_ID_NULL, 0, NULL };
		kh_lsp_send_error(&s->io, msg->type == KH_JV_OBJECT && idv && kh_lsp_read_id(idv, &id)
					  ? &id : &none, KH_RPC_INVALID_REQUEST, bad);
		return -1;
	}
	if (!strcmp(method, "exit"))
		return s->shut_down ? 0 : 1;
	if (idv)
		request(s, &id, method, params);
	else
		notification(s, method, params);
	return -1;
}

int kh_lsp_serve(const kh_resolve_opts *opts, const char *version, int in, int out)
{
	lsp_server s = { 0 };
	kh_lsp_io_init(&s.io, in, out);
	s.opts = opts;
	s.version = version;
	/* An editor that goes away is a write error, not a signal that kills
	 * the server mid-message. */
	signal(SIGPIPE, SIG_IGN);
	kh_buf body = { 0 };
	for (;;) {
		char why[160];
		int rc = kh_lsp_read(&s.io, &body, why, sizeof why);
		if (rc == 0)
			return s.shut_down ? 0 : 1;
		int status = -1;
		if (rc < 0)
			kh_lsp_send_error(&s.io, NULL, KH_RPC_PARSE_ERROR, why);
		else
			status = handle(&s, &body);
		if (status >= 0)
			return status;
		if (s.io.write_failed)
			return 1;
	}
}
