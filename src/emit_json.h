/*
 * emit_json.h - `kehoach json`: the resolved plan as JSON, for other tools.
 * Field names are stable; README.md documents them.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_EMIT_JSON_H
#define KH_EMIT_JSON_H

#include "alloc.h"
#include "plan.h"

void kh_emit_json(const kh_program *prog, kh_buf *out);

#endif
