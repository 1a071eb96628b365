/*
 * lazy_lib.h - a shared library opened when first needed (dlopen), not
 * at start-up: libzip and libxml2 when a Word file is written, ICU when
 * an id is not in its tables. Linked, they cost every run millions of
 * instructions of loading and relocation (zip_lazy.h, xml_lazy.h,
 * icu_lazy.h say how many).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_LAZY_LIB_H
#define KH_LAZY_LIB_H

#include <stdbool.h>
#include <stddef.h>

/* A function to look up, and where its address goes. */
typedef struct kh_lazy_fn {
	const char *name;
	void **slot;
} kh_lazy_fn;

typedef struct kh_lazy_lib {
	const char *soname;       /* "libzip.so.4" */
	const char *purpose;      /* English, translated when said: "writes Word files" */
	const kh_lazy_fn *fns;
	size_t n;
	int state;                /* 0: not tried, 1: loaded, -1: failed */
	char why[512];            /* the reason it failed (not collected memory) */
} kh_lazy_lib;

/* Opens LIB and fills its functions, once; false, with the reason in
 * *WHY, when it cannot (and every later call is false too). */
bool kh_lazy_load(kh_lazy_lib *lib, const char **why);

/* Defines bool LOAD(const char **why), which opens SONAME (which
 * PURPOSE_, as N_("writes Word files")) once and fills one pointer for
 * each function FUNCTIONS(ENTRY) lists, ENTRY(f) giving its kh_lazy_fn. */
#define KH_LAZY_LOADER(load, ENTRY, FUNCTIONS, soname_, purpose_)                            \
	bool load(const char **why)                                                         \
	{                                                                                   \
		static const kh_lazy_fn fns[] = { FUNCTIONS(ENTRY) };                        \
		static kh_lazy_lib lib = { .soname = soname_, .purpose = purpose_, .fns = fns, \
					   .n = sizeof fns / sizeof *fns };                   \
		return kh_lazy_load(&lib, why);                                             \
	}

#endif
