/*
 * i18n.c - choosing the language and finding the catalogue.
 *
 * Only English and Vietnamese exist, so the choice is ours, not the C
 * library's: English never calls gettext (the sources are English), and
 * Vietnamese makes glibc's gettext find build/locale/vi/LC_MESSAGES/
 * kehoach.mo without needing a vi_VN locale on the machine (Debian images
 * have only C.UTF-8): LANGUAGE=vi names the catalogue, LC_MESSAGES is set
 * to C.UTF-8 because gettext ignores LANGUAGE in the "C" locale, and the
 * codeset is bound to UTF-8 because LC_CTYPE stays "C" (ASCII) here.
 * Only LC_MESSAGES changes: dates and numbers keep the C locale.
 * Part of kehoach; see README.md for the licence.
 */
#include "i18n.h"
#include "install_path.h"

#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define KH_DOMAIN "kehoach"
#ifndef KH_LOCALEDIR
#define KH_LOCALEDIR "build/locale"
#endif

static bool vietnamese;

const char *kh_gettext(const char *msgid)
{
	/* gettext("") is the catalogue's header, never a message. */
	if (!vietnamese || !msgid || !*msgid)
		return msgid;
	return dgettext(KH_DOMAIN, msgid);
}

const char *kh_ngettext(const char *one, const char *many, unsigned long n)
{
	if (!vietnamese)
		return n == 1 ? one : many;
	return dngettext(KH_DOMAIN, one, many, n);
}

static bool starts_vi(const char *s)
{
	return s && s[0] == 'v' && s[1] == 'i' && (s[2] == '\0' || s[2] == '_' || s[2] == '.' ||
						   s[2] == '@' || s[2] == ':' || s[2] == '-');
}

/* The locale a GNU program would take LC_MESSAGES from. */
static const char *env_locale(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return "C";
}

/*
 * gettext's order: LANGUAGE, a list such as "vi:en", wins unless the
 * locale is C or POSIX; its first entry we have (vi, or en for the
 * sources) decides. Otherwise the locale itself.
 */
static bool vietnamese_from_env(void)
{
	const char *loc = env_locale();
	const char *list = getenv("LANGUAGE");
	if (list && *list && strcmp(loc, "C") && strcmp(loc, "POSIX")) {
		for (const char *p = list; *p;) {
			if (starts_vi(p))
				return true;
			if (p[0] == 'e' && p[1] == 'n' && (p[2] == '\0' || p[2] == '_' || p[2] == ':'))
				return false;
			const char *colon = strchr(p, ':');
			if (!colon)
				break;
			p = colon + 1;
		}
	}
	return starts_vi(loc);
}

static bool has_catalogue(const char *dir)
{
	char mo[PATH_MAX];
	struct stat st;
	int n = snprintf(mo, sizeof mo, "%s/vi/LC_MESSAGES/" KH_DOMAIN ".mo", dir);
	return n > 0 && (size_t)n < sizeof mo && stat(mo, &st) == 0 && S_ISREG(st.st_mode);
}

/* $KEHOACH_LOCALEDIR; the installed layout PREFIX/bin/kehoach beside
 * PREFIX/share/locale; the build tree (KH_LOCALEDIR). */
static const char *locale_dir(void)
{
	static char dir[PATH_MAX];
	const char *env = getenv("KEHOACH_LOCALEDIR");
	if (env && *env)
		return env;
	if (kh_beside_program("../share/locale", dir, sizeof dir) && has_catalogue(dir))
		return dir;
	return KH_LOCALEDIR;
}

void kh_i18n_init(const char *lang)
{
	vietnamese = lang ? starts_vi(lang) : vietnamese_from_env();
	if (!vietnamese)
		return;
	bindtextdomain(KH_DOMAIN, locale_dir());
	bind_textdomain_codeset(KH_DOMAIN, "UTF-8");
	/* strerror()'s messages come from the C library's own catalogue
	 * (Vietnamese where the machine has it): UTF-8 too, not "?" for
	 * every letter the C locale's ASCII lacks. */
	bind_textdomain_codeset("libc", "UTF-8");
	setenv("LANGUAGE", "vi", 1);
	if (!setlocale(LC_MESSAGES, "C.UTF-8") && !setlocale(LC_MESSAGES, "C.utf8"))
		setlocale(LC_MESSAGES, ""); /* a vi_VN locale, if that is what exists */
	/* Loads the catalogue now, so that no later message (out of memory
	 * above all) has to allocate to be translated. */
	(void)dgettext(KH_DOMAIN, "error");
}
