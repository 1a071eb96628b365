/*
 * lsp.h - `kehoach lsp`: a Language Server Protocol server on standard
 * input and output, for editors. It publishes check's findings for every
 * open document, and answers completion, hover and go-to-definition.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_LSP_H
#define KH_LSP_H

#include "resolve.h"

/* Serves messages from IN, answering on OUT, until the client says exit
 * or the input ends. Returns the exit status: 0 after a shutdown
 * request, 1 without one (as LSP asks). OPTS: the stdlib and --root
 * folders, as for check; VERSION: what initialize reports. */
int kh_lsp_serve(const kh_resolve_opts *opts, const char *version, int in, int out);

#endif
