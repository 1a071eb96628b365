/*
 * sarif.c - the SARIF 2.1.0 form of the findings.
 *
 * One run: tool.driver carries every rule of the registry (rules.def) in
 * registry order, so a result's ruleIndex is its kh_rule_id; artifacts
 * list each file once, in order of first mention; results follow the
 * list order. Suppressed findings stay in, with suppressions[] (SARIF
 * viewers show them as dismissed), unlike the text and JSON forms.
 *
 * Columns: run.columnKind is "unicodeCodePoints", counted in the NFC text
 * the checker read (as in every other output). endColumn is exclusive,
 * as SARIF defines it. Byte offsets are left out: they are offsets in the
 * NFC text, not in the file, and a viewer would trust them.
 * Part of kehoach; see README.md for the licence.
 */
#include "sarif.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "i18n.h"
#include "rules.h"
#include "source.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define INFO_URI "https://example.invalid/kehoach"
#define FINGERPRINT_KEY "kehoachFindingHash/v1"

/* ------------------------------------------------------------------ */
/* A pretty-printing JSON writer: commas, newlines and indentation follow
 * from the nesting, so the emitter below only says what goes where. */

#define JW_MAX_DEPTH 16 /* the log nests 11 deep at most */

typedef struct jw {
	kh_buf *out;
	int depth;
	bool has_items[JW_MAX_DEPTH + 1];
	bool after_key; /* the next value completes a "key": pair */
} jw;

static void jw_item(jw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth == 0)
		return;
	kh_buf_puts(w->out, w->has_items[w->depth] ? ",\n" : "\n");
	w->has_items[w->depth] = true;
	for (int i = 0; i < w->depth; i++)
		kh_buf_puts(w->out, "  ");
}

static void jw_open(jw *w, char c)
{
	jw_item(w);
	kh_buf_putc(w->out, c);
	if (w->depth < JW_MAX_DEPTH)
		w->depth++;
	w->has_items[w->depth] = false;
}

/* Closes the innermost object or array; an empty one stays "[]" or "{}". */
static void jw_close(jw *w, char c)
{
	if (w->has_items[w->depth]) {
		kh_buf_putc(w->out, '\n');
		for (int i = 1; i < w->depth; i++)
			kh_buf_puts(w->out, "  ");
	}
	if (w->depth > 0)
		w->depth--;
	kh_buf_putc(w->out, c);
}

static void jw_key(jw *w, const char *key)
{
	jw_item(w);
	kh_json_string(w->out, key);
	kh_buf_puts(w->out, ": ");
	w->after_key = true;
}

static void jw_str(jw *w, const char *s)
{
	jw_item(w);
	kh_json_string(w->out, s ? s : "");
}

static void jw_kstr(jw *w, const char *key, const char *s)
{
	jw_key(w, key);
	jw_str(w, s);
}

static void jw_kuint(jw *w, const char *key, unsigned long v)
{
	jw_key(w, key);
	kh_buf_printf(w->out, "%lu", v);
	w->after_key = false;
}

static void jw_kbool(jw *w, const char *key, bool v)
{
	jw_key(w, key);
	kh_buf_puts(w->out, v ? "true" : "false");
	w->after_key = false;
}

static void jw_kobj(jw *w, const char *key)
{
	jw_key(w, key);
	jw_open(w, '{');
}

static void jw_karr(jw *w, const char *key)
{
	jw_key(w, key);
	jw_open(w, '[');
}

/* "KEY": {"text": TEXT} (SARIF's message and multiformatMessageString). */
static void jw_ktext(jw *w, const char *key, const char *text)
{
	jw_kobj(w, key);
	jw_kstr(w, "text", text);
	jw_close(w, '}');
}

/* ------------------------------------------------------------------ */
/* Files                                                              */

static const kh_source *span_source(kh_span span)
{
	return span.file < 0 ? NULL : kh_source_get(span.file);
}

/* The file a finding is about: its source's path, else its own path. */
static const char *diag_file(const kh_diag *x)
{
	const kh_source *s = span_source(x->span);
	return s ? s->path : x->path;
}

/*
 * A path as a URI reference (RFC 3986): unreserved characters, '/' and
 * the sub-delimiters allowed in a path stay; everything else, UTF-8
 * letters included, becomes %XX per byte. ':' is always escaped, since in
 * a first segment it would read as a scheme ("c:plan.kh"). An absolute
 * path becomes a file:// URI: a relative reference starting with '/'
 * would be resolved against the viewer's base, not the file system.
 */
static const char *path_uri(const char *path)
{
	static const char keep[] = "-._~/!$&'()*+,;=@";
	kh_buf b = { 0 };
	if (path[0] == '/') {
		kh_buf_puts(&b, "file://");
		while (path[1] == '/') /* "//x" is "/x", not an authority */
			path++;
	}
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr(keep, *p))
			kh_buf_putc(&b, (char)*p);
		else
			kh_buf_printf(&b, "%%%02X", *p);
	}
	return kh_strdup(kh_buf_cstr(&b));
}

/* The run's artifacts: each path once, in order of first mention. */
typedef struct artifacts {
	const char **paths;
	size_t n, cap;
} artifacts;

static size_t artifact_index(artifacts *a, const char *path)
{
	for (size_t i = a->n; i-- > 0;) /* recent files are the likely ones */
		if (!strcmp(a->paths[i], path))
			return i;
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 8;
		a->paths = KH_GROW_N(a->paths, const char *, a->cap);
	}
	a->paths[a->n] = path;
	return a->n++;
}

static void collect_artifacts(const kh_diags *d, artifacts *a)
{
	for (const kh_diag *x = d->first; x; x = x->next) {
		const char *f = diag_file(x);
		if (f)
			artifact_index(a, f);
		for (const kh_diag *n = x->notes; n; n = n->next)
			if (span_source(n->span))
				artifact_index(a, span_source(n->span)->path);
		if (x->suppressed && span_source(x->suppressed_at))
			artifact_index(a, span_source(x->suppressed_at)->path);
	}
}

/* ------------------------------------------------------------------ */
/* Locations                                                          */

/* Clamps SPAN to S's text: start within it, end not before start. */
static void clamp(const kh_source *s, kh_span span, size_t *start, size_t *end)
{
	*start = span.start > s->len ? s->len : span.start;
	*end = span.end > s->len ? s->len : span.end;
	if (*end < *start)
		*end = *start;
}

/* True when the N bytes at T are UTF-8 without NUL or line ends. */
static bool snippet_ok(const char *t, size_t n)
{
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)t + i,
						      (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0 || cp == 0 || cp == '\n' || cp == '\r')
			return false;
		i += (size_t)k;
	}
	return true;
}

static void put_region(jw *w, const kh_source *s, kh_span span)
{
	size_t start, end;
	clamp(s, span, &start, &end);
	unsigned sl, sc, el, ec;
	kh_source_locate(s, start, &sl, &sc);
	kh_source_locate(s, end, &el, &ec);
	jw_kobj(w, "region");
	jw_kuint(w, "startLine", sl);
	jw_kuint(w, "startColumn", sc);
	jw_kuint(w, "endLine", el);
	jw_kuint(w, "endColumn", ec);
	/* The spanned text, when it is on one line and clean: in a refused
	 * file a NUL would cut the string short and bad bytes would show as
	 * U+FFFD, a snippet that no longer matches the file. */
	const char *t = kh_source_copy(s, start, end);
	size_t n = end - start;
	if (n > 0 && snippet_ok(t, n))
		jw_ktext(w, "snippet", t);
	jw_close(w, '}');
}

/* "physicalLocation": the file of SPAN (or PATH when SPAN has none) and
 * the region when there is one. Returns false, writing nothing, when
 * there is neither. */
static bool put_physical(jw *w, artifacts *a, kh_span span, const char *path)
{
	const kh_source *s = span_source(span);
	if (s)
		path = s->path;
	if (!path)
		return false;
	jw_kobj(w, "physicalLocation");
	jw_kobj(w, "artifactLocation");
	jw_kstr(w, "uri", path_uri(path));
	jw_kuint(w, "index", artifact_index(a, path));
	jw_close(w, '}');
	if (s)
		put_region(w, s, span);
	jw_close(w, '}');
	return true;
}

/* ------------------------------------------------------------------ */
/* Fingerprints                                                       */

/*
 * partialFingerprints must survive edits elsewhere in the file, so they
 * hash what the finding is (rule, file, the trimmed text of its line, the
 * message) and not where it is. "line N" in a message (an unclosed '{',
 * an unused silencing comment) would move with such edits, so the number
 * is left out of the hash. Identical findings get ":1", ":2"... in list
 * order, as GitHub does with primaryLocationLineHash.
 */
#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= FNV_PRIME;
	}
	return h;
}

/* Hashes S and its terminating NUL (a separator between fields). */
static uint64_t fnv_field(uint64_t h, const char *s)
{
	return fnv(h, s ? s : "", (s ? strlen(s) : 0) + 1);
}

static uint64_t fnv_message(uint64_t h, const char *m)
{
	while (*m) {
		if (!strncmp(m, "line ", 5) && m[5] >= '0' && m[5] <= '9') {
			h = fnv(h, "line #", 6);
			m += 5;
			while (*m >= '0' && *m <= '9')
				m++;
		} else {
			h = fnv(h, m++, 1);
		}
	}
	return fnv(h, "", 1);
}

static uint64_t finding_hash(const kh_diag *x)
{
	uint64_t h = fnv_field(FNV_OFFSET, x->rule);
	h = fnv_field(h, diag_file(x));
	const kh_source *s = span_source(x->span);
	if (s) {
		size_t start, end, len;
		unsigned line, col;
		clamp(s, x->span, &start, &end);
		kh_source_locate(s, start, &line, &col);
		const char *t = kh_source_line(s, line, &len);
		while (len > 0 && (*t == ' ' || *t == '\t')) {
			t++;
			len--;
		}
		while (len > 0 && (t[len - 1] == ' ' || t[len - 1] == '\t' || t[len - 1] == '\r'))
			len--;
		h = fnv(h, t, len);
	}
	h = fnv(h, "", 1);
	return fnv_message(h, x->message ? x->message : "");
}

/* Counts hashes seen so far (open addressing; the size is a power of two
 * at least twice the number of findings, so it never fills). */
typedef struct hash_count {
	uint64_t hash;
	unsigned count;
} hash_count;

static unsigned occurrence(hash_count *t, size_t mask, uint64_t h)
{
	size_t i = (size_t)(h ^ (h >> 32)) & mask;
	while (t[i].count && t[i].hash != h)
		i = (i + 1) & mask;
	t[i].hash = h;
	return ++t[i].count;
}

/* ------------------------------------------------------------------ */
/* The log                                                            */

static const char *level_word(kh_severity s)
{
	switch (s) {
	case KH_NOTE: return "note";
	case KH_WARNING: return "warning";
	default: return "error";
	}
}

/* "unknown-citation" -> "UnknownCitation". */
static const char *pascal_case(const char *id)
{
	kh_buf b = { 0 };
	bool up = true;
	for (const char *p = id; *p; p++) {
		if (*p == '-' || *p == '_') {
			up = true;
			continue;
		}
		char c = *p;
		if (up && c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		kh_buf_putc(&b, c);
		up = false;
	}
	return kh_strdup(kh_buf_cstr(&b));
}

static void put_rules(jw *w)
{
	jw_karr(w, "rules");
	for (size_t i = 0; i < KH_RULE__COUNT; i++) {
		const kh_rule *r = &kh_rules[i];
		jw_open(w, '{');
		jw_kstr(w, "id", r->id);
		jw_kstr(w, "name", pascal_case(r->id));
		jw_ktext(w, "shortDescription", _(r->summary));
		jw_ktext(w, "fullDescription", _(r->explanation));
		jw_ktext(w, "help", _(r->explanation));
		jw_kobj(w, "defaultConfiguration");
		jw_kstr(w, "level", level_word(r->severity));
		jw_close(w, '}');
		jw_kobj(w, "properties");
		jw_karr(w, "tags");
		jw_str(w, r->family);
		jw_close(w, ']');
		jw_close(w, '}');
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

static void put_result(jw *w, artifacts *a, const kh_diag *x, const char *fingerprint)
{
	jw_open(w, '{');
	const kh_rule *r = x->rule ? kh_rule_find(x->rule) : NULL;
	if (x->rule)
		jw_kstr(w, "ruleId", x->rule);
	if (r)
		jw_kuint(w, "ruleIndex", (unsigned long)(r - kh_rules));
	jw_kstr(w, "level", level_word(x->severity));
	jw_ktext(w, "message", x->message);

	if (diag_file(x)) {
		jw_karr(w, "locations");
		jw_open(w, '{');
		put_physical(w, a, x->span, x->path);
		jw_close(w, '}');
		jw_close(w, ']');
	}

	if (x->notes) {
		jw_karr(w, "relatedLocations");
		unsigned id = 1;
		for (const kh_diag *n = x->notes; n; n = n->next) {
			jw_open(w, '{');
			jw_kuint(w, "id", id++);
			put_physical(w, a, n->span, NULL);
			jw_ktext(w, "message", n->message);
			jw_close(w, '}');
		}
		jw_close(w, ']');
	}

	jw_kobj(w, "partialFingerprints");
	jw_kstr(w, FINGERPRINT_KEY, fingerprint);
	jw_close(w, '}');

	if (x->suppressed) {
		jw_karr(w, "suppressions");
		jw_open(w, '{');
		jw_kstr(w, "kind", "inSource");
		if (*x->suppressed)
			jw_kstr(w, "justification", x->suppressed);
		if (span_source(x->suppressed_at)) {
			jw_kobj(w, "location");
			put_physical(w, a, x->suppressed_at, NULL);
			jw_close(w, '}');
		}
		jw_close(w, '}');
		jw_close(w, ']');
	}
	jw_close(w, '}');
}

void kh_diags_print_sarif(const kh_diags *d, kh_buf *out, const char *tool_version)
{
	jw w = { out, 0, { false }, false };
	artifacts a = { 0 };
	collect_artifacts(d, &a);

	size_t n = 0;
	for (const kh_diag *x = d->first; x; x = x->next)
		n++;
	size_t size = 16;
	while (size < 2 * n)
		size *= 2;
	hash_count *seen = KH_NEW_N(hash_count, size);

	jw_open(&w, '{');
	jw_kstr(&w, "$schema", SARIF_SCHEMA);
	jw_kstr(&w, "version", "2.1.0");
	jw_karr(&w, "runs");
	jw_open(&w, '{');

	jw_kobj(&w, "tool");
	jw_kobj(&w, "driver");
	jw_kstr(&w, "name", "kehoach");
	jw_kstr(&w, "version", tool_version ? tool_version : "unknown");
	if (tool_version)
		jw_kstr(&w, "semanticVersion", tool_version);
	jw_kstr(&w, "informationUri", INFO_URI);
	put_rules(&w);
	jw_close(&w, '}');
	jw_close(&w, '}');

	jw_karr(&w, "invocations");
	jw_open(&w, '{');
	jw_kbool(&w, "executionSuccessful", true);
	jw_close(&w, '}');
	jw_close(&w, ']');

	jw_kstr(&w, "columnKind", "unicodeCodePoints");
	/* The messages are in the user's language; SARIF says which (its
	 * default, en-US, is left implicit so English logs stay as they were). */
	/* TRANSLATORS: the RFC 5646 tag of this translation's language
	 * (SARIF's run.language), such as vi-VN. */
	const char *lang = _("en-US");
	if (strcmp(lang, "en-US"))
		jw_kstr(&w, "language", lang);

	jw_karr(&w, "artifacts");
	for (size_t i = 0; i < a.n; i++) {
		jw_open(&w, '{');
		jw_kobj(&w, "location");
		jw_kstr(&w, "uri", path_uri(a.paths[i]));
		jw_close(&w, '}');
		jw_close(&w, '}');
	}
	jw_close(&w, ']');

	jw_karr(&w, "results");
	for (const kh_diag *x = d->first; x; x = x->next) {
		uint64_t h = finding_hash(x);
		char fp[40];
		snprintf(fp, sizeof fp, "%016llx:%u", (unsigned long long)h,
			 occurrence(seen, size - 1, h));
		put_result(&w, &a, x, fp);
	}
	jw_close(&w, ']');

	jw_close(&w, '}');
	jw_close(&w, ']');
	jw_close(&w, '}');
	kh_buf_putc(out, '\n');
}
