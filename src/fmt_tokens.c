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
#include "braces.h"
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

typedef struct token_list {
	token *v;
	size_t n, cap;
} token_list;

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

/* Every token of SRC into OUT, as kh_parse sets the scanner up; false
 * when the scanner reports anything. */
static bool tokens_of(kh_source *src, token_list *out)
{
	kh_diags d = { 0 };
	kh_parse_ctx ctx = { 0 };
	ctx.src = src;
	ctx.diags = &d;
	kh_braces_mend(&ctx);
	yyscan_t scanner;
	if (d.count || kh_yylex_init_extra(&ctx, &scanner) != 0)
		return false;
	ctx.scanner = scanner;
	YY_BUFFER_STATE buf = src->len + 2 <= src->cap
		? kh_yy_scan_buffer((char *)src->text, src->len + 2, scanner)
		: kh_yy_scan_bytes(src->text, (int)src->len, scanner);
	for (;;) {
		token k;
		memset(&k, 0, sizeof k);
		kh_loc loc;
		if (!buf || ctx.stop || (k.t = kh_scan(&k.v, &loc, scanner)) == 0)
			break;
		if (out->n == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 1024;
			out->v = KH_GROW_N(out->v, token, out->cap);
		}
		out->v[out->n++] = k;
	}
	kh_scan_restore(scanner);
	if (buf)
		kh_yy_delete_buffer(buf, scanner);
	kh_yylex_destroy(scanner);
	return buf && !ctx.stop && !d.count;
}

bool kh_same_tokens(const kh_source *src, const char *text, size_t len)
{
	kh_diags d = { 0 };
	kh_source *b = kh_source_from_bytes(src->path, text, len, &d);
	if (!b || d.count)
		return false;
	token_list x = { 0 }, y = { 0 };
	/* the original is read again, not the parse's tokens: the parser
	 * keeps none, and its scanner reads a source in place */
	if (!tokens_of((kh_source *)src, &x) || !tokens_of(b, &y) || x.n != y.n)
		return false;
	for (size_t i = 0; i < x.n; i++)
		if (!same_token(&x.v[i], &y.v[i]))
			return false;
	return true;
}
