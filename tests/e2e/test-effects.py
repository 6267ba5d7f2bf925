#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Side Effects page as a screen reader meets it: the chart is a named
image that says what it shows, the treatments to compare are check boxes
with their names in rows of their category, and "Show as Table" brings up labels to read."""

import os
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(__file__))
from otdriver import App, check, finish, is_shown  # noqa: E402

app = App()
view = app.show_view('Side Effects')

chart = app.find('image', 'Side-effect chart')
check(chart is not None, 'the chart is an image named “Side-effect chart”, not a filler')
check('Choose 1 to 4 treatments' in chart.description,
      'with nothing chosen, its description asks the person to choose')

# The treatments are inside their category's row, which the keyboard opens
# (GTK 4.18 leaves what a closed row holds out of the tree, as it is out of sight).
app.focus_window()
check(app.expand(app.find('list item', 'Chemotherapy', view)), 'Space opens a category of treatments')
folfox = app.find('check box', 'FOLFOX (5-FU, leucovorin and oxaliplatin)')
check(folfox is not None, 'each treatment is a check box named by the treatment')
check(len(app.find_all('check box', 'Diarrhea')) == 1, 'each side effect to avoid is a check box')

switch = app.find('check box', 'Show as Table')
check('screen reader' in switch.description, 'the table switch says what it is for')
switch.doActionNamed('toggle')
time.sleep(0.5)
check(switch.getState().contains(pyatspi.STATE_CHECKED), 'the switch toggles through its action')
check(not is_shown(chart, view), 'the chart gives way to the table')
# GTK 4.8 leaves "showing" unset on widgets first mapped after startup, so
# ask for the label and that it is visible.
label = app.find('label', 'Choose 1 to 4 treatments to compare their side effects.')
check(label.getState().contains(pyatspi.STATE_VISIBLE), 'the table is labels a screen reader reads')

check(app.quit() == 0, 'the application exits cleanly')
finish()
