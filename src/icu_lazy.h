/*
 * icu_lazy.h - ICU loaded when an id that is not ASCII is compared or a
 * character is named, not at start-up. Linked in, libicuuc, libicui18n
 * and libstdc++ cost every run about 3.4 million instructions of
 * relocation, more than checking a small plan. skeleton.c and unichar.c
 * call ICU's functions by their names, which the macros below turn into
 * the pointers kh_icu_load() fills with dlsym (ICU's names carry its
 * version: uspoof_open is uspoof_open_72, as its headers spell it).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_ICU_LAZY_H
#define KH_ICU_LAZY_H

#include <stdbool.h>
#include <unicode/uchar.h>
#include <unicode/uspoof.h>

/* The functions of ICU's common library, and of its i18n library. */
#define KH_ICU_COMMON_FUNCTIONS(X) X(u_charName)
#define KH_ICU_I18N_FUNCTIONS(X)                                                           \
	X(uspoof_open) X(uspoof_setRestrictionLevel) X(uspoof_setChecks)                    \
	X(uspoof_getSkeletonUTF8) X(uspoof_checkUTF8) X(uspoof_close)

typedef struct kh_icu_api {
#define KH_ICU_FIELD(f) __typeof__(&f) f##_fn;
	KH_ICU_COMMON_FUNCTIONS(KH_ICU_FIELD)
	KH_ICU_I18N_FUNCTIONS(KH_ICU_FIELD)
#undef KH_ICU_FIELD
} kh_icu_api;

extern kh_icu_api kh_icu;

/* Loads ICU once; false, with the reason in *WHY, when it cannot (then
 * every later call is false too, with the same reason). */
bool kh_icu_load(const char **why);

#endif
