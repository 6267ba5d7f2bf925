#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Offline by construction: the headless export works in a network
namespace of its own (no interface but a loopback that is down), and a
session in the window, traced with strace, never connects to an
Internet address, except that the print dialog (opened with Ctrl+P)
asks the system's print service, CUPS, on this machine (127.0.0.1:631 or
[::1]:631).  Unix sockets (the X server, the session bus, CUPS's own
socket) are fine.

  test-offline.py              the test, under Xvfb (build-aux/run-tests)
  test-offline.py --session    run by the test inside dbus-run-session
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from tap import check, comment, finish, skip

OPTION_TALK = os.environ['OPTION_TALK']
SRCDIR = os.environ['G_TEST_SRCDIR']
ROOT = os.path.dirname(SRCDIR)
FULL = os.path.join(ROOT, 'fuzz', 'corpus', 'worksheet', 'full.optiontalk')
APP_ID = 'io.github.optiontalk.OptionTalk'
APP_PATH = '/io/github/optiontalk/OptionTalk'

# A connect(), sendto() or sendmsg() to an address of the Internet families,
# as strace prints it: connect(5, {sa_family=AF_INET, sin_port=…
INET = re.compile(r'\b(connect|sendto|sendmsg)\(.*sa_family=AF_INET6?\b')
# The print service on this machine: CUPS's port on a loopback address.
PRINT_SERVICE = re.compile(r'port=htons\(631\).*(inet_addr\("127\.\d+\.\d+\.\d+"\)|"::1")')
UNIX = re.compile(r'\bconnect\(.*sa_family=AF_UNIX\b')

SESSION_CHECKS = ('a session under strace', 'its window was shown', 'the print dialog opened and closed',
                  'it quit over D-Bus', 'strace saw its Unix sockets',
                  'no Internet connection but to the print service')


def isolated_env(home):
    """The user's folders under HOME, so nothing of the tester's is read."""
    env = dict(os.environ)
    for name in ('DATA', 'CONFIG', 'CACHE', 'STATE'):
        path = os.path.join(home, name.lower())
        os.makedirs(path, exist_ok=True)
        env[f'XDG_{name}_HOME'] = path
    env['HOME'] = home
    return env


def export_in_namespace(work):
    """--export-pdf with `unshare -n`: a fresh network namespace."""
    if shutil.which('unshare') is None or subprocess.run(['unshare', '-n', 'true']).returncode != 0:
        for what in ('export with no network', 'the PDF holds the answers', 'the namespace has no network'):
            skip(what, 'unshare -n needs root (util-linux)')
        return

    env = isolated_env(os.path.join(work, 'home-export'))
    for name in ('DISPLAY', 'WAYLAND_DISPLAY', 'DBUS_SESSION_BUS_ADDRESS'):
        env.pop(name, None)
    pdf = os.path.join(work, 'offline.pdf')
    result = subprocess.run(['unshare', '-n', '--', OPTION_TALK, '--export-pdf', pdf, FULL],
                            env=env, capture_output=True, text=True, timeout=60)
    comment(result.stdout + result.stderr)
    check(result.returncode == 0 and os.path.getsize(pdf) > 10000,
          f'export with no network: exit {result.returncode}')
    text = subprocess.run(['pdftotext', '-enc', 'UTF-8', pdf, '-'],
                          capture_output=True, text=True).stdout
    check('José Ñúñez' in text and 'numb fingers' in text, 'the PDF holds the answers')

    # The namespace really is cut off: even the attempt fails at once.
    probe = ('import socket\n'
             's = socket.socket()\n'
             's.settimeout(5)\n'
             'try:\n'
             '    s.connect(("192.0.2.1", 80))\n'
             '    print("connected")\n'
             'except OSError as e:\n'
             '    print(e.strerror)\n')
    result = subprocess.run(['unshare', '-n', '--', sys.executable, '-c', probe],
                            capture_output=True, text=True, timeout=30)
    check(result.stdout.strip() == 'Network is unreachable',
          f'the namespace has no network ({result.stdout.strip()})')


def traced_session(work):
    """Runs this script again in a session bus of its own, which starts the
    application under strace, waits for its window, quits it over D-Bus."""
    if not os.environ.get('DISPLAY'):
        for what in SESSION_CHECKS:
            skip(what, 'no display: run the suite through build-aux/run-tests')
        return
    if shutil.which('strace') is None:
        for what in SESSION_CHECKS:
            skip(what, 'strace is not installed (build-aux/deps.sh test installs it)')
        return

    trace = os.path.join(work, 'connect.trace')
    env = isolated_env(os.path.join(work, 'home-session'))
    env['OT_TRACE'] = trace
    result = subprocess.run(['dbus-run-session', '--', sys.executable, __file__, '--session'],
                            env=env, capture_output=True, text=True, timeout=120)
    comment(result.stderr)
    lines = result.stdout.split()
    check('started' in lines, 'a session under strace')
    check('shown' in lines, 'its window was shown')
    check('printing' in lines, 'Ctrl+P opened the print dialog, and Escape closed it')
    check('exited-0' in lines, 'it quit over D-Bus, exit 0')

    # Every attempt counts, the ones turned away at start too.
    calls = []
    for name in sorted(os.listdir(work)):
        if name.startswith('connect.trace.'):
            with open(os.path.join(work, name), encoding='utf-8', errors='replace') as f:
                calls += f.read().splitlines()
    unix = [c for c in calls if UNIX.search(c)]
    inet = [c for c in calls if INET.search(c)]
    comment('\n'.join(unix[:6]))
    # Proof that the trace works at all: the X server and the bus.
    check(len(unix) > 0, f'strace saw its Unix sockets ({len(unix)} connect calls)')
    printing = [c for c in inet if PRINT_SERVICE.search(c)]
    elsewhere = [c for c in inet if not PRINT_SERVICE.search(c)]
    comment('\n'.join(printing[:6]))
    comment('\n'.join(elsewhere))
    check(len(elsewhere) == 0,
          f'no Internet connection but to the print service on this machine '
          f'({len(elsewhere)} attempts elsewhere, {len(printing)} to CUPS)')


def main_window_viewable():
    tree = subprocess.run(['xwininfo', '-root', '-tree'], capture_output=True, text=True).stdout
    for window, width in re.findall(r'(0x[0-9a-f]+) "Option Talk": \(.*?\)\s+(\d+)x\d+', tree):
        if int(width) >= 600:
            info = subprocess.run(['xwininfo', '-id', window], capture_output=True, text=True).stdout
            if 'IsViewable' in info:
                return True
    return False


def start_traced(trace, env):
    """Starts the application under strace and waits until it owns its bus
    name.  Returns the process, or None if it ended first: Xvfb resets
    when its last client leaves, and a client that connects during the
    reset is turned away ("cannot open display"), which the test before
    this one can cause."""
    app = subprocess.Popen(['strace', '--seccomp-bpf', '-f', '-qq', '-o', trace,
                            '-e', 'trace=connect,sendto,sendmsg', OPTION_TALK], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and app.poll() is None:
        waited = subprocess.run(['gdbus', 'wait', '--session', '--timeout', '1', APP_ID],
                                capture_output=True)
        if waited.returncode == 0:
            return app
    if app.poll() is None:
        app.kill()
    app.wait()
    return None


def window_named(name, pid):
    """The X window of @pid titled @name, or None."""
    out = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(pid), '--name', name],
                         capture_output=True, text=True, timeout=20).stdout.split()
    return out[0] if out else None


def open_print_dialog(pid):
    """Ctrl+P in the main window: the print dialog, given time to ask the
    print service for its printers, then Escape.  Whether it opened."""
    if shutil.which('xdotool') is None:
        return False
    main = window_named('^Option Talk$', pid)
    if main is None:
        return False
    subprocess.run(['xdotool', 'windowfocus', '--sync', main], timeout=20)
    subprocess.run(['xdotool', 'key', 'ctrl+p'], timeout=20)
    deadline = time.monotonic() + 30
    dialog = None
    while dialog is None and time.monotonic() < deadline:
        time.sleep(0.5)
        dialog = window_named('^Print$', pid)
    if dialog is None:
        return False
    time.sleep(4)
    subprocess.run(['xdotool', 'windowfocus', '--sync', dialog], timeout=20)
    subprocess.run(['xdotool', 'key', 'Escape'], timeout=20)
    deadline = time.monotonic() + 20
    while window_named('^Print$', pid) is not None and time.monotonic() < deadline:
        time.sleep(0.5)
    return window_named('^Print$', pid) is None


def session():
    """Inside dbus-run-session: start, wait for the window, quit."""
    trace = os.environ['OT_TRACE']
    env = dict(os.environ)
    # LeakSanitizer stops the world with ptrace, which strace holds already.
    env['ASAN_OPTIONS'] = env.get('ASAN_OPTIONS', '') + ':detect_leaks=0'
    for attempt in range(3):
        app = start_traced(trace + f'.{attempt}', env)
        if app is not None:
            break
        time.sleep(1)
    if app is None:
        return
    print('started', flush=True)
    try:
        # The main window is mapped on the X server (not only the 1×1
        # leader GTK makes first): it has drawn.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not main_window_viewable():
            time.sleep(0.2)
        if main_window_viewable():
            print('shown', flush=True)
        time.sleep(1)
        if open_print_dialog(app.pid):
            print('printing', flush=True)
        subprocess.run(['gdbus', 'call', '--session', '--dest', APP_ID, '--object-path', APP_PATH,
                        '--method', 'org.gtk.Actions.Activate', 'quit', '[]', '{}'],
                       stdout=subprocess.DEVNULL, check=True)
        print(f'exited-{app.wait(timeout=60)}', flush=True)
    finally:
        if app.poll() is None:
            app.kill()


if '--session' in sys.argv:
    session()
    sys.exit(0)

print(f'1..{3 + len(SESSION_CHECKS)}')
with tempfile.TemporaryDirectory(prefix='ot-offline-') as work:
    export_in_namespace(work)
    traced_session(work)
finish()
