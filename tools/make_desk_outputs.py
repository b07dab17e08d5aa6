"""Write what the desk hands on for the sample collection, as of 5 February 2026: the workbook,
the dashboard and the notices in ``sample/desk/2025/名单-输出/``, and a picture of the dashboard
in ``docs/screenshots/desk-dashboard.png`` (headless Chromium).

    python tools/make_desk_outputs.py

The collection is read from a copy with a private cache, so the sample's ledger is untouched.
"""

from __future__ import annotations

import datetime
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample" / "desk"
AS_OF = datetime.date(2026, 2, 5)
SCREENSHOT = ROOT / "docs" / "screenshots" / "desk-dashboard.png"


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import headless
    from govtui.desk import outputs
    from govtui.desk.board import build
    from govtui.io import roster as rosters

    work = Path(tempfile.mkdtemp(prefix="govtui-desk-outputs-"))
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")
    shutil.copytree(SAMPLE, work / "desk")
    board = build(rosters.load(work / "desk" / "2025" / "名单.toml"), as_of=AS_OF)
    target = SAMPLE / "2025" / "名单-输出"
    shutil.rmtree(target, ignore_errors=True)
    print(outputs.write_workbook(board, target / "工作簿.xlsx"))
    print(outputs.write_dashboard(board, target / "收报情况.html"))
    print(outputs.write_notices(board, target / "通知"))
    print(outputs.write_notices(board, target / "通知", fmt="docx"))
    browser = headless.find()
    if browser is None:
        print("chromium is not installed: no screenshot (apt-get install chromium)")
        return
    headless.run(
        browser,
        (target / "收报情况.html").as_uri(),
        "--window-size=1280,1500",
        f"--screenshot={SCREENSHOT}",
    )
    print(f"wrote {SCREENSHOT.relative_to(ROOT)}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
