"""The app's windows, their autosavers, and the offer to recover after a crash."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from briefing.io.errors import BriefingFileError
from briefing.ui.dialogs import Dialogs
from briefing.ui.main_window import MainWindow
from briefing.ui.recovery import Autosaver, AutosaveWarning, Entry, Session, pending


class WindowManager:
    def __init__(self, session: Session | None = None, dialogs: type[Dialogs] = Dialogs) -> None:
        self.session = session or Session()
        self.dialogs_class = dialogs
        self.windows: list[MainWindow] = []
        self._slots = 0
        QApplication.instance().aboutToQuit.connect(self.session.release)

    def new_window(self) -> MainWindow:
        window = MainWindow()
        window.dialogs = self.dialogs_class(window)
        self._slots += 1
        saver = Autosaver(
            self.session, str(self._slots), lambda: window.brief,
            lambda: (window.files.display_name(), window.files.path, window.files.disk_hash),
            window)
        window.attach_autosaver(saver)
        window.statusBar().addPermanentWidget(AutosaveWarning(saver, window))  # while it fails
        window.destroyed.connect(lambda *_: self._forget(window))
        self.windows.append(window)
        return window

    def _forget(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def offer_recovery(self, parent: MainWindow) -> list[MainWindow]:
        """Ask about each brief a crashed session left: restore, discard or decide later."""
        restored = []
        for entry in pending(self.session.folder, own=self.session.id):
            answer = parent.dialogs.recover(entry.name, entry.saved_at)
            if answer == "discard":
                entry.discard()
            elif answer == "restore":
                window = self.restore(entry, parent)
                if window is not None:
                    restored.append(window)
        return restored

    def restore(self, entry: Entry, parent: MainWindow) -> MainWindow | None:
        try:
            brief = entry.load()
        except BriefingFileError as exc:
            parent.dialogs.error(f"Cannot recover “{entry.name}”: {exc}")
            return None
        window = self.new_window()
        window.show_recovered(brief, entry.original, entry.disk_hash)
        window.show()
        entry.discard()  # the new window has already written its own recovery copy
        return window
