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

/* Removes the temporary file of a write in progress (async-signal-safe:
 * for signal handlers). */
void kh_output_cleanup(void);
mode_t kh_output_umask(void);

#endif
