# tda-tools — build, test, demo, bench, install.
# `make demo` and `make test` are the two commands the README promises on a fresh machine.

SWIFT    ?= swift
PREFIX   ?= /usr/local
# Release builds target this machine's CPU: without it there is no FMA and SIMD code runs
# 10–200× slower (STYLE.md). `make build NATIVE=0` gives a portable build.
NATIVE   ?= 1
SCRATCH  := $(if $(filter 1,$(NATIVE)),.build-native,.build-portable)
RELEASE  := $(SWIFT) build -c release --scratch-path $(SCRATCH) $(if $(filter 1,$(NATIVE)),-Xswiftc -target-cpu -Xswiftc native)
TOOLS    := nn-train nn-activations ph-rips mapper perslay-vec gap-regress tda tda-plot
SHELL    := /bin/bash
SHELLS   := bash zsh fish

.PHONY: all build debug test demo bench completions install uninstall clean

all: build

build:
	$(RELEASE)

debug:
	$(SWIFT) build

# Unit, golden and CLI tests. CLI tests run the debug executables, so build them first.
test: debug
	$(SWIFT) test

demo: build
	PATH="$$($(RELEASE) --show-bin-path):$$PATH" ./examples/demo.sh

bench: build
	PATH="$$($(RELEASE) --show-bin-path):$$PATH" ./bench/run-all.sh

# Regenerates completions/ from the option tables (a test checks the committed files match).
completions: debug
	@for shell in $(SHELLS); do mkdir -p completions/$$shell; done
	@for tool in $(TOOLS); do \
	  .build/debug/tda completions bash $$tool > completions/bash/$$tool; \
	  .build/debug/tda completions zsh $$tool > completions/zsh/_$$tool; \
	  .build/debug/tda completions fish $$tool > completions/fish/$$tool.fish; \
	done

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man5 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	bin=$$($(RELEASE) --show-bin-path); for tool in $(TOOLS); do install -m 755 $$bin/$$tool $(DESTDIR)$(PREFIX)/bin/; done
	install -m 644 man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 man/*.5 $(DESTDIR)$(PREFIX)/share/man/man5/
	install -m 644 completions/bash/* $(DESTDIR)$(PREFIX)/share/bash-completion/completions/
	install -m 644 completions/zsh/* $(DESTDIR)$(PREFIX)/share/zsh/site-functions/
	install -m 644 completions/fish/* $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/

uninstall:
	for tool in $(TOOLS); do rm -f $(DESTDIR)$(PREFIX)/bin/$$tool $(DESTDIR)$(PREFIX)/share/man/man1/$$tool.1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/$$tool $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_$$tool \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/$$tool.fish; done
	rm -f $(DESTDIR)$(PREFIX)/share/man/man5/tda-records.5

clean:
	rm -rf .build .build-native .build-portable
