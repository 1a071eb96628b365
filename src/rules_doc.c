/*
 * rules_doc.c - the rule registry as documentation. Both forms are made
 * from rules.def alone, so `kehoach help rules`, docs/RULES.md and the
 * SARIF metadata cannot drift apart.
 * Part of kehoach; see README.md for the licence.
 */
#include "rules_doc.h"

#include <stdbool.h>
#include <string.h>
#include <utf8proc.h>

#include "i18n.h"
#include "rules.h"

#define TEXT_WIDTH 72

/* What each family covers; a family missing here shows its bare name. */
static const struct family_doc {
	const char *family, *title, *about;
} family_docs[] = {
	{ "input", N_("Input"), N_("the bytes of the file") },
	{ "syntax", N_("Syntax"), N_("the text against the grammar") },
	{ "names", N_("Names and declarations"), N_("names, imports, dates and cycles") },
	{ "structure", N_("Structure"), N_("what a document of its kind must have") },
	{ "references", N_("References"), N_("citations, short names and unused declarations") },
	{ "time", N_("Time"), N_("deadlines, dependencies and working days") },
	{ "people", N_("People"), N_("assignees, recipients, meetings and signatures") },
	{ "awards", N_("Awards"), N_("who may grant which award") },
	{ "nominees", N_("Nominee files"), N_("the CSV that awards --candidates screens") },
	{ "prose", N_("Prose"), N_("the text of a task or meeting against its data") },
	{ "config", N_("Configuration"), N_("command-line options and silencing comments") },
};

static const struct family_doc *family_doc(const char *family)
{
	for (size_t i = 0; i < sizeof family_docs / sizeof family_docs[0]; i++)
		if (!strcmp(family_docs[i].family, family))
			return &family_docs[i];
	return NULL;
}

/* The families in order of first appearance in rules.def; returns how many. */
static size_t families(const char **out)
{
	size_t n = 0;
	for (size_t i = 0; i < KH_RULE__COUNT; i++) {
		size_t j = 0;
		while (j < n && strcmp(out[j], kh_rules[i].family))
			j++;
		if (j == n)
			out[n++] = kh_rules[i].family;
	}
	return n;
}

/* True when the family's rules cannot be disabled (kh_rule_is_core). */
static bool family_is_core(const char *family)
{
	for (size_t i = 0; i < KH_RULE__COUNT; i++)
		if (!strcmp(kh_rules[i].family, family))
			return kh_rule_is_core(&kh_rules[i]);
	return false;
}

/* The same words as the findings' (diag.c), translated alike. */
static const char *severity_word(kh_severity s)
{
	return s == KH_ERROR ? _("error") : s == KH_WARNING ? _("warning") : _("note");
}

/* "59 rules in 10 families", each count with its own plural. */
static const char *rule_count(size_t nf)
{
	const char *rules = kh_printf(kh_ngettext("%d rule", "%d rules", KH_RULE__COUNT),
				      (int)KH_RULE__COUNT);
	const char *fams = kh_printf(kh_ngettext("%zu family", "%zu families", nf), nf);
	/* TRANSLATORS: "59 rules" in "10 families". */
	return kh_printf(_("%s in %s"), rules, fams);
}

/* Code points in the N bytes at S (columns, for Vietnamese text). */
static unsigned columns(const char *s, size_t n)
{
	unsigned c = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

static void spaces(kh_buf *out, unsigned n)
{
	while (n--)
		kh_buf_putc(out, ' ');
}

/*
 * Appends LEAD, then TEXT's words filling lines up to WIDTH columns, later
 * lines indented by INDENT, and a final newline. Lines break only at
 * ASCII spaces, so a UTF-8 sequence is never split; a word longer than
 * the line gets a line of its own rather than being cut.
 */
static void wrap(kh_buf *out, const char *lead, const char *text, unsigned indent, unsigned width)
{
	kh_buf_puts(out, lead);
	unsigned col = columns(lead, strlen(lead));
	bool fresh = true; /* no word on this line yet */
	const char *p = text;
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (!*p)
			break;
		const char *w = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n')
			p++;
		/* A dash opening a quote ("'- Lưu: VT'") stays with what follows. */
		if (p - w <= 2 && p[-1] == '-' && *p == ' ' && p[1] && p[1] != ' ') {
			p++;
			while (*p && *p != ' ' && *p != '\t' && *p != '\n')
				p++;
		}
		unsigned wc = columns(w, (size_t)(p - w));
		if (!fresh && col + 1 + wc > width) {
			kh_buf_putc(out, '\n');
			spaces(out, indent);
			col = indent;
			fresh = true;
		}
		if (!fresh) {
			kh_buf_putc(out, ' ');
			col++;
		}
		kh_buf_put(out, w, (size_t)(p - w));
		col += wc;
		fresh = false;
	}
	kh_buf_putc(out, '\n');
}

void kh_rules_print_text(kh_buf *out)
{
	const char *fams[KH_RULE__COUNT];
	size_t nf = families(fams);
	/* TRANSLATORS: %s is "59 rules in 10 families". The text is
	 * rewrapped at 72 columns: line breaks here do not matter. */
	const char *intro = kh_printf(
		_("kehoach check knows %s. Each finding ends with "
		  "its rule id in brackets, e.g. [undeclared-id]. An error makes the run "
		  "exit 1; a warning does too with --fail-on warning; a note never does. "
		  "--disable RULE turns a rule off and --enable RULE turns it back on; "
		  "rules marked 'always on' cannot be disabled. One finding is silenced "
		  "by a comment on its line, or alone on the line above:"),
		rule_count(nf));
	wrap(out, "", intro, 0, TEXT_WIDTH);
	kh_buf_printf(out, "\n    %s\n\n", _("# kehoach: ignore RULE -- reason"));
	wrap(out, "", _("The reason is required. 'kehoach help check' has the other options."), 0,
	     TEXT_WIDTH);

	for (size_t f = 0; f < nf; f++) {
		const struct family_doc *fd = family_doc(fams[f]);
		kh_buf head = { 0 };
		bool core = family_is_core(fams[f]);
		if (fd && core)
			/* TRANSLATORS: a family's heading: its id, what it covers. */
			kh_buf_printf(&head, _("%s: %s (always on)"), fams[f], _(fd->about));
		else if (fd)
			kh_buf_printf(&head, _("%s: %s"), fams[f], _(fd->about));
		else
			kh_buf_printf(&head, core ? _("%s (always on)") : "%s", fams[f]);
		kh_buf_putc(out, '\n');
		wrap(out, "", kh_buf_cstr(&head), 2, TEXT_WIDTH);
		for (size_t i = 0; i < KH_RULE__COUNT; i++) {
			const kh_rule *r = &kh_rules[i];
			if (strcmp(r->family, fams[f]))
				continue;
			kh_buf_putc(out, '\n');
			const char *lead = kh_printf("  %s (%s): ", r->id, severity_word(r->severity));
			wrap(out, lead, _(r->summary), 4, TEXT_WIDTH);
			wrap(out, "      ", _(r->explanation), 6, TEXT_WIDTH);
		}
	}
}

/* ------------------------------------------------------------------ */
/* Markdown                                                           */

/* TEXT with Markdown's active characters backslash-escaped, so quotes
 * such as '/\*' or '\\n' in an explanation show as written. */
static void md_text(kh_buf *out, const char *text)
{
	for (const char *p = text; *p; p++) {
		if (strchr("\\`*_[]<>|~", *p))
			kh_buf_putc(out, '\\');
		kh_buf_putc(out, *p);
	}
}

/* GitHub's heading anchor: lower case (Vietnamese letters too: "Đầu
 * vào" is #đầu-vào), spaces to '-', other ASCII punctuation dropped. */
static void md_anchor(kh_buf *out, const char *heading)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)heading;
	while (*p) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &c);
		if (n <= 0)
			break;
		p += n;
		if (c == ' ')
			kh_buf_putc(out, '-');
		else if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			 (c >= '0' && c <= '9') || c == '-' || c == '_') {
			utf8proc_uint8_t enc[4];
			kh_buf_put(out, (const char *)enc,
				   (size_t)utf8proc_encode_char(utf8proc_tolower(c), enc));
		}
	}
}

static const char *family_title(const char *family)
{
	const struct family_doc *fd = family_doc(family);
	return fd ? _(fd->title) : family;
}

/* TRANSLATORS: Markdown (docs/RULES.vi.md): keep the backquotes, the
 * **bold**, the list marks and the code block as they are. */
static const char md_intro[] = N_(
	"`kehoach check` names the rule behind each finding, as in\n"
	"`plan.kh:14:5: error: 'btv_tinh_u' is not declared [undeclared-id]`.\n"
	"This page lists every rule with its default severity and what it checks.\n"
	"\n"
	"## Severities and exit status\n"
	"\n"
	"- **error**: the plan is wrong; the run exits with status 1.\n"
	"- **warning**: the plan is probably wrong; the run exits with status 1 only\n"
	"  with `--fail-on warning`.\n"
	"- **note**: for information; never changes the exit status.\n"
	"\n"
	"Status 2 means a usage or I/O error (`io-error`), status 0 a clean run.\n"
	"\n"
	"## Turning rules off and on\n"
	"\n"
	"- `--disable RULE` turns a rule off for the run and `--enable RULE` turns it\n"
	"  back on; both can be repeated.\n"
	"- The rules of the families *input*, *syntax* and *names* are always on: a\n"
	"  plan with such an error cannot be checked further.\n"
	"- `--fail-on warning` makes warnings fail the run as errors do (the default\n"
	"  is `--fail-on error`).\n"
	"- An id that names no rule is reported itself (`unknown-rule`), with the\n"
	"  nearest id.\n"
	"\n"
	"## Silencing one finding\n"
	"\n"
	"A comment on the finding's line, or alone on the line above it, silences\n"
	"that rule there:\n"
	"\n"
	"```\n"
	"hạn trước 15/9/2019   # kehoach: ignore non-working-day -- as in the source\n"
	"\n"
	"# kehoach: ignore non-working-day -- as in the source\n"
	"hạn trước 15/9/2019\n"
	"```\n"
	"\n"
	"The form is `# kehoach: ignore RULE -- reason`. The reason is required\n"
	"(`suppression-without-reason`), and a comment that silences nothing is\n"
	"reported (`unused-suppression`), so a plan is never silently quiet.\n"
	"A silenced finding does not count towards the exit status and is not\n"
	"printed as text; the JSON and SARIF outputs keep it, with the reason.\n");

void kh_rules_print_markdown(kh_buf *out)
{
	const char *fams[KH_RULE__COUNT];
	size_t nf = families(fams);

	kh_buf_puts(out, _("# kehoach rules\n\n"
			   "<!-- Generated from src/rules.def by src/rules_doc.c: edit those, not this file. -->\n\n"));
	kh_buf_puts(out, _(md_intro));

	/* TRANSLATORS: %s is "59 rules in 10 families". */
	kh_buf_printf(out, _("\n## Contents\n\n%s.\n\n"), rule_count(nf));
	for (size_t f = 0; f < nf; f++) {
		const struct family_doc *fd = family_doc(fams[f]);
		kh_buf_printf(out, "- [%s](#", family_title(fams[f]));
		md_anchor(out, family_title(fams[f]));
		kh_buf_puts(out, ")");
		if (fd) {
			kh_buf_puts(out, ": ");
			md_text(out, _(fd->about));
		}
		kh_buf_putc(out, '\n');
		for (size_t i = 0; i < KH_RULE__COUNT; i++) {
			const kh_rule *r = &kh_rules[i];
			if (strcmp(r->family, fams[f]))
				continue;
			kh_buf_printf(out, "  - [`%s`](#", r->id);
			md_anchor(out, r->id);
			kh_buf_printf(out, ") (%s): ", severity_word(r->severity));
			md_text(out, _(r->summary));
			kh_buf_putc(out, '\n');
		}
	}

	for (size_t f = 0; f < nf; f++) {
		const struct family_doc *fd = family_doc(fams[f]);
		kh_buf_printf(out, "\n## %s\n\n", family_title(fams[f]));
		bool core = family_is_core(fams[f]);
		kh_buf about = { 0 };
		if (fd)
			md_text(&about, _(fd->about));
		if (fd && core)
			/* TRANSLATORS: Markdown: the family's id, what it covers. */
			kh_buf_printf(out, _("Family `%s`: %s. Always on.\n"), fams[f], kh_buf_cstr(&about));
		else if (fd)
			kh_buf_printf(out, _("Family `%s`: %s.\n"), fams[f], kh_buf_cstr(&about));
		else
			kh_buf_printf(out, core ? _("Family `%s`. Always on.\n") : _("Family `%s`.\n"),
				      fams[f]);
		for (size_t i = 0; i < KH_RULE__COUNT; i++) {
			const kh_rule *r = &kh_rules[i];
			if (strcmp(r->family, fams[f]))
				continue;
			kh_buf_printf(out, "\n### `%s`\n\n", r->id);
			kh_buf_printf(out, _("- Default severity: **%s**\n- Summary: "),
				      severity_word(r->severity));
			md_text(out, _(r->summary));
			kh_buf_puts(out, "\n\n");
			md_text(out, _(r->explanation));
			kh_buf_putc(out, '\n');
		}
	}
}
