/*
 * props.h - independent validators for every output kehoach writes, so the
 * fuzz target (fuzz_plan.c) can tell a broken output from a good one. Each
 * is small, strict and self-contained (no kehoach code, no libraries): it
 * reads DATA[0..LEN) and returns true, or false with a short reason
 * ("byte 1234: ...") in WHY (WHYLEN bytes, always NUL-terminated).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_PROPS_H
#define KH_PROPS_H

#include <stdbool.h>
#include <stddef.h>

/* RFC 8259: one value, strict strings (escapes, no raw controls, UTF-8,
 * paired surrogates) and numbers, no trailing commas; any depth. */
bool kh_prop_json(const char *data, size_t len, char *why, size_t whylen);
/* JSON, and the top-level object has "version": "2.1.0" and "runs": [...]. */
bool kh_prop_sarif(const char *data, size_t len, char *why, size_t whylen);
/* RFC 5545 as kehoach writes it (props_ics.c). */
bool kh_prop_ics(const char *data, size_t len, char *why, size_t whylen);
/* HTML5 as kehoach writes it: balanced tags (void elements unclosed),
 * quoted attributes, entities, characters (props_markup.c). */
bool kh_prop_html(const char *data, size_t len, char *why, size_t whylen);
/* SVG: the same rules for XML (no void elements, XML's five entities,
 * one root element, <svg>). */
bool kh_prop_svg(const char *data, size_t len, char *why, size_t whylen);
/* RFC 4180 with a comma, an optional UTF-8 BOM, CRLF rows of the header's
 * width, and formulas guarded (no cell starts with = + - @ TAB CR). */
bool kh_prop_csv(const char *data, size_t len, char *why, size_t whylen);
/* Markdown and plain text: UTF-8 without C0 controls (but TAB, LF), DEL,
 * C1 controls or bidirectional embeddings, overrides and isolates. */
bool kh_prop_text(const char *data, size_t len, char *why, size_t whylen);
/* A Word file: a zip whose central directory matches its local headers
 * and holds the parts Word needs. */
bool kh_prop_docx(const char *data, size_t len, char *why, size_t whylen);

#endif
