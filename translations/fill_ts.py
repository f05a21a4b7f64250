#!/usr/bin/env python3
"""Fills paydesk_en.ts (source text, English plural forms) and reports what
paydesk_zh_CN.ts still lacks. Translators edit paydesk_zh_CN.ts with Qt
Linguist; this script only keeps paydesk_en.ts complete after lupdate.
Usage: translations/fill_ts.py [--zh DICT.py]  (DICT.py defines ZH = {source: text})"""
import re, sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent

def english_plural(source):
    # "%n order(s)" -> ["%n order", "%n orders"];
    # "%n entry(ies)" -> ["%n entry", "%n entries"]
    one = re.sub(r'\((\w+)\)', '', source)
    many = re.sub(r'\((\w+)\)', r'\1', re.sub(r'y\(ies\)', 'ies', source))
    return [one, many]

def fill(path, translate, keep_finished=False):
    # keep_finished: a finished translation stays as it is; the same source
    # text may mean another thing in another context ("paid" as a state and
    # as a report line).
    tree = ET.parse(path)
    missing = []
    for m in tree.getroot().iter('message'):
        src = m.find('source').text or ''
        tr = m.find('translation')
        if keep_finished and tr.get('type') != 'unfinished' and (tr.text or len(tr)):
            continue
        text = translate(src)
        if text is None:
            if tr.get('type') == 'unfinished':
                missing.append(src)
            continue
        tr.attrib.pop('type', None)
        for child in list(tr):
            tr.remove(child)
        tr.text = None
        if m.get('numerus') == 'yes':
            forms = text if isinstance(text, list) else [text]
            for f in forms:
                e = ET.SubElement(tr, 'numerusform')
                e.text = f
        else:
            tr.text = text
    body = ET.tostring(tree.getroot(), encoding='unicode')
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + '\n',
                    encoding='utf-8')
    return missing

def main():
    zh = {}
    if len(sys.argv) == 3 and sys.argv[1] == '--zh':
        ns = {}
        exec(Path(sys.argv[2]).read_text(encoding='utf-8'), ns)
        zh = ns['ZH']
    fill(HERE / 'paydesk_en.ts',
         lambda s: english_plural(s) if '%n' in s else s)
    missing = fill(HERE / 'paydesk_zh_CN.ts', lambda s: zh.get(s), keep_finished=True)
    for s in missing:
        print('zh_CN missing:', repr(s))
    return 1 if missing else 0

if __name__ == '__main__':
    sys.exit(main())
