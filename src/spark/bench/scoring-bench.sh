#!/usr/bin/env bash
# Benchmark of the Spark scoring job: the same images scored in local[1] and local[2] (images/s and
# the scaling ratio), each task on one OpenMP thread. README, "Beyond one PC: Spark".
#   src/spark/bench/scoring-bench.sh MODEL.zip IMAGES_DIR [COPIES] [MASTERS]
# IMAGES_DIR's images are copied COPIES times (default 2) into a temporary folder; MASTERS defaults
# to "local[1] local[2]". Needs the job jar (mvn -Pspark -DskipTests package); runs it with Spark's
# own jars on the class path and the job jar after them, as spark-submit does.
set -euo pipefail
cd "$(dirname "$0")/../../.."
model="$(realpath "$1")"
src="$(realpath "$2")"
copies="${3:-2}"
masters="${4:-local[1] local[2]}"
[ -f target/sgsf-spark-job.jar ] || { echo "no target/sgsf-spark-job.jar: mvn -Pspark -DskipTests package" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/images"
n=0
for c in $(seq 1 "$copies"); do
  while IFS= read -r f; do
    n=$((n + 1))
    cp "$f" "$work/images/$(printf '%05d' "$n").png"
  done < <(find "$src" -type f -name '*.png' -not -path '*/ground_truth/*' | sort)
done
echo "images: $n (from $src, x$copies)"

# Spark's class path: the profile's provided jars without the application's own libraries
mvn -B -q -o -Pspark dependency:build-classpath -Dmdep.includeScope=provided \
  -Dmdep.outputFile="$work/provided.cp" >/dev/null
spark_cp="$(tr ':' '\n' <"$work/provided.cp" \
  | grep -vE '/(org/deeplearning4j|org/nd4j|org/datavec|org/bytedeco|org/openpnp|org/openjfx|org/controlsfx|org/jfree|io/github/mkpaz|org/kordamp|info/picocli|me/tongfei|org/jline|org/xerial/sqlite-jdbc|ch/qos/logback|io/soabase)/' \
  | paste -sd:)"
# Spark's module options on Java 17 (org.apache.spark.launcher.JavaModuleOptions; spark-submit adds them)
opens=(-XX:+IgnoreUnrecognizedVMOptions -Djdk.reflect.useDirectMethodHandle=false)
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
  java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs \
  sun.security.action sun.util.calendar; do
  opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done

echo "cpus: $(nproc); java: $(java -version 2>&1 | head -1)"
for master in $masters; do
  echo "== $master; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  OMP_NUM_THREADS=1 java -Xmx6g "${opens[@]}" -Dspark.master="$master" -Dspark.ui.enabled=false \
    -Dspark.driver.bindAddress=127.0.0.1 -Dspark.driver.host=127.0.0.1 \
    -cp "$spark_cp:target/sgsf-spark-job.jar" sgsf.spark.SparkJobs score \
    --images "$work/images" --model "$model" --out "$work/out" 2>"$work/spark.log" \
    || { tail -30 "$work/spark.log"; exit 1; }
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
