/*
 * i18n.h - message translation. A stub with the names the gettext work
 * provides (kh_gettext, kh_ngettext, _ and N_): until that lands, every
 * message is its English original. format_arg keeps GCC checking the
 * format strings inside _() as if they were written bare.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_I18N_H
#define KH_I18N_H

#define _(s) kh_gettext(s)
#define N_(s) (s)

__attribute__((format_arg(1))) static inline const char *kh_gettext(const char *msgid)
{
	return msgid;
}

__attribute__((format_arg(1), format_arg(2))) static inline const char *
kh_ngettext(const char *one, const char *many, unsigned long n)
{
	return n == 1 ? one : many;
}

#endif
