/*
 * zip_lazy.c - libzip by dlopen (see zip_lazy.h), its soname fixed at
 * build time from the library the build found (KH_LIBZIP_SONAME).
 * Part of kehoach; see README.md for the licence.
 */
#define KH_ZIP_LAZY_IMPL
#include "zip_lazy.h"

#include "i18n.h"
#include "lazy_lib.h"

#ifndef KH_LIBZIP_SONAME
#define KH_LIBZIP_SONAME "libzip.so.4"
#endif

kh_zip_api kh_zip;

#define KH_ZIP_FN(f) { #f, (void **)&kh_zip.f },
KH_LAZY_LOADER(kh_zip_load, KH_ZIP_FN, KH_ZIP_FUNCTIONS, KH_LIBZIP_SONAME, N_("writes Word files"))
