/*
 * fmt_tokens.c - do two texts read as the same tokens (fmt.h)? fmt's
 * read-back check asks first whether the formatted text gives the
 * original's tokens, each with its value: then the parser, which sees
 * only tokens, builds the same plan, and the plan need not be resolved
 * again and written as JSON twice to be compared. Any difference, and
 * any error while reading, answers no; fmt then compares the two plans.
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "alloc.h"
#include "diag.h"
#include "fmt.h"
#include "parse.h"
#include "source.h"
#include "parser.h"
#include "lexer.h"

typedef struct token {
	int t;
	KH_YYSTYPE v;
} token;

/* Does token T carry a node (an id, a string, a number, a date)? */
static bool has_node(int t)
{
	return t == T_ID || t == T_STRING || t == T_NUMBER || t == T_DATE || t == T_DECIMAL ||
	       t == T_MONTHYEAR || t == T_QUARTER || t == T_DAYMONTH;
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static bool same_token(const token *a, const token *b)
{
	if (a->t != b->t)
		return false;
	if (!has_node(a->t))
		return a->v.ival == b->v.ival;
	const kh_node *x = a->v.node, *y = b->v.node;
	if (!x || !y)
		return x == y;
	return x->kind == y->kind && x->key == y->key && x->flag == y->flag && same_str(x->id, y->id) &&
	       same_str(x->text, y->text) && !memcmp(x->n, y->n, sizeof x->n) && !x->kids && !y->kids;
}

/* A scanner over one text, set up as kh_parse sets it up. */
typedef struct reader {
	kh_diags d;
	kh_parse_ctx ctx;
	bool ok;                  /* set up, and nothing reported by the mending */
} reader;

static void reader_open(reader *r, kh_source *src)
{
	memset(r, 0, sizeof *r);
	r->ctx.src = src;
	r->ctx.diags = &r->d;
	r->ok = kh_scanner_open(&r->ctx) && !r->d.count;
}

/* The next token into K (0 at the end); false when the scanner reports
 * anything. */
static bool reader_next(reader *r, token *k)
{
	memset(k, 0, sizeof *k);
	kh_loc loc;
	if (!r->ok || r->ctx.stop)
		return false;
	k->t = kh_scan(&k->v, &loc, r->ctx.scanner);
	return !r->ctx.stop && !r->d.count;
}

static bool same_as(const kh_source *src, kh_source *b);

bool kh_same_tokens(const kh_source *src, const char *text, size_t len)
{
	kh_diags d = { 0 };
	kh_source *b = kh_source_from_bytes(src->path, text, len, &d);
	return b && !d.count && same_as(src, b);
}

bool kh_same_tokens_in(const kh_source *src, kh_buf *text)
{
	kh_buf_reserve(text, 2);
	kh_diags d = { 0 };
	/* The loader keeps the bytes: the layout is NFC and has no BOM, and
	 * what it would change it changes in a copy. */
	kh_source *b = kh_source_prepare(src->path, text->data, text->len, text->cap, &d);
	return b && !d.count && same_as(src, b);
}

static bool same_as(const kh_source *src, kh_source *b)
{
	/* The two texts read side by side, a token of each at a time: the
	 * original is read again, not the parse's tokens (the parser keeps
	 * none), and each pair is dropped once compared, its blocks cut again
	 * for the next pair, so the check holds two tokens, not two files'. */
	reader x, y;
	reader_open(&x, (kh_source *)src);
	reader_open(&y, b);
	bool same = x.ok && y.ok;
	while (same) {
		kh_bump_mark m = kh_alloc_bump_mark();
		token tx, ty;
		same = reader_next(&x, &tx) && reader_next(&y, &ty) && same_token(&tx, &ty);
		kh_alloc_bump_release(m);
		if (tx.t == 0)
			break;
	}
	kh_scanner_close(&x.ctx);
	kh_scanner_close(&y.ctx);
	return same;
}
