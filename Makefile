# AirPicture: the two commands README.md starts with, plus helpers.
#   make demo   install GDAL if missing, build in release mode, write a coverage GeoTIFF + PNG of Peru's radars
#   make test   install GDAL if missing, run the whole test suite
SHELL := /bin/bash
DEM ?= Terrain/peru_itu_p1511_5min.tif
OUT ?= out
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build native demo scenarios test bench benchmarks format

# GDAL's C library and headers (libgdal-dev) for the build, its tools (gdal-bin) for the GDAL comparisons.
# Debian packages: GDAL (raster and vector I/O), Cairo and Pango (map text and drawing), Leaflet (inlined in
# report.html), Chromium (renders the report in a test), Slurm and munge (the cluster recipe, on a single-node Slurm in a test).
PACKAGES = libgdal-dev gdal-bin pkg-config libcairo2-dev libpango1.0-dev fonts-dejavu-core libjs-leaflet chromium slurm-wlm munge

deps:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing (Debian)..."; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	swift build -c release --product airpicture

# The same binary compiled for this machine's processor (AVX2/AVX-512 where it has them), in .build-native/: same
# results to the bit (Swift never fuses a multiply and an add on its own), the kernel about 1.2x faster on the
# 2-core VM; it runs only on processors with the same instruction sets.
native: deps
	swift build -c release --product airpicture --scratch-path .build-native -Xswiftc -target-cpu -Xswiftc native

# Line-of-sight coverage of the Air Force's AN/TPS-70 sites (Puerto Maldonado, in service; Pucallpa, planned in 2019)
# at their 240 NM (444 km) instrumented range, antennas 10 m above ground, beams 0-20 degrees (see README).
demo: build
	@mkdir -p $(OUT)
	.build/release/airpicture coverage --dem $(DEM) \
	  --site=-12.6131,-69.2282,10,"Puerto Maldonado TPS-70" \
	  --site=-8.3779,-74.5743,10,"Pucallpa TPS-70 (planned)" \
	  --range-km 444 --max-elevation-deg 20 --altitudes-agl 150,300,1000,3000 \
	  --out $(OUT)/demo-coverage.tif --png $(OUT)/demo-coverage.png --summary-csv $(OUT)/demo-coverage.csv

# The shipped scenarios (Scenarios/*.yaml): tables, maps, KML and GeoTIFFs in out/SCENARIO/. They use the 30" Peru
# composite in ../shared/terrain when it is there, else the embedded coarse DEM.
scenarios: build
	@mkdir -p $(OUT)
	for scenario in peru-2025 peru-2025-ssr-only peru-planned corpac-mssr corpac-mssr-runways; do \
	  .build/release/airpicture coverage Scenarios/$$scenario.yaml --out $(OUT)/$$scenario || exit 1; \
	done

test: deps
	swift build --build-tests -c release
	@# munge for the single-node Slurm of SlurmArrayTests, started here, detached, when it is not running already.
	@munge -n >/dev/null 2>&1 || { mkdir -p /run/munge && chown munge:munge /run/munge && setsid munged --force </dev/null >/dev/null 2>&1; } || true
	swift test -c release --skip-build

bench: build
	.build/release/airpicture bench

# Regression benchmarks (ordo-one/benchmark), in their own package so the test build stays light.
benchmarks: deps
	cd Benchmarks && swift package --disable-sandbox benchmark

format:
	swift format --in-place --recursive Package.swift Sources Tests Benchmarks
