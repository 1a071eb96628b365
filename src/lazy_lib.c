/*
 * lazy_lib.c - shared libraries opened when first needed (lazy_lib.h).
 * Part of kehoach; see README.md for the licence.
 */
#include "lazy_lib.h"

#include <dlfcn.h>
#include <stdio.h>

#include "i18n.h"

bool kh_lazy_load(kh_lazy_lib *lib, const char **why)
{
	if (lib->state) {
		*why = lib->why;
		return lib->state > 0;
	}
	void *h = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		/* TRANSLATORS: the second %s says what the library does ("writes Word files"). */
		snprintf(lib->why, sizeof lib->why, _("cannot load %s, which %s: %s"), lib->soname,
			 _(lib->purpose), dlerror());
		lib->state = -1;
		*why = lib->why;
		return false;
	}
	for (size_t i = 0; i < lib->n; i++)
		if (!(*lib->fns[i].slot = dlsym(h, lib->fns[i].name))) {
			snprintf(lib->why, sizeof lib->why, _("%s has no function %s"), lib->soname,
				 lib->fns[i].name);
			dlclose(h);
			lib->state = -1;
			*why = lib->why;
			return false;
		}
	lib->state = 1;
	return true;
}
