/*
 * prose_words.c - the words of prose (prose_words.h): code points, words,
 * dates written in running text. Body names are prose_names.c's.
 * Part of kehoach; see README.md for the licence.
 */
#include <ctype.h>
#include <string.h>
#include <utf8proc.h>

#include "alloc.h"
#include "names.h"
#include "prose_words.h"

/* ------------------------------------------------------------------ */
/* Code points                                                        */

int32_t kh_cp_at(const char *s, size_t len, size_t i, size_t *n)
{
	if (i < len && (unsigned char)s[i] < 0x80) {
		*n = 1; /* most of a text, and what utf8proc would say */
		return (unsigned char)s[i];
	}
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &c);
	if (k <= 0) {
		*n = 1;
		return -1;
	}
	*n = (size_t)k;
	return c;
}

int32_t kh_cp_before(const char *s, size_t i)
{
	size_t j = i - 1;
	while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80 && i - j < 4)
		j--;
	size_t n;
	return kh_cp_at(s, i, j, &n);
}

bool kh_is_word_cp(int32_t c)
{
	if (c < 0)
		return false;
	if (c < 128)
		return isalnum(c) || c == '_';
	utf8proc_category_t k = utf8proc_category(c);
	return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_ND;
}

bool kh_is_upper_cp(int32_t c)
{
	if (c < 0)
		return false;
	if (c < 128)
		return c >= 'A' && c <= 'Z'; /* ASCII's only capitals (Lu; no Lt) */
	utf8proc_category_t k = utf8proc_category(c);
	return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

bool kh_has_lower(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		size_t n;
		int32_t c = kh_cp_at(s, len, i, &n);
		if (c >= 0 && utf8proc_category(c) == UTF8PROC_CATEGORY_LL)
			return true;
		i += n;
	}
	return false;
}

const char *kh_find_bytes(const char *hay, size_t n, const char *needle, size_t m)
{
	if (m == 0 || m > n)
		return NULL;
	for (const char *p = hay, *end = hay + n - m; p <= end; p++) {
		p = memchr(p, needle[0], (size_t)(end - p) + 1);
		if (!p)
			return NULL;
		if (!memcmp(p, needle, m))
			return p;
	}
	return NULL;
}

const char *kh_fold_n(const char *s, size_t n)
{
	return kh_text_fold(kh_strndup(s, n));
}

/* ------------------------------------------------------------------ */
/* Words                                                              */

/* Opening marks: ( [ " ' “ ‘ « *; closing: , ./ . ; : ! ? ) ] " ' ” ’ » … *
 * ("./" ends a document's last sentence). Byte tests, not a table of
 * strings: this runs for every word of every text the checkers read. */
static bool ascii_mark(unsigned char c, bool open)
{
	return open ? (c == '(' || c == '[' || c == '"' || c == '\'' || c == '*')
		    : (c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' ||
		       c == ')' || c == ']' || c == '"' || c == '\'' || c == '*');
}

/* « (C2 AB) opens, » (C2 BB) closes; “ ‘ (E2 80 9C, 98) open, ” ’ … (E2 80
 * 9D, 99, A6) close. */
static size_t utf8_mark(const unsigned char *u, size_t room, bool open)
{
	if (room >= 2 && u[0] == 0xC2 && u[1] == (open ? 0xAB : 0xBB))
		return 2;
	if (room >= 3 && u[0] == 0xE2 && u[1] == 0x80)
		if (open ? (u[2] == 0x9C || u[2] == 0x98) : (u[2] == 0x9D || u[2] == 0x99 || u[2] == 0xA6))
			return 3;
	return 0;
}

size_t kh_punct_at(const char *t, size_t len, size_t i, bool open)
{
	const unsigned char *u = (const unsigned char *)t + i;
	if (i >= len)
		return 0;
	if (*u >= 0x80)
		return utf8_mark(u, len - i, open);
	if (!open && *u == '.' && i + 1 < len && u[1] == '/')
		return 2;
	return ascii_mark(*u, open) ? 1 : 0;
}

/* The bytes a mark can end with: ASCII but letters and digits, and the
 * last bytes of » ” ’ …; a word ending in any other (most words) ends in
 * no mark. A table: this is asked of every word of every text. */
static const bool may_end_mark[256] = {
	[0 ... '0' - 1] = true, [':' ... 'A' - 1] = true, ['[' ... 'a' - 1] = true,
	['{' ... 0x7F] = true, [0xBB] = true, [0x9D] = true, [0x99] = true, [0xA6] = true,
};

/* The bytes a mark can start with: ( [ " ' * and the first bytes of « “ ‘. */
static const bool may_open_mark[256] = {
	['('] = true, ['['] = true, ['"'] = true, ['\''] = true, ['*'] = true, [0xC2] = true, [0xE2] = true,
};

/* The length of the closing mark that ends T[0, I), 0 if none. */
static size_t punct_before(const char *t, size_t i)
{
	unsigned char c = i ? (unsigned char)t[i - 1] : 0;
	if (!may_end_mark[c])
		return 0;
	for (size_t l = 1; l <= 3 && l <= i; l++)
		if (kh_punct_at(t, i, i - l, false) == l)
			return l;
	return 0;
}

/* isspace's six bytes, the same in every locale for UTF-8 text. */
static const bool space_table[256] = { [' '] = true, ['\t'] = true, ['\n'] = true,
				       ['\r'] = true, ['\v'] = true, ['\f'] = true };

static inline bool space_byte(char c)
{
	return space_table[(unsigned char)c];
}

/* The end of the run of non-space bytes at T[I]. Eight bytes at a time
 * while none is below '!' (every space byte is; the loader lets a plan
 * hold few others), then byte by byte: words are read once for every
 * text the checkers read. */
static size_t word_end(const char *t, size_t len, size_t i)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	while (i + 8 <= len) {
		uint64_t v;
		memcpy(&v, t + i, 8);
		uint64_t below = (v - ones * '!') & ~v & highs;
		if (below) {
			/* the lowest byte flagged is below '!' (a borrow only
			 * flags bytes above it) */
			i += (size_t)__builtin_ctzll(below) / 8;
			break;
		}
		i += 8;
	}
	while (i < len && !space_byte(t[i]))
		i++;
	return i;
}

/* How many runs of non-space bytes T[0, LEN) has: the most words it can give. */
static size_t runs_of(const char *t, size_t len)
{
	size_t n = 0;
	bool prev_space = true;
	for (size_t i = 0; i < len; i++) {
		bool sp = space_byte(t[i]);
		n += prev_space & !sp;
		prev_space = sp;
	}
	return n;
}

/* One block for a text's words and one for the pointers to them: a block
 * per word cost more than finding the word. The words' block holds no
 * pointer the collector must follow (collected memory: folds, which
 * fold_table keeps), so it is atomic and never scanned. */
static kh_vec split_into(const char *t, size_t len, kh_word *words, void **items, size_t cap)
{
	kh_vec out = { items, 0, cap };
	size_t i = 0;
	while (i < len) {
		while (i < len && space_byte(t[i]))
			i++;
		if (i >= len)
			break;
		kh_word *w = &words[out.n];
		*w = (kh_word){ .s = i }; /* the room may hold an older text's word */
		i = word_end(t, len, i);
		w->e = i;
		size_t k;
		while (w->s < w->e && may_open_mark[(unsigned char)t[w->s]] && (k = kh_punct_at(t, w->e, w->s, true))) {
			w->s += k;
			w->lead = true;
		}
		while (w->e > w->s && (k = punct_before(t, w->e)) && w->e - k >= w->s) {
			w->e -= k;
			w->trail = true;
		}
		if (w->e > w->s)
			out.items[out.n++] = w;
		else
			*w = (kh_word){ 0 };
	}
	return out;
}

kh_vec kh_words_split(const char *t, size_t len)
{
	size_t cap = runs_of(t, len);
	if (!cap)
		return (kh_vec){ 0 };
	return split_into(t, len, kh_alloc_atomic(kh_mul_size(cap, sizeof(kh_word))), KH_NEW_N(void *, cap),
			  cap);
}

kh_vec kh_words_split_reusing(const char *t, size_t len, kh_words_buf *b)
{
	/* A word and the space after it take two bytes: room for (LEN + 1) / 2
	 * needs no count. The room grows to that for a text of up to
	 * KH_WORDS_ROOM words' bytes (sized to the words, it was counted again
	 * for nearly every text: 2% of check); a longer one is counted. */
	enum { KH_WORDS_ROOM = 8192 };
	size_t cap = (len + 1) / 2;
	if (b->cap < cap) {
		if (cap > KH_WORDS_ROOM) {
			cap = runs_of(t, len);
			if (!cap)
				return (kh_vec){ 0 };
		}
		if (b->cap < cap) {
			b->cap = cap + cap / 2;
			b->words = kh_alloc_atomic(kh_mul_size(b->cap, sizeof *b->words));
			b->items = KH_NEW_N(void *, b->cap);
		}
	}
	return split_into(t, len, b->words, b->items, b->cap);
}

/*
 * Folded words, remembered: the scanners fold every word of every text,
 * and a plan's words repeat (a few thousand distinct ones in 100,000
 * tasks), while one fold costs a normalisation and three allocations.
 * Open addressing on (bytes, length); the table lives in collected memory
 * reached from this static pointer. Each slot keeps its raw bytes' hash
 * (a probe compares bytes only when it matches) and the folded word's
 * (kh_fold_hash), which a word then carries for the name index.
 */
typedef struct fold_slot {
	const char *raw, *folded;
	uint32_t n, hash, fhash;
} fold_slot;

static fold_slot *fold_table;
static size_t fold_cap, fold_count;

static inline uint64_t load_n(const char *s, size_t n)
{
	uint64_t v = 0;
	memcpy(&v, s, n);
	return v;
}

static inline uint64_t hash_mix(uint64_t h, uint64_t v)
{
	h = (h ^ v) * 0xFF51AFD7ED558CCDu;
	return h ^ (h >> 32);
}

/* Eight bytes at a time, the last eight (or four) overlapping the ones
 * before: a byte at a time was a third of a fold lookup. The length is
 * mixed in, so overlapping reads cannot make two words alike. */
uint32_t kh_fold_hash(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15u ^ n;
	if (n >= 8) {
		for (size_t i = 0; i + 8 < n; i += 8)
			h = hash_mix(h, load_n(s + i, 8));
		h = hash_mix(h, load_n(s + n - 8, 8));
	} else if (n >= 4) {
		h = hash_mix(h, load_n(s, 4) | load_n(s + n - 4, 4) << 32);
	} else if (n) {
		h = hash_mix(h, (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 |
					(uint64_t)(unsigned char)s[n - 1] << 16);
	}
	h ^= h >> 29;
	return (uint32_t)h;
}

/* A[0, N) and B[0, N) alike: a word is most often under 16 bytes, and
 * two overlapping loads from each compare it without a call. */
static inline bool same_bytes(const char *a, const char *b, size_t n)
{
	if (n > 16)
		return !memcmp(a, b, n);
	if (n >= 8)
		return load_n(a, 8) == load_n(b, 8) && load_n(a + n - 8, 8) == load_n(b + n - 8, 8);
	if (n >= 4)
		return load_n(a, 4) == load_n(b, 4) && load_n(a + n - 4, 4) == load_n(b + n - 4, 4);
	return !n || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
}

static void fold_grow(void)
{
	size_t cap = fold_cap ? fold_cap * 2 : 4096;
	fold_slot *t = KH_NEW_N(fold_slot, cap);
	for (size_t i = 0; i < fold_cap; i++) {
		if (!fold_table[i].raw)
			continue;
		size_t h = fold_table[i].hash & (cap - 1);
		while (t[h].raw)
			h = (h + 1) & (cap - 1);
		t[h] = fold_table[i];
	}
	fold_table = t;
	fold_cap = cap;
}

static const fold_slot *fold_cached(const char *s, size_t n)
{
	if ((fold_count + 1) * 2 > fold_cap)
		fold_grow();
	uint32_t hash = kh_fold_hash(s, n);
	size_t h = hash & (fold_cap - 1);
	for (; fold_table[h].raw; h = (h + 1) & (fold_cap - 1))
		if (fold_table[h].hash == hash && fold_table[h].n == n && same_bytes(fold_table[h].raw, s, n))
			return &fold_table[h];
	const char *raw = kh_strndup(s, n), *folded = kh_text_fold(raw);
	fold_table[h] = (fold_slot){ raw, folded, (uint32_t)n, hash, kh_fold_hash(folded, strlen(folded)) };
	fold_count++;
	return &fold_table[h];
}

void kh_word_fold_forget(void)
{
	fold_table = NULL;
	fold_cap = fold_count = 0;
}

const char *kh_word_fold(const char *t, kh_word *w)
{
	if (!w->folded) {
		const fold_slot *f = fold_cached(t + w->s, w->e - w->s);
		w->folded = f->folded;
		w->fhash = f->fhash;
	}
	return w->folded;
}

uint32_t kh_word_fold_hash(const char *t, kh_word *w)
{
	kh_word_fold(t, w);
	return w->fhash;
}

void kh_level_words(kh_level *l)
{
	char *s = kh_strdup(l->id);
	for (char *p = s; *p; p++)
		if (*p == '_')
			*p = ' ';
	const char *folded = kh_text_fold(s);
	kh_vec ws = kh_words_split(folded, strlen(folded));
	const char **w = KH_NEW_N(const char *, ws.n + 1);
	for (size_t k = 0; k < ws.n; k++)
		w[k] = kh_word_fold(folded, KH_WORD(ws, k));
	l->prose = folded;
	l->prose_words = w;
	l->nprose_words = ws.n;
}

size_t kh_word_is(const char *t, size_t len, size_t i, const char *lower)
{
	size_t l = strlen(lower);
	if (i + l > len)
		return 0;
	if (!(t[i] == lower[0] || t[i] == toupper((unsigned char)lower[0])) || memcmp(t + i + 1, lower + 1, l - 1))
		return 0;
	if (i + l < len) {
		size_t n;
		if (kh_is_word_cp(kh_cp_at(t, len, i + l, &n)))
			return 0;
	}
	return l;
}

size_t kh_skip_spaces(const char *t, size_t len, size_t i)
{
	while (i < len && (t[i] == ' ' || t[i] == '\t'))
		i++;
	return i;
}

/* ------------------------------------------------------------------ */
/* Dates in running text                                              */

/* Up to MAXD digits at T[I] into *V: the index after them, or I when
 * there are none or more. */
static size_t read_int(const char *t, size_t len, size_t i, int maxd, int *v)
{
	size_t j = i;
	*v = 0;
	while (j < len && isdigit((unsigned char)t[j]) && (int)(j - i) < maxd)
		*v = *v * 10 + (t[j++] - '0');
	if (j < len && isdigit((unsigned char)t[j]))
		return i;
	return j;
}

/* The word W and one space at T[I]: the index after them, or I. */
static size_t word_sp(const char *t, size_t len, size_t i, const char *w)
{
	size_t l = kh_word_is(t, len, i, w);
	if (!l || i + l >= len || t[i + l] != ' ')
		return i;
	return i + l + 1;
}

/* "/2019" or " năm 2019" at T[I]: the year in *Y and the end, or I. */
static size_t year_after(const char *t, size_t len, size_t i, int *y)
{
	size_t j, k;
	if (i < len && t[i] == '/') {
		j = read_int(t, len, i + 1, 4, y);
		return j == i + 5 ? j : i;
	}
	if (i < len && t[i] == ' ' && (k = word_sp(t, len, i + 1, "năm")) > i + 1) {
		j = read_int(t, len, k, 4, y);
		return j == k + 4 ? j : i;
	}
	return i;
}

/* Nothing that continues a number or a word right after E. */
static bool ends_clean(const char *t, size_t len, size_t e)
{
	if (e >= len)
		return true;
	size_t n;
	if (kh_is_word_cp(kh_cp_at(t, len, e, &n)))
		return false;
	return !(strchr("/-.", t[e]) && e + 1 < len && isdigit((unsigned char)t[e + 1]));
}

/* "15/10/2009", "15-10-2009", "15/9", "11/2023", "15 tháng 10 năm 2009". */
static size_t digits_date(const char *t, size_t len, size_t i, kh_written_date *d)
{
	int a, b, y = 0;
	size_t j = read_int(t, len, i, 2, &a), k, e;
	if (j == i)
		return i;
	char c = j < len ? t[j] : 0;
	if (c && strchr("/-.", c)) {
		k = read_int(t, len, j + 1, 2, &b);
		if (k > j + 1 && k < len && t[k] == c && (e = read_int(t, len, k + 1, 4, &y)) == k + 5) {
			*d = (kh_written_date){ .precision = KH_PREC_DAY, .year = y, .month = b, .day = a };
			return e;
		}
		if (k > j + 1 && c == '/' && !(k < len && t[k] == '/')) {
			*d = (kh_written_date){ .precision = KH_PREC_DAY, .month = b, .day = a };
			return k;
		}
		if (c == '/' && (e = read_int(t, len, j + 1, 4, &y)) == j + 5) {
			*d = (kh_written_date){ .precision = KH_PREC_MONTH, .year = y, .month = a };
			return e;
		}
		return i;
	}
	k = c == ' ' ? word_sp(t, len, j + 1, "tháng") : j;
	if (k == j || (e = read_int(t, len, k, 2, &b)) == k)
		return i;
	*d = (kh_written_date){ .precision = KH_PREC_DAY, .month = b, .day = a };
	size_t f = year_after(t, len, e, &y);
	d->year = f > e ? y : 0;
	return f;
}

/* "tháng 11/2023", "tháng 11 năm 2023", "tháng 10"; after a ten-day word. */
static size_t month_date(const char *t, size_t len, size_t i, kh_written_date *d)
{
	int m, y = 0;
	size_t k = word_sp(t, len, i, "tháng"), e;
	if (k == i || (e = read_int(t, len, k, 2, &m)) == k)
		return i;
	size_t f = year_after(t, len, e, &y);
	d->precision = KH_PREC_MONTH;
	d->month = m;
	d->year = f > e ? y : 0;
	return f;
}

static size_t decade_date(const char *t, size_t len, size_t i, kh_written_date *d)
{
	static const char *const parts[] = { "thượng", "trung", "hạ" };
	for (int p = 0; p < 3; p++) {
		size_t k = word_sp(t, len, i, parts[p]);
		if (k == i)
			continue;
		size_t k2 = word_sp(t, len, k, "tuần"), e;
		if (k2 == k || (e = month_date(t, len, k2, d)) == k2)
			return i;
		d->precision = KH_PREC_DECADE;
		d->day = p + 1;
		return e;
	}
	return i;
}

/* "quý I/2024", "quý 2 năm 2024", "năm 2023". */
static size_t quarter_or_year(const char *t, size_t len, size_t i, kh_written_date *d)
{
	static const char *const roman[] = { "IV", "III", "II", "I" };
	size_t k = word_sp(t, len, i, "quý"), e = i;
	int y = 0, q = 0;
	if (k > i) {
		for (int r = 0; r < 4 && !q; r++)
			if (!strncmp(t + k, roman[r], strlen(roman[r])))
				q = 4 - r, e = k + strlen(roman[r]);
		if (!q && (e = read_int(t, len, k, 1, &q)) == k)
			return i;
		size_t f = year_after(t, len, e, &y);
		*d = (kh_written_date){ .precision = KH_PREC_QUARTER, .month = q, .year = f > e ? y : 0 };
		return f;
	}
	k = word_sp(t, len, i, "năm");
	if (k == i || (e = read_int(t, len, k, 4, &y)) != k + 4)
		return i;
	*d = (kh_written_date){ .precision = KH_PREC_YEAR, .year = y };
	return e;
}

static bool date_window(kh_written_date *d)
{
	int y = d->year ? d->year : 2000; /* a leap year: 29/2 without a year is a day */
	switch (d->precision) {
	case KH_PREC_DAY:
		if (!kh_date_valid(y, d->month, d->day))
			return false;
		d->first = d->last = kh_date_make(y, d->month, d->day);
		return true;
	case KH_PREC_DECADE:
		return kh_window_decade(y, d->month, d->day, &d->first, &d->last);
	case KH_PREC_MONTH:
		return kh_window_month(y, d->month, &d->first, &d->last);
	case KH_PREC_QUARTER:
		return kh_window_quarter(y, d->month, &d->first, &d->last);
	default:
		return d->year > 0 && kh_window_year(y, &d->first, &d->last);
	}
}

bool kh_date_set_year(kh_written_date *d, int y)
{
	d->year = y;
	return date_window(d);
}

/* Does T[I] hold REST (N bytes) after the byte at I? */
static bool rest_is(const char *t, size_t len, size_t i, const char *rest, size_t n)
{
	return len - i - 1 >= n && !memcmp(t + i + 1, rest, n);
}
#define REST_IS(t, len, i, s) rest_is(t, len, i, s, sizeof s - 1)

/* Could a date start at T[I]: a digit, or "tháng", "thượng", "trung",
 * "hạ", "quý", "năm" as kh_word_is reads them (the first letter either
 * case, the rest as written)? Most words are none of these; many start
 * "th", "tr" (thực hiện, trong). */
static bool may_start_date(const char *t, size_t len, size_t i)
{
	unsigned char a = (unsigned char)t[i];
	switch (a | 0x20) {
	case 't':
		return REST_IS(t, len, i, "háng") || REST_IS(t, len, i, "hượng") || REST_IS(t, len, i, "rung");
	case 'h': return REST_IS(t, len, i, "ạ");
	case 'q': return REST_IS(t, len, i, "uý");
	case 'n': return REST_IS(t, len, i, "ăm");
	default: return a >= '0' && a <= '9';
	}
}

bool kh_date_at(const char *t, size_t len, size_t i, kh_written_date *d)
{
	size_t e = i;
	if (i >= len || !may_start_date(t, len, i))
		return false; /* most words: D is not written */
	memset(d, 0, sizeof *d);
	if (i < len && isdigit((unsigned char)t[i]))
		e = digits_date(t, len, i, d);
	else if (i < len)
		for (int k = 0; k < 3 && e == i; k++)
			e = k == 0 ? month_date(t, len, i, d) : k == 1 ? decade_date(t, len, i, d)
							    : quarter_or_year(t, len, i, d);
	if (e == i || !ends_clean(t, len, e) || !date_window(d))
		return false;
	d->start = i;
	d->end = e;
	return true;
}
