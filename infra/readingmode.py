"""The reading modes (适老化: larger text, high contrast) a reader picks, kept in a cookie. The
stored pages are kept per mode (``pagecache``), and the pages draw the switch."""

READING_MODES = {"standard": "标准", "large": "大字", "contrast": "高对比"}
COOKIE = "reading_mode"


def mode_of(request) -> str:
    """The reader's mode, "standard" when none or an unknown one is asked for."""
    mode = request.COOKIES.get(COOKIE, "standard")
    return mode if mode in READING_MODES else "standard"
