#!/usr/bin/env bash
# Smoke test of a built Linux app-image: the packaged launchers start and do real work.
#   installer/smoke-test.sh [APP_IMAGE_DIR]      (default: target/installer/sgsf-workbench)
# Build the image first: mvn -Pinstaller -DskipTests package (mvn -Pinstaller verify runs this).
# Checks: the image's layout and runtime modules; `sgsf --version`; `sgsf --help`; `sgsf datasets
# inspect` on the demo dataset (generated afresh in a temporary cache folder), as text and JSON;
# nothing of Spark inside; only Linux x86_64 native libraries inside; and, when xvfb-run and
# xwininfo are installed, that
# `sgsf-workbench` opens its window. Ends with "smoke-test: N passed, N failed"; exit 1 on a failure.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
project="$(dirname "$here")"

if [ "${1:-}" = "--gui-inner" ]; then
  # Runs inside xvfb-run: start the GUI launcher, wait for its window, leave a screenshot.
  image="$2"
  shot="$3"
  "$image/bin/sgsf-workbench" >"$shot.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the GUI launcher exited early:"
      cat "$shot.log"
      exit 1
    fi
    window=$(xwininfo -root -tree | grep -m1 '"[^"]*SGSF Inspection Workbench"' || true)
    if [ -n "$window" ]; then
      sleep 1
      command -v import >/dev/null && import -window root "$shot" 2>/dev/null
      echo "window: $(echo "$window" | sed 's/^ *//')"
      kill "$pid"
      wait "$pid" 2>/dev/null
      exit 0
    fi
    sleep 0.5
  done
  echo "no window titled 'SGSF Inspection Workbench' within 60 s; launcher output:"
  cat "$shot.log"
  kill "$pid" 2>/dev/null
  exit 1
fi

image="${1:-$project/target/installer/sgsf-workbench}"
image="$(cd "$image" 2>/dev/null && pwd)" || {
  echo "no app-image at ${1:-target/installer/sgsf-workbench}: build it with mvn -Pinstaller -DskipTests package" >&2
  exit 1
}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A throw-away home: the launchers must not touch the user's ~/sgsf-workspace, ~/.config or
# ~/.cache (the workbench's default workspace lives under user.home). JavaCPP's unpacked native
# libraries stay in their usual cache, so each run does not unpack 390 MB again.
export XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config"
export JAVA_TOOL_OPTIONS="-Duser.home=$work/home -Dorg.bytedeco.javacpp.cachedir=${HOME:-/root}/.javacpp/cache"
mkdir -p "$work/home"
real_home_state() {
  local d
  for d in "$HOME/sgsf-workspace" "$HOME/.config/sgsf-workbench" "$HOME/.cache/sgsf-workbench"; do
    [ -e "$d" ] && find "$d" -printf '%T@ %p\n' 2>/dev/null
  done | sort
}
home_before="$(real_home_state)"
passed=0
failed=0

pass() {
  passed=$((passed + 1))
  echo "PASS $1"
}
fail() {
  failed=$((failed + 1))
  echo "FAIL $1"
}
# run NAME CMD... : runs CMD, keeps its stdout/stderr in $work/NAME.{out,err} and prints them.
run() {
  local name="$1"
  shift
  local start end
  start=$(date +%s%N)
  "$@" >"$work/$name.out" 2>"$work/$name.err"
  local rc=$?
  end=$(date +%s%N)
  local ds=$(((end - start) / 100000000))
  echo "\$ ${*#"$image/"}    (exit $rc, $((ds / 10)).$((ds % 10)) s)"
  sed 's/^/    /' "$work/$name.out"
  [ -s "$work/$name.err" ] && sed 's/^/    stderr: /' "$work/$name.err"
  return $rc
}

echo "app-image: $image ($(du -sh "$image" | cut -f1))"

# 1. layout: both launchers, the jlink'ed runtime with JavaFX and without the JDK's tools
if [ -x "$image/bin/sgsf-workbench" ] && [ -x "$image/bin/sgsf" ]; then
  pass "launchers bin/sgsf-workbench and bin/sgsf exist"
else
  fail "launchers bin/sgsf-workbench and bin/sgsf exist"
fi
modules=$(sed -n 's/^MODULES="\(.*\)"/\1/p' "$image/lib/runtime/release")
echo "    runtime modules: $modules"
missing=""
for m in java.base java.desktop java.sql java.management jdk.unsupported javafx.controls javafx.swing; do
  [[ " $modules " == *" $m "* ]] || missing="$missing $m"
done
unwanted=""
for m in jdk.compiler jdk.jshell jdk.jpackage jdk.jlink java.se; do
  [[ " $modules " == *" $m "* ]] && unwanted="$unwanted $m"
done
if [ -z "$missing$unwanted" ]; then
  pass "runtime holds the app's modules only"
else
  fail "runtime modules: missing [$missing ] unwanted [$unwanted ]"
fi

# 2. --version prints the packaged version
version=$(sed -n 's/^java-options=-Djpackage.app-version=//p' "$image/lib/app/sgsf.cfg")
if run version "$image/bin/sgsf" --version && grep -Eq "^sgsf-workbench ${version//./\\.}([^0-9.]|$)" "$work/version.out"; then
  pass "sgsf --version prints sgsf-workbench $version"
else
  fail "sgsf --version prints sgsf-workbench $version"
fi

# 3. --help lists the datasets command
if run help "$image/bin/sgsf" --help && grep -q '^ *datasets' "$work/help.out"; then
  pass "sgsf --help lists the datasets command"
else
  fail "sgsf --help lists the datasets command"
fi

# 4. datasets inspect on the demo dataset, generated into a fresh cache folder (real PNG writing
#    and reading through the packaged OpenCV). Two MVTec-layout categories: texture and object,
#    each 120 train good, 20 test good, 30 defective (crack, scratch, spot), a mask per defect.
if run inspect "$image/bin/sgsf" datasets inspect \
  && grep -q '^texture: ' "$work/inspect.out" && grep -q '^object: ' "$work/inspect.out" \
  && [ "$(grep -c '170 images: 120 train good, 50 test (20 good, 30 defective in 3 types)' "$work/inspect.out")" = 2 ]; then
  pass "sgsf datasets inspect reports both demo categories"
else
  fail "sgsf datasets inspect reports both demo categories"
fi
json_counts_ok() {
  local field
  for field in '"layout":"MVTEC"' '"images":170' '"train_good":120' '"test_good":20' \
    '"test_defective":30' '"masks":30' '"skipped":\[\]'; do
    [ "$(grep -o "$field" "$work/inspect-json.out" | wc -l)" = 2 ] || return 1
  done
}
if run inspect-json "$image/bin/sgsf" datasets inspect --json && json_counts_ok; then
  pass "sgsf datasets inspect --json counts the demo images and masks"
else
  fail "sgsf datasets inspect --json counts the demo images and masks"
fi
run inspect-missing "$image/bin/sgsf" datasets inspect "$work/no-such-folder"
rc=$?
if [ "$rc" = 1 ] && grep -q '^error: .*no-such-folder' "$work/inspect-missing.err"; then
  pass "sgsf datasets inspect on a missing folder exits 1 naming the folder"
else
  fail "sgsf datasets inspect on a missing folder exits 1 naming the folder"
fi

# 4b. nothing of Apache Spark: the Spark jobs are built by the spark Maven profile only
spark_jars=$(find "$image" -name '*.jar' \( -iname '*spark*' -o -iname 'scala-*' -o -iname 'hadoop-*' \) | sed "s|^$image/||")
spark_classes=""
if command -v unzip >/dev/null; then
  spark_classes=$(find "$image" -name 'sgsf-workbench*.jar' -exec unzip -l {} \; | grep -o 'sgsf/spark/[^ ]*' | head -3)
fi
if [ -z "$spark_jars" ] && [ -z "$spark_classes" ]; then
  pass "no Spark, Scala or Hadoop jar and no sgsf.spark class in the image"
else
  fail "Spark in the image: ${spark_jars//$'\n'/ } ${spark_classes//$'\n'/ }"
fi

# 5. no native library of another platform anywhere in the image
if command -v java >/dev/null; then
  if run natives java "$here/build/PlatformNatives.java" check "$image" linux-x86_64; then
    pass "only Linux x86_64 native libraries in the image"
  else
    fail "only Linux x86_64 native libraries in the image"
  fi
else
  echo "SKIP natives check: no java on PATH"
fi

# 6. the GUI launcher opens its window (needs xvfb and x11-utils)
if command -v xvfb-run >/dev/null && command -v xwininfo >/dev/null; then
  shot="$project/target/installer-smoke-gui.png"
  mkdir -p "$(dirname "$shot")"
  if run gui xvfb-run -a -s "-screen 0 1400x900x24" bash "$here/smoke-test.sh" --gui-inner "$image" "$shot"; then
    pass "sgsf-workbench opens its window (screenshot: ${shot#"$project/"})"
  else
    fail "sgsf-workbench opens its window"
  fi
else
  echo "SKIP GUI check: needs xvfb-run and xwininfo (apt-get install xvfb x11-utils)"
fi

if [ "$(real_home_state)" = "$home_before" ]; then
  pass "nothing written into the real home's sgsf folders"
else
  fail "nothing written into the real home's sgsf folders"
fi
echo "smoke-test: $passed passed, $failed failed"
[ "$failed" = 0 ]
