# Thin wrapper over CMake. `make demo` and `make test` do all set-up themselves.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

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
FUZZ_TARGETS ?= nmea csv_tracks tag_block gpx kraken routes
# Real logs beside the checkout seed the NMEA target too (read only: never copied here).
FUZZ_SHARED_AIS := $(wildcard ../shared/data/ais)

fuzz-build: deps
	@CC=clang CXX=clang++ cmake -S fuzz -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS)

# Each target for FUZZ_SECONDS (niced): new inputs collect in $(FUZZ_BUILD)/corpus/<target>,
# crashes in $(FUZZ_BUILD)/crashes/<target>-*. A crash found becomes a regression test.
fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/crashes; \
	  extra=; [ $$t = nmea ] && extra="$(FUZZ_SHARED_AIS)"; \
	  dict=; [ -f fuzz/$$t.dict ] && dict=-dict=fuzz/$$t.dict; \
	  echo "fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  nice $(FUZZ_BUILD)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 $$dict \
	    -artifact_prefix=$(FUZZ_BUILD)/crashes/$$t- $(FUZZ_BUILD)/corpus/$$t fuzz/corpus/$$t $$extra || exit 1; \
	done

# Runs every committed seed once, no fuzzing: the quick check CI can afford.
fuzz-replay: fuzz-build
	@for t in $(FUZZ_TARGETS); do $(FUZZ_BUILD)/fuzz_$$t -runs=0 fuzz/corpus/$$t || exit 1; done

# CI: the seeds replayed, then each target fuzzed briefly (a crash fails the run). Six
# targets at 10 s each keep the fuzzing part of CI at about a minute.
fuzz-ci: fuzz-replay
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(or $(FUZZ_CI_SECONDS),10)

clean:
	rm -rf $(BUILD)
