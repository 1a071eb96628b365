/*
 * lsp_int.h - what the language server's files share: the open documents
 * (lsp.c), and one document's analysis and the answers made from it
 * (lsp_features.c).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_LSP_INT_H
#define KH_LSP_INT_H

#include <stdbool.h>

#include "diag.h"
#include "json.h"
#include "lsp_pos.h"
#include "plan.h"
#include "resolve.h"

/* An open document: the editor's text, which may differ from the file. */
typedef struct lsp_doc {
	const char *uri;        /* as the editor sent it, for its replies */
	const char *path;       /* the file it names (imports are read next to it) */
	const char *text;
	size_t len;
	long version;
	bool has_version;
} lsp_doc;

/* A text of a file besides the document, read once per analysis to turn
 * its offsets into the editor's positions. */
typedef struct lsp_file_text {
	int source;             /* kh_source id */
	kh_lsp_text text;
} lsp_file_text;

/* One run of the resolver (and the checker) over a document. Each starts
 * from nothing (kh_source_reset): no run reads another's sources. */
typedef struct lsp_analysis {
	const lsp_doc *doc;
	const kh_resolve_opts *opts;
	kh_program *prog;       /* NULL when the text is not a plan file at all */
	const kh_source *main;  /* the document as kehoach read it; may be NULL */
	kh_diags diags;
	kh_lsp_text text;
	kh_vec files;           /* lsp_file_text*: other files' texts, as needed */
} lsp_analysis;

/* Resolves DOC (and checks it when CHECK and it resolved cleanly, as
 * `kehoach check` does). */
void kh_lsp_analyse(const kh_resolve_opts *opts, const lsp_doc *doc, bool check, lsp_analysis *a);

/* The editor's range of SP, in whichever file it lies, and that file's
 * URI (the document's own for the document). */
void kh_lsp_range(kh_json *j, lsp_analysis *a, kh_span sp);
const char *kh_lsp_source_uri(const lsp_analysis *a, int file);

/* The answers, written as the value of the current key of J. */
void kh_lsp_diagnostics(kh_json *j, lsp_analysis *a);
void kh_lsp_hover(kh_json *j, lsp_analysis *a, unsigned line, unsigned character);
void kh_lsp_definition(kh_json *j, lsp_analysis *a, unsigned line, unsigned character);
/* A (NULL: a document that is not open) gives the keywords alone. */
void kh_lsp_completion(kh_json *j, lsp_analysis *a);

/* file:// URIs: the path one names (NULL for another scheme or a bad
 * one), and the URI of a path (relative paths from the working folder). */
const char *kh_lsp_uri_path(const char *uri);
const char *kh_lsp_path_uri(const char *path);

#endif
