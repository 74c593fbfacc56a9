# Makefile - girc: build, test, install. Plain make; no autotools, no cmake.
#   make            build build/girc
#   make demo       install missing build packages, build, compile the example into out/
#   make check      install missing test packages, build, run every test (+ ASan/UBSan)
#   make fuzz       run each libFuzzer harness for FUZZ_SECONDS (default 60)
#   make leakcheck  valgrind over every example/golden, back end, fmt, import, lsp session
#   make bench      time girc against peers on the same input (tools/bench.sh)
#   make layers     fail if a file in src/ uses a folder above its own (tools/layers.py)
#   make format     clang-format (.clang-format) the C files you changed
#   make install    PREFIX=/usr/local DESTDIR=
#   make uninstall  remove what make install put there
#   make clean
# CC, CFLAGS, CPPFLAGS and LDFLAGS from the environment or the command line
# are honoured (CFLAGS replaces the default -O2 -g); the warnings, and
# -Werror, always stay on.
# re2c and bison output is generated into build/gen and never committed.

CC       ?= gcc
ifeq ($(origin CC),default)
CC       := gcc
endif
PREFIX   ?= /usr/local
DESTDIR  ?=
B        := build
PKGS     := libcmark libutf8proc libcjson libxml-2.0 poppler-glib libzip xlsxwriter
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# The libraries only some commands need are compiled against but not
# linked: each is loaded with dlopen when first needed (src/base/dynlib.h;
# the shims src/import/pdflib.c, src/render/xmllib.c, ziplib.c,
# xlsxlib.c), so they cost nothing to the start of the commands that use
# none (README, "Dependencies"). LOADED names each as the linker would
# (-lNAME); its soname, read from the lib*.so the linker would take, is
# given to the shim as GIRC_SONAME_NAME (the shim has a fallback).
LOADED     := poppler-glib xml2 zip xlsxwriter
LOADED_PKGS := poppler-glib libxml-2.0 libzip xlsxwriter
LINK_PKGS  := $(filter-out $(LOADED_PKGS),$(PKGS))
PKG_LIBS   := $(shell pkg-config --libs $(LINK_PKGS) 2>/dev/null) -ldl
soname     = $(shell objdump -p "$$($(CC) -print-file-name=lib$(1).so)" 2>/dev/null | sed -n 's/^ *SONAME *//p')
SONAMES    := $(foreach l,$(LOADED),-DGIRC_SONAME_$(subst -,_,$(shell echo $(l) | tr a-z A-Z))='"$(call soname,$(l))"')
CMOCKA_CFLAGS := $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell pkg-config --libs cmocka 2>/dev/null)
WARN     := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-format-zero-length
GIRC_CPPFLAGS := -Isrc -I$(B)/gen $(PKG_CFLAGS) $(SONAMES) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -MMD -MP
CFLAGS   ?= -O2 -g
OPT      := $(CFLAGS)
SAN      := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDLIBS   := $(PKG_LIBS) -lm
RE2C     ?= re2c
BISON    ?= bison

# one folder per stage (src/README.md); the entry point is src/cli/main.c
SRCS     := $(wildcard src/*/*.c)
LIBSRCS  := $(filter-out src/cli/main.c,$(SRCS))
GENSRCS  := $(B)/gen/lexer.c $(B)/gen/parser.c $(B)/gen/stdlib_data.c
STDLIB   := $(wildcard stdlib/*.gir)
OBJS     := $(patsubst src/%.c,$(B)/obj/%.o,$(LIBSRCS)) $(patsubst $(B)/gen/%.c,$(B)/obj/%.o,$(GENSRCS))
AOBJS    := $(patsubst $(B)/obj/%,$(B)/asan/%,$(OBJS))
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT     := $(patsubst tests/unit/%.c,$(B)/tests/%,$(UNIT_SRCS))
AUNIT    := $(patsubst tests/unit/%.c,$(B)/asan-tests/%,$(UNIT_SRCS))

.PHONY: all demo check check-run deps deps-check install uninstall clean tools-version bench fuzz leakcheck update-golden layers format
all: $(B)/girc

# ---- dependencies (Debian packages) ----
deps:
	@tools/deps.sh build
deps-check:
	@tools/deps.sh check

# ---- generated code ----
$(B)/.tools-ok:
	@mkdir -p $(B)
	@v=$$($(RE2C) --version 2>/dev/null | sed -n 's/^re2c \([0-9]*\)\..*/\1/p'); \
	 if [ -z "$$v" ] || [ "$$v" -lt 3 ]; then echo "girc: re2c >= 3.0 is required (found: $$($(RE2C) --version 2>&1 | head -1)); run make deps" >&2; exit 1; fi
	@v=$$($(BISON) --version 2>/dev/null | sed -n '1s/.* \([0-9]*\)\.\([0-9]*\).*/\1 \2/p'); \
	 set -- $$v; if [ -z "$$v" ] || [ "$$1" -lt 3 ] || { [ "$$1" -eq 3 ] && [ "$$2" -lt 6 ]; }; then \
	 echo "girc: bison >= 3.6 is required (found: $$($(BISON) --version 2>&1 | head -1)); run make deps" >&2; exit 1; fi
	@touch $@

$(B)/gen/parser.c $(B)/gen/parser.h &: grammar/parser.y $(B)/.tools-ok
	@mkdir -p $(B)/gen
	$(BISON) -Wall -Werror -Wcounterexamples --header=$(B)/gen/parser.h -o $(B)/gen/parser.c $<

$(B)/gen/lexer.c: grammar/lexer.re $(B)/gen/parser.h $(B)/.tools-ok
	@mkdir -p $(B)/gen
	$(RE2C) -8 --input-encoding utf8 -W -Werror --no-generation-date --no-version -o $@ $<

$(B)/embed: tools/embed.c
	@mkdir -p $(B)
	$(CC) -std=c11 -Wall -Wextra -Werror -O1 -o $@ $<

$(B)/gen/stdlib_data.c: $(STDLIB) $(B)/embed
	@mkdir -p $(B)/gen
	$(B)/embed $@ $(foreach f,$(STDLIB),$(basename $(notdir $(f)))=$(f))

# ---- objects ----
$(B)/obj/%.o: src/%.c | $(B)/gen/parser.h
	@mkdir -p $(@D)
	$(CC) $(GIRC_CPPFLAGS) $(CPPFLAGS) $(WARN) $(OPT) -c -o $@ $<
$(B)/obj/%.o: $(B)/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(GIRC_CPPFLAGS) $(CPPFLAGS) $(WARN) -Wno-unused-function -Wno-unused-but-set-variable $(OPT) -c -o $@ $<
$(B)/asan/%.o: src/%.c | $(B)/gen/parser.h
	@mkdir -p $(@D)
	$(CC) $(GIRC_CPPFLAGS) $(CPPFLAGS) $(WARN) $(SAN) -c -o $@ $<
$(B)/asan/%.o: $(B)/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(GIRC_CPPFLAGS) $(CPPFLAGS) $(WARN) -Wno-unused-function -Wno-unused-but-set-variable $(SAN) -c -o $@ $<

$(B)/libgirc.a: $(OBJS)
	rm -f $@ && ar rcs $@ $^
$(B)/libgirc-asan.a: $(AOBJS)
	rm -f $@ && ar rcs $@ $^

$(B)/girc: $(B)/obj/cli/main.o $(B)/libgirc.a
	$(CC) $(OPT) $(LDFLAGS) -o $@ $^ $(LDLIBS)
$(B)/asan/girc: $(B)/asan/cli/main.o $(B)/libgirc-asan.a
	$(CC) $(SAN) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# ---- tests ----
$(B)/tests/%: tests/unit/%.c $(B)/libgirc.a | $(B)/gen/parser.h
	@mkdir -p $(@D)
	$(CC) $(GIRC_CPPFLAGS) $(CPPFLAGS) $(CMOCKA_CFLAGS) $(WARN) $(OPT) $(LDFLAGS) -o $@ $< $(B)/libgirc.a $(CMOCKA_LIBS) $(LDLIBS)
$(B)/asan-tests/%: tests/unit/%.c $(B)/libgirc-asan.a | $(B)/gen/parser.h
	@mkdir -p $(@D)
	$(CC) $(GIRC_CPPFLAGS) $(CPPFLAGS) $(CMOCKA_CFLAGS) $(WARN) $(SAN) $(LDFLAGS) -o $@ $< $(B)/libgirc-asan.a $(CMOCKA_LIBS) $(LDLIBS)

# ---- fuzzing: clang libFuzzer + ASan + UBSan (tests/fuzz/) ----
# make fuzz runs each harness for FUZZ_SECONDS, one after the other; the
# grown corpus stays in build/fuzz/corpus/NAME, crashes in build/fuzz/crash/.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
# every harness in tests/fuzz/ (fuzz_NAME.c), so that a new one is run too
FUZZ_NAMES   := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SAN     := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_BINS    := $(patsubst %,$(B)/fuzz/fuzz_%,$(FUZZ_NAMES))
FOBJS        := $(patsubst $(B)/obj/%,$(B)/fuzz/obj/%,$(OBJS))
$(B)/fuzz/obj/%.o: src/%.c | $(B)/gen/parser.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(GIRC_CPPFLAGS) $(CPPFLAGS) $(WARN) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c -o $@ $<
$(B)/fuzz/obj/%.o: $(B)/gen/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(GIRC_CPPFLAGS) $(CPPFLAGS) $(WARN) -Wno-unused-function -Wno-unused-but-set-variable $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c -o $@ $<
$(B)/libgirc-fuzz.a: $(FOBJS)
	rm -f $@ && ar rcs $@ $^
$(B)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(B)/libgirc-fuzz.a | $(B)/gen/parser.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(GIRC_CPPFLAGS) $(CPPFLAGS) $(WARN) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $< $(B)/libgirc-fuzz.a $(LDLIBS)
fuzz: $(FUZZ_BINS)
	@for n in $(FUZZ_NAMES); do tests/fuzz/run.sh $$n $(FUZZ_SECONDS) || exit 1; done

# ---- memory and speed ----
# make leakcheck: valgrind over every example and golden, every back end,
# fmt, import and scripted lsp sessions (tools/leakcheck.sh); .ci/run runs it.
leakcheck: $(B)/girc
	@tools/leakcheck.sh
# make bench: girc against peers on the same input (tools/bench.sh); no assertions.
bench: $(B)/girc
	@tools/bench.sh

# make check: install what is missing, then build and run everything.
check: deps-check
	@$(MAKE) --no-print-directory check-run
check-run: $(B)/girc $(B)/asan/girc $(UNIT) $(AUNIT) $(FUZZ_BINS)
	@$(MAKE) --no-print-directory layers
	@tests/run.sh

# make layers: every include and every symbol an object takes from another
# object must come from its own folder or one below it (src/README.md).
layers: $(B)/libgirc.a $(B)/obj/cli/main.o
	@python3 tools/layers.py --objects $(B)/obj src

# make format: clang-format (the style is .clang-format) over the C files
# changed since HEAD, new ones included; FILES="a.c b.h" names others.
FORMAT_FILES = $(shell { git diff --name-only --diff-filter=AMR HEAD; git ls-files --others --exclude-standard; } 2>/dev/null | grep -E '^(src|tests|tools)/.*\.[ch]$$' | sort -u)
format:
	@files="$(or $(FILES),$(FORMAT_FILES))"; \
	 if [ -z "$$files" ]; then echo "make format: no changed C files (FILES=... to name some)"; exit 0; fi; \
	 clang-format -i $$files && echo "make format: $$files"

# make update-golden: rewrite every golden the suites compare (diagnostics,
# back ends, import, lsp sessions) from the current build; review the diff.
update-golden: $(B)/girc
	@for s in golden build import lsp waive data; do GIRC=$(B)/girc GIRC_UPDATE_GOLDEN=1 sh tests/suites/$$s.sh | grep -c updated | sed "s/^/$$s: updated /"; done

# ---- demo ----
# The check prints the example's diagnostics once; the builds keep theirs
# (the same ones) off the terminal (JSON on standard output, discarded).
demo: deps
	@$(MAKE) --no-print-directory $(B)/girc
	@mkdir -p out
	$(B)/girc check examples/mahekou-2020.gir
	@tools/backends.sh $(B)/girc | while read name ext; do \
	  $(B)/girc --diagnostics=json build -f $$name -o out/mahekou-2020$$ext examples/mahekou-2020.gir > /dev/null || exit 1; \
	  echo "girc: wrote out/mahekou-2020$$ext"; done

# ---- install ----
install: $(B)/girc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man5 $(DESTDIR)$(PREFIX)/share/girc/stdlib
	install -m 755 $(B)/girc $(DESTDIR)$(PREFIX)/bin/girc
	install -m 644 man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 man/*.5 $(DESTDIR)$(PREFIX)/share/man/man5/
	install -m 644 stdlib/*.gir $(DESTDIR)$(PREFIX)/share/girc/stdlib/
	install -d $(DESTDIR)$(PREFIX)/share/vim/vimfiles/syntax $(DESTDIR)$(PREFIX)/share/vim/vimfiles/ftdetect $(DESTDIR)$(PREFIX)/share/vim/vimfiles/ftplugin $(DESTDIR)$(PREFIX)/share/vim/vimfiles/compiler $(DESTDIR)$(PREFIX)/share/emacs/site-lisp/girc
	install -m 644 editors/vim/syntax/gir.vim $(DESTDIR)$(PREFIX)/share/vim/vimfiles/syntax/gir.vim
	install -m 644 editors/vim/ftdetect/gir.vim $(DESTDIR)$(PREFIX)/share/vim/vimfiles/ftdetect/gir.vim
	install -m 644 editors/vim/ftplugin/gir.vim $(DESTDIR)$(PREFIX)/share/vim/vimfiles/ftplugin/gir.vim
	install -m 644 editors/vim/compiler/girc.vim $(DESTDIR)$(PREFIX)/share/vim/vimfiles/compiler/girc.vim
	install -m 644 editors/emacs/gir-mode.el $(DESTDIR)$(PREFIX)/share/emacs/site-lisp/girc/gir-mode.el
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions
	install -m 644 completions/girc.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/girc
	install -m 644 completions/_girc $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_girc

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/girc
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/share/man/man1/,$(notdir $(wildcard man/*.1)))
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/share/man/man5/,$(notdir $(wildcard man/*.5)))
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/share/girc/stdlib/,$(notdir $(STDLIB)))
	-rmdir $(DESTDIR)$(PREFIX)/share/girc/stdlib $(DESTDIR)$(PREFIX)/share/girc 2>/dev/null
	rm -f $(DESTDIR)$(PREFIX)/share/vim/vimfiles/syntax/gir.vim $(DESTDIR)$(PREFIX)/share/vim/vimfiles/ftdetect/gir.vim $(DESTDIR)$(PREFIX)/share/vim/vimfiles/ftplugin/gir.vim $(DESTDIR)$(PREFIX)/share/vim/vimfiles/compiler/girc.vim
	rm -f $(DESTDIR)$(PREFIX)/share/emacs/site-lisp/girc/gir-mode.el
	-rmdir $(DESTDIR)$(PREFIX)/share/emacs/site-lisp/girc 2>/dev/null
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/girc $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_girc

clean:
	rm -rf $(B) out

-include $(wildcard $(B)/obj/*.d $(B)/obj/*/*.d $(B)/asan/*.d $(B)/asan/*/*.d $(B)/tests/*.d $(B)/asan-tests/*.d $(B)/fuzz/obj/*.d $(B)/fuzz/obj/*/*.d $(B)/fuzz/*.d)
