# tda-tools — build, test, demo, bench, install.
# `make demo` and `make test` are the two commands the README promises on a fresh machine.

SWIFT    ?= swift
PREFIX   ?= /usr/local
# Release builds target this machine's CPU: without it there is no FMA and SIMD code runs
# 10–200× slower (STYLE.md). `make build NATIVE=0` gives a portable build.
NATIVE   ?= 1
SCRATCH  := $(if $(filter 1,$(NATIVE)),.build-native,.build-portable)
RELEASE  := $(SWIFT) build -c release --scratch-path $(SCRATCH) $(if $(filter 1,$(NATIVE)),-Xswiftc -target-cpu -Xswiftc native)
TOOLS    := nn-train nn-activations ph-rips ph-graph mapper perslay-vec gap-regress tda tda-plot
SHELL    := /bin/bash
SHELLS   := bash zsh fish

.PHONY: all build debug test test-deps test-distributed demo bench completions install uninstall clean

# Programs the tests run besides the tools: shells for the completion tests, mandoc and groff
# for the man-page checks, rsvg-convert for the SVG test, Chromium for the Mapper page test,
# jq, Graphviz, GNU parallel and python3 with NumPy (pip, else Debian's) for the documented examples.
# Each entry is COMMAND-or-PATH:DEBIAN-PACKAGE.
TEST_DEPS := zsh:zsh fish:fish mandoc:mandoc groff:groff rsvg-convert:librsvg2-bin \
             chromium:chromium jq:jq neato:graphviz parallel:parallel \
             /usr/share/bash-completion/bash_completion:bash-completion
# What test-distributed runs: Slurm with munge, sshd and ssh, GNU parallel with rsync, ip, and
# jq for the CNN topology study.
DISTRIBUTED_DEPS := slurmctld:slurmctld slurmd:slurmd sbatch:slurm-client munged:munge \
             /usr/sbin/sshd:openssh-server ssh:openssh-client parallel:parallel rsync:rsync ip:iproute2 jq:jq

# $(call install-missing,TARGET,PAIRS[,SHELL]): installs the packages of the pairs whose command
# or path is missing (and those SHELL adds to `missing`) with apt-get as root, else a clear message.
define install-missing
@missing=(); for pair in $(2); do what=$${pair%%:*}; pkg=$${pair#*:}; \
  if [[ $$what == /* ]]; then [ -e "$$what" ] || missing+=("$$pkg"); \
  else command -v "$$what" >/dev/null || missing+=("$$pkg"); fi; done; \
$(3) \
[ $${#missing[@]} -eq 0 ] && exit 0; \
if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
  echo "make $(1): installing $${missing[*]}" >&2; \
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$${missing[@]}" >/dev/null; \
else echo "make $(1): the tests need these Debian packages: $${missing[*]} (install them as root: apt-get install $${missing[*]})" >&2; exit 1; fi
endef

all: build

build:
	$(RELEASE)

debug:
	$(SWIFT) build

# Unit, golden and CLI tests. CLI tests run the debug executables, so build them first; the
# documented examples run as a user runs them, on the release build (TDA_RELEASE_BIN).
test: test-deps debug build
	TDA_RELEASE_BIN="$$($(RELEASE) --show-bin-path)" $(SWIFT) test

# Installs what the tests need and is missing: with apt-get as root, else a clear message.
test-deps:
	$(call install-missing,test-deps,$(TEST_DEPS),python3 -c 'import numpy' 2>/dev/null || python3 -m pip install -q numpy >&2 || missing+=(python3-numpy);)

# The studies on a real two-node Slurm cluster and over ssh to two hosts, each node a network
# namespace of this machine (root; about a minute): Tests/Distributed/run.sh.
test-distributed: build
	$(call install-missing,test-distributed,$(DISTRIBUTED_DEPS))
	Tests/Distributed/run.sh "$$($(RELEASE) --show-bin-path)"

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
