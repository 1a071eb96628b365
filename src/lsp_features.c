/*
 * lsp_features.c - what the editor asks about a place in a document:
 * completion (every keyword spelling of keywords.def, and the ids the
 * program declares, stdlib and imports included: the language has one
 * scope), hover (an id's declaration; a keyword's meaning), and
 * go-to-definition (the declaration's id, in whichever file; an import's
 * file). Ids are matched as the resolver matches them (kh_name_key).
 * Part of kehoach; see README.md for the licence.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lsp_int.h"
#include "names.h"
#include "strmap.h"

typedef struct lsp_keyword {
	const char *spelling, *token;
	int value;
} lsp_keyword;

/* The one keyword table, read here for its spellings and meanings. */
static const lsp_keyword keywords[] = {
#define KW(s, tok, val) { s, #tok, val },
#include "keywords.def"
#undef KW
};
enum { NKEYWORDS = sizeof keywords / sizeof keywords[0] };

/* Every spelling of keyword K's meaning: "task / nhiệm_vụ / nhiem_vu". */
static const char *meaning(const lsp_keyword *k)
{
	kh_buf b = { 0 };
	for (int i = 0; i < NKEYWORDS; i++) {
		if (strcmp(keywords[i].token, k->token) || keywords[i].value != k->value)
			continue;
		if (b.len)
			kh_buf_puts(&b, " / ");
		kh_buf_puts(&b, keywords[i].spelling);
	}
	return kh_buf_cstr(&b);
}

typedef struct lsp_decl {
	kh_sym_kind kind;
	const char *id, *name;
	kh_span span;
} lsp_decl;

static void add_decl(kh_vec *v, kh_sym_kind kind, const char *id, const char *name, kh_span sp)
{
	if (!id)
		return;
	lsp_decl *d = KH_NEW(lsp_decl);
	*d = (lsp_decl){ kind, id, name ? name : "", sp };
	kh_vec_push(v, d);
}

/* The program's declarations, in its files' order. */
static kh_vec decls_of(const kh_program *p)
{
	kh_vec v = { 0 };
	for (size_t i = 0; i < p->levels.n; i++) {
		const kh_level *l = KH_VEC_AT(p->levels, kh_level, i);
		add_decl(&v, KH_SYM_LEVEL, l->id, l->name, l->span);
	}
	for (size_t i = 0; i < p->bodies.n; i++) {
		const kh_body *b = KH_VEC_AT(p->bodies, kh_body, i);
		add_decl(&v, KH_SYM_BODY, b->id, b->name, b->span);
	}
	for (size_t i = 0; i < p->documents.n; i++) {
		const kh_document *d = KH_VEC_AT(p->documents, kh_document, i);
		add_decl(&v, KH_SYM_DOCUMENT, d->id, d->number, d->span);
	}
	for (size_t i = 0; i < p->events.n; i++) {
		const kh_event *e = KH_VEC_AT(p->events, kh_event, i);
		add_decl(&v, KH_SYM_EVENT, e->id, e->text, e->span);
	}
	const kh_plan *pl = p->plan;
	for (size_t i = 0; pl && i < pl->tasks.n; i++) {
		const kh_task *t = KH_VEC_AT(pl->tasks, kh_task, i);
		add_decl(&v, KH_SYM_TASK, t->id, t->text, t->span);
	}
	for (size_t i = 0; pl && i < pl->meetings.n; i++) {
		const kh_meeting *m = KH_VEC_AT(pl->meetings, kh_meeting, i);
		add_decl(&v, KH_SYM_MEETING, m->id, m->name, m->span);
	}
	for (size_t i = 0; pl && i < pl->award_forms.n; i++) {
		const kh_award_form *f = KH_VEC_AT(pl->award_forms, kh_award_form, i);
		add_decl(&v, KH_SYM_AWARD, f->id, f->name, f->span);
	}
	for (size_t i = 0; pl && i < pl->outlines.n; i++) {
		const kh_outline *o = KH_VEC_AT(pl->outlines, kh_outline, i);
		add_decl(&v, KH_SYM_OUTLINE, o->id, o->name ? o->name : o->title, o->span);
	}
	return v;
}

/* The first declaration of WORD (a duplicate's first one, as the scope). */
static const lsp_decl *find_decl(const kh_program *p, const char *word)
{
	if (!p)
		return NULL;
	kh_vec v = decls_of(p);
	const char *key = kh_name_key(word);
	for (size_t i = 0; i < v.n; i++) {
		const lsp_decl *d = KH_VEC_AT(v, lsp_decl, i);
		if (!strcmp(kh_name_key(d->id), key))
			return d;
	}
	return NULL;
}

static size_t seq_len(const char *s, size_t i, size_t len)
{
	unsigned char b = (unsigned char)s[i];
	size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
	return n > len - i ? len - i : n;
}

/* Can the code point at T[I] be part of a word, as the scanner's WORD
 * says (letters, digits, '_'; no Latin-1 signs, no U+2000..U+2FFF)? */
static bool word_byte_at(const char *t, size_t i, size_t len)
{
	unsigned char b = (unsigned char)t[i];
	if (b < 0x80)
		return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') ||
		       b == '_';
	if (b == 0xC2 || b == 0xE2)
		return false;
	return b >= 0xC3 && seq_len(t, i, len) > 1;
}

/* The word around byte OFF of SRC (or just before it: the cursor at a
 * word's end), as [*S, *E); false when there is none. */
static bool word_at(const kh_source *src, size_t off, size_t *s, size_t *e)
{
	const char *t = src->text;
	size_t len = src->len;
	if (off > len)
		off = len;
	if ((off == len || !word_byte_at(t, off, len)) && off > 0) {
		size_t p = off - 1;
		while (p > 0 && ((unsigned char)t[p] & 0xC0) == 0x80)
			p--;
		if (!word_byte_at(t, p, len))
			return false;
		off = p;
	} else if (off == len) {
		return false;
	}
	size_t a = off, b = off;
	while (a > 0) {
		size_t p = a - 1;
		while (p > 0 && ((unsigned char)t[p] & 0xC0) == 0x80)
			p--;
		if (!word_byte_at(t, p, len))
			break;
		a = p;
	}
	while (b < len && word_byte_at(t, b, len))
		b += seq_len(t, b, len);
	while (a < b && t[a] >= '0' && t[a] <= '9')
		a++;    /* a word starts with a letter or '_': digits are a number */
	*s = a;
	*e = b;
	return a < b;
}

/* The word at the editor's position, in the document as kehoach read it. */
static const char *word_under(lsp_analysis *a, unsigned line, unsigned character, kh_span *sp)
{
	size_t s, e;
	if (!a->main)
		return NULL;
	size_t off = kh_lsp_offset(&a->text, a->main, line, character);
	if (!word_at(a->main, off, &s, &e))
		return NULL;
	*sp = (kh_span){ a->main->id, (unsigned)s, (unsigned)e };
	return kh_strndup(a->main->text + s, e - s);
}

/* S with Markdown's special characters escaped. */
static const char *md_escape(const char *s)
{
	kh_buf b = { 0 };
	for (; *s; s++) {
		if (strchr("\\`*_[]<>#|", *s))
			kh_buf_putc(&b, '\\');
		kh_buf_putc(&b, *s);
	}
	return kh_buf_cstr(&b);
}

/* Which file a declaration is in, as the user knows it. */
static const char *file_label(const lsp_analysis *a, const kh_source *src)
{
	if (src != a->main)
		return src->path;
	const char *slash = strrchr(a->doc->path, '/');
	return slash ? slash + 1 : a->doc->path;
}

/* "**body** `id` — name", where it is declared, and its line as written. */
static const char *decl_markdown(const lsp_analysis *a, const lsp_decl *d)
{
	kh_buf b = { 0 };
	kh_buf_printf(&b, "**%s** `%s`", kh_sym_kind_name(d->kind), d->id);
	if (*d->name)
		kh_buf_printf(&b, " — %s", md_escape(d->name));
	const kh_source *src = kh_source_get(d->span.file);
	if (!src)
		return kh_buf_cstr(&b);
	unsigned line, col;
	kh_source_locate(src, d->span.start, &line, &col);
	kh_buf_puts(&b, "\n\n");
	kh_buf_printf(&b, _("declared on line %u of %s"), line, md_escape(file_label(a, src)));
	size_t len;
	const char *text = kh_source_line(src, line, &len);
	while (len && (*text == ' ' || *text == '\t')) {
		text++;
		len--;
	}
	const char *shown = kh_strndup(text, len);
	if (len > 0 && len < 400 && !strstr(shown, "```"))
		kh_buf_printf(&b, "\n\n```kehoach\n%s\n```", shown);
	return kh_buf_cstr(&b);
}

static const char *keyword_markdown(const char *word)
{
	for (int i = 0; i < NKEYWORDS; i++)
		if (!strcmp(keywords[i].spelling, word))
			return kh_printf(_("**keyword** `%s`: %s"), word, md_escape(meaning(&keywords[i])));
	return NULL;
}

void kh_lsp_hover(kh_json *j, lsp_analysis *a, unsigned line, unsigned character)
{
	kh_span sp;
	const char *word = word_under(a, line, character, &sp);
	const lsp_decl *d = word ? find_decl(a->prog, word) : NULL;
	const char *md = d ? decl_markdown(a, d) : word ? keyword_markdown(word) : NULL;
	if (!md) {
		kh_json_null(j);
		return;
	}
	kh_json_begin_object(j);
	kh_json_key(j, "contents");
	kh_json_begin_object(j);
	kh_json_kstr(j, "kind", "markdown");
	kh_json_kstr(j, "value", md);
	kh_json_end_object(j);
	kh_json_key(j, "range");
	kh_lsp_range(j, a, sp);
	kh_json_end_object(j);
}

static void location(kh_json *j, lsp_analysis *a, const char *uri, kh_span sp)
{
	kh_json_begin_object(j);
	kh_json_kstr(j, "uri", uri);
	kh_json_key(j, "range");
	kh_lsp_range(j, a, sp);
	kh_json_end_object(j);
}

/* The file of the import statement whose string holds byte OFF of the
 * document's line, among the files the run read (so only what the
 * confinement let in); NULL otherwise. */
static const char *import_at(lsp_analysis *a, unsigned line, size_t off)
{
	size_t len;
	if (!a->prog || line >= a->main->nlines)
		return NULL;
	const char *t = kh_source_line(a->main, line + 1, &len);
	if (off < (size_t)(t - a->main->text))
		return NULL;
	size_t at = off - (size_t)(t - a->main->text);
	size_t i = 0;
	while (i < len && (t[i] == ' ' || t[i] == '\t'))
		i++;
	static const char *const words[] = { "import", "nhập", "nhap" };
	size_t w = 0;
	for (int k = 0; k < 3 && !w; k++)
		if (!strncmp(t + i, words[k], strlen(words[k])))
			w = strlen(words[k]);
	if (!w)
		return NULL;
	i += w;
	while (i < len && (t[i] == ' ' || t[i] == '\t'))
		i++;
	const char *close = i < len && t[i] == '"' ? memchr(t + i + 1, '"', len - i - 1) : NULL;
	if (!close || at <= i || at > (size_t)(close - t))
		return NULL;
	const char *spec = kh_strndup(t + i + 1, (size_t)(close - t) - i - 1);
	char *dir = kh_strdup(a->doc->path), *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	const char *cand = !strncmp(spec, "./", 2) || !strncmp(spec, "../", 3)
				   ? kh_printf("%s/%s", slash ? dir : ".", spec)
			   : a->opts->stdlib_dir ? kh_printf("%s/%s.kh", a->opts->stdlib_dir, spec) : NULL;
	char want[PATH_MAX], got[PATH_MAX];
	if (!cand || !realpath(cand, want))
		return NULL;
	for (size_t k = 0; k < a->prog->imports.n; k++)
		if (realpath((const char *)a->prog->imports.items[k], got) && !strcmp(got, want))
			return kh_strdup(want);
	return NULL;
}

void kh_lsp_definition(kh_json *j, lsp_analysis *a, unsigned line, unsigned character)
{
	kh_span sp;
	const char *word = word_under(a, line, character, &sp);
	const lsp_decl *d = word ? find_decl(a->prog, word) : NULL;
	const char *file = !d && a->main
		? import_at(a, line, kh_lsp_offset(&a->text, a->main, line, character)) : NULL;
	if (d)
		location(j, a, kh_lsp_source_uri(a, d->span.file), d->span);
	else if (file)
		location(j, a, kh_lsp_path_uri(file), (kh_span){ -1, 0, 0 });
	else
		kh_json_null(j);
}

/* LSP's CompletionItemKind for each kind of declaration. */
static int item_kind(kh_sym_kind k)
{
	switch (k) {
	case KH_SYM_LEVEL: return 20;    /* EnumMember */
	case KH_SYM_BODY: return 7;      /* Class */
	case KH_SYM_DOCUMENT: return 18; /* Reference */
	case KH_SYM_EVENT: return 23;    /* Event */
	case KH_SYM_TASK: return 3;      /* Function */
	case KH_SYM_MEETING: return 2;   /* Method */
	case KH_SYM_AWARD: return 21;    /* Constant */
	case KH_SYM_OUTLINE: return 22;  /* Struct */
	}
	return 6;                        /* Variable */
}

static void item(kh_json *j, const char *label, int kind, const char *detail, const char *sort)
{
	kh_json_begin_object(j);
	kh_json_kstr(j, "label", label);
	kh_json_kint(j, "kind", kind);
	kh_json_kstr(j, "detail", detail);
	kh_json_kstr(j, "sortText", sort);
	kh_json_end_object(j);
}

void kh_lsp_completion(kh_json *j, lsp_analysis *a)
{
	kh_json_begin_object(j);
	kh_json_kbool(j, "isIncomplete", false);
	kh_json_key(j, "items");
	kh_json_begin_array(j);
	kh_strmap seen = { 0 };
	/* The ids first: in a plan, most words after the first are ids. */
	kh_vec v = a && a->prog ? decls_of(a->prog) : (kh_vec){ 0 };
	for (size_t i = 0; i < v.n; i++) {
		const lsp_decl *d = KH_VEC_AT(v, lsp_decl, i);
		if (kh_strmap_get(&seen, d->id) >= 0)
			continue;
		kh_strmap_put(&seen, d->id, 1);
		const char *detail = *d->name ? kh_printf("%s: %s", kh_sym_kind_name(d->kind), d->name)
					      : kh_sym_kind_name(d->kind);
		item(j, d->id, item_kind(d->kind), detail, kh_printf("0%s", d->id));
	}
	for (int i = 0; i < NKEYWORDS; i++)
		item(j, keywords[i].spelling, 14 /* Keyword */, meaning(&keywords[i]),
		     kh_printf("1%s", keywords[i].spelling));
	kh_json_end_array(j);
	kh_json_end_object(j);
}
