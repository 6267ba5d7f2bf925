#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifests cannot be built offline; check what they promise.

Arguments: the release manifest (the application from a pinned commit of
its git repository), then the one for development (this tree)."""

import json
import os
import re
import shutil
import subprocess
import sys

from tap import check, finish, skip


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


release_path, local_path = sys.argv[1:3]
release, local = load(release_path), load(local_path)

for name, manifest in (('release', release), ('development', local)):
    check(manifest.get('id') == 'io.github.optiontalk.OptionTalk', f'{name}: app id')
    check(manifest.get('command') == 'option-talk', f'{name}: command')
    check(manifest.get('runtime') == 'org.gnome.Platform', f'{name}: GNOME runtime')
    check(manifest.get('sdk') == 'org.gnome.Sdk', f'{name}: GNOME SDK')
    # Flathub ends a GNOME runtime about a year after its release: 47 on
    # 15 October 2025, 48 on 24 March 2026; in December 2026, 50 and 51 are
    # supported.
    version = manifest.get('runtime-version', '')
    check(version.isdigit() and int(version) >= 50, f'{name}: a supported GNOME runtime ({version})')
    args = manifest.get('finish-args', [])
    # A window, the desktop's input methods and the GPU: nothing else.  No
    # network and no files: worksheets and PDFs go through the portals.
    check(sorted(args) == sorted(['--socket=wayland', '--socket=fallback-x11', '--share=ipc', '--device=dri']),
          f'{name}: finish-args are the window\'s only ({" ".join(args)})')
    check(not any('network' in a or 'filesystem' in a for a in args), f'{name}: no network, no filesystem')
    # The runtime has every library the application links (GTK, libadwaita,
    # libxml2, cairo, Pango): no other module; nor scdoc, for the manual page
    # the cleanup would drop anyway.
    check(len(manifest['modules']) == 1, f'{name}: no module but the application: the runtime has its libraries')
    app_module = manifest['modules'][-1]
    check(app_module.get('buildsystem') == 'meson', f'{name}: built with meson')
    check('-Dman=disabled' in app_module.get('config-opts', []), f'{name}: no manual page, which needs scdoc')



def without_sources(manifest):
    return {**manifest, 'modules': [{**manifest['modules'][-1], 'sources': None}]}


# The two differ only in where the application's sources come from.
check(without_sources(release) == without_sources(local), 'the two manifests differ only in the sources')

sources = release['modules'][-1]['sources']
source = sources[0] if len(sources) == 1 else {}
check(source.get('type') == 'git' and source.get('url', '').startswith('https://'),
      'release: the sources are a git repository, over https')
commit = source.get('commit', '')
check(re.fullmatch(r'[0-9a-f]{40}', commit) is not None, f'release: pinned to a whole commit id ({commit})')
check(local['modules'][-1]['sources'] == [{'type': 'dir', 'path': '..'}], 'development: this tree')

# In a clone with its whole history, the pinned commit is one of this
# branch's.
top = os.path.dirname(os.path.dirname(os.path.abspath(release_path)))


def git(*args):
    run = subprocess.run(['git', '-C', top, *args], capture_output=True, text=True)
    return run.stdout.strip() if run.returncode == 0 else None


if shutil.which('git') is None or git('rev-parse', '--is-shallow-repository') != 'false':
    skip('release: the pinned commit is in this history', 'not a whole git clone')
else:
    check(git('merge-base', '--is-ancestor', commit, 'HEAD') is not None,
          'release: the pinned commit is in this branch\'s history')
finish(plan_printed=False)
