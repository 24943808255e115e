#!/bin/sh
# Re-records expected.config and expected.h of every fixture with Linux's own
# `conf` (Debian: apt-get install linux-kbuild-6.1). Run by hand; the tests
# never need `conf`.
#
# Per fixture folder: `defconfig` present -> conf --defconfig=defconfig;
# otherwise conf --olddefconfig, starting from `input.config` when present.
# `environment` (NAME=value lines) sets the variables $(NAME) expands from.
# Folders with a `hand-checked` file are extensions Linux cannot check: skipped.
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
