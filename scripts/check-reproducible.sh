#!/usr/bin/env bash
# Proves the build is reproducible: builds the committed tree (HEAD) twice, each time from a fresh copy in its
# own directory, the second time in another time zone and locale, and compares the sha256 of every jar the two
# builds produce. Also checks that every published module ships its sources and javadoc jars.
#
#   scripts/check-reproducible.sh        # extra Maven arguments may follow, e.g. -o to build offline
#
# Exit status 0: every jar is byte-identical. It never installs anything into ~/.m2.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The modules whose artifacts are published; each must attach -sources.jar and -javadoc.jar.
published=(spec client)

build() {
    local dir="$work/$1"; shift
    mkdir -p "$dir"
    git -C "$root" archive HEAD | tar -x -C "$dir"
    (cd "$dir" && env "$@" ./mvnw -B -q package -DskipTests "${maven_args[@]}" >"$dir.log" 2>&1) || {
        echo "build in $dir failed; last lines of $dir.log:" >&2
        tail -n 40 "$dir.log" >&2
        exit 1
    }
    (cd "$dir" && find . -path '*/target/*.jar' -type f | sort | xargs sha256sum) >"$dir.sha256"
}

maven_args=("$@")
build first TZ=UTC LC_ALL=C.UTF-8
build second TZ=Pacific/Chatham LC_ALL=C

# The project's version is the <version> right after the parent POM's own artifactId.
version="$(sed -n '/<artifactId>dirprov-parent<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;q}' "$root/pom.xml")"
missing=0
for module in "${published[@]}"; do
    artifact="$(sed -n 's:^  <artifactId>\(.*\)</artifactId>.*:\1:p' "$root/$module/pom.xml")"
    for classifier in "" -sources -javadoc; do
        jar="./$module/target/$artifact-$version$classifier.jar"
        if ! grep -q " $jar\$" "$work/first.sha256"; then
            echo "MISSING $jar" >&2
            missing=1
        fi
    done
done

jars="$(wc -l <"$work/first.sha256")"
if diff -u "$work/first.sha256" "$work/second.sha256"; then
    cat "$work/first.sha256"
    echo "REPRODUCIBLE: $jars jars byte-identical across two clean builds of $(git -C "$root" rev-parse --short HEAD)"
else
    echo "NOT REPRODUCIBLE: the jars above differ between the two builds" >&2
    exit 1
fi
exit "$missing"
