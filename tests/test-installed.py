#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The installed program: installs the build into a folder of its own,
checks the application icon's PNGs, then opens the installed program's
window on X11 and checks it has its icon without having loaded librsvg;
then on Wayland (tests/run-wayland), where a window has no icon of its
own: the desktop finds it through the window's application id, in the
desktop file of that name; last, uninstalls it and checks no file is left.

  test-installed.py BUILDDIR    under Xvfb and a session bus (build-aux/run-tests)
"""

import glob
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time

from tap import check, comment, finish

BUILDDIR = sys.argv[1]
APP_ID = 'io.github.optiontalk.OptionTalk'


def png_size(path):
    """Width and height from a PNG's header, or None."""
    with open(path, 'rb') as png:
        head = png.read(24)
    if len(head) < 24 or head[:8] != b'\x89PNG\r\n\x1a\n' or head[12:16] != b'IHDR':
        return None
    return struct.unpack('>II', head[16:24])


def find(root, tail):
    for folder, _, files in os.walk(root):
        path = os.path.join(folder, os.path.basename(tail))
        if path.endswith(tail) and os.path.basename(tail) in files:
            return path
    return None


def window_of(pid, seconds):
    """The X window the process shows, waiting up to @seconds."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        found = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(pid)],
                               capture_output=True, text=True)
        if found.stdout.split():
            return found.stdout.split()[0]
        time.sleep(0.2)
    return None


with tempfile.TemporaryDirectory(prefix='ot-installed-') as destdir:
    install = subprocess.run(['meson', 'install', '-C', BUILDDIR, '--no-rebuild', '--quiet',
                              '--destdir', destdir], capture_output=True, text=True)
    check(install.returncode == 0, 'meson install into a folder of its own')
    if install.returncode != 0:
        comment(install.stdout + install.stderr)
        finish(plan_printed=False)

    binary = find(destdir, os.path.join('bin', 'option-talk'))
    icon = find(destdir, os.path.join('hicolor', '48x48', 'apps', APP_ID + '.png'))
    icon2x = find(destdir, os.path.join('hicolor', '48x48@2', 'apps', APP_ID + '.png'))
    check(binary is not None, 'the program is installed')
    check(icon is not None and png_size(icon) == (48, 48), 'the icon is installed as a PNG of 48 pixels')
    check(icon2x is not None and png_size(icon2x) == (96, 96),
          'and as a PNG of 96 pixels for 2x screens')
    check(find(destdir, os.path.join('hicolor', 'scalable', 'apps', APP_ID + '.svg')) is not None,
          'the scalable icon is installed too')

    share = os.path.join(os.path.dirname(os.path.dirname(binary or destdir)), 'share')
    home = tempfile.mkdtemp(prefix='ot-installed-home-')
    env = dict(os.environ, XDG_DATA_DIRS=share + ':/usr/share', HOME=home,
               XDG_DATA_HOME=os.path.join(home, 'data'), XDG_CONFIG_HOME=os.path.join(home, 'config'),
               XDG_CACHE_HOME=os.path.join(home, 'cache'), GTK_A11Y='none')
    try:
        app = subprocess.Popen([binary or 'false'], env=env, stdout=subprocess.DEVNULL)
        try:
            window = window_of(app.pid, 30)
            check(window is not None, 'the installed program opens its window')
            time.sleep(1)
            # Where the desktop's icon theme has its symbolic icons only as SVGs
            # (Adwaita since GNOME 44, Debian 13), GTK loads librsvg for the
            # header bar's buttons whatever the application does.
            if glob.glob('/usr/share/icons/Adwaita/*/ui/window-close-symbolic.symbolic.png'):
                with open(f'/proc/{app.pid}/maps', encoding='utf-8') as maps:
                    check('librsvg' not in maps.read(), 'the window has opened without loading librsvg')
            else:
                comment('the icon theme draws its icons from SVGs: librsvg is its own')
            if window is not None:
                prop = subprocess.run(['xprop', '-id', window, '_NET_WM_ICON'], capture_output=True, text=True)
                check('Icon (48 x 48)' in prop.stdout, 'the window has its icon at 48 pixels')
            else:
                check(False, 'the window has its icon at 48 pixels')
        finally:
            app.terminate()
            app.wait(timeout=30)

        # What the window tells the compositor, as WAYLAND_DEBUG logs it.
        if shutil.which('weston'):
            desktop = find(destdir, os.path.join('applications', APP_ID + '.desktop'))
            check(desktop is not None, 'the desktop file is named after the application id')
            with open(desktop or os.devnull, encoding='utf-8') as entry:
                check(f'Icon={APP_ID}\n' in entry.read(), 'and names the icon')
            # The window is ended once its log has the line, or after half a
            # minute without it (a loaded machine starts it slowly).
            watch = ('"$0" 2>"$2" & app=$!; tries=0\n'
                     'until grep -qF "$1" "$2"; do\n'
                     '  tries=$((tries + 1))\n'
                     '  if [ $tries -gt 300 ] || ! kill -0 $app 2>/dev/null; then kill $app; exit 1; fi\n'
                     '  sleep 0.1\n'
                     'done\n'
                     'kill $app; wait $app || true\n')
            run = subprocess.run([os.path.join(os.path.dirname(os.path.abspath(__file__)), 'run-wayland'),
                                  'sh', '-c', watch, binary or 'false', f'.set_app_id("{APP_ID}")',
                                  os.path.join(home, 'wayland.log')],
                                 env=dict(env, WAYLAND_DEBUG='client'), capture_output=True, text=True)
            check(run.returncode == 0,
                  'on Wayland the window gives the application id, which the desktop finds the icon by')
        else:
            comment('no weston: the window on Wayland is not checked')
    finally:
        shutil.rmtree(home)

    uninstall = subprocess.run(['ninja', '-C', BUILDDIR, 'uninstall'], capture_output=True, text=True)
    check(uninstall.returncode == 0, 'ninja uninstall')
    left = [os.path.relpath(os.path.join(folder, name), destdir)
            for folder, _, files in os.walk(destdir) for name in files]
    check(not left, 'the uninstall leaves no file behind')
    if left:
        comment('left: ' + ' '.join(sorted(left)))

finish(plan_printed=False)
