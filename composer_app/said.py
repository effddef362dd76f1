"""Text a user reads, written in English in the core and kept with its template so the app can show it translated.

The core has no Qt, so it cannot translate; it marks what a user will read instead:

    raise MusicFileError(path, said("{count} tracks is more than the {limit} this app reads").format(
        count=n, limit=MAX_TRACKS))

`said(...)` returns a `Said`: a str (the English text, so logs, the CLI and tests see plain English) that also
remembers its template and values. The GUI looks the template up in Qt's translations and fills in the values,
translating any value that is itself a `Said`. pyside6-lupdate reads `said("...")` as Qt's QT_TR_NOOP
(scripts/update-translations.sh passes `-tr-function-alias QT_TR_NOOP+=said`), so the templates land in the same
.ts files as the GUI's strings, under the same empty context.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping


class Said(str):
    """English text (the str value) with the template and values it was made from."""

    template: str
    values: Mapping[str, object]

    def __new__(cls, template: str, values: Mapping[str, object] | None = None):
        values = dict(values or {})
        text = super().__new__(cls, template.format(**values) if values else template)
        text.template = template
        text.values = values
        return text

    def format(self, /, **values) -> Said:
        """The template with these values filled in (keywords only, so a translation can reorder them)."""
        return Said(self.template, {**self.values, **values})

    def translated(self, lookup: Callable[[str], str]) -> str:
        """The text in another language: `lookup` maps an English template to its translation."""
        values = {key: value.translated(lookup) if isinstance(value, Said) else value
                  for key, value in self.values.items()}
        template = lookup(self.template) or self.template
        try:
            return template.format(**values) if values else template
        except (KeyError, IndexError, ValueError):
            # A translation that names a value the English does not have must not turn a message into a crash.
            return self.template.format(**values) if values else self.template


def said(template: str) -> Said:
    """Mark `template` as text a user reads; `.format(name=value)` fills it in. See the module's docstring."""
    return Said(template)


def in_language(text: object, lookup: Callable[[str], str]) -> str:
    """`text` translated where it was made with said(), else as it is (text from a file, a number, older code)."""
    return text.translated(lookup) if isinstance(text, Said) else str(text)


def to_plain(text: object) -> object:
    """JSON-ready form of said() text (template and values, nested), so a child process's words reach the app
    translatable; other text is returned as it is."""
    if not isinstance(text, Said):
        return text
    return {"template": text.template, "values": {key: to_plain(value) for key, value in text.values.items()}}


def from_plain(data: object, depth: int = 0) -> str:
    """Text back from `to_plain`'s form; anything else that is not a plain value becomes its str()."""
    if isinstance(data, dict) and depth < 8:
        template, values = data.get("template"), data.get("values")
        if isinstance(template, str) and isinstance(values, dict) and all(isinstance(k, str) for k in values):
            try:
                return Said(template, {key: from_plain(value, depth + 1) if isinstance(value, dict) else value
                                       for key, value in values.items()})
            except (KeyError, IndexError, ValueError):
                pass  # a template whose values do not fit it: show what can be shown
    return data if isinstance(data, (str, int, float)) else str(data)
