/*
 * output.h - writing a command's result to stdout or, with -o, to a file.
 * A regular file is replaced atomically (temporary file in the same folder,
 * then rename), keeping its mode, owner and group, so an interrupted run
 * never leaves a half-written file behind; a device, FIFO or terminal is
 * written through, never replaced; a symbolic link's target is replaced.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_OUTPUT_H
#define KH_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

enum {
	KH_OUT_NOTE_LINKS = 1,    /* say when the replaced file had other hard links */
	KH_OUT_REFUSE_READONLY = 2, /* refuse a file without write permission */
	KH_OUT_NO_CLOBBER = 4,    /* refuse a file that exists (devices and FIFOs are written) */
};

/* Writes LEN bytes of DATA to PATH (NULL or "-": standard output). PATH may
 * not be one of the NINPUTS files in INPUTS (the files the run read).
 * Returns 0 on success; on failure prints "kehoach: error: …" and returns -1,
 * leaving PATH as it was. */
int kh_write_file(const char *path, const char *data, size_t len, const char *const *inputs,
		  size_t ninputs, unsigned flags);
int kh_write_output(const char *path, const char *data, size_t len);

/* The same, streamed: kh_out_open makes every check kh_write_file makes
 * and opens where the result goes (for a regular file, the temporary
 * file next to it), or prints why not and returns NULL; kh_out_write
 * writes as the result is made; kh_out_close puts the file in place
 * (0), or says why not, leaving PATH as it was (-1); kh_out_abort drops
 * what was written to a file (a result that failed before any of it was
 * written to standard output or a device). kh_out_drain is a kh_buf's
 * drain (alloc.h) that writes to the kh_out it is given. */
typedef struct kh_out kh_out;
kh_out *kh_out_open(const char *path, const char *const *inputs, size_t ninputs, unsigned flags);
void kh_out_write(kh_out *o, const char *data, size_t len);
void kh_out_drain(void *out, const char *data, size_t len);
int kh_out_close(kh_out *o);
void kh_out_abort(kh_out *o);

/* Removes the temporary file of a write in progress (async-signal-safe:
 * for signal handlers). */
void kh_output_cleanup(void);
mode_t kh_output_umask(void);

#endif
