/*
 * i18n.h - a stub until gettext arrives: messages written as _("...")
 * today print as written; the real header replaces this one.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_I18N_H
#define KH_I18N_H

/* format_arg: printf-style checks see through _() to the English format. */
__attribute__((format_arg(1))) static inline const char *kh_gettext(const char *s);
#define _(s) kh_gettext(s)
#define N_(s) (s)
static inline const char *kh_gettext(const char *s) { return s; }
static inline const char *kh_ngettext(const char *a, const char *b, unsigned long n) { return n == 1 ? a : b; }

#endif
