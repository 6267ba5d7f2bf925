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

# The Spanish tests run under real locales (month names, paper size; under
# C.UTF-8 Debian 13 ignores LANGUAGE): Debian's locales package, with
# es_ES.UTF-8 and es_US.UTF-8 generated when missing.
spanish_locales() {
  su=
  [ "$(id -u)" = 0 ] || su=sudo
  if ! command -v locale-gen >/dev/null; then
    $su apt-get update -q
    DEBIAN_FRONTEND=noninteractive $su apt-get install -y -q --no-install-recommends locales
  fi
  generate=
  for loc in es_ES es_US; do
    locale -a 2>/dev/null | grep -qx "$loc.utf8" && continue
    $su sed -i "s/^# *\($loc.UTF-8 UTF-8\)/\1/" /etc/locale.gen
    grep -qx "$loc.UTF-8 UTF-8" /etc/locale.gen || echo "$loc.UTF-8 UTF-8" | $su tee -a /etc/locale.gen >/dev/null
    generate=yes
  done
  [ -z "$generate" ] || $su locale-gen
}
[ "${1:-build}" = test ] && spanish_locales

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
