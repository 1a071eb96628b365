/*
 * zip_lazy.h - libzip loaded when a Word file is written, not at start-up.
 * Linked in, libzip brings libcrypto, libbz2 and liblzma, whose loading
 * and relocation cost every run of kehoach (a `check` too) about three
 * million instructions, a tenth of checking a real plan. docx_xml.c calls
 * libzip's functions by their names, which the macros below turn into
 * the pointers kh_zip_load() fills with dlsym.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_ZIP_LAZY_H
#define KH_ZIP_LAZY_H

#include <stdbool.h>
#include <zip.h>

#define KH_ZIP_FUNCTIONS(X)                                                              \
	X(zip_error_strerror) X(zip_source_buffer) X(zip_file_add) X(zip_source_free)     \
	X(zip_set_file_compression) X(zip_file_set_dostime) X(zip_source_stat)             \
	X(zip_source_open) X(zip_source_error) X(zip_source_read) X(zip_source_close)      \
	X(zip_error_init) X(zip_source_buffer_create) X(zip_open_from_source)              \
	X(zip_source_keep) X(zip_get_error) X(zip_discard) X(zip_close)

typedef struct kh_zip_api {
#define KH_ZIP_FIELD(f) __typeof__(&f) f;
	KH_ZIP_FUNCTIONS(KH_ZIP_FIELD)
#undef KH_ZIP_FIELD
} kh_zip_api;

extern kh_zip_api kh_zip;

/* Loads libzip once; false, with the reason in *WHY, when it cannot. */
bool kh_zip_load(const char **why);

#ifndef KH_ZIP_LAZY_IMPL
#define zip_error_strerror kh_zip.zip_error_strerror
#define zip_source_buffer kh_zip.zip_source_buffer
#define zip_file_add kh_zip.zip_file_add
#define zip_source_free kh_zip.zip_source_free
#define zip_set_file_compression kh_zip.zip_set_file_compression
#define zip_file_set_dostime kh_zip.zip_file_set_dostime
#define zip_source_stat kh_zip.zip_source_stat
#define zip_source_open kh_zip.zip_source_open
#define zip_source_error kh_zip.zip_source_error
#define zip_source_read kh_zip.zip_source_read
#define zip_source_close kh_zip.zip_source_close
#define zip_error_init kh_zip.zip_error_init
#define zip_source_buffer_create kh_zip.zip_source_buffer_create
#define zip_open_from_source kh_zip.zip_open_from_source
#define zip_source_keep kh_zip.zip_source_keep
#define zip_get_error kh_zip.zip_get_error
#define zip_discard kh_zip.zip_discard
#define zip_close kh_zip.zip_close
#endif

#endif
