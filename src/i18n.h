/*
 * i18n.h - the messages in the user's language, through GNU gettext
 * (domain "kehoach"): English in the sources, Vietnamese in po/vi.po.
 * Wrap every message in _() where it is used, N_() where it is only
 * stored (static tables) and translated later with _(), and use
 * kh_ngettext for a count. xgettext extracts them (see the Makefile).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_I18N_H
#define KH_I18N_H

#define _(s) kh_gettext(s)
#define N_(s) (s)

/* MSGID in the chosen language (MSGID itself in English or when the
 * catalogue lacks it). format_arg keeps -Wformat checking the printf
 * arguments of _("...") against the English string. */
const char *kh_gettext(const char *msgid) __attribute__((format_arg(1)));
/* ONE or MANY as N requires, translated (Vietnamese has one form). */
const char *kh_ngettext(const char *one, const char *many, unsigned long n)
	__attribute__((format_arg(1), format_arg(2)));
/*
 * Chooses the language once, before any message: LANG_ "vi" or "en"
 * (--lang), or NULL to read LANGUAGE, LC_ALL, LC_MESSAGES and LANG the
 * way gettext does (anything starting "vi" is Vietnamese); English
 * otherwise. Finds the catalogue in $KEHOACH_LOCALEDIR, else
 * <folder of the program>/../share/locale, else the build tree's.
 * May be called again (the tests do). Vietnamese sets LANGUAGE=vi in the
 * environment, where gettext looks: child processes and a later call
 * with NULL see it.
 */
void kh_i18n_init(const char *lang /* NULL = from env */);

#endif
