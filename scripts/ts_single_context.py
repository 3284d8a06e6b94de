# SPDX-License-Identifier: GPL-2.0-or-later
"""Fold every message of a Qt .ts file into the plugin's one context (``DoubleGuarantee``).

pylupdate5 names the context of a ``tr("…")`` call after the enclosing class; the plugin's
``tr()`` always looks its text up in one fixed context.  Existing translations are kept; where
the same source text appears twice, the translated entry wins.  Messages still unfinished are
filled from the glossaries ``i18n/zh_CN/*.json`` (source text → Chinese), one per part of the
plugin, so that several people can add translations without editing the same file.
"""
import glob
import json
import os
import sys
import xml.etree.ElementTree as ET

CONTEXT = "DoubleGuarantee"


def glossary(ts_path):
    folder = os.path.join(os.path.dirname(os.path.abspath(ts_path)), "zh_CN")
    entries = {}
    for name in sorted(glob.glob(os.path.join(folder, "*.json"))):
        with open(name, encoding="utf-8") as handle:
            entries.update(json.load(handle))
    return entries


def fold(path):
    tree = ET.parse(path)
    root = tree.getroot()
    merged = {}
    for context in root.findall("context"):
        for message in context.findall("message"):
            source = message.findtext("source")
            old = merged.get(source)
            translation = message.find("translation")
            done = translation is not None and translation.text and translation.get("type") not in ("obsolete", "vanished")
            if old is None or done:
                merged[source] = message
        root.remove(context)
    for message in merged.values():
        # pylupdate5 reads a literal second argument of tr() as a disambiguation comment and a third
        # as a plural count; the plugin's tr() formats them into the text instead, and looks up the
        # bare source text, so neither may stay in the file (or lookups miss and lrelease fails)
        for comment in message.findall("comment"):
            message.remove(comment)
        message.attrib.pop("numerus", None)
        translation = message.find("translation")
        if translation is not None:
            forms = translation.findall("numerusform")
            if forms:
                text = forms[0].text
                for form in forms:
                    translation.remove(form)
                translation.text = text
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    known = glossary(path)
    for source in sorted(merged):
        message = merged[source]
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if source in known:
            translation.text = known[source]
            translation.attrib.pop("type", None)
        context.append(message)
    ET.indent(tree, space="    ")
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return len(merged)


if __name__ == "__main__":
    for ts in sys.argv[1:]:
        print(f"{ts}: {fold(ts)} messages in context {CONTEXT}")
