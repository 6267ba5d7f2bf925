#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# encode-icon.sh ENCODER SVG SIZE OUT
# Turns a symbolic SVG icon into the PNG GTK recolours as it does the SVG,
# but loads without librsvg.  The encoder names its output after the input;
# this puts it where the build wants it.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$1" -o "$dir" "$2" "${3}x${3}"
mv "$dir"/*.symbolic.png "$4"
