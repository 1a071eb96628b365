/*
 * skeleton.h - the TR39 skeleton of an id (what it looks like), and
 * whether it mixes scripts: ICU's spoof checker, opened only for an id
 * outside the tables of skeleton_table.h.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_SKELETON_H
#define KH_SKELETON_H

#include <stdbool.h>
#include <stddef.h>

/* The skeleton of ID (collected memory), or NULL when ICU fails. */
const char *kh_skeleton(const char *id);
/* The same in BUF (CAP bytes) when the tables hold it and it fits, with
 * nothing allocated; else kh_skeleton's. *LEN: its length. */
const char *kh_skeleton_in(const char *id, char *buf, size_t cap, size_t *len);
/* Latin with Cyrillic or Greek letters in one id ("tinh_uу"). */
bool kh_mixes_scripts(const char *id);
/* The same by ICU alone, for the test that the tables are ICU's. */
const char *kh_skeleton_icu(const char *id);
bool kh_mixes_scripts_icu(const char *id);
/* Drops the skeletons kept (the fuzz targets, between inputs). */
void kh_skeleton_forget(void);
/* Closes the spoof checker, if it was opened. */
void kh_skeleton_close(void);

#endif
