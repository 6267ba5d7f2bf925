#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""An audit of what a screen reader meets in every view, shown through its
tab, with a worksheet open that fills every kind of row: each control has
a name a person can understand, no button is an unnamed icon, the chart
and the 100 people say what they show, and the menus and windows beyond
the views are named too.

A name is missing when it is empty, when it is only a GTK class name (what
GTK 4.8 reports when there is none), when it still shows a mnemonic's
underscore, or when it is the same words twice (a label given twice).  No
object at all, control or not, has a name that repeats itself: a screen
reader reads a row's name as it enters it, words inside or not."""

import os
import sys

import pyatspi

sys.path.insert(0, os.path.dirname(__file__))
from otdriver import (VIEWS, App, actions, check, finish, has_state, name_problem, note,  # noqa: E402
                      repeats_itself, test_dir, texts, time_limit, walk)

# What a person can operate: each must have a name.
CONTROLS = {'push button', 'toggle button', 'check box', 'radio button', 'combo box', 'text', 'entry',
            'password text', 'spin button', 'slider', 'page tab', 'link', 'menu item', 'check menu item',
            'radio menu item', 'calendar', 'switch'}
# Containers GTK marks focusable that never take the focus themselves (the
# keyboard test walks what does); their parts are audited one by one.
CONTAINERS = {'scroll pane', 'list', 'panel', 'filler', 'tree table', 'page tab list', 'scroll bar',
              'separator'}

# Fills every kind of row the views have.
WORKSHEET = '''<?xml version="1.0" encoding="UTF-8"?>
<optiontalk-worksheet format="1">
  <situation>
    <substage>ivb</substage>
    <site>liver</site>
    <side>left</side>
    <biomarker id="ras" result="wild-type"/>
    <patient-name>Ana Silva</patient-name>
  </situation>
  <compare>
    <category id="chemotherapy"/>
    <category id="targeted"/>
    <treatment id="folfox"/>
    <treatment id="anti-egfr"/>
    <avoid-effect id="diarrhea"/>
  </compare>
  <values>
    <value id="live-longer" rating="4"/>
    <own-value rating="3">Seeing my grandson graduate</own-value>
  </values>
  <role id="shared"/>
  <readiness>
    <answer item="sure">yes</answer>
  </readiness>
  <questions>
    <question id="q-se-serious"/>
    <own-question>Can I travel in June?</own-question>
  </questions>
  <leaning>
    <option id="chemotherapy"/>
  </leaning>
  <notes>Ask about a cream for the rash.</notes>
  <next-visit>2026-12-01</next-visit>
</optiontalk-worksheet>
'''


def labelled_ancestor(node, root):
    """Whether a named control or row around @node says what it is for."""
    parent = node.parent
    while parent is not None and parent != root:
        if (parent.roleName in CONTROLS or parent.roleName == 'list item') and name_problem(parent) is None:
            return True
        parent = parent.parent
    return False


def where(node):
    """A short path to @node, to say where a problem is."""
    path = []
    while node is not None and len(path) < 4:
        path.append(f'{node.roleName} “{node.name[:40]}”')
        node = node.parent
    return ' < '.join(path)


def audit(root, what):
    """Checks everything under @root; one TAP line per rule."""
    nodes = list(walk(root))
    controls, icons, rows, images, focusable = [], [], [], [], []
    for node in nodes:
        role = node.roleName
        problem = name_problem(node)
        if role in CONTROLS or actions(node):
            if problem:
                controls.append(f'{where(node)}: {problem}')
            if role == 'push button' and not texts(node) and problem:
                icons.append(where(node))
        elif role == 'list item' and problem and not texts(node):
            rows.append(where(node))
        elif role == 'image' and problem and not labelled_ancestor(node, root):
            images.append(where(node))
        elif (has_state(node, pyatspi.STATE_FOCUSABLE) and role not in CONTAINERS
              and role != 'list item' and problem):
            focusable.append(f'{where(node)}: {problem}')
    repeated = [where(node) for node in nodes if repeats_itself(node.name)]
    n_controls = sum(1 for n in nodes if n.roleName in CONTROLS or actions(n))
    note(f'{what}: {len(nodes)} accessible objects, {n_controls} controls')
    for problems, rule in ((controls, 'every control has a name'),
                           (icons, 'no icon-only button is without a name'),
                           (rows, 'every row has a name or words in it'),
                           (images, 'every image has a name or is part of a named control'),
                           (focusable, 'every other focusable object has a name'),
                           (repeated, 'no name repeats itself')):
        for problem in problems:
            note(f'  {problem}')
        check(not problems, f'{what}: {rule}')
    return n_controls


time_limit(540)
path = os.path.join(test_dir(fresh=True), 'files', 'audit.optiontalk')
with open(path, 'w', encoding='utf-8') as f:
    f.write(WORKSHEET)
app = App(path, fresh=False)
app.focus_window()

for title in VIEWS:
    view = app.show_view(title)
    count = audit(view, f'“{title}”')
    check(count >= 7, f'“{title}”: the audit saw its controls ({count})')


def common_ancestor(a, b):
    ancestors = []
    while a is not None:
        ancestors.append(a)
        a = a.parent
    while b is not None and b not in ancestors:
        b = b.parent
    return b


# The header bar: the view switcher and the main menu.
header = common_ancestor(app.find_all('page tab', 'Summary')[0], app.find_actionable('push button', 'Main Menu'))
audit(header, 'the header bar')

# Side Effects: the chart, its 100 people and its table twin.
view = app.show_view('Side Effects')
chart = app.find(None, 'Side-effect chart', view)
check(chart.roleName == 'image', 'the chart exposes the image role')
check('FOLFOX' in chart.description and 'in 100 people' in chart.description,
      'the chart’s description says what it shows')
app.tab_to(chart)
app.key('Return')
people = app.wait_for(lambda: next(n for n in app.find_all('image', '100 people', view)
                                   if 'in 100 people' in n.description), 5)
check(people is not None, 'the 100 people are an image described in words')
audit(view, '“Side Effects” with a figure as 100 people')
table = app.find('check box', 'Show as Table', view)
app.act(table, 'toggle')
cells = app.wait_for(lambda: [n for n in app.find_all('label', None, view)
                              if n.name.startswith('About ') and ' treated with ' in n.name], 5) or []
check(len(cells) >= 2, 'the table’s cells are named by whole sentences')
audit(view, '“Side Effects” as a table')
app.act(table, 'toggle')

# Options: a badge's popover.
view = app.show_view('Options')
badge = app.find_actionable('push button', 'FOLFOX (5-FU, leucovorin and oxaliplatin): Likely to help. Show why',
                            view)
app.tab_to(badge)
app.act(badge, 'click')
popover = app.popover(badge.parent)
check(popover is not None and len(texts(popover)) >= 4, 'the badge opens a popover of words')
app.key('Escape')

# What Matters to Me: the date of the next visit.
view = app.show_view('What Matters to Me')
visit = app.find_actionable('push button', 'Choose the date of the next visit', view)
app.tab_to(visit)
app.act(visit, 'click')
calendar = app.popover(visit.parent)
if check(calendar is not None, 'the date button opens a calendar'):
    audit(calendar, 'the calendar of the next visit')
app.key('Escape')

# The main menu, opened with F10.
app.key('F10', wait=1)
menu = app.wait_for(lambda: [n for n in walk(app.main_window()) if n.roleName in ('menu item', 'check menu item')], 5) or []
note('menu: ' + ', '.join(m.name for m in menu))
check(len(menu) >= 10 and all(name_problem(m) is None for m in menu), 'every main menu item has a name')
sources = next((m for m in menu if m.name == 'Sources'), None)
check(sources is not None, 'the main menu has Sources')
if sources is not None:
    app.act(sources)
    window = app.window('Sources')
    audit(window, 'the Sources window')
    app.key('Escape', wait=1)
    app.wait_for(lambda: all(w.name != 'Sources' for w in app.windows()), 5)
    app.focus_window()

status = app.quit()
if status != 0:
    note(f'exit status {status}')
check(status == 0, 'the application exits cleanly')
finish()
