#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian packages Option Talk needs that are missing, for
# Debian 12 (bookworm) or Debian 13 (trixie), and generates the locales
# the tests read.
#   deps.sh build      what building and running need
#   deps.sh test       that, and what the test suite needs
set -eu

build="build-essential pkgconf meson ninja-build libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libxml2-dev libcairo2-dev libpango1.0-dev gettext itstool appstream
  desktop-file-utils shared-mime-info fonts-dejavu-core libxml2-utils scdoc"
# A desktop portal as on every real desktop: the tests must pass with it;
# weston, a Wayland compositor for the widget tests on Wayland.
test="xvfb xauth x11-utils imagemagick poppler-utils dbus at-spi2-core
  python3-dogtail python3-pyatspi xdotool xsettingsd clang valgrind strace
  bash-completion man-db locales xdg-desktop-portal xdg-desktop-portal-gtk weston"

. /etc/os-release
case ${VERSION_CODENAME:-} in
  bookworm) ;;
  # gtk4-encode-symbolic-svg loads SVGs through librsvg's pixbuf loader,
  # a package of its own since Debian 13.
  trixie) build="$build librsvg2-common" ;;
  *) echo "deps.sh: Debian ${VERSION_CODENAME:-?} is not known; installing the Debian 12 list" >&2 ;;
esac

# Real locales for the Spanish tests (month names, paper size): C.UTF-8
# ignores LANGUAGE on Debian 13's glibc.
locales="es_ES.UTF-8 es_US.UTF-8"

wanted=$build
[ "${1:-build}" = test ] && wanted="$build $test"

sudo=
[ "$(id -u)" = 0 ] || sudo=sudo

missing=
for pkg in $wanted; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = installed ] || missing="$missing $pkg"
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  # shellcheck disable=SC2086
  $sudo apt-get install -y -q --no-install-recommends $missing
fi

[ "${1:-build}" = test ] || exit 0
gen=
for loc in $locales; do
  # locale -a spells es_ES.UTF-8 as es_ES.utf8.
  name=$(echo "$loc" | sed 's/UTF-8$/utf8/')
  locale -a | grep -qx "$name" && continue
  $sudo sed -i "s/^# *\($loc UTF-8\)\$/\1/" /etc/locale.gen
  grep -qx "$loc UTF-8" /etc/locale.gen ||
    echo "$loc UTF-8" | $sudo tee -a /etc/locale.gen >/dev/null
  gen=1
done
[ -z "$gen" ] || $sudo locale-gen
