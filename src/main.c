/*
 * main.c - the `kehoach` command: a table of subcommands (git style), the
 * options they share, and exit codes 0 (clean), 1 (findings at or above the
 * threshold), 2 (usage or I/O error).
 * Part of kehoach; see README.md for the licence.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "awards_cmd.h"
#include "awards_screen.h"
#include "check.h"
#include "cli.h"
#include "diag.h"
#include "emit.h"
#include "emit_json.h"
#include "fmt.h"
#include "help.h"
#include "i18n.h"
#include "init.h"
#include "install_path.h"
#include "lsp.h"
#include "names.h"
#include "output.h"
#include "pdf.h"
#include "resolve.h"
#include "rules_doc.h"
#include "sarif.h"
#ifndef KH_STDLIB_DIR
#define KH_STDLIB_DIR "stdlib"
#endif

static int cmd_check(options *o);
static int cmd_json(options *o);
static int cmd_outline(options *o);
static int cmd_render(options *o);
static int cmd_schedule(options *o);
static int cmd_checklist(options *o);
static int cmd_lsp(options *o);
static int cmd_awards(options *o);

static const command commands[] = {
	{ "check", cmd_check },
	{ "json", cmd_json },
	{ "schedule", cmd_schedule },
	{ "checklist", cmd_checklist },
	{ "fmt", kh_cmd_fmt },
	{ "outline", cmd_outline },
	{ "render", cmd_render },
	{ "awards", cmd_awards },
	{ "init", NULL }, /* reads its own options: src/init.c */
	{ "lsp", cmd_lsp },
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };

/* $KEHOACH_STDLIB; else <bin>/../share/kehoach/stdlib (an installed tree,
 * wherever it is moved); else the build tree's. Allocates nothing. With
 * BUILT_IN (not for $KEHOACH_STDLIB, a folder the user chose) set when it
 * is the default one, whose modules the binary holds a copy of. */
static const char *default_stdlib(bool *built_in)
{
	static char dir[PATH_MAX];
	const char *env = getenv("KEHOACH_STDLIB");
	if (built_in)
		*built_in = !(env && *env);
	if (env && *env)
		return env;
	char beside[PATH_MAX];
	struct stat st;
	if (kh_beside_program("../share/kehoach/stdlib", beside, sizeof beside) &&
	    realpath(beside, dir) && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
		return dir;
	return KH_STDLIB_DIR;
}

/* Remembers the files a run read (the plan and its imports). */
static void note_inputs(options *o, const char *path, const kh_program *prog)
{
	kh_vec_push(&o->inputs, (void *)path);
	if (prog)
		for (size_t i = 0; i < prog->imports.n; i++)
			kh_vec_push(&o->inputs, prog->imports.items[i]);
}

static int cmd_check(options *o)
{
	if (o->nfiles == 0)
		return kh_cli_usage_error("%s", _("check needs at least one FILE"));
	if (o->format && strcmp(o->format, "text") && strcmp(o->format, "json") &&
	    strcmp(o->format, "sarif"))
		return kh_cli_usage_error(_("unknown format '%s' (use text, json or sarif)"), o->format);
	if (o->fail_on && strcmp(o->fail_on, "error") && strcmp(o->fail_on, "warning"))
		return kh_cli_usage_error(_("--fail-on takes error or warning, not '%s'"), o->fail_on);
	kh_diags d = { 0 };
	kh_rule_config config;
	kh_rule_config_init(&config);
	if (o->fail_on && !strcmp(o->fail_on, "warning"))
		config.fail_on = KH_WARNING;
	if (o->min_working_days > 0)
		config.min_working_days = o->min_working_days;
	config.explain = o->explain;
	for (int i = 0; i < o->nswitches; i++)
		kh_rule_config_set(&config, o->rule_switches[i] + 1, o->rule_switches[i][0] == '+', &d);
	int io_error = 0;
	for (int i = 0; i < o->nfiles; i++) {
		int io = 0;
		unsigned errors_before = d.errors;
		kh_program *prog = kh_resolve_file(o->files[i], &o->resolve, &d, &io);
		note_inputs(o, o->files[i], prog);
		io_error |= io;
		/* The rules need a whole, resolved plan: after a syntax or name
		 * error they would only add noise. */
		if (prog && d.errors == errors_before)
			kh_check_program(prog, &config, &d);
	}
	int io_failed = 0;
	o->report_to_output = 1;
	unsigned failing = kh_cli_report(&d, o, &io_failed);
	if (io_error || io_failed)
		return EXIT_USAGE;
	return failing ? EXIT_FINDINGS : EXIT_CLEAN;
}

static int cmd_json(options *o)
{
	if (o->nfiles != 1)
		return kh_cli_usage_error("%s", _("json takes exactly one FILE"));
	if (o->format && strcmp(o->format, "json"))
		return kh_cli_usage_error(_("json prints JSON only, not '%s'"), o->format);
	kh_diags d = { 0 };
	int io = 0;
	kh_program *prog = kh_resolve_file(o->files[0], &o->resolve, &d, &io);
	note_inputs(o, o->files[0], prog);
	options text = *o;
	text.format = "text";
	int io_failed = 0;
	unsigned errors = kh_cli_report(&d, &text, &io_failed);
	if (io)
		return EXIT_USAGE;
	if (!prog || errors)          /* unreadable content (bad UTF-8, NUL …) is a finding */
		return EXIT_FINDINGS;
	kh_buf out = { 0 };
	kh_out *s = kh_cli_stream_result(o, &out);
	if (!s)
		return EXIT_USAGE;
	kh_emit_json(prog, &out);
	return kh_cli_finish_result(s, 0, &out);
}

/* Resolves the one FILE of an output command; prints errors (text) and
 * returns the exit status to use, or -1 when PROG is ready. */
static int load_plan(options *o, const char *what, kh_program **prog)
{
	if (o->nfiles != 1)
		return kh_cli_usage_error(_("%s takes exactly one FILE"), what);
	kh_diags d = { 0 };
	int io = 0;
	*prog = kh_resolve_file(o->files[0], &o->resolve, &d, &io);
	note_inputs(o, o->files[0], *prog);
	options text = *o;
	text.format = "text";
	int io_failed = 0;
	unsigned errors = kh_cli_report(&d, &text, &io_failed);
	if (io)
		return EXIT_USAGE;
	if (!*prog || errors)
		return EXIT_FINDINGS;
	return -1;
}

/* --for BODY: the body with that id (tone placement and NFC folded). */
static int find_for_body(const options *o, const kh_program *prog, const kh_body **out)
{
	*out = NULL;
	if (!o->for_body)
		return -1;
	const char *key = kh_name_key(o->for_body);
	const char **ids = KH_NEW_N(const char *, prog->bodies.n + 1);
	for (size_t i = 0; i < prog->bodies.n; i++) {
		const kh_body *b = KH_VEC_AT(prog->bodies, kh_body, i);
		if (!strcmp(kh_name_key(b->id), key)) {
			*out = b;
			return -1;
		}
		ids[i] = b->id;
	}
	const char *best = kh_closest_id(o->for_body, ids, prog->bodies.n);
	if (best)
		return kh_cli_usage_error(_("--for %s: no body has this id; did you mean '%s'?"), o->for_body, best);
	return kh_cli_usage_error(_("--for %s: no body has this id (kehoach json lists the bodies)"), o->for_body);
}

/* --form ID: an award form of the plan, or a usage error with the nearest. */
static int find_form(const options *o, const kh_plan *p)
{
	if (!o->form || !p || kh_awards_find_form(p, o->form))
		return -1;
	const char **ids = KH_NEW_N(const char *, p->award_forms.n + 1);
	size_t n = 0;
	for (size_t i = 0; i < p->award_forms.n; i++) {
		const kh_award_form *f = p->award_forms.items[i];
		if (f && f->id)
			ids[n++] = f->id;
	}
	const char *best = kh_closest_id(o->form, ids, n);
	if (best)
		return kh_cli_usage_error(_("--form %s: the plan has no award form with this id; did you mean "
				     "'%s'?"), o->form, best);
	return kh_cli_usage_error(_("--form %s: the plan has no award form with this id (kehoach json "
			     "lists them)"), o->form);
}

/* The time an output carries (a calendar's DTSTAMP, a Word file's dates):
 * SOURCE_DATE_EPOCH when set (reproducible builds), else the plan's date,
 * else 1970-01-01, so the same plan always gives the same file. */
static kh_docx_opts output_time(const kh_program *prog)
{
	kh_docx_opts t = { false, 0, 0 };
	if (kh_source_date_epoch(&t.day, &t.seconds)) {
		t.dated = true;
		return t;
	}
	if (prog->plan && prog->plan->has_date) {
		t.dated = true;
		t.day = prog->plan->date;
	}
	return t;
}

static const char *ics_dtstamp(const kh_program *prog)
{
	kh_docx_opts t = output_time(prog);
	int y, m, d;
	kh_date_split(t.day, &y, &m, &d);
	return kh_printf("%04d%02d%02dT%02ld%02ld%02ldZ", y, m, d, t.seconds / 3600, t.seconds / 60 % 60,
			 t.seconds % 60);
}

/* A Word or PDF file is binary: to -o FILE, or to a standard output that
 * is not a terminal (a pipe, a redirection), never onto the screen. */
static int binary_output_ok(const options *o, const char *what)
{
	if ((o->output && strcmp(o->output, "-")) || !isatty(STDOUT_FILENO))
		return -1;
	return kh_cli_usage_error(_("%s writes a binary file: give -o FILE (or redirect standard output)"), what);
}

/* What a calendar had to leave out, in source order, printed once. */
typedef struct ics_notes {
	kh_diags notes;
	int color;
	bool printed;
} ics_notes;

static void print_ics_notes(void *ctx)
{
	ics_notes *n = ctx;
	if (n->printed)
		return;
	n->printed = true;
	kh_diags_sort(&n->notes);
	kh_buf said = { 0 };
	kh_diags_print_text(&n->notes, &said, n->color);
	if (said.len)
		fwrite(said.data, 1, said.len, stderr);
}

static int cmd_schedule(options *o)
{
	const char *f = o->format ? o->format : "text";
	if (strcmp(f, "text") && strcmp(f, "ics") && strcmp(f, "csv") && strcmp(f, "svg"))
		return kh_cli_usage_error(_("schedule prints text, --ics, --csv or --svg, not '%s'"), f);
	kh_program *prog;
	int rc = load_plan(o, "schedule", &prog);
	if (rc >= 0)
		return rc;
	const kh_body *who;
	if ((rc = find_for_body(o, prog, &who)) >= 0)
		return rc;
	kh_buf out = { 0 };
	if (!strcmp(f, "ics")) {
		/* Streamed: a calendar is as large as the plan's text again. */
		kh_out *s = kh_cli_stream_result(o, &out);
		if (!s)
			return EXIT_USAGE;
		ics_notes said = { { 0 }, o->color, false };
		kh_ics_opts io = { o->mirror_events != 0, ics_dtstamp(prog), &said.notes, print_ics_notes, &said };
		rc = kh_emit_schedule_ics(prog, who, &io, &out);
		print_ics_notes(&said); /* when nothing was written: after the reason */
		return kh_cli_finish_result(s, rc, &out);
	} else if (!strcmp(f, "csv")) {
		rc = kh_emit_schedule_csv(prog, who, &out);
	} else if (!strcmp(f, "svg")) {
		rc = kh_emit_schedule_svg(prog, who, &out);
	} else {
		rc = kh_emit_schedule_text(prog, who, &out);
	}
	return kh_cli_write_or_fail(o, rc, &out);
}

static int cmd_checklist(options *o)
{
	const char *f = o->format ? o->format : "md";
	if (strcmp(f, "md") && strcmp(f, "csv") && strcmp(f, "html"))
		return kh_cli_usage_error(_("checklist prints Markdown, --csv or --html, not '%s'"), f);
	kh_program *prog;
	int rc = load_plan(o, "checklist", &prog);
	if (rc >= 0)
		return rc;
	const kh_body *who;
	if ((rc = find_for_body(o, prog, &who)) >= 0)
		return rc;
	kh_buf out = { 0 };
	if (!strcmp(f, "csv"))
		rc = kh_emit_checklist_csv(prog, who, &out);
	else if (!strcmp(f, "html"))
		rc = kh_emit_checklist_html(prog, who, &out);
	else
		rc = kh_emit_checklist_md(prog, who, &out);
	return kh_cli_write_or_fail(o, rc, &out);
}

/* Reads PATH for fmt: its program, or NULL with the findings printed and
 * *STATUS raised. A file whose only errors are a word processor's quotes
 * and spaces is read as repaired (*ORIG: the text as it is on disk). */
static int cmd_outline(options *o)
{
	const char *f = o->format ? o->format : "md";
	if (strcmp(f, "md") && strcmp(f, "html") && strcmp(f, "docx"))
		return kh_cli_usage_error(_("outline prints Markdown, --html or --docx, not '%s'"), f);
	int rc;
	if (!strcmp(f, "docx") && (rc = binary_output_ok(o, "outline --docx")) >= 0)
		return rc;
	kh_program *prog;
	if ((rc = load_plan(o, "outline", &prog)) >= 0)
		return rc;
	kh_buf out = { 0 };
	if (!strcmp(f, "docx")) {
		kh_docx_opts t = output_time(prog);
		rc = kh_emit_outline_docx(prog, &t, &out);
	} else if (!strcmp(f, "html")) {
		rc = kh_emit_outline_html(prog, &out);
	} else {
		rc = kh_emit_outline_md(prog, &out);
	}
	return kh_cli_write_or_fail(o, rc, &out);
}

static int cmd_render(options *o)
{
	const char *f = o->format ? o->format : "html";
	if (strcmp(f, "html") && strcmp(f, "docx") && strcmp(f, "pdf"))
		return kh_cli_usage_error(_("render prints --html, --docx or --pdf, not '%s'"), f);
	int rc;
	if (strcmp(f, "html") && (rc = binary_output_ok(o, kh_printf("render --%s", f))) >= 0)
		return rc;
	/* Said before the plan is read: --pdf cannot work without LibreOffice. */
	if (!strcmp(f, "pdf") && !kh_pdf_available())
		return EXIT_USAGE;
	kh_program *prog;
	if ((rc = load_plan(o, "render", &prog)) >= 0)
		return rc;
	kh_buf out = { 0 };
	if (!strcmp(f, "html")) {
		kh_out *s = kh_cli_stream_result(o, &out);
		return s ? kh_cli_finish_result(s, kh_emit_render_html(prog, &out), &out) : EXIT_USAGE;
	}
	kh_docx_opts t = output_time(prog);
	if ((rc = kh_emit_render_docx(prog, &t, &out)) != 0 || !strcmp(f, "docx"))
		return kh_cli_write_or_fail(o, rc, &out);
	kh_buf pdf = { 0 };
	return kh_cli_write_or_fail(o, kh_pdf_from_docx(out.data, out.len, &pdf), &pdf);
}

static int cmd_awards(options *o)
{
	const char *f = o->format ? o->format : "text";
	if (strcmp(f, "text") && strcmp(f, "json") && strcmp(f, "csv"))
		return kh_cli_usage_error(_("awards prints text, --format json or --csv, not '%s'"), f);
	if (!o->candidates)
		return kh_cli_usage_error("%s", _("awards needs --candidates FILE: the nominee list (CSV)"));
	kh_program *prog;
	int rc = load_plan(o, "awards", &prog);
	if (rc >= 0)
		return rc;
	if ((rc = find_form(o, prog->plan)) >= 0)
		return rc;
	kh_vec_push(&o->inputs, (void *)o->candidates);
	kh_awards_opts ao = { o->files[0], o->candidates, o->form, f };
	kh_diags d = { 0 };
	kh_buf out = { 0 };
	int io = 0;
	rc = kh_awards_run(prog->plan, &ao, &out, &d, &io);
	options text = *o;
	text.format = "text";
	int io_failed = 0;
	unsigned errors = kh_cli_report(&d, &text, &io_failed);
	if (io)
		return EXIT_USAGE;
	if (rc)
		return EXIT_FINDINGS;
	if (kh_cli_write_result(o, out.data, out.len) != 0)
		return EXIT_USAGE;
	return errors ? EXIT_FINDINGS : EXIT_CLEAN;
}

static int cmd_lsp(options *o)
{
	if (o->nfiles || o->format || o->output)
		return kh_cli_usage_error("%s", _("lsp reads its documents from the editor: no FILE, "
					   "--format or -o"));
	return kh_lsp_serve(&o->resolve, KH_VERSION, STDIN_FILENO, STDOUT_FILENO);
}

static const command *find_command(const char *name)
{
	for (int i = 0; i < NCOMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

static int cmd_help(int argc, char **argv)
{
	if (argc < 3) {
		kh_print_usage(stdout);
		return EXIT_CLEAN;
	}
	if (!strcmp(argv[2], "rules")) {
		kh_buf out = { 0 };
		if (argc > 3 && !strcmp(argv[3], "--markdown"))
			kh_rules_print_markdown(&out);
		else
			kh_rules_print_text(&out);
		/* Unbuffered, so a failed write is reported with its reason. */
		return kh_write_output(NULL, kh_buf_cstr(&out), out.len) == 0 ? EXIT_CLEAN : EXIT_USAGE;
	}
	const command *c = find_command(argv[2]);
	if (!c)
		return kh_cli_usage_error(_("no command '%s'"), argv[2]);
	kh_print_command_help(c->name);
	return EXIT_CLEAN;
}

/* A signal ends the run without leaving a temporary file behind. */
static void on_signal(int sig)
{
	kh_output_cleanup();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* What went through stdio (help, --version, fmt --check's list) is known
 * to have arrived only once flushed: a full disk must not exit 0. */
static int finish_stdout(int rc)
{
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	if (errno)
		fprintf(stderr, _("kehoach: error: cannot write to 'standard output': %s\n"),
			strerror(errno));
	else
		fputs(_("kehoach: error: cannot write to 'standard output'\n"), stderr);
	return EXIT_USAGE;
}

static int run_command(int argc, char **argv);

/* Options whose value is the next argument (which is never --lang). */
static bool takes_value(const char *a)
{
	static const char *const with_value[] = { "-o", "--output", "--format", "--stdlib", "--root",
						  "--for", "--fail-on", "--disable", "--enable",
						  "--min-working-days" };
	for (size_t i = 0; i < sizeof with_value / sizeof with_value[0]; i++)
		if (!strcmp(a, with_value[i]))
			return true;
	return false;
}

/*
 * --lang vi|en, anywhere before "--", is taken out of ARGV before the
 * command reads it, and chooses the language of every message (else the
 * environment does). Returns -1, or the exit status of a bad --lang.
 */
static int take_lang(int *argc, char **argv)
{
	const char *lang = NULL;
	int out = 1, i = 1;
	for (; i < *argc && strcmp(argv[i], "--"); i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--lang") && i + 1 < *argc)
			lang = argv[++i];
		else if (!strncmp(a, "--lang=", 7))
			lang = a + 7;
		else if (!strcmp(a, "--lang"))
			lang = "";
		else {
			argv[out++] = argv[i];
			if (takes_value(a) && i + 1 < *argc)
				argv[out++] = argv[++i];
		}
	}
	while (i < *argc)
		argv[out++] = argv[i++];
	argv[out] = NULL;
	*argc = out;
	if (lang && strcmp(lang, "vi") && strcmp(lang, "en")) {
		kh_i18n_init(NULL);
		return kh_cli_usage_error(_("--lang takes vi or en, not '%s'"), lang);
	}
	kh_i18n_init(lang);
	return -1;
}

int main(int argc, char **argv)
{
	kh_alloc_init();
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	int rc = take_lang(&argc, argv);
	return finish_stdout(rc >= 0 ? rc : run_command(argc, argv));
}

static int run_command(int argc, char **argv)
{
	if (argc < 2) {
		kh_print_usage(stderr);
		return EXIT_USAGE;
	}
	const char *name = argv[1];
	if (!strcmp(name, "help") || !strcmp(name, "--help") || !strcmp(name, "-h"))
		return cmd_help(argc, argv);
	if (!strcmp(name, "--version") || !strcmp(name, "version")) {
		printf("kehoach %s\n", KH_VERSION);
		return EXIT_CLEAN;
	}
	const command *cmd = find_command(name);
	if (!cmd)
		return kh_cli_usage_error(_("unknown command '%s'"), name);
	if (!cmd->run)
		return kh_init_main(argc - 2, argv + 2, default_stdlib(NULL));

	options o = { 0 };
	o.color = isatty(STDERR_FILENO);
	o.files = KH_NEW_N(const char *, (size_t)argc);
	o.rule_switches = KH_NEW_N(const char *, (size_t)argc);
	o.resolve.stdlib_dir = default_stdlib(&o.resolve.stdlib_embedded);
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		const char *val = NULL;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			kh_print_command_help(cmd->name);
			return EXIT_CLEAN;
		}
		if (!strcmp(a, "--color")) { o.color = 1; continue; }
		if (!strcmp(a, "--no-color")) { o.color = 0; continue; }
		if (!strcmp(a, "--")) {
			for (i++; i < argc; i++)
				o.files[o.nfiles++] = argv[i];
			break;
		}
		if (!strcmp(a, "--html") || !strcmp(a, "--csv") || !strcmp(a, "--ics") ||
		    !strcmp(a, "--svg") || !strcmp(a, "--md") || !strcmp(a, "--docx") ||
		    !strcmp(a, "--pdf")) {
			if (o.format && strcmp(o.format, a + 2))
				return kh_cli_usage_error(_("choose one output format, not both --%s and %s"), o.format, a);
			o.format = a + 2;
			continue;
		}
		if (!strncmp(a, "--format=", 9)) {
			o.format = a + 9;
			continue;
		}
		if (!strcmp(a, "--disable") || !strcmp(a, "--enable")) {
			if (i + 1 >= argc)
				return kh_cli_usage_error(_("option %s needs a rule id"), a);
			o.rule_switches[o.nswitches++] =
				kh_printf("%c%s", a[2] == 'e' ? '+' : '-', argv[++i]);
			continue;
		}
		if (!strcmp(a, "-w") || !strcmp(a, "--write")) {
			o.write = 1;
			continue;
		}
		if (!strcmp(a, "--check")) {
			o.check_only = 1;
			continue;
		}
		if (!strcmp(a, "--force")) {
			o.force = 1;
			continue;
		}
		if (!strcmp(a, "--explain")) {
			o.explain = 1;
			continue;
		}
		if (!strcmp(a, "--mirror-events")) {
			o.mirror_events = 1;
			continue;
		}
		if (!strcmp(a, "--for")) {
			if (i + 1 >= argc)
				return kh_cli_usage_error(_("option %s needs a body id"), a);
			o.for_body = argv[++i];
			continue;
		}
		if (!strcmp(a, "--fail-on")) {
			if (i + 1 >= argc)
				return kh_cli_usage_error(_("option %s needs a value"), a);
			o.fail_on = argv[++i];
			continue;
		}
		if (!strcmp(a, "--min-working-days")) {
			char *end;
			if (i + 1 >= argc)
				return kh_cli_usage_error(_("option %s needs a number"), a);
			long n = strtol(argv[++i], &end, 10);
			if (*end || n < 1 || n > 365)
				return kh_cli_usage_error(_("--min-working-days takes a number from 1 to 365, not '%s'"),
						   argv[i]);
			o.min_working_days = (int)n;
			continue;
		}
		if (!strcmp(a, "--candidates") || !strcmp(a, "--form")) {
			if (i + 1 >= argc)
				return kh_cli_usage_error(_("option %s needs a value"), a);
			*(a[2] == 'c' ? &o.candidates : &o.form) = argv[++i];
			continue;
		}
		if (!strcmp(a, "--format") || !strcmp(a, "-o") || !strcmp(a, "--output") ||
		    !strcmp(a, "--stdlib") || !strcmp(a, "--root")) {
			if (i + 1 >= argc)
				return kh_cli_usage_error(_("option %s needs a value"), a);
			val = argv[++i];
			if (!strcmp(a, "--format"))
				o.format = val;
			else if (!strcmp(a, "--stdlib")) {
				o.resolve.stdlib_dir = val; /* read from there, as it is */
				o.resolve.stdlib_embedded = false;
			}
			else if (!strcmp(a, "--root")) {
				if (o.nroots == sizeof o.roots / sizeof o.roots[0])
					return kh_cli_usage_error("%s", _("too many --root options"));
				o.roots[o.nroots++] = val;
			} else
				o.output = val;
			continue;
		}
		if (a[0] == '-' && a[1] != '\0')
			return kh_cli_usage_error(_("unknown option '%s'"), a);
		o.files[o.nfiles++] = a;
	}
	o.resolve.roots = o.roots;
	o.resolve.nroots = o.nroots;
	/* An option a command does not use is an error, not silently ignored. */
	if ((o.write || o.check_only) && strcmp(cmd->name, "fmt"))
		return kh_cli_usage_error(_("-w and --check belong to 'fmt', not '%s'"), cmd->name);
	if (o.force && !o.write)
		return kh_cli_usage_error("%s", _("--force goes with 'fmt -w'"));
	bool is_check = !strcmp(cmd->name, "check");
	bool is_schedule = !strcmp(cmd->name, "schedule");
	if (!is_check && (o.nswitches || o.fail_on || o.min_working_days || o.explain))
		return kh_cli_usage_error(_("--disable, --enable, --fail-on, --min-working-days and --explain belong to "
				   "'check', not '%s'"), cmd->name);
	if (o.for_body && !is_schedule && strcmp(cmd->name, "checklist"))
		return kh_cli_usage_error(_("--for belongs to 'schedule' and 'checklist', not '%s'"), cmd->name);
	if ((o.candidates || o.form) && strcmp(cmd->name, "awards"))
		return kh_cli_usage_error(_("--candidates and --form belong to 'awards', not '%s'"), cmd->name);
	if (o.mirror_events && !(is_schedule && o.format && !strcmp(o.format, "ics")))
		return kh_cli_usage_error("%s", _("--mirror-events goes with 'schedule --ics'"));
	/* Only the checks (check, and the editor's) read where strings stand. */
	o.resolve.no_literals = !is_check && strcmp(cmd->name, "lsp");
	/* The editor and fmt lay a text out, from the braces the scanner
	 * noted, and scan it again: the others read it once, its strings in
	 * place (fmt's first reading asks for that itself: fmt_cmd.c). */
	bool lays_out = !strcmp(cmd->name, "lsp") || !strcmp(cmd->name, "fmt");
	o.resolve.strings_in_place = !lays_out;
	o.resolve.no_braces = !lays_out;
	return cmd->run(&o);
}
