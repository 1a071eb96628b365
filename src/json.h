/*
 * json.h - a small streaming JSON writer with stable, indented output, so
 * golden files diff line by line.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_JSON_H
#define KH_JSON_H

#include <stdbool.h>

#include "alloc.h"

typedef struct kh_json {
	kh_buf *out;
	int depth;                /* for indentation only: no limit */
	bool first;               /* no comma needed yet in the open container */
	bool after_key;
} kh_json;

void kh_json_init(kh_json *j, kh_buf *out);
void kh_json_begin_object(kh_json *j);
void kh_json_end_object(kh_json *j);
void kh_json_begin_array(kh_json *j);
void kh_json_end_array(kh_json *j);
void kh_json_key(kh_json *j, const char *key);
void kh_json_str(kh_json *j, const char *s);     /* NULL writes null */
void kh_json_int(kh_json *j, long v);
void kh_json_number(kh_json *j, double v); /* integral: no decimals */
void kh_json_bool(kh_json *j, bool v);
void kh_json_null(kh_json *j);
/* key + value shorthands */
void kh_json_kstr(kh_json *j, const char *key, const char *s);
void kh_json_kint(kh_json *j, const char *key, long v);
void kh_json_kbool(kh_json *j, const char *key, bool v);

#endif
