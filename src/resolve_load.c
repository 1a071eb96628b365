/*
 * resolve_load.c - loading the main file and its imports: stdlib modules and
 * relative paths confined to the allowed folders, cycles refused.
 * Part of kehoach; see README.md for the licence.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "resolve_int.h"
#include "stdlib_cache.h"
#include "strmap.h"
#include "stdlib_tree.h"
#include "stdlib_embed.h"

const char *rs_real_path(const char *path)
{
	char buf[PATH_MAX];
	if (!realpath(path, buf))
		return NULL;
	return kh_strdup(buf);
}

/*
 * The stdlib folder's paths, worked out once per process: every plan of a
 * folder checked in one run imports the same modules, and each real path
 * was a readlink for every folder above it (75 calls a plan). Only paths
 * found are kept (a module added later in the run is still found); the
 * files are read again each time, so a module that changes is seen. The
 * language server forgets them before each analysis
 * (kh_resolve_forget_paths).
 */
static kh_strmap stdlib_paths;  /* path -> index in stdlib_found */
static kh_vec stdlib_found;     /* const char*: real path, then display path */

void kh_resolve_forget_paths(void)
{
	stdlib_paths = (kh_strmap){ 0 };
	stdlib_found = (kh_vec){ 0 };
}

static int path_within(const char *path, const char *root);
static const char *display_path(const char *path);

static const char *const *stdlib_path_of(const char *path)
{
	int at = kh_strmap_get(&stdlib_paths, path);
	if (at >= 0)
		return (const char *const *)&stdlib_found.items[at];
	const char *real = rs_real_path(path);
	if (!real)
		return NULL;
	at = (int)stdlib_found.n;
	kh_vec_push(&stdlib_found, (void *)real);
	kh_vec_push(&stdlib_found, (void *)display_path(path));
	kh_strmap_put(&stdlib_paths, kh_strdup(path), at);
	return (const char *const *)&stdlib_found.items[at];
}

const char *rs_stdlib_real_path(const char *path)
{
	const char *const *p = stdlib_path_of(path);
	return p ? p[0] : NULL;
}

/* display_path of a path rs_stdlib_real_path found. */
static const char *stdlib_display_path(const char *path)
{
	const char *const *p = stdlib_path_of(path);
	return p ? p[1] : display_path(path);
}

/* Where text given in memory stands: PATH in its folder's real path (an
 * editor's buffer names its file, which may not exist yet), so that its
 * relative imports are confined to that folder. */
const char *rs_bytes_real_path(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dir = rs_real_path(slash ? rs_dir_of(path) : ".");
	if (dir)
		return kh_printf("%s/%s", strcmp(dir, "/") ? dir : "", slash ? slash + 1 : path);
	return path[0] == '/' ? path : kh_printf("%s/%s", rs_real_path("."), path);
}

/* A path as shown to the user: relative to the working folder when it lies
 * inside it, so messages and JSON do not depend on where the repository is. */
static const char *display_path(const char *path)
{
	char cwd[PATH_MAX];
	const char *real = rs_real_path(path);
	if (!real) {
		char *dir = rs_dir_of(path);
		const char *rdir = rs_real_path(dir);
		if (!rdir)
			return path;
		real = kh_printf("%s/%s", rdir, path + strlen(dir) + 1);
	}
	if (getcwd(cwd, sizeof cwd) && path_within(real, cwd) && strlen(real) > strlen(cwd))
		return real + strlen(cwd) + 1;
	return real;
}

static int path_within(const char *path, const char *root)
{
	if (!root)
		return 0;
	size_t n = strlen(root);
	if (n == 1 && root[0] == '/')
		return 1;
	return !strncmp(path, root, n) && (path[n] == '/' || path[n] == '\0');
}

static loaded_file *find_loaded(resolver *r, const char *real)
{
	for (size_t i = 0; i < r->files.n; i++) {
		loaded_file *f = KH_VEC_AT(r->files, loaded_file, i);
		if (!strcmp(f->real, real))
			return f;
	}
	for (size_t i = 0; i < r->stack.n; i++) {
		loaded_file *f = KH_VEC_AT(r->stack, loaded_file, i);
		if (!strcmp(f->real, real))
			return f;
	}
	return NULL;
}


/* Resolves one import statement of FROM: a stdlib module name or a path
 * relative to the importing file that must stay inside an allowed root. */
void rs_load_import(resolver *r, loaded_file *from, kh_node *imp)
{
	const char *spec = imp->text ? imp->text : "";
	const char *candidate;
	int relative = !strncmp(spec, "./", 2) || !strncmp(spec, "../", 3);
	if (spec[0] == '\0' || spec[0] == '/') {
		kh_diag_add(r->diags, KH_ERROR, imp->span, "import-outside-root",
			    _("import \"%s\": write a stdlib module (\"vn/hierarchy\") or a path "
			    "starting with ./ or ../"), spec);
		return;
	}
	if (relative) {
		candidate = kh_printf("%s/%s", rs_dir_of(from->src->path), spec[1] == '/' ? spec + 2 : spec);
	} else {
		for (const char *p = spec; *p; p++) {
			if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' ||
			      *p == '/' || *p == '-') || (p[0] == '/' && p[1] == '/')) {
				kh_diag_add(r->diags, KH_ERROR, imp->span, "import-not-found",
					    _("\"%s\" is not a stdlib module name (lower-case words "
					    "separated by '/'); relative paths start with ./"), spec);
				return;
			}
		}
		if (!r->opts->stdlib_dir) {
			kh_diag_add(r->diags, KH_ERROR, imp->span, "import-not-found",
				    _("no stdlib folder is known to import \"%s\" from (use --stdlib DIR)"),
				    spec);
			return;
		}
		candidate = kh_printf("%s/%s.kh", r->opts->stdlib_dir, spec);
	}
	const char *real = relative ? rs_real_path(candidate) : rs_stdlib_real_path(candidate);
	const kh_embedded_file *embedded = NULL;
	if (!real && !relative && r->opts->stdlib_embedded && r->stdlib_real &&
	    (embedded = kh_stdlib_embedded_find(kh_printf("%s.kh", spec)))) {
		/* Absent from the default stdlib folder: the copy compiled in,
		 * under the path the file would have (a module name holds no
		 * "." or "//", so it stays in the folder). */
		real = kh_printf("%s/%s.kh", strcmp(r->stdlib_real, "/") ? r->stdlib_real : "",
				 spec);
	}
	if (!real) {
		kh_diag_add(r->diags, KH_ERROR, imp->span, "import-not-found",
			    _("cannot import \"%s\": %s not found"), spec, display_path(candidate));
		return;
	}
	/* A stdlib module stays in the stdlib; a relative path stays in the
	 * plan's folder or a --root, and only a stdlib file's own relative
	 * imports may reach the stdlib: so a stdlib folder of "/" opens
	 * nothing to the plan's relative imports. */
	bool in_stdlib = !relative || from->in_stdlib;
	int allowed = relative ? path_within(real, r->main_dir) ||
					 (from->in_stdlib && path_within(real, r->stdlib_real))
			       : path_within(real, r->stdlib_real);
	for (size_t i = 0; !allowed && relative && i < r->opts->nroots; i++)
		allowed = path_within(real, rs_real_path(r->opts->roots[i]));
	if (!allowed) {
		kh_diag_add(r->diags, KH_ERROR, imp->span, "import-outside-root",
			    relative ? _("import \"%s\" leaves the plan's folder %s; add --root DIR to "
				       "allow another")
				     : _("import \"%s\" leaves the stdlib folder %s"),
			    spec, display_path(relative ? r->main_dir : r->stdlib_real));
		return;
	}
	candidate = relative ? display_path(candidate) : stdlib_display_path(candidate);
	loaded_file *f = find_loaded(r, real);
	if (f && f->state == 1) {
		kh_buf chain = { 0 };
		int on = 0;
		for (size_t i = 0; i < r->stack.n; i++) {
			loaded_file *s = KH_VEC_AT(r->stack, loaded_file, i);
			if (s == f)
				on = 1;
			if (on)
				kh_buf_printf(&chain, "%s -> ", s->src->path);
		}
		kh_buf_puts(&chain, f->src->path);
		kh_diag_add(r->diags, KH_ERROR, imp->span, "import-cycle", _("import cycle: %s"),
			    kh_buf_cstr(&chain));
		return;
	}
	if (f)
		return;
	if (r->stack.n > KH_MAX_IMPORT_DEPTH || r->files.n + r->stack.n >= KH_MAX_IMPORTS) {
		kh_diag_add(r->diags, KH_ERROR, imp->span, "import-limit",
			    r->stack.n > KH_MAX_IMPORT_DEPTH
				    ? _("imports are nested more than %d deep: \"%s\" is not read")
				    : _("a plan reads at most %d files: \"%s\" is not read"),
			    r->stack.n > KH_MAX_IMPORT_DEPTH ? KH_MAX_IMPORT_DEPTH : KH_MAX_IMPORTS, spec);
		return;
	}
	int io_error = 0;
	r->next_in_stdlib = in_stdlib;
	r->next_embedded = embedded;
	if (!rs_load_file(r, candidate, real, &io_error) && io_error) {
		/* The file exists (realpath found it) but cannot be read. */
		kh_diag_add(r->diags, KH_ERROR, imp->span, "import-not-found",
			    _("cannot read the imported file %s"), candidate);
	}
}

/* The embedded file REAL is the default stdlib's copy of, if any. */
static const kh_embedded_file *embedded_at(const resolver *r, const char *real)
{
	if (!r->opts->stdlib_embedded || !path_within(real, r->stdlib_real))
		return NULL;
	size_t n = strlen(r->stdlib_real);
	if (n > 1)
		n++; /* and the '/' after it */
	return strlen(real) > n ? kh_stdlib_embedded_find(real + n) : NULL;
}

/*
 * Loads a stdlib module (or a file a stdlib module imports): read from
 * PATH (or, when R->next_embedded, the copy compiled in). A module with
 * the embedded bytes has its tree from the build (stdlib_tree.h); another
 * is parsed once per process (stdlib_cache.h), so a module read with the same bytes in an
 * earlier run comes back as that run's tree. In the default stdlib a file
 * with the embedded copy's bytes is keyed by that copy (nothing to keep)
 * and not checked again (the copy was, when it was built).
 */
static kh_source *load_stdlib_file(resolver *r, const char *path, const char *real,
				   int *io_error, kh_node **root)
{
	const kh_embedded_file *emb = r->next_embedded;
	r->next_embedded = NULL;
	char *text = NULL;
	size_t len = 0, cap = 0;
	const char *bytes;
	*io_error = 0;
	if (emb) {
		bytes = emb->bytes;
		len = emb->len;
	} else {
		text = kh_source_read_file(path, true, r->diags, io_error, &len, &cap);
		if (!text)
			return NULL;
		bytes = text;
		emb = embedded_at(r, real);
		if (emb && emb->len == len && !memcmp(emb->bytes, text, len))
			bytes = emb->bytes;
	}
	kh_source *src = emb && bytes == emb->bytes ? kh_stdlib_tree_take(emb, path, root) : NULL;
	if (src)
		return src; /* parsed when the binary was built */
	bool keep;
	src = kh_stdlib_cache_get(real, bytes, len, path, root, &keep);
	if (src)
		return src;
	/* Kept from its second reading in a process on, when it has no findings. */
	unsigned before = r->diags->count;
	const char *kept = bytes;
	if (keep && bytes == text) {
		char *copy = kh_alloc_atomic(len + 1);
		memcpy(copy, text, len);
		kept = copy; /* what was read: preparing changes TEXT */
	}
	if (emb && bytes == emb->bytes) {
		/* The copy compiled in, checked and NFC already. */
		if (!text) {
			text = kh_alloc_atomic(len + 2);
			memcpy(text, bytes, len);
			cap = len + 2;
		}
		src = kh_source_from_checked(path, text, len, cap);
	} else {
		src = kh_source_prepare(path, text, len, cap, r->diags);
	}
	if (!src)
		return NULL;
	*root = kh_parse(src, r->diags);
	if (keep && r->diags->count == before)
		kh_stdlib_cache_put(real, kept, len, src, *root);
	return src;
}

loaded_file *rs_load_file(resolver *r, const char *path, const char *real, int *io_error)
{
	kh_source *src;
	kh_node *root = NULL;
	/* The checks read where the main file's strings stand; an import's
	 * are not kept (resolve.c). */
	bool main_file = !r->stack.n && !r->prog->main;
	unsigned parse_flags = (main_file && !r->opts->no_literals ? KH_PARSE_LITERALS : 0) |
			       (main_file ? KH_PARSE_PACK_TASKS : 0) |
			       (main_file && r->opts->strings_in_place ? KH_PARSE_STRINGS_IN_PLACE : 0) |
			       (main_file && r->opts->no_braces ? KH_PARSE_NO_BRACES : 0);
	if (r->bytes) {
		src = kh_source_from_bytes(path, r->bytes, r->nbytes, r->diags);
		r->bytes = NULL;
	} else {
		/* The main file may be a pipe (/dev/stdin); imports are files. */
		bool import = r->stack.n > 0;
		/* A stdlib module: imported, or the prelude (read after the
		 * main file, when the stack is empty again). */
		src = r->next_in_stdlib && (import || r->prog->main)
			      ? load_stdlib_file(r, path, real, io_error, &root)
			      : kh_source_load_file(path, import, r->diags, io_error);
	}
	if (!src)
		return NULL;
	loaded_file *f = KH_NEW(loaded_file);
	f->real = real;
	f->src = src;
	f->state = 1;
	f->in_stdlib = r->stack.n > 0 && r->next_in_stdlib;
	kh_vec_push(&r->stack, f);
	f->root = root ? root : kh_parse_with(src, r->diags, parse_flags);
	for (kh_node *n = f->root->kids; n; n = n->next)
		if (n->kind == KH_N_IMPORT)
			rs_load_import(r, f, n);
	r->stack.n--;
	f->state = 2;
	kh_vec_push(&r->files, f);
	return f;
}
