#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest cannot be built offline; check what it promises."""

import json
import sys

failures = 0
count = 0


def check(ok, what):
    global failures, count
    count += 1
    print(('ok' if ok else 'not ok') + f' {count} - {what}')
    if not ok:
        failures += 1


with open(sys.argv[1], encoding='utf-8') as f:
    manifest = json.load(f)

print('1..9')
check(manifest.get('id') == 'io.github.optiontalk.OptionTalk', 'app id')
check(manifest.get('command') == 'option-talk', 'command')
check(manifest.get('runtime') == 'org.gnome.Platform', 'GNOME runtime')
check(manifest.get('sdk') == 'org.gnome.Sdk', 'GNOME SDK')
args = manifest.get('finish-args', [])
for needed in ('--socket=wayland', '--socket=fallback-x11', '--share=ipc', '--device=dri'):
    check(needed in args, f'finish-args has {needed}')
check(not any('network' in a for a in args), 'no network permission')
app_module = manifest['modules'][-1]
if app_module.get('buildsystem') != 'meson' or app_module['sources'][0].get('type') != 'dir':
    print('# the last module must build this tree with meson')
    failures += 1
sys.exit(1 if failures else 0)
