/*
 * test_stdlib.c - the stdlib compiled in (stdlib_embed.h) and parsed once
 * per process (stdlib_cache.h): the embedded table equals stdlib/ byte for
 * byte, file for file; every embedded module loads and parses without a
 * finding; resolving and checking plans never writes a kept tree; and a
 * plan resolved with the kept modules gives the JSON and the findings it
 * gives in a fresh process (the cache dropped), the embedded copies
 * standing for absent files included.
 * Part of kehoach; see README.md for the licence.
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
#include <glob.h>
#include <cmocka.h>

#include "alloc.h"
#include "check.h"
#include "emit_json.h"
#include "parse.h"
#include "resolve.h"
#include "rules.h"
#include "stdlib_cache.h"
#include "stdlib_embed.h"
#include "stdlib_tree.h"

#define STDLIB KH_STDLIB_DIR
#define EXAMPLES KH_STDLIB_DIR "/../examples/"

static char *read_whole(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	kh_buf b = { 0 };
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		kh_buf_put(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return (char *)kh_buf_cstr(&b);
}

static void test_embedded_equals_stdlib(void **state)
{
	(void)state;
	assert_true(kh_stdlib_nembedded >= 8);
	for (size_t i = 0; i < kh_stdlib_nembedded; i++) {
		const kh_embedded_file *e = &kh_stdlib_embedded[i];
		size_t len = 0;
		char *disk = read_whole(kh_printf("%s/%s", STDLIB, e->path), &len);
		if (!disk)
			fail_msg("embedded %s is not in stdlib/", e->path);
		if (len != e->len || memcmp(disk, e->bytes, len))
			fail_msg("embedded %s differs from stdlib/%s (%zu bytes, %zu on disk): run make",
				 e->path, e->path, e->len, len);
		assert_int_equal(e->bytes[e->len], '\0');
		if (i > 0)
			assert_true(strcmp(kh_stdlib_embedded[i - 1].path, e->path) < 0);
		assert_ptr_equal(kh_stdlib_embedded_find(e->path), e);
	}
	assert_null(kh_stdlib_embedded_find("vn/khong_co.kh"));
}

static int missing;
static int each_disk_file(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	size_t n = strlen(path);
	if (type == FTW_F && n > 3 && !strcmp(path + n - 3, ".kh")) {
		const char *rel = path + strlen(STDLIB) + 1;
		if (!kh_stdlib_embedded_find(rel)) {
			fprintf(stderr, "stdlib/%s is not embedded\n", rel);
			missing++;
		}
	}
	return 0;
}

static void test_every_stdlib_file_embedded(void **state)
{
	(void)state;
	missing = 0;
	assert_int_equal(nftw(STDLIB, each_disk_file, 16, FTW_PHYS), 0);
	assert_int_equal(missing, 0);
}

static void test_embedded_parse_clean(void **state)
{
	(void)state;
	for (size_t i = 0; i < kh_stdlib_nembedded; i++) {
		const kh_embedded_file *e = &kh_stdlib_embedded[i];
		kh_diags d = { 0 };
		kh_source *src = kh_source_from_bytes(e->path, e->bytes, e->len, &d);
		assert_non_null(src);
		/* Already NFC: the text prepared is the bytes embedded. */
		assert_int_equal(src->len, e->len);
		assert_memory_equal(src->text, e->bytes, e->len);
		assert_non_null(kh_parse(src, &d));
		if (d.count) {
			kh_buf b = { 0 };
			kh_diags_print_text(&d, &b, 0);
			fail_msg("%s: %s", e->path, kh_buf_cstr(&b));
		}
	}
}

/* Everything a tree holds but the id of its source, which each run sets. */
static uint64_t mix(uint64_t h, uint64_t v)
{
	return (h ^ v) * 1099511628211ull;
}

static uint64_t mix_str(uint64_t h, const char *s)
{
	h = mix(h, s ? 1 : 0);
	for (; s && *s; s++)
		h = mix(h, (unsigned char)*s);
	return h;
}

static uint64_t tree_hash(const kh_node *n, uint64_t h)
{
	for (; n; n = n->next) {
		bool list = kh_node_is_list(n->kind);
		h = mix(h, (uint64_t)n->kind);
		h = mix(h, list ? (uintptr_t)n->last : (uint64_t)(unsigned)n->key);
		h = mix(h, n->span.start);
		h = mix(h, n->span.end);
		h = mix(h, (uint64_t)(unsigned)n->flag);
		h = mix_str(h, n->id);
		h = mix_str(h, n->text);
		for (int i = 0; i < 3 && !list; i++)
			h = mix(h, (uint64_t)(unsigned)n->n[i]);
		h = tree_hash(n->kids, mix(h, 0x7b));
		h = mix(h, 0x7d);
	}
	return h;
}

static uint64_t kept_hash(void)
{
	uint64_t h = 14695981039346656037ull;
	const kh_source *src;
	for (size_t i = 0; i < kh_stdlib_cache_size(); i++) {
		kh_node *t = kh_stdlib_cache_tree(i, &src);
		if (t) {
			h = mix_str(h, src->text);
			h = tree_hash(t, h);
		}
	}
	for (size_t i = 0; i < kh_stdlib_ntrees; i++)
		if (kh_stdlib_trees[i].root)
			h = tree_hash(kh_stdlib_trees[i].root, h);
	return h;
}

/* Do the siblings A.. and B.. hold the same nodes, field by field (the
 * spans' file apart; a list's last child is the parser's only, and not
 * compiled in)? */
static void assert_same_tree(const kh_node *a, const kh_node *b, const char *path)
{
	for (; a && b; a = a->next, b = b->next) {
		bool list = a->kind == b->kind && kh_node_is_list(a->kind);
		if (a->kind != b->kind || (!list && a->key != b->key) || a->span.start != b->span.start ||
		    a->span.end != b->span.end || a->flag != b->flag || (!a->id != !b->id) ||
		    (a->id && strcmp(a->id, b->id)) || (!a->text != !b->text) || (a->text && strcmp(a->text, b->text)) ||
		    (!list && memcmp(a->n, b->n, sizeof a->n)) || !a->kids != !b->kids)
			fail_msg("%s: the compiled tree differs at bytes %u-%u (%s)", path, b->span.start, b->span.end,
				 kh_node_kind_name(b->kind));
		assert_same_tree(a->kids, b->kids, path);
	}
	assert_true(!a && !b);
}

/* The trees compiled in (stdlib_tree.h) are what the parser gives for the
 * embedded bytes today, with the same line table and continued lines;
 * every module has one (the stdlib parses clean). */
static void test_compiled_trees_equal_parse(void **state)
{
	(void)state;
	assert_int_equal(kh_stdlib_ntrees, kh_stdlib_nembedded);
	for (size_t i = 0; i < kh_stdlib_nembedded; i++) {
		const kh_embedded_file *e = &kh_stdlib_embedded[i];
		const kh_stdlib_tree *t = &kh_stdlib_trees[i];
		assert_string_equal(t->path, e->path);
		assert_non_null(t->root);
		kh_diags d = { 0 };
		kh_source *src = kh_source_from_bytes(e->path, e->bytes, e->len, &d);
		kh_node *fresh = kh_parse(src, &d);
		assert_int_equal(d.count, 0);
		assert_same_tree(t->root, fresh, e->path);
		assert_int_equal(t->nlines, src->nlines);
		assert_memory_equal(t->line_starts, src->line_starts, src->nlines * sizeof *src->line_starts);
		assert_true(!t->continued == !src->continued);
		if (src->continued)
			assert_memory_equal(t->continued, src->continued, src->nlines + 1);
		kh_node *root = NULL;
		kh_source *taken = kh_stdlib_tree_take(e, "taken.kh", &root);
		assert_non_null(taken);
		assert_ptr_equal(root, t->root);
		assert_int_equal(root->span.file, taken->id);
		assert_int_equal(taken->len, e->len);
		assert_memory_equal(taken->text, e->bytes, e->len);
	}
}

typedef struct outcome {
	const char *json, *findings;
} outcome;

/* One run as `kehoach check` and `kehoach json` make it. */
static outcome run_plan(const char *path, bool embedded)
{
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = STDLIB;
	opts.stdlib_embedded = embedded;
	kh_diags d = { 0 };
	int io = 0;
	kh_source_reset();
	kh_program *p = kh_resolve_file(path, &opts, &d, &io);
	assert_int_equal(io, 0);
	assert_non_null(p);
	kh_rule_config config;
	kh_rule_config_init(&config);
	if (!d.errors)
		kh_check_program(p, &config, &d);
	kh_diags_sort(&d);
	kh_buf j = { 0 }, f = { 0 };
	kh_emit_json(p, &j);
	kh_diags_print_text(&d, &f, 0);
	return (outcome){ kh_buf_cstr(&j), kh_buf_cstr(&f) };
}

static void test_kept_trees_equal_fresh(void **state)
{
	(void)state;
	glob_t gl;
	assert_int_equal(glob(EXAMPLES "*.kh", 0, NULL, &gl), 0);
	assert_true(gl.gl_pathc >= 2);
	for (int embedded = 0; embedded < 2; embedded++) {
		outcome *fresh = KH_NEW_N(outcome, gl.gl_pathc);
		for (size_t i = 0; i < gl.gl_pathc; i++) {
			kh_stdlib_cache_forget(); /* as a process of its own */
			fresh[i] = run_plan(gl.gl_pathv[i], embedded);
		}
		/* One process: the modules parsed the second time are kept;
		 * the embedded ones are never parsed (their trees are compiled in). */
		kh_stdlib_cache_forget();
		run_plan(gl.gl_pathv[0], embedded);
		run_plan(gl.gl_pathv[1], embedded);
		if (embedded)
			assert_int_equal(kh_stdlib_cache_size(), 0);
		else
			assert_true(kh_stdlib_cache_size() >= 2);
		uint64_t before = 0;
		size_t nkept = 0;
		for (int round = 0; round < 3; round++) {
			/* By the third round every module read twice is kept. */
			if (round == 2) {
				before = kept_hash();
				nkept = kh_stdlib_cache_size();
			}
			for (size_t i = gl.gl_pathc; i-- > 0;) {
				outcome o = run_plan(gl.gl_pathv[i], embedded);
				if (strcmp(o.findings, fresh[i].findings))
					fail_msg("%s: the findings differ with the kept modules:\n%s\n---\n%s",
						 gl.gl_pathv[i], o.findings, fresh[i].findings);
				if (strcmp(o.json, fresh[i].json))
					fail_msg("%s: the JSON differs with the kept modules",
						 gl.gl_pathv[i]);
			}
		}
		/* Resolving and checking wrote nothing into a kept or compiled tree. */
		assert_int_equal(nkept, kh_stdlib_cache_size());
		assert_true(before == kept_hash());
	}
	globfree(&gl);
	kh_stdlib_cache_forget();
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_embedded_equals_stdlib),
		cmocka_unit_test(test_every_stdlib_file_embedded),
		cmocka_unit_test(test_embedded_parse_clean),
		cmocka_unit_test(test_compiled_trees_equal_parse),
		cmocka_unit_test(test_kept_trees_equal_fresh),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
