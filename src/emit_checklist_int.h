/*
 * emit_checklist_int.h - what the parts of `kehoach checklist` share
 * (emit_checklist.c: the duties; emit_checklist_awards.c: the award
 * criteria after them).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_EMIT_CHECKLIST_INT_H
#define KH_EMIT_CHECKLIST_INT_H

#include "emit.h"

/* Inline Markdown text: markup characters escaped, line breaks as spaces. */
void kh_checklist_md_text(kh_buf *out, const char *s);

/* The section of the forms' criteria, in Markdown or HTML; nothing when
 * no form of P has criteria to print. */
void kh_checklist_awards_md(const kh_plan *p, kh_buf *out);
void kh_checklist_awards_html(const kh_plan *p, kh_buf *out);

#endif
