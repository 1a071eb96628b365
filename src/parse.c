/*
 * parse.c - runs the reentrant scanner and parser over one loaded source.
 * The context lives on this function's stack, like PostgreSQL's
 * raw_parser(), so nothing global survives a parse. Syntax errors from
 * both go through kh_syntax_error, which keeps one mistake to one error.
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "ast_pack.h"
#include "braces.h"
#include "i18n.h"
#include "parse.h"
#include "parser.h"
#include "lexer.h"
#include "map.h"

kh_diag *kh_syntax_error(kh_parse_ctx *ctx, kh_span span, const char *rule, const char *fmt, ...)
{
	if (ctx->stop)
		return NULL;
	/* The scanner's errors count with the parser's: 25 at most. */
	if (ctx->syntax_errors >= KH_MAX_SYNTAX_ERRORS) {
		kh_diag_add(ctx->diags, KH_ERROR, span, "syntax-error",
			    _("too many syntax errors; the rest of the file is not checked"));
		ctx->stop = 1;
		return NULL;
	}
	unsigned line, col;
	kh_source_locate(ctx->src, span.start, &line, &col);
	/* What follows a mistake on its line (the words after a stray
	 * quote, the end of a statement cut short) is its consequence. */
	if (!ctx->in_string) {
		if (line == ctx->error_line)
			return NULL;
		ctx->error_line = line;
	}
	unsigned d = ctx->depth;
	if (++ctx->block_errors[d] > KH_MAX_BLOCK_ERRORS) {
		ctx->block_hidden[d]++;
		return NULL;
	}
	va_list ap;
	va_start(ap, fmt);
	kh_diag *x = kh_diag_addv(ctx->diags, KH_ERROR, span, rule, fmt, ap);
	va_end(ap);
	ctx->syntax_errors++;
	ctx->block_last[d] = x;
	return x;
}

void kh_syntax_block_closed(kh_parse_ctx *ctx)
{
	unsigned d = ctx->depth, n = ctx->block_hidden[d];
	if (n && ctx->block_last[d])
		kh_diag_note(ctx->block_last[d], (kh_span){ -1, 0, 0 },
			     kh_ngettext("%u more error in this block is not shown",
					 "%u more errors in this block are not shown", n),
			     n);
	ctx->block_errors[d] = ctx->block_hidden[d] = 0;
	ctx->block_last[d] = NULL;
}

/* The scanner's next token, without the '}'s braces.c found extra. */
static int scan_mended(KH_YYSTYPE *lval, kh_loc *lloc, kh_parse_ctx *ctx)
{
	for (;;) {
		unsigned depth = ctx->depth;
		int t = kh_scan(lval, lloc, ctx->scanner);
		while (ctx->next_drop < ctx->ndrop && ctx->drop_at[ctx->next_drop] < lloc->start)
			ctx->next_drop++;
		if (t == '}' && ctx->next_drop < ctx->ndrop && ctx->drop_at[ctx->next_drop] == lloc->start) {
			ctx->next_drop++;
			ctx->depth = depth;
			continue;
		}
		return t;
	}
}

/* The scanner's tokens as braces.c mended them: a '}' and a ';' (the
 * line it closes ends there) before the first token at each place where
 * a '}' is missing; the token read meanwhile waits in CTX. */
int kh_parse_token(KH_YYSTYPE *lval, kh_loc *lloc, kh_parse_ctx *ctx)
{
	_Static_assert(sizeof ctx->saved_val == sizeof *lval, "the parser's %union");
	int t;
	if (ctx->queued == 2) {
		ctx->queued = 1;
		*lloc = (kh_loc){ ctx->src->id, ctx->saved_start, ctx->saved_start };
		return ';';
	}
	if (ctx->queued == 1) {
		ctx->queued = 0;
		memcpy(lval, &ctx->saved_val, sizeof *lval);
		*lloc = (kh_loc){ ctx->src->id, ctx->saved_start, ctx->saved_end };
		t = ctx->saved_tok;
	} else {
		t = scan_mended(lval, lloc, ctx);
	}
	if (ctx->next_close < ctx->nclose && lloc->start >= ctx->close_at[ctx->next_close]) {
		unsigned at = ctx->close_at[ctx->next_close++];
		ctx->saved_tok = t;
		memcpy(&ctx->saved_val, lval, sizeof *lval);
		ctx->saved_start = lloc->start;
		ctx->saved_end = lloc->end;
		ctx->queued = 2;
		if (t == '{' && ctx->depth >= 2) { /* the block read meanwhile stays open */
			ctx->block_tok[ctx->depth - 2] = ctx->block_tok[ctx->depth - 1];
			ctx->brace_at[ctx->depth - 2] = ctx->brace_at[ctx->depth - 1];
		} else if (t != '{') {
			kh_syntax_block_closed(ctx);
		}
		if (ctx->depth > 0)
			ctx->depth--;
		*lloc = (kh_loc){ ctx->src->id, at, at };
		return '}';
	}
	return t;
}

/* A keyword written as an id: an IDENT spelt as written, with '_' for the
 * spaces of a keyword of several words ("thông báo" is 'thông_báo'). */
kh_node *kh_kw_id(kh_parse_ctx *ctx, kh_span l)
{
	kh_buf b = { 0 };
	const char *text = ctx->src->text;
	for (unsigned i = l.start; i < l.end; i++) {
		if (text[i] != ' ' && text[i] != '\t')
			kh_buf_putc(&b, text[i]);
		else if (text[i - 1] != ' ' && text[i - 1] != '\t')
			kh_buf_putc(&b, '_');
	}
	kh_node *n = kh_node_new(KH_N_IDENT, l);
	n->id = kh_buf_cstr(&b);
	if (!strcmp(n->id, "½") && !ctx->stop) /* the one keyword that is not a word */
		kh_diag_add(ctx->diags, KH_ERROR, l, "syntax-error",
			    _("unexpected '½'; expected an identifier"));
	return n;
}

/* A keyword that cannot be an id here: one error, and the id kept so that
 * the statement, and the references to it, read on without more errors. */
kh_node *kh_kw_refused(kh_parse_ctx *ctx, kh_span l, const char *what, const char *why)
{
	kh_node *n = kh_kw_id(ctx, l);
	if (!ctx->stop)
		kh_diag_add(ctx->diags, KH_ERROR, l, "keyword-as-id",
			    _("%s; it cannot be %s, since %s: rename it, e.g. '%s'"),
			    kh_keyword_describe(n->id), _(what), _(why), kh_keyword_rename(n->id));
	return n;
}

bool kh_scanner_open(kh_parse_ctx *ctx)
{
	/* Unbalanced braces are found, reported and mended first, so the
	 * parser reads the blocks the indentation shows. */
	kh_braces_mend(ctx);
	yyscan_t scanner;
	if (kh_yylex_init_extra(ctx, &scanner) != 0)
		return false;
	ctx->scanner = scanner;
	/* flex scans in place when the buffer ends in two NULs (no 2nd copy). */
	const kh_source *src = ctx->src;
	bool in_place = src->len + 2 <= src->cap;
	ctx->scan_buf = in_place
		? kh_yy_scan_buffer((char *)src->text, src->len + 2, scanner)
		: kh_yy_scan_bytes(src->text, (int)src->len, scanner);
	/* a copy's bytes are not the source's */
	ctx->strings_in_place = ctx->strings_in_place && in_place;
	if (ctx->strings_in_place)
		ctx->src->strings_in_place = true;
	return ctx->scan_buf != NULL;
}

void kh_scanner_close(kh_parse_ctx *ctx)
{
	if (!ctx->scanner)
		return;
	kh_scan_restore(ctx->scanner);
	if (ctx->scan_buf)
		kh_yy_delete_buffer(ctx->scan_buf, ctx->scanner);
	kh_yylex_destroy(ctx->scanner);
	ctx->scanner = ctx->scan_buf = NULL;
}

/* ITEMS (N of them, room for *CAP) with room for one more, doubled when
 * full: the layout's lists hold no pointers. */
static void *room_for_one(void *items, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return items;
	*cap = *cap ? *cap * 2 : 32;
	return kh_realloc_atomic(items, kh_mul_size(*cap, size));
}

/* The comment [START, END) into the source's layout, where the silencing
 * comments (check.c) and fmt find it without reading the lines again. */
void kh_scan_note_comment(kh_parse_ctx *ctx, unsigned start, unsigned end)
{
	kh_layout *l = &ctx->src->layout;
	if (!ctx->note_layout)
		return;
	l->comments = room_for_one(l->comments, l->ncomments, &l->comments_cap, sizeof *l->comments);
	l->comments[l->ncomments++] = (kh_comment){ start, end };
}

/* The brace at AT, for fmt's indentation. */
void kh_scan_note_brace(kh_parse_ctx *ctx, unsigned at)
{
	kh_layout *l = &ctx->src->layout;
	if (!ctx->note_layout || ctx->no_braces)
		return;
	l->braces = room_for_one(l->braces, l->nbraces, &l->braces_cap, sizeof *l->braces);
	l->braces[l->nbraces++] = at;
}

const char *kh_string_end(const char *p, const char *stop, bool *closed)
{
	for (;;) {
		p += strcspn(p, "\"\\\r\n"); /* stops at a NUL too */
		if (p >= stop || *p == '\r' || *p == '\n') {
			*closed = false;
			return p < stop ? p : stop;
		}
		if (*p == '"') {
			*closed = true;
			return p + 1;
		}
		if (*p == '\\') {
			if (p + 1 < stop && p[1] != '\r' && p[1] != '\n') {
				p += 2; /* an escape: the byte after it is the string's */
				continue;
			}
			*closed = false;
			return p + 1;
		}
		p++; /* a NUL inside the text */
	}
}

void kh_scan_layout(kh_source *src)
{
	kh_diags d = { 0 }; /* what the parse would say: not asked here */
	kh_parse_ctx ctx = { 0 };
	ctx.src = src;
	ctx.diags = &d;
	ctx.note_layout = true;
	src->layout = (kh_layout){ 0 };
	if (!kh_scanner_open(&ctx))
		kh_oom(src->len);
	KH_YYSTYPE v;
	kh_loc loc;
	while (!ctx.stop && kh_scan(&v, &loc, ctx.scanner))
		;
	kh_scanner_close(&ctx);
}

/* The strings' table (literal.h) made once for as many strings as the
 * text has pairs of quotes: grown by doubling, a large plan's left 8 MB
 * of smaller tables behind it (at 100k tasks) before any collection. */
static void reserve_literals(kh_source *src)
{
	size_t quotes = 0;
	for (const char *p = src->text, *end = src->text + src->len;
	     (p = memchr(p, '"', (size_t)(end - p))) != NULL; p++)
		quotes++;
	if (quotes < 64)
		return; /* a small table grows for next to nothing */
	if (!src->literals)
		src->literals = KH_NEW(kh_map);
	kh_map_reserve(src->literals, quotes / 2 + 1);
}

kh_node *kh_parse(kh_source *src, kh_diags *diags)
{
	return kh_parse_with(src, diags, KH_PARSE_LITERALS);
}

kh_node *kh_parse_with(kh_source *src, kh_diags *diags, unsigned flags)
{
	kh_parse_ctx ctx = { 0 };
	ctx.src = src;
	ctx.diags = diags;
	ctx.note_literals = flags & KH_PARSE_LITERALS;
	ctx.strings_in_place = flags & KH_PARSE_STRINGS_IN_PLACE;
	ctx.no_braces = flags & KH_PARSE_NO_BRACES;
	if (ctx.note_literals && !ctx.strings_in_place)
		reserve_literals(src); /* read in place, only escaped and joined strings are noted */
	if (flags & KH_PARSE_PACK_TASKS)
		ctx.packer = kh_packer_new();
	ctx.note_layout = true;
	src->layout = (kh_layout){ 0 }; /* a second parse of the same text notes it again */
	ctx.root = kh_node_new(KH_N_FILE, (kh_span){ src->id, 0, (unsigned)src->len });
	if (!kh_scanner_open(&ctx))
		kh_oom(src->len);
	kh_node *spares = NULL;
	kh_node_spares_begin(&spares);
	kh_yyparse(&ctx);
	kh_node_spares_end();
	kh_packer_done(ctx.packer);
	for (;;) { /* notes for the blocks still open at the end */
		kh_syntax_block_closed(&ctx);
		if (ctx.depth == 0)
			break;
		ctx.depth--;
	}
	kh_scanner_close(&ctx);
	kh_alloc_bump_done();
	return ctx.root;
}
