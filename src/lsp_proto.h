/*
 * lsp_proto.h - the language server's wire: messages framed by a
 * Content-Length header (the base protocol of LSP), and JSON-RPC 2.0
 * replies written with json.h's writer.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_LSP_PROTO_H
#define KH_LSP_PROTO_H

#include <stdbool.h>
#include <stddef.h>

#include "alloc.h"
#include "json.h"
#include "json_read.h"

/* Bodies larger than this are answered with an error and skipped. */
#define KH_LSP_MAX_BODY (64u * 1024u * 1024u)

/* JSON-RPC 2.0 and LSP error codes. */
enum {
	KH_RPC_PARSE_ERROR = -32700, KH_RPC_INVALID_REQUEST = -32600,
	KH_RPC_METHOD_NOT_FOUND = -32601, KH_RPC_INVALID_PARAMS = -32602,
	KH_RPC_NOT_INITIALIZED = -32002
};

typedef struct kh_lsp_io {
	int in, out;
	char *buf;              /* bytes read and not yet used: [start, end) */
	size_t start, end, cap;
	bool resync;            /* after a bad header: look for the next one */
	unsigned long long skip; /* a body too large: bytes to pass over */
	bool write_failed;      /* the editor has gone */
} kh_lsp_io;

/* A request's id as the client wrote it: a string or an integer (null
 * when there is none to answer to). */
typedef struct kh_lsp_id {
	enum { KH_LSP_ID_NULL, KH_LSP_ID_NUMBER, KH_LSP_ID_STRING } kind;
	long number;
	const char *string;
} kh_lsp_id;

void kh_lsp_io_init(kh_lsp_io *io, int in, int out);
/* Reads one message into *BODY: 1. At the end of the input: 0. A header
 * that cannot be read, or a body over the limit: -1 with the reason in
 * WHY, the reader having moved on to the next message it can find. */
int kh_lsp_read(kh_lsp_io *io, kh_buf *body, char *why, size_t whylen);
/* Sends JSON as one message; -1 (and WRITE_FAILED) when it cannot. */
int kh_lsp_send(kh_lsp_io *io, const kh_buf *json);

/* Starts a message: {"jsonrpc": "2.0", then the id when ID is not NULL. */
void kh_lsp_begin(kh_json *j, kh_buf *out, const kh_lsp_id *id);
/* Sends an error reply to ID. */
int kh_lsp_send_error(kh_lsp_io *io, const kh_lsp_id *id, int code, const char *message);
/* Reads a message's id: false when it is there but not a string or an
 * integer (JSON-RPC allows no other). */
bool kh_lsp_read_id(const kh_jv *v, kh_lsp_id *id);

#endif
