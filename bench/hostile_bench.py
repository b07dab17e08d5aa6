"""A collecting office's folder with hostile files in it, through ``check --json`` and ``aggregate``.

Writes 2 000 inputs into a temporary folder: 1 900 good reports of distinct agencies
(``aggregate_bench.generate``) and 100 hostile ones, four of each kind below. Then runs, each
in a fresh process, ``govtui check --json FOLDER`` and ``govtui aggregate --json FOLDER -o SUM``
and checks from the JSON that every good report got its result (``check``: read, no error;
``aggregate``: counted), every hostile input its verdict with the reason (unreadable, or
skipped with what it is), that the sum was not written and that both exited with 2. Prints
the time and the peak memory of the whole run: the main process's and the largest worker's
peak (``getrusage``), and the peak of their sum, sampled from ``/proc`` every 20 ms. Aim:
under 500 MB.

    python bench/hostile_bench.py          # 2 000 inputs, 100 of them hostile
    python bench/hostile_bench.py 20000    # more good reports, the same 100 hostile ones
"""

from __future__ import annotations

import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from aggregate_bench import generate

SAMPLE = Path(__file__).resolve().parent.parent / "sample"
GOOD_TEXT = (SAMPLE / "yunxi-scjg-2024.toml").read_text(encoding="utf-8")


def _docx(change: bytes, into: bytes = b"<w:tcPr>") -> bytes:
    """The sample Word file with ``change`` put after the first ``into`` of its XML."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(SAMPLE / "yunxi-scjg-2024.docx") as source,
        zipfile.ZipFile(out, "w") as target,
    ):
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(into, into + change, 1)
            target.writestr(item, data)
    return out.getvalue()


def _previous(name: str) -> str:
    """A good 2025 report whose ``previous`` names ``name``."""
    text = (SAMPLE / "yunxi-scjg-2025.toml").read_text(encoding="utf-8")
    return text.replace('previous = "yunxi-scjg-2024.toml"', f'previous = "{name}"')


# Each kind: (file name, how to make it, the verdict: "unreadable", "skipped" or "note").
Maker = tuple[str, object, str]
KINDS: list[Maker] = [
    ("inf.toml", GOOD_TEXT.replace("licensing = 1864", "licensing = inf"), "unreadable"),
    ("nan.toml", GOOD_TEXT.replace('fees = "12.8650"', "fees = nan"), "unreadable"),
    ("huge-float.toml", GOOD_TEXT.replace('fees = "12.8650"', "fees = 1e999999999"), "unreadable"),
    (
        "digits.toml",
        GOOD_TEXT.replace("licensing = 1864", "licensing = " + "9" * 5000),
        "unreadable",
    ),
    ("nested.toml", "x = " + "[" * 1000 + "\n", "unreadable"),
    ("tables.toml", "x = " + "{a = " * 1000 + "\n", "unreadable"),
    ("binary.toml", b"\x00\x01\x02" * 100, "unreadable"),
    ("gbk.toml", GOOD_TEXT.encode("gbk"), "unreadable"),
    ("escape.toml", GOOD_TEXT.replace('agency = "', 'agency = "\\u001b[2J', 1), "unreadable"),
    ("direction.toml", GOOD_TEXT.replace('agency = "', 'agency = "\\u200f', 1), "unreadable"),
    ("truncated.toml", GOOD_TEXT[:5000], "unreadable"),
    ("marked.html", "<![ ", "unreadable"),
    ("deep.html", "<div>" * 100_000, "unreadable"),
    ("empty.md", "", "unreadable"),
    ("junk.docx", b"PK\x03\x04" + os.urandom(2000), "unreadable"),
    ("vmerge.docx", _docx(b"<w:vMerge/>"), "unreadable"),
    ("\x1b]0;pwned\x07\u202e名字.toml", "schema = 1\n", "unreadable"),
    ("pipe.toml", "fifo", "skipped"),
    ("zero.toml", "/dev/zero", "skipped"),
    ("dangling.toml", "nowhere", "skipped"),
    ("folder.toml", "dir", "skipped"),
    ("units.toml", '[[unit]]\nname = "云溪县统计局"\n', "skipped"),
    ("prev-pipe.toml", "prev:pipe.toml", "note"),
    ("prev-zero.toml", "prev:zero.toml", "note"),
    ("over.toml", "sparse", "unreadable"),
]
ROUNDS = 4  # four of each kind: 100 hostile inputs


def write_hostile(folder: Path) -> dict[str, str]:
    """The hostile inputs, ``ROUNDS`` of each kind; their names with the verdict each needs."""
    expected: dict[str, str] = {}
    for round_ in range(ROUNDS):
        for name, content, verdict in KINDS:
            stem, suffix = os.path.splitext(name)
            path = folder / f"{stem}-{round_}{suffix}"
            if content == "fifo":
                os.mkfifo(path)
            elif content in ("/dev/zero", "nowhere"):
                path.symlink_to(str(content))
            elif content == "dir":
                path.mkdir()
            elif content == "sparse":
                with path.open("wb") as handle:
                    handle.truncate(33 * 1024 * 1024)  # over the 32 MB cap; costs no disk
            elif isinstance(content, str) and content.startswith("prev:"):
                target = content[5:].replace(".", f"-{round_}.", 1)
                path.write_text(_previous(target), encoding="utf-8")
            elif isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(str(content), encoding="utf-8")
            expected[path.name] = verdict
    return expected


# ----------------------------------------------------------------------- measuring


def measure(task: str, folder: str, out: str) -> None:
    """Run in a child process: the command once, its JSON to ``out``; time and memory."""
    from govtui.cli import main

    start = time.perf_counter()
    with open(out, "w", encoding="utf-8") as sink:
        sys.stdout = sink
        if task == "aggregate":
            summed = os.path.join(tempfile.mkdtemp(), "sum.toml")
            code = main(["aggregate", "--json", folder, "-o", summed, "--agency", "汇总"])
        else:
            code = main(["check", "--json", folder])
        sys.stdout = sys.__stdout__
    seconds = time.perf_counter() - start
    main_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        json.dumps({"code": code, "seconds": seconds, "main_kb": main_kb, "workers_kb": workers_kb})
    )


def _tree_rss_kb(pid: int) -> int:
    """The resident memory of ``pid`` and all its descendants, from /proc."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as kids:
                    stack += [int(k) for k in kids.read().split()]
        except (OSError, ValueError):
            continue
    return total


def run_child(task: str, folder: Path, out: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--measure", task, str(folder), str(out)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while child.poll() is None:
            peak = max(peak, _tree_rss_kb(child.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    stdout, stderr = child.communicate(timeout=3600)
    sampler.join()
    if child.returncode != 0 or "Traceback" in stderr:
        raise SystemExit(f"{task} failed:\n{stderr}")
    result: dict[str, float] = json.loads(stdout.strip().splitlines()[-1])
    result["tree_kb"] = peak
    return result


def verify(
    task: str, data: dict[str, object], good: set[str], hostile: dict[str, str]
) -> tuple[str, list[str]]:
    """A one-line tally of ``data``, and the inputs whose result or reason is not in it."""
    entries = data["files" if task == "check" else "inputs"]
    assert isinstance(entries, list)
    by_name = {os.path.basename(e["path"]): e for e in entries}
    skipped = {os.path.basename(s["path"]): s["skipped"] for s in data["skipped"]}  # type: ignore[attr-defined]
    wrong = []
    for name in good:
        entry = by_name.get(name)
        fine = entry is not None and (
            entry.get("status") == "counted" if task == "aggregate" else entry["ok"]
        )
        if not fine:
            wrong.append(f"good {name}: {entry}")
    for name, verdict in hostile.items():
        entry = by_name.get(name)
        if verdict == "skipped":
            if not skipped.get(name):
                wrong.append(f"hostile {name}: not listed as skipped")
        elif verdict == "note":
            notes = entry.get("notes", []) if entry else []
            if not any("不是普通文件" in note for note in notes):
                wrong.append(f"hostile {name}: no note on last year's file: {entry}")
        elif not (entry and entry.get("unreadable")):
            wrong.append(f"hostile {name}: no reason: {entry}")
    unreadable = sum(1 for e in entries if e.get("unreadable"))
    tally = f"{len(entries)} entries, {unreadable} unreadable with a reason, {len(skipped)} skipped"
    return tally, wrong


def main(good_count: int) -> None:
    cores = len(os.sched_getaffinity(0))
    print(f"govtui hostile-folder bench — Python {sys.version.split()[0]}, {cores} cores")
    with tempfile.TemporaryDirectory(prefix="govtui-hostile-") as tmp:
        folder = Path(tmp) / "收到的报告"
        generate(folder, good_count)
        good = {f"{i:05d}.toml" for i in range(good_count)}
        hostile = write_hostile(folder)
        total = good_count + len(hostile)
        print(f"{total} inputs: {good_count} good reports, {len(hostile)} hostile")
        header = f"{'task':<10} {'exit':>4} {'seconds':>8} {'main MB':>8} {'worker MB':>9} {'all MB':>7}  verdicts"
        print(header)
        print("-" * len(header))
        failures: list[str] = []
        for task in ("check", "aggregate"):
            out = Path(tmp) / f"{task}.json"
            result = run_child(task, folder, out)
            data = json.loads(out.read_text(encoding="utf-8"))
            tally, wrong = verify(task, data, good, hostile)
            if result["code"] != 2:
                wrong.append(f"exited with {result['code']}, not 2")
            if task == "aggregate" and data["written"]:
                wrong.append("wrote a sum with hostile inputs refused")
            failures += [f"{task}: {w}" for w in wrong]
            print(
                f"{task:<10} {result['code']:>4.0f} {result['seconds']:8.2f} "
                f"{result['main_kb'] / 1024:8.0f} {result['workers_kb'] / 1024:9.0f} "
                f"{result['tree_kb'] / 1024:7.0f}  {tally}"
            )
        shutil.rmtree(folder, ignore_errors=True)
    if failures:
        print(f"\n{len(failures)} verdicts missing or wrong:")
        print("\n".join(failures[:40]))
        raise SystemExit(1)
    print("every good report has its result, every hostile input its reason")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure(*sys.argv[2:5])
    else:
        main(int(sys.argv[1]) - 100 if sys.argv[1:] else 1900)
