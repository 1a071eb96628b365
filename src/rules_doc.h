/*
 * rules_doc.h - the rule registry (rules.def) as documentation: plain
 * text for `kehoach help rules`, Markdown for docs/RULES.md.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_RULES_DOC_H
#define KH_RULES_DOC_H

#include "alloc.h"

/* Every rule grouped by family: id, default severity, summary, and the
 * explanation wrapped at 72 columns (no line over 80 code points). */
void kh_rules_print_text(kh_buf *out);

/* docs/RULES.md: title, how severities, --disable/--enable/--fail-on and
 * silencing comments work, a table of contents, one section per family. */
void kh_rules_print_markdown(kh_buf *out);

#endif
