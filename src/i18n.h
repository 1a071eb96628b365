/*
 * i18n.h - message translation (a stub until the gettext work lands).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_I18N_H
#define KH_I18N_H

#define _(s) kh_gettext(s)
#define N_(s) (s)
static inline const char *kh_gettext(const char *s) { return s; }
static inline const char *kh_ngettext(const char *a, const char *b, unsigned long n) { return n == 1 ? a : b; }

#endif
