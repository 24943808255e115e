#!/bin/sh
# Re-records expected.config and expected.h of every fixture with Linux's own
# `conf` (Debian: apt-get install linux-kbuild-6.1). Run by hand; the tests
# never need `conf`.
#
# Per fixture folder: `defconfig` present -> conf --defconfig=defconfig;
# otherwise conf --olddefconfig, starting from `input.config` when present.
# `environment` (NAME=value lines) sets the variables $(NAME) expands from.
# Folders with a `hand-checked` file are extensions Linux cannot check: skipped.
#
# Mode scenarios: each folder's `cases/NAME/` is one run of conf on the
# folder's Kconfig (srctree = the folder), in a build folder that starts as a
# copy of `before/` (if any):
#   args    conf's options, e.g. `--allnoconfig` or `-s --savedefconfig=saved`
#   env     NAME=value lines exported for the run (no other KCONFIG_* is set)
#   stdin   what conf reads (default: nothing)
# Recorded: `stdout`, `stderr`, `status`, and `after/`, the build folder
# afterwards. conf runs at most 10 s (it asks forever when input ends at a
# question whose empty answer it refuses). Empty files and folders cannot be stored by git: an empty after/
# is simply absent.
set -eu
conf=${CONF:-/usr/lib/linux-kbuild-6.1/scripts/kconfig/conf}
here=$(cd "$(dirname "$0")" && pwd)
for fixture in "$here"/*/; do
    fixture=${fixture%/}
    [ -f "$fixture/Kconfig" ] || continue
    [ -f "$fixture/hand-checked" ] && continue
    work=$(mktemp -d)
    if [ -f "$fixture/defconfig" ]; then
        mode="--defconfig=$fixture/defconfig"
    else
        mode=--olddefconfig
        [ -f "$fixture/input.config" ] && cp "$fixture/input.config" "$work/.config"
    fi
    (
        cd "$work"
        [ -f "$fixture/environment" ] && { set -a; . "$fixture/environment"; set +a; }
        srctree="$fixture" KCONFIG_CONFIG="$work/.config" \
            KCONFIG_AUTOHEADER="$work/autoconf.h" KCONFIG_AUTOCONFIG="$work/auto.conf" \
            KCONFIG_RUSTCCFG="$work/rustc_cfg" \
            "$conf" -s "$mode" Kconfig
    )
    cp "$work/.config" "$fixture/expected.config"
    cp "$work/autoconf.h" "$fixture/expected.h"
    rm -rf "$work"
    echo "recorded $(basename "$fixture")"
done

for fixture in "$here"/*/; do
    fixture=${fixture%/}
    [ -d "$fixture/cases" ] || continue
    for case in "$fixture"/cases/*/; do
        case=${case%/}
        work=$(mktemp -d)
        [ -d "$case/before" ] && cp -a "$case/before/." "$work/"
        stdin=/dev/null
        [ -f "$case/stdin" ] && stdin="$case/stdin"
        (
            cd "$work"
            for name in $(env | sed -n 's/^\(KCONFIG_[A-Z_]*\)=.*/\1/p'); do unset "$name"; done
            if [ -f "$case/env" ]; then
                while IFS= read -r assignment; do export "$assignment"; done < "$case/env"
            fi
            status=0
            # shellcheck disable=SC2046
            srctree="$fixture" timeout 10 "$conf" $(cat "$case/args") Kconfig < "$stdin" \
                > "$case/stdout" 2> "$case/stderr" || status=$?
            echo "$status" > "$case/status"
        )
        rm -rf "$case/after"
        if [ -n "$(ls -A "$work")" ]; then
            mkdir "$case/after"
            cp -a "$work/." "$case/after/"
        fi
        rm -rf "$work"
        echo "recorded $(basename "$fixture")/$(basename "$case")"
    done
done
