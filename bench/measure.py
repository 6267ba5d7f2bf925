# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the benchmarks of bench/run and prints one table.

Start-up and memory are measured for Option Talk and for a bare
AdwApplication window in alternation, so both see the same machine, and
the ratio of their medians is what is compared with the goal: on X11
(Xvfb), then on Wayland under a headless weston."""

import json
import os
import re
import statistics
import subprocess
import sys
import time

build = sys.argv[1]
runs = int(sys.argv[2])
bench = os.path.join(build, 'bench')


def gtk_version():
    """The GTK the build uses, as (major, minor)."""
    with open(os.path.join(build, 'meson-info', 'intro-dependencies.json'), encoding='utf-8') as f:
        version = next(d['version'] for d in json.load(f) if d['name'] == 'gtk4')
    return tuple(int(part) for part in version.split('.')[:2])


# No OpenGL, as in the tests: GTK 4.16 moved the switch from GDK_DEBUG to
# GDK_DISABLE, and names the old one an unknown value.
NO_GL = {'GDK_DISABLE': 'gl'} if gtk_version() >= (4, 16) else {'GDK_DEBUG': 'gl-disable'}

# On Wayland (bench/measure.py BUILD RUNS --wayland, under
# tests/run-wayland) only start-up and memory are measured, and handed to
# the run on X11 that started it.
wayland = sys.argv[3:] == ['--wayland']
display = 'Wayland, headless weston' if wayland else 'X11, Xvfb'

env = dict(os.environ,
           GSETTINGS_BACKEND='memory',
           GSETTINGS_SCHEMA_DIR=os.path.join(build, 'data'),
           GSK_RENDERER='cairo',
           GDK_BACKEND='wayland' if wayland else 'x11',
           **NO_GL)

# Start-up and memory with the cairo renderer the tests pin, and with
# GTK's own choice, which is what people get (software GL where there is
# no GPU, as here).
renderers = {
    'cairo renderer': env,
    "GTK's default renderer": {k: v for k, v in env.items() if k != 'GSK_RENDERER' and k not in NO_GL},
}


def startup(kind, environment):
    """Seconds from exec to the first frame, and peak RSS in MiB."""
    start = time.monotonic()
    proc = subprocess.Popen([os.path.join(bench, 'bench-startup'), kind], env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0 or not out.strip():
        sys.exit(f'bench-startup {kind} failed on {display}')
    first_frame = int(out.strip()) / 1e6
    return first_frame - start, usage.ru_maxrss / 1024


rows = []


def row(name, value, unit, goal, ok):
    rows.append((name, value, unit, goal, 'yes' if ok else 'NO'))


# The first GTK program on a new session bus starts the accessibility bus.
startup('minimal', env)

for renderer, environment in renderers.items():
    times = {'real': [], 'minimal': []}
    memory = {'real': [], 'minimal': []}
    for _ in range(runs):
        for kind in ('real', 'minimal'):
            seconds, rss = startup(kind, environment)
            times[kind].append(seconds)
            memory[kind].append(rss)

    where = f'{renderer}, {display}'
    t_real, t_min = statistics.median(times['real']), statistics.median(times['minimal'])
    m_real, m_min = statistics.median(memory['real']), statistics.median(memory['minimal'])
    row(f'start-up to first frame, Option Talk, {where}', f'{t_real * 1000:.0f}', 'ms', '', True)
    row(f'start-up to first frame, bare window, {where}', f'{t_min * 1000:.0f}', 'ms', '', True)
    row(f'start-up ratio, {where}', f'{t_real / t_min:.2f}', '×', '≤ 1.25', t_real / t_min <= 1.25)
    row(f'peak memory, Option Talk, {where}', f'{m_real:.1f}', 'MiB', '', True)
    row(f'peak memory, bare window, {where}', f'{m_min:.1f}', 'MiB', '', True)
    row(f'peak memory ratio, {where}', f'{m_real / m_min:.2f}', '×', '≤ 1.30', m_real / m_min <= 1.30)

if wayland:
    for r in rows:
        print('row ' + json.dumps(r))
    sys.exit(0)

# The same on Wayland, under a headless weston of its own (tests/run-wayland).
run_wayland = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'run-wayland')
out = subprocess.run([run_wayland, sys.executable, __file__, build, str(runs), '--wayland'],
                     capture_output=True, text=True)
if out.returncode != 0:
    sys.exit(f'the start-up on Wayland failed:\n{out.stdout}{out.stderr}')
rows += [tuple(json.loads(line[len('row '):])) for line in out.stdout.splitlines() if line.startswith('row ')]

# The goals of the in-process benchmarks, in milliseconds.
goals = {
    'content-load': 15.0,
    'content-load-validated': 15.0,
    'worksheet-save': 10.0,
    'worksheet-open': 10.0,
    'chart-3840x2160': 4.0,
    'chart-3840x2160@2': 4.0,
    'export-pdf': 150.0,
}
# No step of bench-stalls may hold the window's main loop longer.
STALL_GOAL = 100.0
# Each in-process benchmark prints its medians in its own table; these
# patterns pick the figures out, named as in the goals above.
patterns = {
    'bench-content': [(r'(content-load(?:-validated)?) ([0-9.]+) ms', '{}')],
    'bench-worksheet': [(r'(save|open)\s+median ([0-9.]+) ms', 'worksheet-{}')],
    'bench-chart': [(r'(\d+x\d+(?:@\d)?)\s+\d+\s+\d+\s+([0-9.]+) ms', 'chart-{}')],
    'bench-export': [(r'(export-pdf) ([0-9.]+) ms', '{}')],
    'bench-stalls': [(r'stall (\S+)\s+([0-9.]+) ms', 'stall-{}')],
}
for program, rules in patterns.items():
    path = os.path.join(bench, program)
    if not os.path.exists(path):
        continue
    out = subprocess.run([path], env=env, capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        for pattern, name in rules:
            m = re.match(pattern, line)
            if m:
                key = name.format(m.group(1))
                goal = goals.get(key, STALL_GOAL if key.startswith('stall-') else None)
                value = float(m.group(2))
                row(key, f'{value:.2f}', 'ms', f'< {goal:g} ms' if goal else '',
                    goal is None or value < goal)

width = max(len(r[0]) for r in rows)
print(f'{"benchmark":<{width}}  {"median":>8}  unit  {"goal":<10} met')
for name, value, unit, goal, ok in rows:
    print(f'{name:<{width}}  {value:>8}  {unit:<4}  {goal:<10} {ok}')
print(f'(medians of {runs} runs; start-up and memory measured in alternation)')
