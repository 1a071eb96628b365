/*
 * icu_lazy.c - ICU by dlopen (see icu_lazy.h), its sonames fixed at build
 * time from the version the build found (KH_ICU_MAJOR).
 * Part of kehoach; see README.md for the licence.
 */
#include "icu_lazy.h"

#include "i18n.h"
#include "lazy_lib.h"

#ifndef KH_ICU_MAJOR
#define KH_ICU_MAJOR "72"
#endif

kh_icu_api kh_icu;

/* ICU's headers rename each function to its versioned symbol
 * (uspoof_open to uspoof_open_72): the name, after that renaming. */
#define KH_ICU_STR2(x) #x
#define KH_ICU_STR(x) KH_ICU_STR2(x)

bool kh_icu_load(const char **why)
{
#define KH_ICU_FN(f) { KH_ICU_STR(f), (void **)&kh_icu.f##_fn },
	static const kh_lazy_fn common[] = { KH_ICU_COMMON_FUNCTIONS(KH_ICU_FN) };
	static const kh_lazy_fn i18n[] = { KH_ICU_I18N_FUNCTIONS(KH_ICU_FN) };
#undef KH_ICU_FN
	static kh_lazy_lib libs[2] = {
		{ .soname = "libicuuc.so." KH_ICU_MAJOR, .purpose = N_("holds Unicode's character data"),
		  .fns = common, .n = sizeof common / sizeof *common },
		{ .soname = "libicui18n.so." KH_ICU_MAJOR, .purpose = N_("holds Unicode's character data"),
		  .fns = i18n, .n = sizeof i18n / sizeof *i18n },
	};
	return kh_lazy_load(&libs[0], why) && kh_lazy_load(&libs[1], why);
}
