/*
 * between_inputs.h - what a fuzz target does after each input when every
 * block is tracked (-DKH_ALLOC_TRACK): the caches that point into tracked
 * memory are dropped first, then every block is freed, so nothing of one
 * input can be read by the next and memory stays flat.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_FUZZ_BETWEEN_INPUTS_H
#define KH_FUZZ_BETWEEN_INPUTS_H

#include "alloc.h"
#include "compose.h"
#include "prose_facts.h"
#include "prose_words.h"
#include "resolve.h"
#include "skeleton.h"
#include "source.h"
#include "stdlib_cache.h"

static inline void kh_fuzz_between_inputs(void)
{
#ifdef KH_ALLOC_TRACK
	kh_word_fold_forget();
	kh_text_memo_forget();
	kh_compose_forget();
	kh_skeleton_forget();
	kh_stdlib_cache_forget();
	kh_resolve_forget_paths();
	kh_source_forget();
	kh_alloc_release_all();
#endif
}

#endif
