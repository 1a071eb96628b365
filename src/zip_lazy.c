/*
 * zip_lazy.c - libzip by dlopen (see zip_lazy.h), its soname fixed at
 * build time from the library the build found (KH_LIBZIP_SONAME).
 * Part of kehoach; see README.md for the licence.
 */
#define KH_ZIP_LAZY_IMPL
#include "zip_lazy.h"

#include <dlfcn.h>
#include <stddef.h>

#include "alloc.h"
#include "i18n.h"

#ifndef KH_LIBZIP_SONAME
#define KH_LIBZIP_SONAME "libzip.so.4"
#endif

kh_zip_api kh_zip;

bool kh_zip_load(const char **why)
{
	static void *lib;
	if (lib)
		return true;
	void *h = dlopen(KH_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		*why = kh_printf(_("cannot load %s, which writes Word files: %s"), KH_LIBZIP_SONAME,
				 dlerror());
		return false;
	}
#define KH_ZIP_LOOKUP(f)                                                                   \
	if (!(*(void **)&kh_zip.f = dlsym(h, #f))) {                                        \
		*why = kh_printf(_("%s has no function %s"), KH_LIBZIP_SONAME, #f);          \
		dlclose(h);                                                                  \
		return false;                                                                \
	}
	KH_ZIP_FUNCTIONS(KH_ZIP_LOOKUP)
#undef KH_ZIP_LOOKUP
	lib = h;
	return true;
}
