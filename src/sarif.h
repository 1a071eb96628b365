/*
 * sarif.h - findings as a SARIF 2.1.0 log (GitHub code scanning and other
 * SARIF viewers): the rule registry as tool metadata, one result per
 * finding, suppressed findings included with their justification.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_SARIF_H
#define KH_SARIF_H

#include "alloc.h"
#include "diag.h"

/*
 * Appends the SARIF log of D (one run; results in list order, so sort D
 * first) to OUT: pretty-printed with 2-space indentation, keys in a fixed
 * order, ending in a newline. TOOL_VERSION is the driver's version (NULL:
 * "unknown"). Columns are Unicode code points of the NFC text.
 */
void kh_diags_print_sarif(const kh_diags *d, kh_buf *out, const char *tool_version);

#endif
