SHELL := /bin/bash
# Thin wrapper over CMake. `make demo` and `make test` do all set-up themselves.
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
# `make test SANITIZE=1`: the whole suite built with AddressSanitizer + UBSan in build-asan/
# (docs/reliability.md has the figures of a run).
ifeq ($(SANITIZE),1)
BUILD ?= build-asan
override CMAKE_FLAGS += -DTIDEMARK_SANITIZE=ON -DTIDEMARK_BUILD_BENCH=OFF
export ASAN_OPTIONS ?= detect_leaks=0:abort_on_error=1
export UBSAN_OPTIONS ?= print_stacktrace=1:halt_on_error=1
else
BUILD ?= build
endif

.PHONY: deps configure build demo test bench clean fuzz fuzz-build fuzz-replay fuzz-ci

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# The main job on the demo data: the desktop app with a display, else a coverage map PNG.
demo: build
	@scripts/demo.sh $(BUILD)

# The PostgreSQL tests run against a throwaway PostGIS cluster started (and removed) around ctest.
test: build
	@scripts/pg-throwaway.sh sh -c 'cd $(BUILD) && ctest --output-on-failure -j $(JOBS)'

bench: build
	@scripts/bench.sh $(BUILD)

# libFuzzer targets (fuzz/, clang, ASan + UBSan) in their own build folder.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= nmea csv_tracks tag_block ais_json gpx kraken routes
# Real logs beside the checkout seed the NMEA target too (read only: never copied here).
FUZZ_SHARED_AIS := $(wildcard ../shared/data/ais)

fuzz-build: deps
	@CC=clang CXX=clang++ cmake -S fuzz -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS)

# Each target for FUZZ_SECONDS (niced), or for FUZZ_RUNS executions when given (the figures in
# docs/reliability.md: `make fuzz FUZZ_RUNS=10000000`): new inputs collect in
# $(FUZZ_BUILD)/corpus/<target>, crashes in $(FUZZ_BUILD)/crashes/<target>-*, each run's log in
# $(FUZZ_BUILD)/logs/<target>.log. A crash found becomes a regression test.
FUZZ_LIMIT = $(if $(FUZZ_RUNS),-runs=$(FUZZ_RUNS),-max_total_time=$(FUZZ_SECONDS))
# More libFuzzer flags, e.g. FUZZ_FLAGS=-max_len=4096 (the real AIS logs among the NMEA seeds are
# 47 KB: inputs that long are mostly more of the same lines, at a tenth of the speed).
FUZZ_FLAGS ?=
fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/crashes $(FUZZ_BUILD)/logs; \
	  extra=; [ $$t = nmea ] && extra="$(FUZZ_SHARED_AIS)"; \
	  dict=; [ -f fuzz/$$t.dict ] && dict=-dict=fuzz/$$t.dict; \
	  echo "fuzzing $$t ($(FUZZ_LIMIT))"; \
	  nice $(FUZZ_BUILD)/fuzz_$$t $(FUZZ_LIMIT) $(FUZZ_FLAGS) -print_final_stats=1 $$dict \
	    -artifact_prefix=$(FUZZ_BUILD)/crashes/$$t- $(FUZZ_BUILD)/corpus/$$t fuzz/corpus/$$t $$extra \
	    2>&1 | tee $(FUZZ_BUILD)/logs/$$t.log | grep -E '^(stat::|==|SUMMARY|INFO: seed)' ; \
	  [ $${PIPESTATUS[0]} -eq 0 ] || { tail -40 $(FUZZ_BUILD)/logs/$$t.log; exit 1; }; \
	done

# Runs every committed seed once, no fuzzing: the quick check CI can afford.
fuzz-replay: fuzz-build
	@for t in $(FUZZ_TARGETS); do $(FUZZ_BUILD)/fuzz_$$t -runs=0 fuzz/corpus/$$t || exit 1; done

# CI: the seeds replayed, then each target fuzzed briefly (a crash fails the run). Seven
# targets at 10 s each keep the fuzzing part of CI at about a minute and a quarter.
fuzz-ci: fuzz-replay
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(or $(FUZZ_CI_SECONDS),10)

clean:
	rm -rf $(BUILD)
