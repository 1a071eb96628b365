/*
 * lsp_analysis.c - one document through the resolver and the checker,
 * exactly as `kehoach check` runs them, and its findings as LSP
 * diagnostics: the same rule ids, severities and messages, at the
 * editor's positions. A finding in an imported file (or the stdlib) is
 * shown at the top of the document, saying where it is, since the editor
 * publishes diagnostics per document and that file may not be open.
 * Part of kehoach; see README.md for the licence.
 */
#include <ctype.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "lsp_int.h"
#include "prose_facts.h"
#include "prose_words.h"
#include "unichar.h"

void kh_lsp_analyse(const kh_resolve_opts *opts, const lsp_doc *doc, bool check, lsp_analysis *a)
{
	memset(a, 0, sizeof *a);
	a->doc = doc;
	a->opts = opts;
	/* Every run starts from nothing: the sources and cached words of the
	 * document analysed before are not this one's. */
	kh_source_reset();
	kh_word_fold_forget();
	kh_text_memo_forget(); /* its words point at the folds just forgotten */
	kh_resolve_forget_paths(); /* a stdlib path may have changed since */
	a->prog = kh_resolve_bytes(doc->path, doc->text, doc->len, opts, &a->diags);
	/* The document is the first source read, even when it was refused
	 * (its errors still point into it). */
	a->main = a->prog ? a->prog->main : kh_source_get(0);
	/* As check: the rules need a whole, resolved plan. */
	if (check && a->prog && a->diags.errors == 0) {
		kh_rule_config config;
		kh_rule_config_init(&config);
		kh_check_program(a->prog, &config, &a->diags);
	}
	kh_diags_sort(&a->diags);
	kh_lsp_text_init(&a->text, doc->text, doc->len);
}

/* The text SRC's offsets are measured in, as the editor would have it:
 * the document's buffer, or another file's bytes on disk. */
static const kh_lsp_text *text_of(lsp_analysis *a, const kh_source *src)
{
	if (src == a->main)
		return &a->text;
	for (size_t i = 0; i < a->files.n; i++) {
		lsp_file_text *f = KH_VEC_AT(a->files, lsp_file_text, i);
		if (f->source == src->id)
			return &f->text;
	}
	lsp_file_text *f = KH_NEW(lsp_file_text);
	f->source = src->id;
	if (!kh_lsp_text_load(&f->text, src->path))
		kh_lsp_text_init(&f->text, src->text, src->len);
	kh_vec_push(&a->files, f);
	return &f->text;
}

static void position(kh_json *j, unsigned line, unsigned character)
{
	kh_json_begin_object(j);
	kh_json_kint(j, "line", (long)line);
	kh_json_kint(j, "character", (long)character);
	kh_json_end_object(j);
}

void kh_lsp_range(kh_json *j, lsp_analysis *a, kh_span sp)
{
	const kh_source *src = kh_source_get(sp.file);
	unsigned l0 = 0, c0 = 0, l1 = 0, c1 = 0;
	if (src) {
		const kh_lsp_text *t = text_of(a, src);
		kh_lsp_position(t, src, sp.start, &l0, &c0);
		kh_lsp_position(t, src, sp.end > sp.start ? sp.end : sp.start, &l1, &c1);
	}
	kh_json_begin_object(j);
	kh_json_key(j, "start");
	position(j, l0, c0);
	kh_json_key(j, "end");
	position(j, l1, c1);
	kh_json_end_object(j);
}

const char *kh_lsp_source_uri(const lsp_analysis *a, int file)
{
	const kh_source *src = kh_source_get(file);
	if (!src || src == a->main)
		return a->doc->uri;
	return kh_lsp_path_uri(src->path);
}

static int severity(kh_severity s)
{
	return s == KH_ERROR ? 1 : s == KH_WARNING ? 2 : 3;
}

/* A location of related information: SP's, or the finding's own when
 * SP has none. */
static void related(kh_json *j, lsp_analysis *a, kh_span sp, kh_span own, const char *message)
{
	if (sp.file < 0 || !kh_source_get(sp.file))
		sp = own;
	kh_json_begin_object(j);
	kh_json_key(j, "location");
	kh_json_begin_object(j);
	kh_json_kstr(j, "uri", kh_lsp_source_uri(a, sp.file));
	kh_json_key(j, "range");
	kh_lsp_range(j, a, sp);
	kh_json_end_object(j);
	kh_json_kstr(j, "message", message);
	kh_json_end_object(j);
}

/* Where a finding outside the document is, as check prints it. */
static const char *elsewhere(const kh_diag *x)
{
	const kh_source *src = kh_source_get(x->span.file);
	if (!src)
		return x->path ? x->path : "";
	unsigned line, col;
	kh_source_locate(src, x->span.start, &line, &col);
	return kh_printf("%s:%u:%u", src->path, line, col);
}

static void diagnostic(kh_json *j, lsp_analysis *a, const kh_diag *x)
{
	const kh_source *src = kh_source_get(x->span.file);
	bool here = src && src == a->main;
	kh_span top = { a->main ? a->main->id : -1, 0, 0 };
	kh_json_begin_object(j);
	kh_json_key(j, "range");
	kh_lsp_range(j, a, here ? x->span : top);
	kh_json_kint(j, "severity", severity(x->severity));
	if (x->rule)
		kh_json_kstr(j, "code", x->rule);
	kh_json_kstr(j, "source", "kehoach");
	kh_json_kstr(j, "message", here ? x->message : kh_printf("%s: %s", elsewhere(x), x->message));
	if (x->notes || (src && !here)) {
		kh_json_key(j, "relatedInformation");
		kh_json_begin_array(j);
		if (src && !here)
			related(j, a, x->span, top, x->message);
		for (const kh_diag *n = x->notes; n; n = n->next)
			related(j, a, n->span, here ? x->span : top, n->message);
		kh_json_end_array(j);
	}
	kh_json_end_object(j);
}

void kh_lsp_diagnostics(kh_json *j, lsp_analysis *a)
{
	kh_json_begin_array(j);
	/* Silenced findings are left out, as check's text report does. */
	for (const kh_diag *x = a->diags.first; x; x = x->next)
		if (!x->suppressed)
			diagnostic(j, a, x);
	kh_json_end_array(j);
}

const char *kh_lsp_uri_path(const char *uri)
{
	if (strncmp(uri, "file://", 7))
		return NULL;
	const char *p = uri + 7;
	if (!strncmp(p, "localhost/", 10))
		p += 9;
	if (*p != '/')
		return NULL;   /* another host's file */
	kh_buf b = { 0 };
	for (; *p && *p != '?' && *p != '#'; p++) {
		if (*p == '%' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])) {
			int v = kh_hex_digit((unsigned char)p[1]) * 16 + kh_hex_digit((unsigned char)p[2]);
			if (v == 0)
				return NULL;
			kh_buf_putc(&b, (char)v);
			p += 2;
		} else {
			kh_buf_putc(&b, *p);
		}
	}
	return kh_buf_cstr(&b);
}

static void put_encoded(kh_buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		/* ASCII only, whatever the locale says of other bytes. */
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    (c && strchr("-._~/", c)))
			kh_buf_putc(b, (char)c);
		else
			kh_buf_printf(b, "%%%02X", c);
	}
}

const char *kh_lsp_path_uri(const char *path)
{
	kh_buf b = { 0 };
	kh_buf_puts(&b, "file://");
	char cwd[PATH_MAX];
	if (path[0] != '/' && getcwd(cwd, sizeof cwd)) {
		put_encoded(&b, cwd);
		if (strcmp(cwd, "/"))
			kh_buf_putc(&b, '/');
	}
	put_encoded(&b, path);
	return kh_buf_cstr(&b);
}
