"""The real start-up path, in a fresh process: `briefing FILE` (briefing.cli.main, as
`python -m briefing` runs it) -> run_app: application names, the log, the window manager,
the window opening the file, the recovery offer, then app.exec() until File > Quit.

The child creates the QApplication itself first (run_app reuses an existing one) so that a
QTimer can look at the running app from inside its event loop, answer a real recovery
dialog when there is one, report what it sees as JSON, and quit through the Quit action.
Settings and data go to this test's own XDG folders (tests/ui/conftest.py).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from briefing import Brief, __version__
from briefing.io.brief_file import dumps

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "seeds" / "musk-putin-contacts.brief"

CHILD = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QCoreApplication, QStandardPaths, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication(sys.argv[:1])
    asked = []

    def look():
        from briefing.ui.main_window import MainWindow
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):            # the real recovery question
            asked.append(box.text())
            next(b for b in box.buttons() if b.text().replace("&", "") == "Restore").click()
            QTimer.singleShot(50, look)
            return
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        if not windows or (sys.argv[2] == "recover" and len(windows) < 2):
            QTimer.singleShot(20, look)
            return
        print(json.dumps({
            "names": [QCoreApplication.organizationName(), QCoreApplication.applicationName()],
            "data": QStandardPaths.writableLocation(QStandardPaths.AppDataLocation),
            "windows": [{"title": w.windowTitle(), "path": w.files.path,
                         "modified": w.isWindowModified(),
                         "counts": w.brief.counts(), "brief_title": w.brief.title,
                         "items": [i.text for i in w.brief.items]}
                        for w in windows],
            "asked": asked,
        }), flush=True)
        for w in windows:                           # quit without a prompt
            w.undo_stack.setClean()
        windows[0].actions["quit"].trigger()

    QTimer.singleShot(0, look)
    from briefing.cli import main
    code = main([sys.argv[1]] if sys.argv[1] else [])
    print("exit", code, flush=True)
    sys.exit(code)
""")


def start(path: str, mode: str = "plain") -> tuple[dict, list[str]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", CHILD, path, mode], capture_output=True,
                            text=True, cwd=ROOT, env=env, timeout=120)
    lines = result.stdout.splitlines()
    assert result.returncode == 0, (result.stdout, result.stderr)
    assert lines[-1] == "exit 0", result.stdout
    return json.loads(lines[-2]), lines


def test_briefing_file_starts_the_app_on_it_logs_and_quits_cleanly(tmp_path):
    path = tmp_path / "sample.brief"
    path.write_bytes(SAMPLE.read_bytes())
    seen, _ = start(str(path))
    sample = Brief.load(SAMPLE)
    assert seen["names"] == ["Briefing", "Briefing"]
    data = Path(seen["data"])
    assert data == Path(os.environ["XDG_DATA_HOME"]) / "Briefing" / "Briefing"
    (window,) = seen["windows"]
    assert window["title"] == "sample.brief[*] — Briefing"
    assert window["path"] == str(path) and not window["modified"]
    assert window["counts"] == sample.counts() and window["brief_title"] == sample.title
    assert seen["asked"] == []
    log = (data / "logs" / "briefing.log").read_text(encoding="utf-8")
    assert "INFO briefing.ui.app [pid" in log and f"started briefing {__version__}" in log
    # quitting released the session: no lock and no recovery files are left behind
    assert [p.name for p in (data / "recovery").iterdir()] == []
    assert path.read_bytes() == SAMPLE.read_bytes()          # opening writes nothing


def test_start_up_offers_a_crashed_sessions_work_in_the_real_dialog(tmp_path):
    data = Path(os.environ["XDG_DATA_HOME"]) / "Briefing" / "Briefing" / "recovery"
    data.mkdir(parents=True)
    lost = Brief.from_text("Alpha is here. Beta follows.", title="Lost work")
    lost.add_item("risk", "typed before the crash", ["s2"])
    (data / "0123456789ab-1.brief").write_bytes(dumps(lost))
    (data / "0123456789ab-1.json").write_text(json.dumps(
        {"name": "lost.brief", "saved_at": "2024-10-25T09:00:00Z", "original": None,
         "disk_hash": None}), encoding="utf-8")
    seen, _ = start("", "recover")
    assert len(seen["asked"]) == 1 and "“lost.brief”" in seen["asked"][0]
    restored = [w for w in seen["windows"] if w["items"] == ["typed before the crash"]]
    assert len(seen["windows"]) == 2 and len(restored) == 1   # the start window + the restored
    assert restored[0]["modified"] and restored[0]["path"] is None
    assert [p.name for p in data.iterdir()] == []             # restored, then quit cleanly
