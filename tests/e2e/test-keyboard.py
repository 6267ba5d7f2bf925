#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The consultation with key presses only, as a person without a mouse
goes through it: real X key events on the focused window, and nothing
done through the accessibility tree but reading it.

First the Tab order of each view: one full round, which must visit the
view's controls in reading order, name each one, and come back to the
view switcher (no trap).  Then the main flow: views by Alt+1 … Alt+5,
combo rows, check boxes, the chart, ratings, the readiness check and
notes by Tab, Space, arrows and Enter; save with Ctrl+S, export with the
Alt+X mnemonic, print with Ctrl+P, zoom with Ctrl+plus and Ctrl+0, the
shortcuts window with Ctrl+?, the main menu with F10, and Ctrl+Q."""

import os
import sys
import xml.etree.ElementTree as ET

import pyatspi

sys.path.insert(0, os.path.dirname(__file__))
from otdriver import (App, check, describe, elapsed, finish, has_state, is_checked,  # noqa: E402
                      name_problem, note, texts, time_limit, walk)

SITUATION = ['Stage', 'Where It Has Spread', 'Where It Started', 'Treatment So Far', 'MMR / MSI',
             'RAS (KRAS and NRAS)', 'BRAF', 'HER2', 'NTRK fusion', 'RET fusion', 'POLE / POLD1',
             'Show Survival Numbers', 'What stage IV means', 'Getting a second opinion']
CATEGORIES = ['Chemotherapy', 'Targeted therapy', 'Immunotherapy', 'Surgery and other local treatments',
              'Radiation therapy', 'Palliative care and hospice', 'Clinical trials',
              'No treatment aimed at the cancer']
# Reading order: the sidebar top to bottom, then the chart's bar, then the chart.
EFFECTS = CATEGORIES + ['Nausea and vomiting', 'Low red blood cells (anemia)',
                        'Choose Treatments and Side Effects', 'Show as Table', 'Side-effect chart']
# The comparison, column by column: each category's treatments in turn.
OPTIONS = CATEGORIES + ['FOLFOX (5-FU, leucovorin and oxaliplatin): Likely to help. Show why',
                        'Anti-VEGF drugs (bevacizumab; also aflibercept or ramucirumab): Likely to help. Show why',
                        'Pembrolizumab (Keytruda): Depends on your MMR or MSI result. Show why',
                        'Comfort-focused care without cancer treatment: Your choice, when you are ready. Show why']
# A rating and a yes-or-no answer are one Tab stop each (the first step
# while unanswered): the arrow keys choose within them.
VALUES = ['Not important', 'I prefer to leave all decisions regarding my treatment to my doctor.',
          'Yes', 'Goals of treatment', 'Costs and practical matters', 'Not sure yet',
          'No treatment aimed at the cancer', 'Notes', 'Next steps', 'Choose the date of the next visit']
SUMMARY = ['Paper Size', 'Zoom Out', 'Fit Width', 'Zoom In', 'Print…', 'Export PDF…', 'Page 1 of']
VIEWS = (('alt+1', 'My Situation', SITUATION), ('alt+2', 'Options', OPTIONS), ('alt+3', 'Side Effects', EFFECTS),
         ('alt+4', 'What Matters to Me', VALUES), ('alt+5', 'Summary', SUMMARY))
SHORTCUTS = ['Show Shortcuts', 'Main Menu', 'Larger Text', 'Smaller Text', 'Normal Text Size', 'Quit',
             'New Worksheet', 'Open', 'Save', 'Save As', 'Print the Summary', 'My Situation', 'Options',
             'Side Effects', 'What Matters to Me', 'Summary', 'Read the Next Figure', 'Show the Figure as 100 People',
             'Show as Table', 'Next Section', 'Previous Section', 'Export Summary as PDF']


def in_order(names, landmarks):
    """Whether every landmark is among @names, in this order (a landmark
    ending in a space or “of” matches the start of a name)."""
    position = 0
    for landmark in landmarks:
        while position < len(names) and not (names[position] == landmark or
                                             (landmark.endswith(' of') and names[position].startswith(landmark))):
            position += 1
        if position == len(names):
            note(f'  “{landmark}” not found in order')
            return False
        position += 1
    return True


def menu_item(name):
    return next(n for n in walk(app.main_window()) if n.roleName in ('menu item', 'check menu item')
                and n.name == name)


time_limit(540)
app = App()
app.focus_window()

# The Tab order of every view.
for keys, title, landmarks in VIEWS:
    first = app.key(keys, wait=1)
    check(first is not None and has_state(first, pyatspi.STATE_FOCUSED),
          f'{keys} shows “{title}” and puts the keyboard on its first control, {describe(first)}')
    stops = app.tab_walk(lambda node: node == first, limit=260)
    # One round, from the first control to the one before it comes back.
    names = [node.name for node in [first] + stops[:-1] if node is not None]
    # The view switcher: a stop at each tab (libadwaita 1.2), or at the
    # current view's tab alone (1.7); either way that one once.
    header = [node.name for node in stops if node is not None and node.roleName == 'page tab']
    note(f'{title}: {len(stops)} presses of Tab, {len(set(names))} controls, '
         f'{sum(1 for n in stops if n is None)} unreported (entries, links inside a label)')
    check(stops and stops[-1] == first and header.count(title) == 1,
          f'“{title}”: Tab goes round the view and the header once and comes back (no trap)')
    check(in_order(names, landmarks), f'“{title}”: Tab visits the controls in reading order')
    unnamed = [describe(n) for n in stops if n is not None and name_problem(n)]
    for problem in unnamed:
        note(f'  unnamed: {problem}')
    check(not unnamed, f'“{title}”: every control Tab reaches has a name')

# My Situation, by keys alone.
note(f'{elapsed():.0f} s: the consultation by keyboard')
view = app.find_view('OtSituationView')
app.key('alt+1', wait=1)
check(app.choose(app.find('combo box', 'Stage', view), 'Stage IVC'), 'the stage is chosen from its list by keys')
check(app.choose(app.find('combo box', 'MMR / MSI', view), 'dMMR / MSI-high'), 'so is the MMR result')

# Options: compare immunotherapy alone, open why it fits.
app.key('alt+2', wait=1)
view = app.find_view('OtOptionsView')
toggle = next(n for n in app.find_all('push button', 'Immunotherapy', view) if n.childCount)
app.tab_to(toggle)
app.key('space')
check(app.wait_for(lambda: 'Chemotherapy' not in texts(app.find('panel', 'Treatment options compared', view)), 5)
      is not None, 'Space on a category compares it alone')
word = next(n for n in walk(view) if n.roleName == 'label' and has_state(n, pyatspi.STATE_FOCUSABLE))
app.tab_to(word)
app.key('Return', wait=1)
meaning = app.popover(word)
check(meaning is not None and any('\n' in t for t in texts(meaning)),
      'Enter on an underlined word explains it')
app.key('Escape')
badge = app.find_actionable('push button', 'Pembrolizumab (Keytruda): Likely to help. Show why', view)
check(app.tab_to(badge) is not None, 'with dMMR, pembrolizumab is likely to help, and Tab reaches its badge')
app.key('Return', wait=1)
popover = app.popover(badge.parent)
check(popover is not None and any('dMMR' in t for t in texts(popover)), 'Enter opens why, in words')
check(app.key('Escape', wait=1) == badge, 'Escape closes it and the keyboard is back on the badge')

# Side Effects: it starts from the treatments likely to help among those
# compared on Options, with dMMR both immunotherapies; Space unticks one.
# Then read a figure, see it as 100 people, the table.
app.key('alt+3', wait=1)
view = app.find_view('OtEffectsView')
check(is_checked(app.find('check box', 'Pembrolizumab (Keytruda)', view)),
      'Side Effects starts with pembrolizumab, likely to help, ticked from Options')
check(not app.tick(app.find('check box', 'Nivolumab with ipilimumab (Opdivo with Yervoy)', view)),
      'Space unticks a treatment ticked from Options')
chart = app.find('image', 'Side-effect chart', view)
app.tab_to(chart)
app.key('Down', 'Down')
check(chart.description.startswith('About ') and 'pembrolizumab' in chart.description.lower(),
      'the arrow keys read the figures')
app.key('Return')
check(app.wait_for(lambda: any('in 100 people' in n.description
                               for n in app.find_all('image', '100 people', view)), 5) is not None,
      'Enter shows the figure as 100 people')
switch = app.find('check box', 'Show as Table', view)
app.key('alt+b')
check(app.wait_for(lambda: is_checked(switch), 3) is not None, 'Alt+B shows the table')
app.key('alt+b')
check(app.wait_for(lambda: not is_checked(switch), 3) is not None, 'and Alt+B again the chart')

# What Matters to Me: a rating, a readiness answer, notes.
app.key('alt+4', wait=1)
view = app.find_view('OtValuesView')
# A rating is one Tab stop: an unrated one stops at its first step, and
# the arrow keys (here End) choose the step.
first = next(b for b in app.find_all('push button', 'Not important', view)
             if b.description == 'Being comfortable and free of pain')
check(app.tab_to(first) is not None, 'Tab reaches an unrated value at its first step')
app.key('End')
check(app.wait_for(lambda: any('Being comfortable and free of pain' in t and 'What matters most' in t
                               for t in texts(view)), 5) is not None, 'End rates the value “very important”')
yes = next(b for b in app.find_all('push button', 'Yes', view)
           if b.description == 'Do you feel SURE about the best choice for you?')
app.tab_to(yes)
app.key('space')
notes = app.find('text', 'Notes', view)
check(app.tab_to(notes) is not None, 'Tab reaches the notes')
app.type('Typed without a mouse.')

# Ctrl+S: a new worksheet asks where to save it.
worksheet = os.path.join(app.files, 'keyboard.optiontalk')
app.key('ctrl+s', wait=1)
check(app.save_in_chooser('Save Worksheet', worksheet), 'Ctrl+S saves, the path typed into the file chooser')

# Summary: Alt+X, the mnemonic of Export PDF…
app.key('alt+5', wait=1)
view = app.find_view('OtSummaryView')
pdf = os.path.join(app.files, 'keyboard.pdf')
app.key('alt+x', wait=1)
check(app.save_in_chooser('Export Summary as PDF', pdf), 'Alt+X exports the PDF')
check(app.wait_for(lambda: os.path.exists(pdf) and os.path.getsize(pdf) > 1000, 15) is not None,
      'the PDF is written')

# Ctrl+P, from another view: the print dialog.
app.key('alt+1', wait=1)
app.key('ctrl+p', wait=2)
check(app.window('Print', 20) is not None, 'Ctrl+P opens the print dialog from any view')
app.key('Escape', wait=1)
check(app.wait_for(lambda: all(w.name != 'Print' for w in app.windows()), 10) is not None,
      'Escape cancels it')
app.focus_window()

# Zoom: Ctrl+plus up to 200 %, where the menu's Larger Text can go no further.
for _ in range(7):
    app.key('ctrl+plus', wait=0.1)
app.key('F10', wait=1)
larger = app.wait_for(lambda: menu_item('Larger Text'), 5)
check(larger is not None and not has_state(larger, pyatspi.STATE_SENSITIVE),
      'seven Ctrl+plus reach 200 %: F10 opens the menu, where Larger Text can go no further')
app.key('Escape', wait=1)
app.key('ctrl+0', wait=0.3)
app.key('F10', wait=1)
larger = app.wait_for(lambda: menu_item('Larger Text'), 5)
check(larger is not None and has_state(larger, pyatspi.STATE_SENSITIVE), 'Ctrl+0 goes back to normal')
app.key('Escape', wait=1)

# Ctrl+? lists the shortcuts.
app.key('ctrl+question', wait=1)
shortcuts = app.window('Keyboard Shortcuts')
listed = set(texts(shortcuts)) if shortcuts else set()
missing = [s for s in SHORTCUTS if s not in listed]
check(not missing, f'Ctrl+? opens the shortcuts window, which lists them all (missing: {missing})')
app.key('Escape', wait=1)
check(app.wait_for(lambda: all(w.name != 'Keyboard Shortcuts' for w in app.windows()), 5) is not None,
      'Escape closes it')
app.focus_window()

# Ctrl+Q: nothing is unsaved since Ctrl+S, so it quits.
app.key('ctrl+q', wait=1)
try:
    status = app.process.wait(timeout=20)
except Exception:
    status = None
check(status == 0, 'Ctrl+Q quits cleanly')

root = ET.parse(worksheet).getroot() if os.path.exists(worksheet) else ET.Element('none')
check(root.findtext('situation/substage') == 'ivc', 'the saved file has the stage chosen by keys')
check({b.get('id'): b.get('result') for b in root.iter('biomarker')} == {'mmr': 'dmmr'},
      'and the MMR result')
check([c.get('id') for c in root.iter('category')] == ['immunotherapy'], 'and the category compared')
check([t.get('id') for t in root.iter('treatment')] == ['pembrolizumab'], 'and the treatment charted')
check({v.get('id'): v.get('rating') for v in root.iter('value')} == {'comfort': '4'}, 'and the rating')
check({a.get('item'): a.text for a in root.iter('answer')} == {'sure': 'yes'}, 'and the readiness answer')
check(root.findtext('notes') == 'Typed without a mouse.', 'and the notes')
finish()
