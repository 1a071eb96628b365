/*
 * xml_lazy.c - libxml2 by dlopen (see xml_lazy.h), its soname fixed at
 * build time from the library the build found (KH_LIBXML2_SONAME).
 * Part of kehoach; see README.md for the licence.
 */
#define KH_XML_LAZY_IMPL
#include "xml_lazy.h"

#include "i18n.h"
#include "lazy_lib.h"

#ifndef KH_LIBXML2_SONAME
#define KH_LIBXML2_SONAME "libxml2.so.2"
#endif

kh_xml_api kh_xml;

#define KH_XML_FN(f) { #f, (void **)&kh_xml.f },
KH_LAZY_LOADER(kh_xml_load, KH_XML_FN, KH_XML_FUNCTIONS, KH_LIBXML2_SONAME, N_("writes Word files"))
