/*
 * help.c - the usage text of `kehoach` and of each command. The texts are
 * stored untranslated (N_) and translated when printed, so the one table
 * serves both languages; po/vi.po has their Vietnamese.
 * Part of kehoach; see README.md for the licence.
 */
#include "help.h"

#include <string.h>

#include "i18n.h"

static const struct command_doc {
	const char *name, *usage, *help;
} docs[] = {
	{ "check",
	  N_("kehoach check [--format text|json|sarif] [--disable RULE] [--enable RULE]\n"
	     "                     [--fail-on error|warning] [--min-working-days N] [--explain] [-o FILE] FILE..."),
	  N_("Reads each plan with everything it imports, reports syntax and name\n"
	     "errors, then runs the consistency rules (structure, references, time,\n"
	     "people, awards; 'kehoach help rules' lists them) and prints each finding\n"
	     "as file:line:col: severity: message [rule], with the source line and a\n"
	     "caret (columns count characters), on standard error or in -o FILE.\n"
	     "--format json prints the findings as JSON, --format sarif as SARIF\n"
	     "2.1.0 (for code-scanning tools), on standard output or -o FILE.\n"
	     "\n"
	     "  --disable RULE / --enable RULE   turn a rule off or back on (repeatable)\n"
	     "  --fail-on warning                exit 1 on warnings too (default: errors)\n"
	     "  --min-working-days N             for too-few-working-days (default 3)\n"
	     "  --explain                        add notes on what the rules inferred (a body\n"
	     "                                   taken as reached as a staff organ of the issuer)\n"
	     "\n"
	     "One finding is silenced in the file with a comment on its line (or alone\n"
	     "on the line above): # kehoach: ignore RULE -- reason\n"
	     "\n"
	     "Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O\n"
	     "error (a missing or unreadable file).") },
	{ "json",
	  N_("kehoach json [-o FILE] FILE"),
	  N_("Prints the resolved plan as JSON: every reference bound to its\n"
	     "declaration, dates as YYYY-MM-DD, windows as start/end pairs, durations\n"
	     "in half-days. README.md lists the fields. A plan with errors prints the\n"
	     "errors instead and exits 1.") },
	{ "schedule",
	  N_("kehoach schedule [--ics|--csv|--svg] [--mirror-events] [--for BODY] [-o FILE] FILE"),
	  N_("Prints the plan's timeline: every deadline and meeting in date order\n"
	     "(date or window as written, who, what, to whom), then recurring and\n"
	     "undated duties. --csv gives the same as a table; --ics an iCalendar file\n"
	     "(RFC 5545) to import: deadlines as to-dos (VTODO with DUE), meetings as\n"
	     "all-day events, recurring duties with RRULE, planned dates as TENTATIVE,\n"
	     "with UIDs that stay the same when the plan is edited, so importing again\n"
	     "updates instead of duplicating; --mirror-events adds each deadline as an\n"
	     "all-day event too (Google and iOS calendars ignore to-dos). DTSTAMP is\n"
	     "the plan's date, or SOURCE_DATE_EPOCH when set. --svg draws the timeline\n"
	     "by level. --for BODY keeps what concerns one body (by id), including\n"
	     "duties it holds through its level or parent.") },
	{ "checklist",
	  N_("kehoach checklist [--csv|--html] [--for BODY] [-o FILE] FILE"),
	  N_("Prints each body's duties with their due dates and where the result goes,\n"
	     "as Markdown task lists; --csv as a spreadsheet (UTF-8 with BOM so Excel\n"
	     "keeps the Vietnamese); --html as a page to print. --for BODY keeps one\n"
	     "body's list, including duties it holds through its level or parent.") },
	{ "fmt",
	  N_("kehoach fmt [-w [--force] | --check] FILE..."),
	  N_("Lays the plan out canonically: two spaces of indentation per open brace,\n"
	     "no trailing blanks, runs of blank lines cut to one, LF line ends, NFC\n"
	     "text, one final newline. Tokens, strings and comments are kept as\n"
	     "written, and the result is read back and compared with the original\n"
	     "before anything is written. Prints the result (one FILE), or with -w\n"
	     "rewrites each FILE in place (a temporary file, then a rename, keeping\n"
	     "its mode, owner and group; a symbolic link's target is rewritten, the\n"
	     "link kept; a file with other hard links is rewritten under this name\n"
	     "only, and said so; a read-only file is refused unless --force);\n"
	     "--check lists the files that are not laid out so and exits 1. A file\n"
	     "with errors is reported and left alone (exit 1).") },
	{ "outline",
	  N_("kehoach outline [--html|--docx] [-o FILE] FILE"),
	  N_("Prints the report outline attached to the plan (đề_cương) with the\n"
	     "numbering Vietnamese documents use (Phần thứ nhất / Phần I, I., 1., a),\n"
	     "bullets), as Markdown, or with --html as a page to print. --docx writes\n"
	     "it as a Word report to fill in: the template's header lines or blank\n"
	     "ones (\"Số:     /BC-…\", \"…, ngày … tháng … năm …\"), the outline, and a\n"
	     "blank recipients and signature block. A plan without an outline exits 1\n"
	     "with a message.") },
	{ "render",
	  N_("kehoach render --html|--docx|--pdf [-o FILE] FILE"),
	  N_("Prints the whole plan as a document in the official layout (header block\n"
	     "with the issuing body and the national or Party motto, number and\n"
	     "place-date line, kind and title, numbered sections, recipients and\n"
	     "signature, attachments on their own pages): --html as one self-contained\n"
	     "page styled for A4 printing; --docx as a Word file (A4, Times New Roman,\n"
	     "page numbers from page 2); --pdf as that Word file converted by\n"
	     "LibreOffice (soffice, which must be installed). Facts the plan lacks (a\n"
	     "number, a date) are left blank as on paper, never invented. The Word and\n"
	     "PDF files are binary: they go to -o FILE, or to standard output when that\n"
	     "is not a terminal. The Word file's dates are the plan's, or\n"
	     "SOURCE_DATE_EPOCH when set, so the same plan gives the same bytes.") },
	{ "awards",
	  N_("kehoach awards --candidates CSV [--form ID] [--format text|json|csv] [-o FILE] FILE"),
	  N_("Screens a nominee list by the plan's award forms. The CSV is read as\n"
	     "spreadsheets save it (UTF-8 with or without a BOM, ',' or ';', quoted\n"
	     "fields, NFC or NFD names); its columns are the attributes the plan\n"
	     "declares (thuộc_tính), found by their headers. For each form (or only\n"
	     "--form ID): the eligible nominees in the ranking order (xếp_hạng),\n"
	     "within and past the quota (total, per tập thể and cá nhân, per value of\n"
	     "an attribute), the ties that keep the file's order, and each rejected\n"
	     "nominee with the first rule that fails and why, by line. A form whose\n"
	     "criteria are deferred or only in words screens nobody, and says so.\n"
	     "A cell that is not of its type (\"2,5\", 31/02/2020), a blank a rule\n"
	     "needs, a repeated key or a record of the wrong length is an error at\n"
	     "nominees.csv:LINE:COL with the spreadsheet column, never a silent\n"
	     "rejection. --format json or --csv gives the same for programs and\n"
	     "spreadsheets. Exit status: 0 clean, 1 errors in the plan or the list,\n"
	     "2 usage or I/O error.") },
	{ "init",
	  N_("kehoach init [--kind plan|guidance|letter] [--family state|party] [--level tỉnh|huyện|xã]\n"
	     "                     [--date D/M/YYYY] [-o FILE [--force]]"),
	  N_("Writes a starting plan that checks clean (kehoach check --fail-on warning):\n"
	     "a Kế hoạch (default), Hướng dẫn or Công văn of a State (default) or Party\n"
	     "body at the province (default), district or commune level, with the\n"
	     "header forms of its family, purposes and requirements, three tasks that\n"
	     "bring a report up one level, recipients and a signature, commented in\n"
	     "Vietnamese. Its bodies come from stdlib vn/bodies; it is dated today (or\n"
	     "SOURCE_DATE_EPOCH, or --date), its deadlines on working days. A district\n"
	     "plan is dated while the district level existed (until 30/6/2025). It goes\n"
	     "to standard output, or to -o FILE, which must not exist (--force replaces\n"
	     "it).") },
	{ "lsp", N_("kehoach lsp [--stdlib DIR] [--root DIR]"),
	  N_("Runs a language server (LSP) for editors on standard input and output:\n"
	     "check's findings as documents are typed, completion, hover and\n"
	     "go-to-definition (README.md: VS Code, Vim). Exit status: 0 after the\n"
	     "editor's shutdown request, 1 otherwise.") },
};

void kh_print_usage(FILE *to)
{
	fputs(_("usage: kehoach COMMAND [options] FILE...\n\ncommands:\n"), to);
	for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++)
		fprintf(to, "  %s\n", _(docs[i].usage));
	fputs(_("\ncommon options:\n"
		"  -o FILE          write the output to FILE (atomically) instead of stdout\n"
		"  --stdlib DIR     where stdlib modules such as \"vn/hierarchy\" live\n"
		"  --root DIR       also allow relative imports from inside DIR\n"
		"  --color / --no-color   colour diagnostics (default: when stderr is a terminal)\n"
		"  --lang vi|en     the language of messages and help (default: from LANG,\n"
		"                   LC_ALL, LC_MESSAGES or LANGUAGE; else English)\n"
		"\n'kehoach help COMMAND' explains a command; 'kehoach help rules' lists\n"
		"the checker's rules ('--markdown' for docs/RULES.md).\n"), to);
}


bool kh_print_command_help(const char *name)
{
	for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++)
		if (!strcmp(docs[i].name, name)) {
			printf(_("usage: %s\n\n%s\n"), _(docs[i].usage), _(docs[i].help));
			return true;
		}
	return false;
}
