#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Spanish is complete: es.po passes msgfmt --check with no untranslated or
fuzzy message, and the desktop file, metainfo and MIME type built from it
carry Spanish.  Usage: test-po.py PO-DIR BUILT-DATA-DIR"""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET

from tap import check, comment, finish

po_dir, data_dir = sys.argv[1], sys.argv[2]
app_id = 'io.github.optiontalk.OptionTalk'
lang = '{http://www.w3.org/XML/1998/namespace}lang'

run = subprocess.run(['msgfmt', '--check', '--statistics', '-o', '/dev/null', f'{po_dir}/es.po'],
                     capture_output=True, text=True)
comment(run.stderr)
check(run.returncode == 0, 'es.po passes msgfmt --check')
check(re.fullmatch(r'\d+ translated messages\.\n', run.stderr) is not None,
      'es.po has no untranslated or fuzzy message')

# The loader checks that each benefit sentence of the pack carries its
# figures, on the English; here every translation keeps the English figures,
# with a decimal comma ("30.3 months": "30,3 meses").
plain = subprocess.run(['msgcat', '--no-wrap', f'{po_dir}/es.po'], capture_output=True, text=True).stdout
number = re.compile(r'(?<![\w.,])\d+(?:[.,]\d+)?')
changed = [english for english, spanish in re.findall(r'^msgid "(.+)"\nmsgstr "(.+)"$', plain, re.M)
           if sorted(n.replace('.', ',') for n in number.findall(english)) != sorted(number.findall(spanish))]
for english in changed:
    comment(f'figures differ from the English: {english}')
check(len(changed) == 0, 'es.po keeps the figures of the English, with a decimal comma')

with open(f'{data_dir}/{app_id}.desktop', encoding='utf-8') as f:
    desktop = f.read()
for key in ('GenericName', 'Comment', 'Keywords'):
    check(re.search(rf'^{key}\[es\]=\S', desktop, re.M) is not None, f'desktop file: {key}[es]')

metainfo = ET.parse(f'{data_dir}/{app_id}.metainfo.xml').getroot()
for tag in ('name', 'summary'):
    check(any(e.get(lang) == 'es' for e in metainfo.iter(tag)), f'metainfo: <{tag} xml:lang="es">')
english = [e for e in metainfo.iter() if e.tag in ('p', 'li') and e.get(lang) is None]
spanish = [e for e in metainfo.iter() if e.tag in ('p', 'li') and e.get(lang) == 'es']
check(len(english) > 0 and len(spanish) == len(english), 'metainfo: every paragraph and item in Spanish')

mime = ET.parse(f'{data_dir}/{app_id}.xml').getroot()
comments = {e.get(lang): e.text for e in mime.iter('{http://www.freedesktop.org/standards/shared-mime-info}comment')}
check(comments.get('es') == 'Hoja de trabajo de Option Talk', 'MIME type: Spanish comment')

finish(plan_printed=False)
