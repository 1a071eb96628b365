/*
 * parse.c - runs the reentrant scanner and parser over one loaded source.
 * The context lives on this function's stack, like PostgreSQL's
 * raw_parser(), so nothing global survives a parse.
 * Part of kehoach; see README.md for the licence.
 */
#include "parse.h"
#include "parser.h"
#include "lexer.h"

kh_node *kh_parse(kh_source *src, kh_diags *diags)
{
	kh_parse_ctx ctx = { 0 };
	ctx.src = src;
	ctx.diags = diags;
	ctx.root = kh_node_new(KH_N_FILE, (kh_span){ src->id, 0, (unsigned)src->len });

	yyscan_t scanner;
	if (kh_yylex_init_extra(&ctx, &scanner) != 0)
		kh_oom(sizeof(kh_parse_ctx));
	ctx.scanner = scanner;
	/* flex scans in place when the buffer ends in two NULs (no 2nd copy). */
	char *text = (char *)src->text;
	YY_BUFFER_STATE buf = src->len + 2 <= src->cap
		? kh_yy_scan_buffer(text, src->len + 2, scanner)
		: kh_yy_scan_bytes(src->text, (int)src->len, scanner);
	if (!buf)
		kh_oom(src->len);
	kh_yyparse(&ctx);
	kh_scan_restore(scanner);
	kh_yy_delete_buffer(buf, scanner);
	kh_yylex_destroy(scanner);
	return ctx.root;
}
