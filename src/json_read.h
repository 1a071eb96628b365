/*
 * json_read.h - a small strict JSON reader (RFC 8259) for the language
 * server's messages: a tree of values in collected memory. Anything the
 * RFC does not allow is refused with a reason (no comments, no trailing
 * commas, no leading zeros, no invalid UTF-8, no control characters in
 * strings), and nesting is capped, so a hostile message costs a bounded
 * stack. Writing JSON stays json.h's job.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_JSON_READ_H
#define KH_JSON_READ_H

#include <stdbool.h>
#include <stddef.h>

#define KH_JSON_MAX_DEPTH 128

typedef enum kh_jv_type {
	KH_JV_NULL, KH_JV_BOOL, KH_JV_NUMBER, KH_JV_STRING, KH_JV_ARRAY, KH_JV_OBJECT
} kh_jv_type;

typedef struct kh_jv kh_jv;
struct kh_jv {
	kh_jv_type type;
	bool boolean;
	double number;
	bool integer;           /* NUMBER written without fraction or exponent,
	                           and within long long: INT holds it */
	long long integer_value;
	const char *str;        /* STRING: valid UTF-8, NUL-terminated; may hold
	                           NULs (\u0000), so LEN counts the bytes */
	size_t len;
	size_t n;               /* ARRAY and OBJECT: how many members */
	kh_jv **items;          /* their values */
	const char **keys;      /* OBJECT: their names (valid UTF-8) */
};

/* Parses LEN bytes of TEXT as one JSON value (surrounding white space
 * allowed). Returns NULL with a reason in WHY (at least 80 bytes) when
 * TEXT is not JSON. */
kh_jv *kh_json_parse(const char *text, size_t len, char *why, size_t whylen);

/* The member KEY of an object (the last one when repeated); NULL when V
 * is not an object or has no such member. */
const kh_jv *kh_jv_get(const kh_jv *v, const char *key);
/* V's string, or NULL when V is not a string. */
const char *kh_jv_string(const kh_jv *v);
/* True with *OUT set when V is an integer that fits in a long. */
bool kh_jv_long(const kh_jv *v, long *out);
/* kh_jv_get then kh_jv_string: NULL unless OBJ.KEY is a string. */
const char *kh_jv_get_string(const kh_jv *obj, const char *key);

#endif
