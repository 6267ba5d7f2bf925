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
args = manifest.get('finish-args', [])
for needed in ('--socket=wayland', '--socket=fallback-x11', '--share=ipc', '--device=dri'):
    check(needed in args, f'finish-args has {needed}')
check(not any('network' in a for a in args), 'no network permission')
app_module = manifest['modules'][-1]
check(app_module.get('buildsystem') == 'meson' and app_module['sources'][0].get('type') == 'dir',
      'the last module builds this tree with meson')
finish(plan_printed=False)
