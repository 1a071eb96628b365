/*
 * skeleton.c - TR39 skeletons (skeleton.h). An id of ASCII and Vietnamese
 * letters has for skeleton its characters' skeletons joined, which
 * skeleton_table.h holds (generated from ICU): loading ICU and opening its spoof checker cost more
 * than the rest of a small plan's check. test_skeleton.c compares the
 * tables with ICU for every character they hold and many ids.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "icu_lazy.h"
#include "plan.h"
#include "prose_words.h"
#include "skeleton.h"
#include "skeleton_table.h"
#include "strmap.h"

static USpoofChecker *checker;
static bool checker_failed;

static USpoofChecker *spoof(void)
{
	if (!checker && !checker_failed) {
		const char *why = NULL;
		if (!kh_icu_load(&why)) {
			checker_failed = true;
			/* TRANSLATORS: %s says why ICU could not be loaded. */
			fprintf(stderr, _("kehoach: warning: %s; ids that are not ASCII are not compared "
					  "(confusable-identifier)\n"), why);
			return NULL;
		}
		UErrorCode st = U_ZERO_ERROR;
		checker = kh_icu.uspoof_open_fn(&st);
		if (U_FAILURE(st)) {
			checker = NULL;
			checker_failed = true;
			return NULL;
		}
		kh_icu.uspoof_setRestrictionLevel_fn(checker, USPOOF_HIGHLY_RESTRICTIVE);
		kh_icu.uspoof_setChecks_fn(checker, USPOOF_RESTRICTION_LEVEL, &st);
	}
	return checker;
}

void kh_skeleton_close(void)
{
	if (checker)
		kh_icu.uspoof_close_fn(checker);
	checker = NULL;
	checker_failed = false;
}

const char *kh_skeleton_icu(const char *id)
{
	USpoofChecker *sc = spoof();
	if (!sc)
		return NULL;
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = kh_icu.uspoof_getSkeletonUTF8_fn(sc, 0, id, -1, NULL, 0, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return NULL;
	char *out = kh_alloc_atomic((size_t)n + 1);
	st = U_ZERO_ERROR;
	kh_icu.uspoof_getSkeletonUTF8_fn(sc, 0, id, -1, out, n + 1, &st);
	return U_FAILURE(st) ? NULL : out;
}

/* The skeleton of code point C from the table, or NULL when it has none. */
static const char *char_skeleton(int32_t c)
{
	if (c >= KH_SKEL_LO1 && c <= KH_SKEL_HI1)
		return skeleton_table[c - KH_SKEL_LO1];
	if (c >= KH_SKEL_LO2 && c <= KH_SKEL_HI2)
		return skeleton_table[c - KH_SKEL_BASE(KH_SKEL_LO2)];
	return NULL;
}

/* ID's skeleton from the tables into BUF (CAP bytes, NUL-terminated when
 * it fits): its length, a length >= CAP when it does not fit, SIZE_MAX
 * when a character of ID is not in the tables. */
static size_t table_skeleton_to(const char *id, char *buf, size_t cap)
{
	size_t len = strlen(id), o = 0;
	for (size_t i = 0, n; i < len; i += n) {
		const char *sk = char_skeleton(kh_cp_at(id, len, i, &n));
		if (!sk)
			return SIZE_MAX;
		size_t k = strlen(sk);
		if (o + k < cap)
			memcpy(buf + o, sk, k);
		o += k;
	}
	if (o < cap)
		buf[o] = '\0';
	return o;
}

/* ID's skeleton from the tables (a copy at its size), or NULL when a
 * character of ID is not in them. */
static const char *table_skeleton(const char *id)
{
	char small[256];
	size_t n = table_skeleton_to(id, small, sizeof small);
	if (n == SIZE_MAX)
		return NULL;
	if (n < sizeof small)
		return kh_strndup(small, n);
	char *big = kh_alloc_atomic_unzeroed(n + 1);
	table_skeleton_to(id, big, n + 1);
	return big;
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
	const char *s = table_skeleton(id);
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

const char *kh_skeleton_in(const char *id, char *buf, size_t cap, size_t *len)
{
	size_t n = table_skeleton_to(id, buf, cap);
	if (n < cap) {
		*len = n;
		return buf;
	}
	const char *sk = kh_skeleton(id);
	*len = sk ? strlen(sk) : 0;
	return sk;
}

/* Has every character of ID a skeleton in the tables? (what
 * table_skeleton answers, without building the skeleton) */
static bool all_in_tables(const char *id)
{
	size_t len = strlen(id);
	for (size_t i = 0, n; i < len; i += n)
		if (!char_skeleton(kh_cp_at(id, len, i, &n)))
			return false;
	return true;
}

bool kh_mixes_scripts(const char *id)
{
	/* Every character of the tables is Latin or common to all scripts
	 * (digits, signs): an id of them alone is one script. */
	if (all_in_tables(id))
		return false;
	return kh_mixes_scripts_icu(id);
}

bool kh_mixes_scripts_icu(const char *id)
{
	USpoofChecker *sc = spoof();
	if (!sc)
		return false;
	UErrorCode st = U_ZERO_ERROR;
	int32_t r = kh_icu.uspoof_checkUTF8_fn(sc, id, -1, NULL, &st);
	return U_SUCCESS(st) && (r & USPOOF_RESTRICTION_LEVEL);
}
