"""Briefing: turn a news article into a structured, sourced brief.

`from briefing import Brief` is the scripting API; importing it never imports Qt.
"""
from briefing.api import Brief
from briefing.io.errors import BriefingFileError

__all__ = ["Brief", "BriefingFileError", "__version__"]
__version__ = "0.1.0"
