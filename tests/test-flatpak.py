#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest cannot be built offline; check what it promises."""

import json
import sys

from tap import check, finish


with open(sys.argv[1], encoding='utf-8') as f:
    manifest = json.load(f)

check(manifest.get('id') == 'io.github.optiontalk.OptionTalk', 'app id')
check(manifest.get('command') == 'option-talk', 'command')
check(manifest.get('runtime') == 'org.gnome.Platform', 'GNOME runtime')
check(manifest.get('sdk') == 'org.gnome.Sdk', 'GNOME SDK')
# Flathub ends a GNOME runtime about a year after its release: 47 on
# 15 October 2025, 48 on 24 March 2026; in December 2026, 50 and 51 are
# supported.
version = manifest.get('runtime-version', '')
check(version.isdigit() and int(version) >= 50, f'a supported GNOME runtime ({version})')
args = manifest.get('finish-args', [])
for needed in ('--socket=wayland', '--socket=fallback-x11', '--share=ipc', '--device=dri'):
    check(needed in args, f'finish-args has {needed}')
check(not any('network' in a for a in args), 'no network permission')
app_module = manifest['modules'][-1]
check(app_module.get('buildsystem') == 'meson' and app_module['sources'][0].get('type') == 'dir',
      'the last module builds this tree with meson')
# The runtime has every library the application links (GTK, libadwaita,
# libxml2, cairo, Pango): no other module; nor scdoc, for the manual page
# the cleanup would drop anyway.
check(len(manifest['modules']) == 1, 'no module but the application: the runtime has its libraries')
check('-Dman=disabled' in app_module.get('config-opts', []), 'no manual page, which needs scdoc')
finish(plan_printed=False)
