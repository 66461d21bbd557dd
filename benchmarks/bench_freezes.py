"""The briefs that froze the window (issue 10, "Freezes"): open, select, preview.

Targets: opening any brief inside the loader's caps <= 3 s (from File > Open's path to the
article painted); selecting an item <= 100 ms (highlighted, listed, painted). The preview
has no target of its own beyond not blocking: it renders on a worker, so the figure is the
time until it is on screen. The briefs are built through the public API at the issue's
sizes (tests/support/hostile.py; tests/ui/test_freezes.py checks the event loop keeps
running through each step).
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from support.hostile import HOSTILE  # noqa: E402
from timing import row  # noqa: E402


def one_paragraph(scale: float = 1.0):
    """An article that is ONE paragraph of 50,000 sentences, all cited by one claim (the
    same builder as tests/ui/test_freezes.py; both belong in tests/support/hostile.py)."""
    from support.hostile import _brief
    n = int(50_000 * scale)
    brief = _brief("".join(f"Sentence number {i} is here. " for i in range(n)) + "\n")
    item = brief.add_item("claim", "Cites everything.", [s.id for s in brief.sentences])
    return brief, item.id


CASES = {**HOSTILE, "one paragraph of 50,000 sentences": one_paragraph}


def _quiet(mode, context, message: str) -> None:
    if "propagateSizeHints" not in message:
        sys.stderr.write(message + "\n")


def measure(name: str, build, app, folder: Path) -> None:
    from briefing.ui.dialogs import ScriptedDialogs
    from briefing.ui.main_window import MainWindow
    from briefing.ui.preview import PreviewDialog

    brief, item_id = build(1.0)
    path = folder / "hostile.brief"
    brief.save(path)
    window = MainWindow(dialogs=ScriptedDialogs())
    window.resize(1440, 900)
    window.show()
    app.processEvents()

    def settle() -> None:
        app.processEvents()
        app.processEvents()

    t = time.perf_counter()
    window.open(str(path))
    settle()
    window.article_view.viewport().repaint()
    print(row(f"{name}: open", [time.perf_counter() - t], 3000), flush=True)
    if item_id is not None:
        other = next((i.id for i in window.brief.items if i.id != item_id), "")
        times = []
        for _ in range(5):
            window.select_item(other)
            settle()
            t = time.perf_counter()
            window.select_item(item_id)
            settle()
            times.append(time.perf_counter() - t)
        print(row(f"{name}: select", times, 100), flush=True)
    t = time.perf_counter()
    dialog = PreviewDialog(window.brief, window)
    dialog.show()
    while not dialog.is_rendered():
        app.processEvents()
        time.sleep(0.005)
    settle()
    print(row(f"{name}: preview on screen", [time.perf_counter() - t]), flush=True)
    dialog.close()
    window.undo_stack.setClean()
    window.close()
    window.deleteLater()
    settle()


def main() -> None:
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from briefing.ui.app import configure
    qInstallMessageHandler(_quiet)
    app = QApplication.instance() or QApplication([])
    configure(app)
    print(f"Python {sys.version.split()[0]}, QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}, "
          f"{os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        only = sys.argv[1:]   # e.g. `bench_freezes.py paragraph "50,000 sentences"`
        for name, build in CASES.items():
            if not only or any(word in name for word in only):
                measure(name, build, app, Path(folder))


if __name__ == "__main__":
    main()
