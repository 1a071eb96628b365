/*
 * props_int.h - what the validators of props*.c share: the failure report
 * and a strict UTF-8 decoder (RFC 3629), their own, not kehoach's.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_PROPS_INT_H
#define KH_PROPS_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The validators are the fuzz target's oracle, not what it explores: out
 * of libFuzzer's coverage they cost less (about a third of the run when
 * traced) and do not steer the fuzzer. Around each props*.c's code. */
#ifdef __clang__
#define PROPS_UNTRACED_BEGIN \
	_Pragma("clang attribute push(__attribute__((no_sanitize(\"coverage\"))), apply_to = function)")
#define PROPS_UNTRACED_END _Pragma("clang attribute pop")
#else
#define PROPS_UNTRACED_BEGIN
#define PROPS_UNTRACED_END
#endif

/* Writes "byte AT: <message>" into WHY; returns false, for `return props_fail(...)`. */
bool props_fail(char *why, size_t whylen, size_t at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The length (1-4) of the UTF-8 sequence at S[I] (I < LEN), its code
 * point in *CP; 0 when it is not valid: overlong, surrogate, above
 * U+10FFFF, truncated or a stray continuation byte. */
size_t props_utf8(const unsigned char *s, size_t len, size_t i, uint32_t *cp);

/* U+FDD0..U+FDEF and the last two code points of every plane. */
bool props_nonchar(uint32_t c);

/* C0 (but TAB, LF, CR), DEL and C1: control characters. */
bool props_control(uint32_t c);

#endif
