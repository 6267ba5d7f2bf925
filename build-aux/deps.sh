#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Option Talk needs that are missing.
#   deps.sh build      what building and running need
#   deps.sh test       that, and what the test suite needs
set -eu

build="build-essential pkgconf meson ninja-build libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libxml2-dev libcairo2-dev libpango1.0-dev gettext itstool appstream
  desktop-file-utils fonts-dejavu-core libxml2-utils scdoc"
test="xvfb xauth x11-utils imagemagick poppler-utils dbus at-spi2-core
  python3-dogtail python3-pyatspi xdotool xsettingsd clang valgrind strace
  bash-completion"

wanted=$build
[ "${1:-build}" = test ] && wanted="$build $test"

missing=
for pkg in $wanted; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = installed ] || missing="$missing $pkg"
done

[ -z "$missing" ] && exit 0

echo "Installing:$missing"
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing
