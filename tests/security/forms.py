"""Form round-trips for the tampering tests (like pretix's `extract_form_fields`): the fields of
the page's own POST form with the values the page shows, ready to be posted back."""

from html.parser import HTMLParser


class _FormFields(HTMLParser):
    """Collects the fields of the first POST form whose action is the page itself."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.state = "before"  # before → inside → done
        self.fields: dict[str, str] = {}
        self.submit: tuple[str, str] | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and self.state == "before":
            own = a.get("action", "") in ("", self.path)
            if a.get("method", "").lower() == "post" and own:
                self.state = "inside"
            return
        if self.state != "inside":
            return
        name = a.get("name")
        if tag == "input" and name:
            self._input(name, a)
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select:
            if self._select not in self.fields or "selected" in a:
                self.fields[self._select] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""
        elif tag == "button" and name and self.submit is None:
            self.submit = (name, a.get("value", ""))

    def _input(self, name: str, a: dict[str, str]) -> None:
        kind = a.get("type", "text")
        if kind == "file":
            return
        if kind == "submit":
            self.submit = self.submit or (name, a.get("value", ""))
        elif kind in ("checkbox", "radio"):
            if "checked" in a:
                self.fields[name] = a.get("value", "on")
        else:
            self.fields[name] = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.state == "inside":
            self.state = "done"
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.fields[self._textarea] += data


def own_form_fields(html: str, path: str) -> dict[str, str] | None:
    """The fields (and the first submit button) of the page's own POST form, or None."""
    parser = _FormFields(path)
    parser.feed(html)
    if parser.state == "before":
        return None
    fields = dict(parser.fields)
    if parser.submit:
        fields.setdefault(*parser.submit)
    return fields
