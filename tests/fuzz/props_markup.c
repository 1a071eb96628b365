/*
 * props_markup.c - kh_prop_html and kh_prop_svg (props.h): one reader of
 * markup for HTML5 pages and XML (SVG). Characters first (UTF-8, no
 * controls but TAB, LF, CR, no C1, no noncharacters), then the tags:
 * balanced and nested (HTML's void elements never closed; XML's empty
 * ones self-closed), attribute values quoted without '<', every '&' a
 * known entity or a character reference to an allowed character, no raw
 * '<' in text. <!DOCTYPE>, comments, <?xml?>, CDATA and HTML's <style>
 * and <script> (raw text) are stepped over.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdlib.h>
#include <string.h>

#include "props.h"
#include "props_int.h"

PROPS_UNTRACED_BEGIN

typedef struct span {
	size_t at, n;             /* a name in the input */
} span;

typedef struct mv {
	const unsigned char *s;
	size_t len, i;
	char *why;
	size_t whylen;
	bool xml;                 /* XML rules (SVG), else HTML5 */
	span *stack;              /* open elements: grows, no fixed depth */
	size_t depth, cap;
	size_t roots;             /* elements at the top level */
	span root;
} mv;

static bool fail(const mv *m, size_t at, const char *msg)
{
	return props_fail(m->why, m->whylen, at, "%s", msg);
}

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* S[AT..AT+N) is WORD: exactly in XML, in any case in HTML. */
static bool word_at(const mv *m, size_t at, size_t n, const char *word)
{
	if (strlen(word) != n || m->len - at < n)
		return false;
	for (size_t k = 0; k < n; k++)
		if ((m->xml ? m->s[at + k] : lower(m->s[at + k])) != (unsigned char)word[k])
			return false;
	return true;
}

/* Does the input continue at I with WORD (any case)? */
static bool starts(const mv *m, size_t i, const char *word)
{
	size_t n = strlen(word);
	if (m->len - i < n)
		return false;
	for (size_t k = 0; k < n; k++)
		if (lower(m->s[i + k]) != lower((unsigned char)word[k]))
			return false;
	return true;
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* ------------------------------------------------------------------ */
/* Characters and references                                          */

static bool chars_ok(const mv *m)
{
	for (size_t i = 0; i < m->len;) {
		uint32_t c;
		size_t n = props_utf8(m->s, m->len, i, &c);
		if (!n)
			return fail(m, i, "invalid UTF-8");
		if (props_control(c))
			return props_fail(m->why, m->whylen, i, "control character U+%04X", (unsigned)c);
		if (props_nonchar(c))
			return props_fail(m->why, m->whylen, i, "noncharacter U+%04X", (unsigned)c);
		i += n;
	}
	return true;
}

static const char *const XML_ENTITIES[] = { "amp", "lt", "gt", "quot", "apos", NULL };
/* HTML's named references kehoach could reasonably write (a strict subset). */
static const char *const HTML_ENTITIES[] = {
	"amp", "lt", "gt", "quot", "apos", "nbsp", "ndash", "mdash", "hellip", "copy", "reg",
	"laquo", "raquo", "lsquo", "rsquo", "ldquo", "rdquo", "bull", "middot", "times", "deg",
	"sect", "para", "shy", "ensp", "emsp", "thinsp", "euro", "larr", "rarr", NULL
};

static int digit(unsigned char c, bool hex)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (hex && lower(c) >= 'a' && lower(c) <= 'f')
		return lower(c) - 'a' + 10;
	return -1;
}

/* &#N; or &#xH; at I: an allowed character. */
static bool char_ref(const mv *m, size_t i, size_t *end)
{
	size_t k = i + 2, d = 0;
	bool hex = k < m->len && (m->s[k] == 'x' || (!m->xml && m->s[k] == 'X'));
	unsigned long v = 0;
	for (k += hex; k < m->len && d < 8; k++, d++) {
		int x = digit(m->s[k], hex);
		if (x < 0)
			break;
		v = v * (hex ? 16 : 10) + (unsigned long)x;
	}
	if (!d || k >= m->len || m->s[k] != ';')
		return fail(m, i, "malformed character reference");
	if (!v || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || props_control((uint32_t)v) ||
	    props_nonchar((uint32_t)v))
		return fail(m, i, "character reference to a character not allowed");
	*end = k + 1;
	return true;
}

/* The reference at the '&' at I; *END just after its ';'. */
static bool reference(const mv *m, size_t i, size_t *end)
{
	if (i + 1 < m->len && m->s[i + 1] == '#')
		return char_ref(m, i, end);
	size_t k = i + 1;
	while (k < m->len && k - i < 32 && ((m->s[k] >= 'a' && m->s[k] <= 'z') ||
					    (m->s[k] >= 'A' && m->s[k] <= 'Z') ||
					    (m->s[k] >= '0' && m->s[k] <= '9')))
		k++;
	if (k == i + 1 || k >= m->len || m->s[k] != ';')
		return fail(m, i, "'&' that does not start a reference");
	for (const char *const *e = m->xml ? XML_ENTITIES : HTML_ENTITIES; *e; e++)
		if (strlen(*e) == k - i - 1 && !memcmp(m->s + i + 1, *e, k - i - 1)) {
			*end = k + 1;
			return true;
		}
	return fail(m, i, "unknown entity");
}

/* ------------------------------------------------------------------ */
/* Tags                                                               */

static bool is_void(const mv *m, span name)
{
	static const char *const voids[] = { "area", "base", "br", "col", "embed", "hr", "img",
					     "input", "link", "meta", "param", "source", "track",
					     "wbr", NULL };
	if (m->xml)
		return false;
	for (const char *const *v = voids; *v; v++)
		if (word_at(m, name.at, name.n, *v))
			return true;
	return false;
}

/* An element name at I (ASCII: kehoach writes no other). */
static span read_name(const mv *m, size_t i)
{
	span n = { i, 0 };
	unsigned char c = i < m->len ? m->s[i] : 0;
	if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (m->xml && (c == '_' || c == ':'))))
		return n;
	while (i + n.n < m->len) {
		c = m->s[i + n.n];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == ':' || c == '_' || c == '.'))
			break;
		n.n++;
	}
	return n;
}

static bool same_name(const mv *m, span a, span b)
{
	if (a.n != b.n)
		return false;
	for (size_t k = 0; k < a.n; k++)
		if (m->xml ? m->s[a.at + k] != m->s[b.at + k]
			   : lower(m->s[a.at + k]) != lower(m->s[b.at + k]))
			return false;
	return true;
}

static bool push(mv *m, span name)
{
	if (m->depth == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		span *s = realloc(m->stack, cap * sizeof *s);
		if (!s)
			return fail(m, name.at, "out of memory");
		m->stack = s;
		m->cap = cap;
	}
	m->stack[m->depth++] = name;
	return true;
}

/* A quoted attribute value at *I: closed, no '<', references valid. */
static bool attr_value(mv *m, size_t *i)
{
	unsigned char q = m->s[*i];
	size_t k = *i + 1;
	if (q != '"' && q != '\'')
		return fail(m, *i, "attribute value not quoted");
	for (; k < m->len && m->s[k] != q;) {
		if (m->s[k] == '<')
			return fail(m, k, "raw '<' in an attribute value");
		if (m->s[k] == '&') {
			if (!reference(m, k, &k))
				return false;
		} else {
			k++;
		}
	}
	if (k >= m->len)
		return fail(m, *i, "attribute value not closed");
	*i = k + 1;
	return true;
}

/* A number as SVG writes one: [+-]?(D+(.D*)?|.D+)([eE][+-]?D+)? at S[*I]. */
static bool svg_number(const unsigned char *s, size_t n, size_t *i)
{
	size_t k = *i, d = 0, f = 0;
	k += k < n && (s[k] == '+' || s[k] == '-');
	while (k < n && s[k] >= '0' && s[k] <= '9')
		k++, d++;
	if (k < n && s[k] == '.')
		for (k++; k < n && s[k] >= '0' && s[k] <= '9'; k++)
			f++;
	if (!d && !f)
		return false;
	if (k < n && (s[k] == 'e' || s[k] == 'E')) {
		size_t e = k + 1 + (k + 1 < n && (s[k + 1] == '+' || s[k + 1] == '-')), ed = 0;
		while (e < n && s[e] >= '0' && s[e] <= '9')
			e++, ed++;
		if (!ed)
			return false;
		k = e;
	}
	*i = k;
	return true;
}

/* SVG geometry: coordinates and sizes are numbers (no "nan", no "inf"),
 * sizes not negative (an error in SVG); lists of numbers where lists go. */
static bool svg_attr(const mv *m, span a, size_t v, size_t e)
{
	static const char *const sizes[] = { "width", "height", "r", "rx", "ry", "font-size",
					     "stroke-width", NULL };
	static const char *const coords[] = { "x", "y", "cx", "cy", "x1", "y1", "x2", "y2",
					      "fill-opacity", NULL };
	static const char *const lists[] = { "points", "viewBox", "stroke-dasharray", NULL };
	int kind = 0;
	for (int k = 0; !kind && sizes[k]; k++)
		kind = word_at(m, a.at, a.n, sizes[k]) ? 1 : 0;
	for (int k = 0; !kind && coords[k]; k++)
		kind = word_at(m, a.at, a.n, coords[k]) ? 2 : 0;
	for (int k = 0; !kind && lists[k]; k++)
		kind = word_at(m, a.at, a.n, lists[k]) ? 3 : 0;
	if (!kind)
		return true;
	size_t i = v;
	for (;;) {
		if (kind == 1 && i < e && m->s[i] == '-')
			return fail(m, v, "negative SVG size");
		if (!svg_number(m->s, e, &i))
			return fail(m, v, "SVG geometry that is not a number");
		if (kind == 3)
			while (i < e && (m->s[i] == ',' || m->s[i] == ' '))
				i++;
		if (i == e)
			return true;
		if (kind != 3)
			return fail(m, v, "SVG geometry that is not a number");
	}
}

/* NAME[=VALUE] attributes up to '>' or '/>'; *SELF for '/>'. Each name once. */
static bool attributes(mv *m, size_t *i, bool *self)
{
	span seen[64];
	size_t nseen = 0, k = *i;
	for (;;) {
		size_t before = k;
		while (k < m->len && is_space(m->s[k]))
			k++;
		if (k < m->len && (m->s[k] == '>' || (m->s[k] == '/' && k + 1 < m->len && m->s[k + 1] == '>'))) {
			*self = m->s[k] == '/';
			*i = k + 1 + *self;
			return true;
		}
		if (k >= m->len)
			return fail(m, *i, "tag not closed");
		if (k == before)
			return fail(m, k, "no space before an attribute");
		span a = { k, 0 };
		while (k < m->len && m->s[k] && !is_space(m->s[k]) && !strchr("\"'<>/=", m->s[k]))
			a.n++, k++;
		if (!a.n)
			return fail(m, k, "bad character in a tag");
		for (size_t j = 0; j < nseen; j++)
			if (same_name(m, seen[j], a))
				return fail(m, a.at, "attribute given twice");
		if (nseen < 64)
			seen[nseen++] = a;
		size_t eq = k;
		while (eq < m->len && is_space(m->s[eq]))
			eq++;
		if (eq < m->len && m->s[eq] == '=') {
			for (k = eq + 1; k < m->len && is_space(m->s[k]);)
				k++;
			if (k >= m->len)
				return fail(m, a.at, "tag not closed");
			size_t v = k + 1;
			if (!attr_value(m, &k) || (m->xml && !svg_attr(m, a, v, k - 1)))
				return false;
		} else if (m->xml) {
			return fail(m, a.at, "attribute without a value");
		}
	}
}

/* HTML's raw text elements: their content runs to the matching end tag. */
static bool raw_text(mv *m, span name)
{
	const char *end = word_at(m, name.at, name.n, "style") ? "</style"
			  : word_at(m, name.at, name.n, "script") ? "</script" : NULL;
	if (m->xml || !end)
		return true;
	for (size_t k = m->i; k < m->len; k++)
		if (m->s[k] == '<' && starts(m, k, end) && k + strlen(end) < m->len &&
		    (is_space(m->s[k + strlen(end)]) || strchr("/>", m->s[k + strlen(end)]))) {
			m->i = k;
			return true;
		}
	return fail(m, name.at, "raw text element not closed");
}

static bool start_tag(mv *m)
{
	span name = read_name(m, m->i + 1);
	bool self = false;
	if (!name.n)
		return fail(m, m->i, "raw '<' in text");
	m->i = name.at + name.n;
	if (!attributes(m, &m->i, &self))
		return false;
	if (!m->depth && !m->roots++)
		m->root = name;
	if (self && !m->xml && !is_void(m, name))
		return fail(m, name.at, "self-closing tag on an HTML element that is not void");
	if (self || is_void(m, name))
		return true;
	return push(m, name) && raw_text(m, name);
}

static bool end_tag(mv *m)
{
	size_t at = m->i;
	span name = read_name(m, at + 2);
	size_t k = name.at + name.n;
	while (k < m->len && is_space(m->s[k]))
		k++;
	if (!name.n || k >= m->len || m->s[k] != '>')
		return fail(m, at, "malformed end tag");
	if (is_void(m, name))
		return fail(m, at, "end tag of a void element");
	if (!m->depth)
		return fail(m, at, "end tag with no element open");
	if (!same_name(m, m->stack[m->depth - 1], name))
		return fail(m, at, "end tag does not match the open element");
	m->depth--;
	m->i = k + 1;
	return true;
}

/* Steps over the construct at I running to TERM; false if it never ends. */
static bool skip_to(mv *m, const char *term, const char *what)
{
	size_t n = strlen(term);
	for (size_t k = m->i; k + n <= m->len; k++)
		if (!memcmp(m->s + k, term, n)) {
			m->i = k + n;
			return true;
		}
	return fail(m, m->i, what);
}

/* <!--…-->: no "--" inside (XML's rule; HTML allows a little more). */
static bool comment(mv *m)
{
	size_t at = m->i;
	m->i += 4;
	if (!skip_to(m, "-->", "comment not closed"))
		return false;
	for (size_t k = at + 4; k + 3 < m->i; k++)
		if (m->s[k] == '-' && m->s[k + 1] == '-')
			return fail(m, k, "\"--\" inside a comment");
	return true;
}

static bool markup(mv *m)
{
	size_t at = m->i;
	if (starts(m, at, "<!--"))
		return comment(m);
	if (starts(m, at, "<!doctype")) {
		if (m->roots || m->depth)
			return fail(m, at, "<!DOCTYPE> after the root element started");
		return skip_to(m, ">", "<!DOCTYPE> not closed");
	}
	if (m->xml && starts(m, at, "<![CDATA[")) {
		if (!m->depth)
			return fail(m, at, "CDATA outside the root element");
		return skip_to(m, "]]>", "CDATA not closed");
	}
	if (m->xml && at == 0 && starts(m, at, "<?xml") && m->len > 5 && is_space(m->s[5]))
		return skip_to(m, "?>", "XML declaration not closed");
	if (at + 1 < m->len && m->s[at + 1] == '/')
		return end_tag(m);
	return start_tag(m);
}

static bool run(mv *m)
{
	if (!chars_ok(m))
		return false;
	while (m->i < m->len) {
		unsigned char c = m->s[m->i];
		if (c == '<') {
			if (!markup(m))
				return false;
		} else if (c == '&') {
			if (!reference(m, m->i, &m->i))
				return false;
		} else if (!m->depth && !is_space(c)) {
			return fail(m, m->i, "text outside the root element");
		} else if (m->xml && c == '>' && m->i >= 2 && !memcmp(m->s + m->i - 2, "]]", 2)) {
			return fail(m, m->i, "\"]]>\" in text");
		} else {
			m->i++;
		}
	}
	if (m->depth)
		return fail(m, m->stack[m->depth - 1].at, "element not closed");
	return true;
}

/* The document is one element named ROOT (after an optional prologue). */
static bool check(const char *data, size_t len, char *why, size_t whylen, bool xml,
		  const char *root)
{
	mv m = { (const unsigned char *)data, len, 0, why, whylen, xml, NULL, 0, 0, 0, { 0, 0 } };
	bool ok = run(&m);
	free(m.stack);
	if (!ok)
		return false;
	if (m.roots != 1 || !word_at(&m, m.root.at, m.root.n, root))
		return props_fail(why, whylen, m.root.at, "the document is not one <%s> element", root);
	return true;
}

bool kh_prop_html(const char *data, size_t len, char *why, size_t whylen)
{
	mv m = { (const unsigned char *)data, len, 0, why, whylen, false, NULL, 0, 0, 0, { 0, 0 } };
	if (!starts(&m, 0, "<!DOCTYPE html>"))
		return props_fail(why, whylen, 0, "an HTML page starts with <!DOCTYPE html>");
	return check(data, len, why, whylen, false, "html");
}

bool kh_prop_svg(const char *data, size_t len, char *why, size_t whylen)
{
	return check(data, len, why, whylen, true, "svg");
}

PROPS_UNTRACED_END
