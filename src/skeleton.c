/*
 * skeleton.c - TR39 skeletons (skeleton.h). Most ids are ASCII, and an
 * ASCII id's skeleton is each character's, which the table below holds:
 * opening ICU's spoof checker and computing one skeleton cost more than
 * the rest of a small plan's check. test_skeleton.c compares the table
 * with ICU for every ASCII character and many ids.
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>
#include <unicode/uspoof.h>

#include "alloc.h"
#include "plan.h"
#include "skeleton.h"
#include "strmap.h"

static USpoofChecker *checker;
static bool checker_failed;

static USpoofChecker *spoof(void)
{
	if (!checker && !checker_failed) {
		UErrorCode st = U_ZERO_ERROR;
		checker = uspoof_open(&st);
		if (U_FAILURE(st)) {
			checker = NULL;
			checker_failed = true;
			return NULL;
		}
		uspoof_setRestrictionLevel(checker, USPOOF_HIGHLY_RESTRICTIVE);
		uspoof_setChecks(checker, USPOOF_RESTRICTION_LEVEL, &st);
	}
	return checker;
}

void kh_skeleton_close(void)
{
	if (checker)
		uspoof_close(checker);
	checker = NULL;
	checker_failed = false;
}

const char *kh_skeleton_icu(const char *id)
{
	USpoofChecker *sc = spoof();
	if (!sc)
		return NULL;
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = uspoof_getSkeletonUTF8(sc, 0, id, -1, NULL, 0, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return NULL;
	char *out = kh_alloc_atomic((size_t)n + 1);
	st = U_ZERO_ERROR;
	uspoof_getSkeletonUTF8(sc, 0, id, -1, out, n + 1, &st);
	return U_FAILURE(st) ? NULL : out;
}

/* The ASCII characters Unicode's confusables map to others (ICU 72);
 * every other one is its own skeleton. '%' maps outside ASCII and is
 * left to ICU. */
static const char *ascii_map(unsigned char c)
{
	switch (c) {
	case '"': return "''";
	case '0': return "O";
	case '1': case 'I': case '|': return "l";
	case '`': return "'";
	case 'm': return "rn";
	default: return NULL;
	}
}

/* ID's skeleton from the table, or NULL when ID is not ASCII (or has '%'). */
static const char *ascii_skeleton(const char *id)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
		if (*p >= 0x80 || *p == '%')
			return NULL;
		n += *p == '"' || *p == 'm' ? 2 : 1;
	}
	char *out = kh_alloc_atomic(n + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
		const char *m = ascii_map(*p);
		if (!m)
			*o++ = (char)*p;
		else
			while (*m)
				*o++ = *m++;
	}
	*o = '\0';
	return out;
}

/* The skeletons ICU gave, by id: a folder linted in one process has the
 * stdlib's ids in every plan. Collected memory reached from here
 * (kh_skeleton_forget drops it). */
static kh_strmap icu_seen;
static kh_vec icu_skeletons;

void kh_skeleton_forget(void)
{
	icu_seen = (kh_strmap){ 0 };
	icu_skeletons = (kh_vec){ 0 };
}

const char *kh_skeleton(const char *id)
{
	const char *s = ascii_skeleton(id);
	if (s)
		return s;
	int at = kh_strmap_get(&icu_seen, id);
	if (at >= 0)
		return icu_skeletons.items[at];
	s = kh_skeleton_icu(id);
	if (s) {
		kh_strmap_put(&icu_seen, kh_strdup(id), (int)icu_skeletons.n);
		kh_vec_push(&icu_skeletons, (void *)s);
	}
	return s;
}

bool kh_mixes_scripts(const char *id)
{
	const unsigned char *p = (const unsigned char *)id;
	while (*p && *p < 0x80)
		p++;
	if (!*p)
		return false; /* ASCII is one script */
	USpoofChecker *sc = spoof();
	if (!sc)
		return false;
	UErrorCode st = U_ZERO_ERROR;
	int32_t r = uspoof_checkUTF8(sc, id, -1, NULL, &st);
	return U_SUCCESS(st) && (r & USPOOF_RESTRICTION_LEVEL);
}
