#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# install-app-icon.sh APP_ID HICOLOR PNG-48 PNG-96
# Installs the application icon's PNGs under the names the icon theme
# looks for: meson can't rename what the build made.
set -eu
install -Dm644 "$3" "${DESTDIR:-}$2/48x48/apps/$1.png"
install -Dm644 "$4" "${DESTDIR:-}$2/48x48@2/apps/$1.png"
