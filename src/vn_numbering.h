/*
 * vn_numbering.h - how Vietnamese documents number and date things: Roman
 * numerals, number words ("Phần thứ nhất"), the Vietnamese-alphabet letters
 * of điểm a) b) … đ), the numbering scheme by depth, and the place-date line
 * with its padding rules (NĐ 30/2020, HD 36-HD/VPTW; shared/DOMAIN.md §1).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_VN_NUMBERING_H
#define KH_VN_NUMBERING_H

#include <stdbool.h>

#include "alloc.h"
#include "date.h"
#include "plan.h"

/*
 * The numbering scheme the emitters use, by depth of heading below the
 * document (or below a Phần):
 *
 *   Phần      state "Phần I", "Phần II" (NĐ 30: Phần/Chương take Roman
 *             numerals); Party "Phần thứ nhất", "Phần thứ hai" (as the
 *             Party samples write it). Sections restart at I. in each Phần.
 *   depth 1   "I."   Roman numeral, heading in capitals as written
 *   depth 2   "1."   Arabic numeral (khoản)
 *   depth 3   "a)"   Vietnamese-alphabet letter (điểm)
 *   depth 4   "-"    dash
 *   depth 5+  "+"    plus
 *
 * The decimal "1.1." / "2.1." that writers add under "1." (all four samples
 * do) is a custom the decree does not provide for: this scheme always
 * writes "a)" at depth 3 instead, so one document never mixes the two.
 * Prose bullets keep their own marks: "-" for a bullet, "+" for a
 * sub-bullet, whatever the depth.
 */
typedef enum kh_mark_style {
	KH_MARK_ROMAN, KH_MARK_ARABIC, KH_MARK_LETTER, KH_MARK_DASH, KH_MARK_PLUS
} kh_mark_style;

/* The style of depth DEPTH (1 = "I."); depth < 1 counts as 1. */
kh_mark_style kh_vn_style(int depth);

/* The marker of the N-th (from 1) heading at DEPTH: "IV.", "3.", "đ)",
 * "-", "+". A GC string. */
const char *kh_vn_marker(int depth, int n);

/* Roman numerals for 1..3999 ("XIV", "MMXIX"); other numbers, which have
 * no standard Roman form, are written in Arabic digits. GC string. */
const char *kh_vn_roman(long n);

/*
 * The N-th letter (from 1) of the Vietnamese alphabet as used for điểm:
 * a b c d đ e g h i k l m n o p q r s t u v x y (23 letters: no f, j, w,
 * z, and the letters with marks ă â ê ô ơ ư are not used for numbering).
 * After y the letters double like spreadsheet columns (bijective base 23):
 * 24 "aa", 25 "ab", 28 "ađ", 46 "ay", 47 "ba". N < 1 gives "". GC string.
 */
const char *kh_vn_letter(long n);

/* Vietnamese number words: 0 "không", 15 "mười lăm", 21 "hai mươi mốt",
 * 24 "hai mươi tư", 105 "một trăm linh năm", 1010 "một nghìn không trăm
 * mười", 2000000 "hai triệu", 10^9 "một tỷ". Negative: "âm …". GC string. */
const char *kh_vn_cardinal(long n);

/* Ordinal words as after "thứ": 1 "nhất", 4 "tư", otherwise the cardinal
 * ("hai", "mười", "hai mươi mốt"). GC string. */
const char *kh_vn_ordinal(long n);

/* The heading of the N-th part: "Phần thứ nhất" (PARTY) or "Phần I". */
const char *kh_vn_part_label(long n, bool party);

/* "ngày 05 tháng 01 năm 2020", "ngày 27 tháng 5 năm 2019": the day is
 * padded below 10 and the months 1 and 2 are padded (NĐ 30/2020). */
const char *kh_vn_date_words(kh_day d);

/*
 * The place-date line: "Bắc Kạn, ngày 27 tháng 5 năm 2019". What is
 * missing is left blank as on an undated copy, never invented: no place
 * gives "…, ngày …", no date gives "Bắc Kạn, ngày … tháng … năm …".
 */
const char *kh_vn_place_date(const char *place, bool has_date, kh_day d);

/* ---- Facts of the document, as the emitters print them ---------------- */

/* Which family's rules the plan follows: its issuer's system; when that
 * is unknown, the Party when its number ("250-KH/TU") or signing form
 * ("T/M") is written the Party way; otherwise the state. */
kh_system kh_vn_system(const kh_program *prog);

/*
 * The plan's number as printed after "Số" (state "Số: ", Party "Số "): the
 * number as written, or the blank form of an unnumbered copy, with four
 * no-break spaces where the number goes: Party "    -KH/TU", state
 * "    /KH-UBND". The kind code comes from the kind rules (vn/documents);
 * the issuer code is the abbreviation of the committee (Party: the
 * issuer's parent, as 250-KH/TU is the Tỉnh ủy's number although its Ban
 * Thường vụ signs) or of the issuer itself (state), "…" when unknown.
 */
const char *kh_vn_number(const kh_program *prog);

/* "(Kèm theo Kế hoạch số 250-KH/TU ngày 16 tháng 8 năm 2019 của Ban
 * Thường vụ Tỉnh ủy)": O's own line when the source gives one, otherwise
 * built from the plan (blanks for what it lacks). */
const char *kh_vn_attached_line(const kh_program *prog, const kh_outline *o);

/* S in capitals, Vietnamese letters included ("Tỉnh ủy" -> "TỈNH ỦY"). */
const char *kh_vn_upper(const char *s);

#endif
