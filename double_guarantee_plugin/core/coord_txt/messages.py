# SPDX-License-Identifier: GPL-2.0-or-later
"""Messages and the one error class of the coordinate-TXT reader and writer, translatable later.

The core stays free of Qt, so a message keeps its English template and its arguments apart;
the GUI and Processing render it through the plugin's ``tr()`` (``message.render(tr)``).
``QT_TR_NOOP`` only marks the templates for ``make transup`` (pylupdate5 finds them).
"""


def QT_TR_NOOP(text):  # noqa: N802 - the name pylupdate5 looks for
    return text


LINE = QT_TR_NOOP("line {}")


class Message:
    """An English template with ``{}`` placeholders and the values that fill them."""

    __slots__ = ("template", "args")

    def __init__(self, template, *args):
        self.template = template
        self.args = args

    def render(self, translate=None):
        """The text, translated by ``translate(template, *args)`` (e.g. the plugin's ``tr``)."""
        if translate is not None:
            return translate(self.template, *self.args)
        return self.template.format(*self.args)

    def __str__(self):
        return self.render()

    def __repr__(self):
        return f"Message({self.render()!r})"

    def __eq__(self, other):
        return isinstance(other, Message) and (self.template, self.args) == (other.template, other.args)

    def __hash__(self):
        return hash((self.template, self.args))


class CoordTxtError(ValueError):
    """A coordinate file that cannot be read or written; names the file, the line and what was expected.

    The only exception the reader lets escape for bad input (the fuzz test holds it to that).
    """

    def __init__(self, message, path=None, line=None):
        self.message = message if isinstance(message, Message) else Message(str(message))
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.render())

    def where(self, translate=None):
        parts = []
        if self.path:
            parts.append(self.path)
        if self.line is not None:
            parts.append(translate(LINE, self.line) if translate else LINE.format(self.line))
        return ", ".join(parts)

    def render(self, translate=None):
        where = self.where(translate)
        text = self.message.render(translate)
        return f"{where}: {text}" if where else text


class Note:
    """Something the reader assumed or repaired, with the line it concerns (None for the whole file)."""

    __slots__ = ("message", "line", "level")

    INFO = "info"
    WARNING = "warning"

    def __init__(self, message, line=None, level=INFO):
        self.message = message
        self.line = line
        self.level = level

    def render(self, translate=None):
        text = self.message.render(translate)
        if self.line is None:
            return text
        prefix = translate(LINE, self.line) if translate else LINE.format(self.line)
        return f"{prefix}: {text}"

    def __str__(self):
        return self.render()

    def __repr__(self):
        return f"Note({self.level}, {self.render()!r})"
