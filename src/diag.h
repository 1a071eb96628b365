/*
 * diag.h - findings: collected on a list, sorted, then printed as GCC-style
 * text with the source line and a caret, or as JSON.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_DIAG_H
#define KH_DIAG_H

#include <stdarg.h>

#include "source.h"
#include "alloc.h"

typedef enum kh_severity { KH_NOTE, KH_WARNING, KH_ERROR } kh_severity;

typedef struct kh_diag {
	kh_severity severity;
	kh_span span;         /* span.file == -1: no location (I/O errors) */
	const char *rule;     /* rule id such as "syntax-error", "undeclared-id" */
	const char *message;  /* starts lower-case, no final full stop */
	const char *path;     /* used when span.file == -1 (may be NULL) */
	struct kh_diag *notes;/* attached notes ("previous declaration is here") */
	struct kh_diag *next;
	unsigned seq;         /* insertion order, for a stable sort */
	const char *suppressed; /* silenced in the file: the reason given; NULL if not */
	kh_span suppressed_at;  /* where the silencing comment is */
} kh_diag;

typedef struct kh_diags {
	kh_diag *first, *last;
	unsigned count, errors, warnings;
	unsigned seq;
} kh_diags;

kh_diag *kh_diag_add(kh_diags *d, kh_severity sev, kh_span span, const char *rule,
		     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
kh_diag *kh_diag_addv(kh_diags *d, kh_severity sev, kh_span span, const char *rule,
		      const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));
/* A diagnostic about a file as a whole (missing, unreadable, a directory). */
kh_diag *kh_diag_add_path(kh_diags *d, kh_severity sev, const char *path, const char *rule,
			  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void kh_diag_note(kh_diag *parent, kh_span span, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Marks X silenced by the comment at AT with REASON: it no longer counts,
 * text output skips it, JSON and SARIF keep it with the reason. */
void kh_diag_suppress(kh_diags *d, kh_diag *x, kh_span at, const char *reason);

/* Sorts by file (load order), then offset, then insertion order. */
void kh_diags_sort(kh_diags *d);

/* file:line:col: severity: message [rule]\n  line text\n  caret\n */
void kh_diags_print_text(const kh_diags *d, kh_buf *out, int color);
/* {"findings":[{"file","line","column","end_line","end_column","severity","rule","message","notes":[...]}], "errors":N, "warnings":N} */
void kh_diags_print_json(const kh_diags *d, kh_buf *out);

/* Appends S as a JSON string literal (quotes, escapes; S must be valid UTF-8). */
void kh_json_string(kh_buf *out, const char *s);

#endif
