/*
 * fuzz_lsp.c - libFuzzer target for `kehoach lsp`: any bytes as the
 * editor's side of the conversation, after an initialize message (so the
 * fuzzer reaches documents at once), through the real server loop
 * (kh_lsp_serve reads them from a file, as from a pipe). Every message the
 * server writes must be framed by a right Content-Length and hold strict
 * JSON (props.h), and the exit status must be 0 or 1; anything else stops
 * the fuzzer as a crash does. Built by `make fuzz-build`, run by `make
 * fuzz-lsp`, and tests/fuzz/lsp-corpus is replayed by `make test`.
 * Part of kehoach; see README.md for the licence.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "lsp.h"
#include "prose_words.h"
#include "props.h"
#include "source.h"
#include "between_inputs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char init[] = "Content-Length: 46\r\n\r\n"
			   "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\"}";

/* Each message of OUT: "Content-Length: N" CR LF CR LF, then N bytes of JSON. */
static void check_output(const char *out, size_t len)
{
	static const char head[] = "Content-Length: ";
	size_t i = 0;
	while (i < len) {
		char why[256];
		if (len - i < sizeof head || memcmp(out + i, head, sizeof head - 1))
			goto bad;
		char *end;
		unsigned long n = strtoul(out + i + sizeof head - 1, &end, 10);
		if (strncmp(end, "\r\n\r\n", 4) || (size_t)(end + 4 - out) + n > len)
			goto bad;
		i = (size_t)(end + 4 - out);
		if (!kh_prop_json(out + i, n, why, sizeof why)) {
			fprintf(stderr, "fuzz_lsp: invalid JSON from the server: %s\n", why);
			abort();
		}
		i += n;
	}
	return;
bad:
	fprintf(stderr, "fuzz_lsp: a badly framed message at byte %zu of the output\n", i);
	abort();
}

static size_t read_all(FILE *f, char **out)
{
	long n = ftell(f);
	if (n < 0)
		abort();
	*out = malloc((size_t)n + 1);
	rewind(f);
	if (!*out || fread(*out, 1, (size_t)n, f) != (size_t)n)
		abort();
	return (size_t)n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready) {
		kh_alloc_init();
		ready = 1;
	}
	FILE *in = tmpfile(), *out = tmpfile();
	if (!in || !out)
		abort();
	fwrite(init, 1, sizeof init - 1, in);
	fwrite(data, 1, size, in);
	fflush(in);
	rewind(in);
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = "stdlib";
	int rc = kh_lsp_serve(&opts, "fuzz", fileno(in), fileno(out));
	if (rc != 0 && rc != 1)
		abort();
	fseek(out, 0, SEEK_END);
	char *text;
	size_t len = read_all(out, &text);
	check_output(text, len);
	free(text);
	fclose(in);
	fclose(out);
	kh_fuzz_between_inputs();
	return 0;
}
