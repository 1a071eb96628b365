# kehoach - build, test, demo and bench. See README.md.
# `make demo` and `make test` first install what is missing (Debian, as root).

CC      ?= cc
BUILD   ?= build
GEN     := $(BUILD)/gen
PKGS    := bdw-gc libutf8proc
# libxml2 too is loaded when a Word file is written (src/xml_lazy.c).
XML_SONAME := $(or $(shell objdump -p $$(pkg-config --variable=libdir libxml-2.0 2>/dev/null)/libxml2.so 2>/dev/null | awk '/SONAME/{print $$2}'),libxml2.so.2)
# ICU is loaded when an id that is not ASCII is compared or a character
# named (src/icu_lazy.c), by the major version this build's headers have.
ICU_MAJOR := $(or $(firstword $(subst ., ,$(shell pkg-config --modversion icu-uc 2>/dev/null))),72)
# libzip is loaded when a Word file is written (src/zip_lazy.c), by the
# soname of the library this build finds; the fuzz properties read Word
# files with it directly (ZIP_LIBS).
ZIP_SONAME := $(or $(shell objdump -p $$(pkg-config --variable=libdir libzip 2>/dev/null)/libzip.so 2>/dev/null | awk '/SONAME/{print $$2}'),libzip.so.4)
ZIP_LIBS = $(shell pkg-config --libs libzip 2>/dev/null)
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wold-style-definition -Wwrite-strings -Wformat=2 -Wundef
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c17 -D_DEFAULT_SOURCE -DKH_STDLIB_DIR=\"$(CURDIR)/stdlib\" \
             -DKH_LOCALEDIR=\"$(CURDIR)/$(BUILD)/locale\" $(WARN) $(CFLAGS) -Isrc -I$(GEN) \
             $(shell pkg-config --cflags $(PKGS) libzip libxml-2.0 icu-uc icu-i18n 2>/dev/null) \
             -DKH_LIBZIP_SONAME=\"$(ZIP_SONAME)\" -DKH_ICU_MAJOR=\"$(ICU_MAJOR)\" \
             -DKH_LIBXML2_SONAME=\"$(XML_SONAME)\" $(EXTRA_CFLAGS)
# libcsv ships no pkg-config file: linked by name, in every build (LIBS).
# libgc, utf8proc and libcsv are linked from their Debian static archives
# when those are there: three libraries fewer to map and bind at start-up,
# a tenth of a short plan's check (README, Dependencies). Without them, or
# with KH_DYNAMIC=1, the shared libraries as before.
LIBDIR_GC := $(shell pkg-config --variable=libdir bdw-gc 2>/dev/null)
STATIC_OK := $(if $(KH_DYNAMIC),,$(and $(wildcard $(LIBDIR_GC)/libgc.a),$(wildcard $(LIBDIR_GC)/libutf8proc.a),$(wildcard $(LIBDIR_GC)/libcsv.a)))
STATIC_LIBS := -Wl,-Bstatic -lgc -lutf8proc -lcsv -Wl,-Bdynamic -lpthread -ldl
LIBS    = $(if $(STATIC_OK),$(STATIC_LIBS),$(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv) $(EXTRA_LIBS)

SRCS    := $(filter-out src/main.c,$(wildcard src/*.c))
OBJS    := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(SRCS)) $(BUILD)/obj/parser.o $(BUILD)/obj/lexer.o \
           $(BUILD)/obj/stdlib_embed.o $(BUILD)/obj/stdlib_tree.o
# The stdlib compiled in (src/stdlib_embed.h): every .kh under stdlib/, byte for byte.
STDLIB_KH := $(shell find stdlib -name '*.kh' | LC_ALL=C sort)
MAIN    := $(BUILD)/obj/main.o
BIN     := $(BUILD)/kehoach
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))
# Messages: English in the sources, Vietnamese in po/vi.po, compiled into
# the build tree's catalogue (installed as PREFIX/share/locale/...).
MO      := $(BUILD)/locale/vi/LC_MESSAGES/kehoach.mo
POT     := po/kehoach.pot

DEB_PKGS := build-essential flex bison pkg-config libgc-dev libutf8proc-dev libcsv-dev libcmocka-dev libicu-dev \
            clang libclang-rt-14-dev \
            libzip-dev libxml2-dev \
            python3 python3-jsonschema python3-icalendar python3-html5lib libical-dev \
            python3-docx libxml2-utils unzip gettext libc-l10n groff-base man-db

.PHONY: skeleton-table all deps demo test unit asan unit-asan bench bench-attacks clean fuzz fuzz-build fuzz-replay afl afl-build \
        fault fault-full pot editors install uninstall fuzz-lsp fuzz-csv
all: $(BIN) $(MO) editors

# The editors' keyword lists are made from src/keywords.def (tests/editors
# fails when the committed files differ from what it gives).
EDITOR_GEN := editors/vscode/syntaxes/kehoach.tmLanguage.json editors/vim/syntax/kehoach.vim
editors: $(EDITOR_GEN)
$(EDITOR_GEN) &: src/keywords.def tools/gen_editors.py
	/usr/bin/python3 tools/gen_editors.py

# Installs the Debian packages that are missing (needs root; skipped when all are there).
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" != 0 ]; then echo "run as root (or install:$$missing)"; exit 2; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

$(GEN)/parser.c $(GEN)/parser.h: grammar/kehoach.y
	@mkdir -p $(GEN)
	bison -Wall -Werror -o $(GEN)/parser.c --header=$(GEN)/parser.h $<

$(GEN)/lexer.c $(GEN)/lexer.h: grammar/kehoach.l $(GEN)/parser.h
	@mkdir -p $(GEN)
	flex -8 -Cf --header-file=$(GEN)/lexer.h -o $(GEN)/lexer.c $<

$(BUILD)/obj/%.o: src/%.c $(GEN)/parser.h $(GEN)/lexer.h $(wildcard src/*.h) $(wildcard src/*.def)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(GEN)/stdlib_embed.c: $(STDLIB_KH) tools/embed_stdlib.py
	@mkdir -p $(GEN)
	/usr/bin/python3 tools/embed_stdlib.py stdlib $@

# Generated code is compiled with fewer warnings: it is not ours to fix.
$(BUILD)/obj/stdlib_embed.o: $(GEN)/stdlib_embed.c src/stdlib_embed.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<
# The embedded stdlib's syntax trees (src/stdlib_tree.h), which the loader
# takes instead of parsing the modules on every run: made by parsing the
# stdlib with this front end (tools/gen_stdlib_tree.c, linked with every
# object but the trees). The other builds (asan, fuzz, fault) take the
# default build's file: it is C, the same whatever the flags.
HOST_BUILD := build
ifeq ($(BUILD),$(HOST_BUILD))
TREE_TOOL_OBJS = $(filter-out $(BUILD)/obj/stdlib_tree.o,$(OBJS))
$(BUILD)/gen_stdlib_tree: tools/gen_stdlib_tree.c tools/stdlib_tree_none.c $(TREE_TOOL_OBJS)
	$(CC) $(ALL_CFLAGS) -o $@ tools/gen_stdlib_tree.c tools/stdlib_tree_none.c $(TREE_TOOL_OBJS) $(LIBS)
$(GEN)/stdlib_tree.c: $(BUILD)/gen_stdlib_tree
	$(BUILD)/gen_stdlib_tree $@
else
.PHONY: host-stdlib-tree
host-stdlib-tree:
	@$(MAKE) --no-print-directory BUILD=$(HOST_BUILD) CC=cc CFLAGS="-O2 -g" EXTRA_CFLAGS= EXTRA_LIBS= \
	  $(HOST_BUILD)/gen/stdlib_tree.c
$(GEN)/stdlib_tree.c: host-stdlib-tree
	@mkdir -p $(GEN)
	@cmp -s $(HOST_BUILD)/gen/stdlib_tree.c $@ || cp $(HOST_BUILD)/gen/stdlib_tree.c $@
endif
$(BUILD)/obj/stdlib_tree.o: $(GEN)/stdlib_tree.c src/stdlib_tree.h src/ast.h src/source.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<
$(BUILD)/obj/parser.o: $(GEN)/parser.c $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -c -o $@ $<
$(BUILD)/obj/lexer.o: $(GEN)/lexer.c $(GEN)/parser.h $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -Wno-unused-function -Wno-sign-compare \
	  -Wno-shadow -Wno-strict-prototypes -c -o $@ $<

$(BIN): $(OBJS) $(MAIN)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

# The Vietnamese catalogue; --check tests the format directives of each
# translation against its English message.
$(MO): po/vi.po
	@mkdir -p $(dir $@)
	msgfmt --check --statistics -o $@ $<

# Re-extracts the messages into po/kehoach.pot (po/extract.sh) and merges
# them into po/vi.po (new ones untranslated, changed ones fuzzy: translate
# them); tests/i18n/run.sh fails until both are current. Locations name
# the file only, so that moving code does not change the template.
pot:
	po/extract.sh $(POT)
	msgmerge --quiet --update --backup=none --previous --add-location=file po/vi.po $(POT)

$(BUILD)/tests/%: tests/unit/%.c $(OBJS) $(MO)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -o $@ $< $(OBJS) $(LIBS) -lcmocka

# The fuzz target's output validators (tests/fuzz/props.h), and their test.
FUZZ_PROPS := $(wildcard tests/fuzz/props*.c)
FUZZ_PROPS_H := $(wildcard tests/fuzz/props*.h) tests/fuzz/between_inputs.h
$(BUILD)/tests/test_fuzz_props: tests/unit/test_fuzz_props.c $(FUZZ_PROPS) $(FUZZ_PROPS_H) $(OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -o $@ $< $(FUZZ_PROPS) $(OBJS) $(LIBS) $(ZIP_LIBS) -lcmocka

clean:
	rm -rf build out

# make install [PREFIX=/usr/local] [DESTDIR=]: the binary, which finds its
# stdlib at ../share/kehoach/stdlib wherever the tree is moved; the stdlib;
# the compiled messages there are (build/locale/LANG/LC_MESSAGES/kehoach.mo); the
# man pages; bash completion; the editor files. make uninstall removes
# exactly these files (and the folders under share/kehoach left empty).
PREFIX  ?= /usr/local
DEST    = $(DESTDIR)$(PREFIX)
STDLIB_FILES := $(shell find stdlib -type f | LC_ALL=C sort)
EDITOR_FILES := $(shell find editors -type f -not -path '*/node_modules/*' | LC_ALL=C sort)
LOCALE_DIR ?= $(BUILD)/locale
LOCALE_MOS = $(wildcard $(LOCALE_DIR)/*/LC_MESSAGES/kehoach.mo)
install: all
	install -d "$(DEST)/bin"
	install -m 755 $(BIN) "$(DEST)/bin/kehoach"
	@for f in $(STDLIB_FILES) $(EDITOR_FILES); do \
	  install -D -m 644 "$$f" "$(DEST)/share/kehoach/$$f" || exit 1; done
	@for mo in $(LOCALE_MOS); do \
	  lang=$${mo#$(LOCALE_DIR)/}; lang=$${lang%%/*}; \
	  install -D -m 644 "$$mo" "$(DEST)/share/locale/$$lang/LC_MESSAGES/kehoach.mo" || exit 1; done
	install -D -m 644 man/kehoach.1 "$(DEST)/share/man/man1/kehoach.1"
	install -D -m 644 man/vi/kehoach.1 "$(DEST)/share/man/vi/man1/kehoach.1"
	install -D -m 644 completions/kehoach.bash "$(DEST)/share/bash-completion/completions/kehoach"
	@echo "installed kehoach in $(DEST)"

uninstall:
	rm -f "$(DEST)/bin/kehoach" "$(DEST)/share/man/man1/kehoach.1" \
	  "$(DEST)/share/man/vi/man1/kehoach.1" "$(DEST)/share/bash-completion/completions/kehoach"
	rm -f "$(DEST)"/share/locale/*/LC_MESSAGES/kehoach.mo
	@for f in $(STDLIB_FILES) $(EDITOR_FILES); do rm -f "$(DEST)/share/kehoach/$$f"; done
	@if [ -d "$(DEST)/share/kehoach" ]; then find "$(DEST)/share/kehoach" -depth -type d -empty -delete; fi

unit: $(UNIT_BINS)

# A second, independent calendar reader for the tests (libical).
$(BUILD)/tests/icalcheck: tests/ics/icalcheck.c
	@mkdir -p $(dir $@)
	$(CC) -std=c17 -Wall -Wextra $(CFLAGS) -o $@ $< $(shell pkg-config --cflags --libs libical)

# The sanitizer build: libgc and ASan do not mix, so allocation maps to
# plain calloc (-DKH_NO_GC) and leak reports are off (nothing is freed).
ASAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
asan:
	$(MAKE) --no-print-directory BUILD=build/asan CFLAGS="$(ASAN_FLAGS)" \
	  EXTRA_CFLAGS=-DKH_NO_GC EXTRA_LIBS="$(ASAN_FLAGS)" build/asan/kehoach build/asan/afl_cli \
	  build/asan/locale/vi/LC_MESSAGES/kehoach.mo unit-asan

unit-asan: $(UNIT_BINS)

# The fault-injection build: KH_FAIL_ALLOC_AT=N fails the Nth allocation,
# KH_ALLOC_COUNT=1 counts them (src/alloc.c). `make test` sweeps part of
# the range of every command (tests/fault/run.py); `make fault-full` all of it.
fault:
	$(MAKE) --no-print-directory BUILD=build/fault CFLAGS="-O1 -g" \
	  EXTRA_CFLAGS=-DKH_FAULT_INJECT build/fault/kehoach

fault-full: fault
	/usr/bin/python3 tests/fault/run.py --full build/fault/kehoach

test: deps
	@$(MAKE) --no-print-directory all unit build/tests/icalcheck
	@$(MAKE) --no-print-directory asan
	@$(MAKE) --no-print-directory fuzz-build
	@$(MAKE) --no-print-directory fault
	@tests/run.sh build build/asan

demo: deps all
	@mkdir -p out
	@echo "== kehoach check examples/*.kh (the findings are the source documents' real defects)"
	@./$(BIN) check examples/*.kh; rc=$$?; test $$rc -le 1 || exit $$rc
	@for f in examples/*.kh; do \
	  n=$$(basename $$f .kh); ./$(BIN) json -o out/$$n.json $$f && echo "wrote out/$$n.json"; \
	done
	@echo "== outputs of examples/297-HD-UBND-2019.kh"
	@f=examples/297-HD-UBND-2019.kh; n=297-HD-UBND-2019; set -e; \
	  ./$(BIN) schedule --ics -o out/$$n.ics $$f; \
	  ./$(BIN) schedule --ics --mirror-events -o out/$$n-google.ics $$f; \
	  ./$(BIN) schedule -o out/$$n-schedule.txt $$f; \
	  ./$(BIN) schedule --svg -o out/$$n-schedule.svg $$f; \
	  ./$(BIN) checklist -o out/$$n-checklists.md $$f; \
	  ./$(BIN) checklist --csv -o out/$$n-checklists.csv $$f; \
	  ./$(BIN) checklist --html -o out/$$n-checklists.html $$f; \
	  ./$(BIN) checklist --for bchqs_tinh -o out/$$n-checklist-bchqs_tinh.md $$f; \
	  ./$(BIN) outline -o out/$$n-outline.md $$f; \
	  ./$(BIN) outline --html -o out/$$n-outline.html $$f; \
	  ./$(BIN) render --html -o out/$$n.html $$f; \
	  ./$(BIN) render --docx -o out/$$n.docx $$f; \
	  ls out/$$n*

# The benchmark (bench/README.md): both plans at 1k/10k/100k tasks, the
# read and lex floors, TaskJuggler side by side, then the attack shapes.
BENCH_BUILD := build/bench
bench: deps
	@$(MAKE) --no-print-directory BUILD=$(BENCH_BUILD) CFLAGS="-O2 -DNDEBUG" \
	  $(BENCH_BUILD)/kehoach $(BENCH_BUILD)/lexonly
	bench/run.sh $(BENCH_BUILD)/kehoach $(BENCH_BUILD)/lexonly
	/usr/bin/python3 bench/attacks.py $(BENCH_BUILD)/kehoach

# ICU's skeletons of the Vietnamese letters' blocks (src/skeleton.c's
# table), from the ICU installed: run when Debian's ICU changes, which
# test_skeleton notices.
skeleton-table:
	$(CC) -O1 -o $(BUILD)/gen_skeleton_table tools/gen_skeleton_table.c \
	  $$(pkg-config --cflags --libs icu-uc icu-i18n)
	$(BUILD)/gen_skeleton_table > src/skeleton_table.h

# The bare front end (bench/lexonly.c): load, lex, or lex and parse a file.
$(BUILD)/lexonly: bench/lexonly.c $(OBJS) $(wildcard src/*.h)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(OBJS) $(LIBS)

# The attack shapes alone, at n and 10n (bench/attacks.py).
bench-attacks: deps
	@$(MAKE) --no-print-directory BUILD=$(BENCH_BUILD) CFLAGS="-O2 -DNDEBUG" $(BENCH_BUILD)/kehoach
	/usr/bin/python3 bench/attacks.py $(BENCH_BUILD)/kehoach

# Fuzzing (libFuzzer, clang): `make fuzz` runs for FUZZ_SECONDS; `make test`
# replays the examples, the broken inputs and tests/fuzz/corpus (crashes
# found once are kept there as regression inputs). ASan and UBSan: the
# collector is off (-DKH_NO_GC) and every block is listed (-DKH_ALLOC_TRACK)
# so the target frees all of one input's memory before the next.
FUZZ_SECONDS ?= 60
FUZZ_MAX_LEN ?= 1048576
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_FLAGS := -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link $(FUZZ_SAN)
fuzz-build:
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang CFLAGS="$(FUZZ_FLAGS)" \
	  EXTRA_CFLAGS="-DKH_NO_GC -DKH_ALLOC_TRACK" build/fuzz/fuzz_plan build/fuzz/fuzz_lsp \
	  build/fuzz/fuzz_csv

$(BUILD)/fuzz_plan: tests/fuzz/fuzz_plan.c $(FUZZ_PROPS) $(FUZZ_PROPS_H) $(OBJS)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $< $(FUZZ_PROPS) $(OBJS) $(LIBS) $(ZIP_LIBS)

# The language server's target (tests/fuzz/fuzz_lsp.c): bytes as the editor's
# messages. `make fuzz-lsp` runs it; `make test` replays tests/fuzz/lsp-corpus.
$(BUILD)/fuzz_lsp: tests/fuzz/fuzz_lsp.c $(FUZZ_PROPS) $(FUZZ_PROPS_H) $(OBJS)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $< $(FUZZ_PROPS) $(OBJS) $(LIBS) $(ZIP_LIBS)

# The nominee CSV reader's target (tests/fuzz/fuzz_csv.c): bytes as a
# nominee file. `make fuzz-csv` runs it; `make test` replays tests/fuzz/csv-corpus.
$(BUILD)/fuzz_csv: tests/fuzz/fuzz_csv.c $(OBJS)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $< $(OBJS) $(LIBS)

# The command line driven by a file (tests/fuzz/afl_cli.c): main() is
# linked in under another name and the driver checks what every run
# promises. Built with AFL++'s compiler for `make afl`, and plainly (ASan)
# to replay tests/fuzz/cli-corpus in `make test`.
$(BUILD)/obj/main_cli.o: src/main.c $(GEN)/parser.h $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Dmain=kh_cli_main -Wno-missing-prototypes -c -o $@ $<
$(BUILD)/afl_cli: tests/fuzz/afl_cli.c $(OBJS) $(BUILD)/obj/main_cli.o
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -o $@ $^ $(LIBS)

AFL_SECONDS ?= 60
AFL_FLAGS := -g -O1 -fno-omit-frame-pointer $(FUZZ_SAN)
afl-build:
	@command -v afl-clang-fast >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
	@$(MAKE) --no-print-directory BUILD=build/afl CC=afl-clang-fast CFLAGS="$(AFL_FLAGS)" \
	  EXTRA_CFLAGS=-DKH_NO_GC EXTRA_LIBS="$(FUZZ_SAN)" build/afl/afl_cli

# Seeds: every small plan of the test suite under each command line.
afl: deps afl-build
	@command -v afl-fuzz >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
	@tests/fuzz/afl_seeds.py build/afl-in
	AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 \
	  KH_AFL_SCRATCH=$(CURDIR)/build/afl-scratch \
	  afl-fuzz -i build/afl-in -o build/afl-out -V $(AFL_SECONDS) -m none -t 5000 \
	  -x tests/fuzz/kehoach.dict -- build/afl/afl_cli @@

fuzz: deps fuzz-build
	@mkdir -p build/fuzz-corpus
	# The rule cases are small plans that resolve cleanly: seeds that reach
	# the checker and every emitter (the examples are longer than max_len).
	build/fuzz/fuzz_plan -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAX_LEN) -rss_limit_mb=4096 -timeout=10 -close_fd_mask=2 \
	  -dict=tests/fuzz/kehoach.dict build/fuzz-corpus tests/fuzz/corpus examples tests/bad tests/rules/*/ tests/fmt

fuzz-lsp: deps fuzz-build
	@mkdir -p build/fuzz-lsp-corpus
	build/fuzz/fuzz_lsp -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=4096 -timeout=10 \
	  -close_fd_mask=2 -dict=tests/fuzz/lsp.dict build/fuzz-lsp-corpus tests/fuzz/lsp-corpus

fuzz-csv: deps fuzz-build
	@mkdir -p build/fuzz-csv-corpus
	build/fuzz/fuzz_csv -max_total_time=$(FUZZ_SECONDS) -max_len=262144 -rss_limit_mb=4096 -timeout=10 \
	  -close_fd_mask=2 -dict=tests/fuzz/csv.dict build/fuzz-csv-corpus tests/fuzz/csv-corpus

fuzz-replay: fuzz-build
	build/fuzz/fuzz_plan -runs=0 examples tests/bad tests/fuzz/corpus tests/rules/*/ tests/fmt
