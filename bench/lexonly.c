/*
 * lexonly.c - the front end's floor for `make bench`: loads a plan
 * (kh_source_load: size cap, UTF-8 and NUL checks, NFC, line table) and
 * then only scans it, or only parses it, as kehoach's first phase does.
 *
 *   build/bench/lexonly load  FILE   load only
 *   build/bench/lexonly lex   FILE   load, then every token (kh_scan), as
 *                                    kh_parse drives the scanner
 *   build/bench/lexonly parse FILE   load, then kh_parse (scanner, braces
 *                                    mended, parser, the raw syntax tree)
 *
 * Prints "bytes tokens load_s phase_s" on standard output (tokens is 0
 * but for lex; phase_s is 0 for load), times taken inside the process
 * with CLOCK_MONOTONIC, so process start and exit are left out; the
 * benchmark times the whole process too. Exit 1 when the file had
 * errors, 2 on a usage or I/O problem.
 * Linked against the project's objects (Makefile, $(BENCH_BUILD)/bench/lexonly);
 * nothing in src/ knows it exists.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "braces.h"
#include "diag.h"
#include "parse.h"
#include "source.h"
#include "parser.h"
#include "lexer.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Every token of SRC, as kh_parse sets the scanner up (in place when the
 * text ends in two NULs). */
static unsigned long lex(kh_source *src, kh_diags *diags)
{
	kh_parse_ctx ctx = { 0 };
	ctx.src = src;
	ctx.diags = diags;
	kh_braces_mend(&ctx);
	yyscan_t scanner;
	if (kh_yylex_init_extra(&ctx, &scanner) != 0)
		return 0;
	ctx.scanner = scanner;
	char *text = (char *)src->text;
	YY_BUFFER_STATE buf = src->len + 2 <= src->cap
		? kh_yy_scan_buffer(text, src->len + 2, scanner)
		: kh_yy_scan_bytes(src->text, (int)src->len, scanner);
	unsigned long n = 0;
	KH_YYSTYPE val;
	kh_loc loc;
	while (buf && !ctx.stop && kh_scan(&val, &loc, scanner) != 0)
		n++;
	kh_scan_restore(scanner);
	if (buf)
		kh_yy_delete_buffer(buf, scanner);
	kh_yylex_destroy(scanner);
	return n;
}

int main(int argc, char **argv)
{
	if (argc != 3 || (strcmp(argv[1], "load") && strcmp(argv[1], "lex") && strcmp(argv[1], "parse"))) {
		fprintf(stderr, "usage: lexonly load|lex|parse FILE\n");
		return 2;
	}
	kh_alloc_init();
	kh_diags diags = { 0 };
	int io_error = 0;
	double t0 = now();
	kh_source *src = kh_source_load(argv[2], &diags, &io_error);
	double t1 = now();
	if (!src) {
		fprintf(stderr, "lexonly: cannot load %s\n", argv[2]);
		return io_error ? 2 : 1;
	}
	unsigned long tokens = 0;
	if (!strcmp(argv[1], "lex")) {
		tokens = lex(src, &diags);
	} else if (!strcmp(argv[1], "parse")) {
		kh_node *root = kh_parse(src, &diags);
		if (!root)
			return 1;
	}
	double t2 = now();
	printf("%zu %lu %.6f %.6f\n", src->len, tokens, t1 - t0, strcmp(argv[1], "load") ? t2 - t1 : 0.0);
	return diags.errors ? 1 : 0;
}
