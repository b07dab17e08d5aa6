"""Make the desk's sample collection, ``sample/desk/``, from the samples in ``sample/``.

    .venv/bin/python tools/make_desk_sample.py [TARGET]

Twelve units of 云溪县 over two years: ``2024/`` (last year's reports, a roster naming each
file) and ``2025/`` (this year's, in TOML, Word, HTML and Markdown, a roster with
``[collection]`` that finds them by agency name), and the office's ledger made by running
``govtui desk`` decisions with fixed dates and names. Every status and every review state is
there; the README's desk section is its output with ``--as-of 2026-02-05``.

The numbers vary by unit: every count of the sample bureau's report times a factor, plus
some applications granted to 自然人 — both keep 一＋二＝（七）＋四, the carry-over from last
year and 现行有效 across the years, so only the planted problems show.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from govtui import form
from govtui.cli import main
from govtui.io import toml_file
from govtui.io.exporters import BY_NAME
from govtui.model import Report
from govtui.rules.wording import with_table_figures

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample"
OFFICE = "云溪县人民政府办公室"
BASE = "云溪县市场监督管理局"

# name, alias, factor, extra 自然人 granted in 2024 and in 2025, format this year
UNITS = [
    ("云溪县市场监督管理局", "云溪县市场监管局", 1, 0, 0, "toml"),  # approved
    ("云溪县城关镇人民政府", "", 1, 2, 1, ""),  # missing (its own due date is later)
    ("云溪县统计局", "", 1, 1, 0, ""),  # overdue
    ("云溪县教育局", "", 2, 5, 9, "docx"),  # filed late, clean
    ("云溪县住房和城乡建设局", "云溪县住建局", 2, 3, 1, "html"),  # returned
    ("云溪县卫生健康委员会", "云溪县卫健委", 3, 4, 12, "toml"),  # confirmed, then resolved
    ("云溪县交通运输局", "", 1, 6, 2, "md"),  # an error, confirmed
    ("云溪县水利局", "", 1, 0, 3, "docx"),  # unreadable file
    ("云溪县农业农村局", "", 2, 2, 2, "docx+md"),  # two files
    ("云溪县民政局", "", 1, 3, 7, "html"),  # warnings: one dismissed, one open
    ("云溪县人力资源和社会保障局", "云溪县人社局", 2, 1, 4, "toml"),  # a warning it accepted
    ("云溪县司法局", "", 1, 2, 5, "toml"),  # approved, then its file changed
]


# A text of one unit's own, which another unit copies (copied_from_unit).
PLATFORMS = (
    "{name}在县政府门户网站开设专栏，集中发布农村公路建设养护计划、客运班线调整和道路施工"
    "封闭信息；通过微信公众号推送出行提示58条，在城区和乡镇客运站设置电子公开屏12块，"
    "群众可扫码查询公路超限检测站的执法结果，做到一屏通看、一码通查。"
)


def varied(base: Report, name: str, factor: int, extra: int) -> Report:
    report = base.model_copy(deep=True)
    report.agency = name
    report.previous = ""
    report.accepted = []
    report.prose = {k: v.replace(BASE, name) for k, v in report.prose.items()}
    for table in form.TABLES:
        grid = report.grid(table.key)
        for row in grid.values():
            for column in row:
                row[column] *= factor
    report.fees = base.fees * factor
    report.requests["new"]["natural_person"] += extra
    report.requests["granted"]["natural_person"] += extra
    if report.year == 2025:  # last year's keeps the sample's wording, its figures updated
        report.prose["overview.on_request"] = on_request(report)
    # The figures the prose states are this unit's (narrative would flag the sample's own).
    report.prose = {k: with_table_figures(report, v) for k, v in report.prose.items()}
    return report


def on_request(report: Report) -> str:
    """一（二） telling this unit's own numbers, as a clerk writes it."""

    def total(row: str) -> int:
        return report.value("requests", row, "total")

    def group(prefix: str) -> int:
        return sum(total(r.key) for r in form.OUTCOME_ROWS if r.key.startswith(prefix))

    new, old = total("new"), total("carried_over")
    return (
        f"{report.year}年度需要办理的依申请公开事项共{new + old}件（当年新收{new}件、"
        f"往年结转{old}件）。年内答复完毕{total('total')}件，答复结果分别为："
        f"同意公开{total('granted')}件，区分处理后提供{total('partly_granted')}件，"
        f"依法不予公开{group('withheld.')}件，因信息不存在等无法提供{group('unavailable.')}件，"
        f"作不予处理{group('rejected.')}件，以其他方式处理{group('other.')}件；"
        f"尚在法定期限内、转入下一年度继续办理{total('carried_forward')}件。"
    )


def write(report: Report, path: Path, fmt: str) -> None:
    if fmt == "toml":
        toml_file.save(report, path)
    else:
        BY_NAME[fmt].write(report, path)


def desk(roster: Path, *words: str, as_of: str, by: str = "李明") -> None:
    code = main(["desk", str(roster), *words, "--as-of", as_of, "--by", by])
    if code not in (0, 1):
        sys.exit(f"govtui desk {' '.join(words)} failed ({code})")


OFFICE_REPORT = "云溪县2025年报告.toml"


def office_report(roster: Path, base: Report) -> None:
    """The office's own report: the sum of its counted units, written up in the sample's
    words, with one figure typed wrong (行政处罚 10 too many: parent_sum says so)."""
    with tempfile.TemporaryDirectory() as folder:
        summed = Path(folder) / "sum.toml"
        desk(roster, "--sum", str(summed), as_of="2026-02-05")
        report = toml_file.load(summed)
    report.prose = varied(base, OFFICE, 1, 0).prose
    report.proactive["penalties"]["decisions"] += 10
    report.prose = {k: with_table_figures(report, v) for k, v in report.prose.items()}
    toml_file.save(report, roster.parent / OFFICE_REPORT)


def make(target: Path) -> None:
    base24 = toml_file.load(SAMPLE / "yunxi-scjg-2024.toml")
    base25 = toml_file.load(SAMPLE / "yunxi-scjg-2025.toml")
    last, this = target / "2024", target / "2025"
    for folder in (last, this):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)

    # Last year: every unit filed a TOML report; the roster names each file.
    roster24 = [
        "# 云溪县 2024 年度政府信息公开工作年度报告收报名单（govtui desk 示例）\n",
        f'[collection]\nagency = "{OFFICE}"\nyear = 2024\ndue = 2025-01-26\n',
    ]
    for name, _alias, factor, extra24, _extra25, _fmt in UNITS:
        short = name.removeprefix("云溪县")
        toml_file.save(varied(base24, name, factor, extra24), last / f"{short}2024.toml")
        roster24.append(f'\n[[unit]]\nname = "{name}"\nfile = "{short}2024.toml"\n')
    (last / "名单.toml").write_text("".join(roster24), encoding="utf-8")

    # This year: reports in four formats, found by agency name.
    roster25 = [
        "# 云溪县 2025 年度政府信息公开工作年度报告收报名单（govtui desk 示例）\n",
        "# 单位报告放在本文件夹中，按报告中的机关名称（或别名）对应到单位。\n",
        f'[collection]\nagency = "{OFFICE}"\nyear = 2025\ndue = 2026-01-26\n'
        'previous = "../2024/名单.toml"\n'
        f'report = "{OFFICE_REPORT}"  # 汇总单位本级报告：与各单位之和核对（parent_sum）\n',
    ]
    reports: dict[str, Report] = {}
    for name, alias, factor, _extra24, extra25, fmt in UNITS:
        short = name.removeprefix("云溪县")
        entry = f'\n[[unit]]\nname = "{name}"\n'
        if alias:
            entry += f'aliases = ["{alias}"]\n'
        if name == "云溪县城关镇人民政府":
            entry += "due = 2026-02-20  # 乡镇报告经县直部门汇总后报送，截止日期较晚\n"
        if name == "云溪县水利局":
            entry += f'file = "{short}2025.docx"\n'
        roster25.append(entry)
        if not fmt:
            continue
        report = varied(base25, name, factor, extra25)
        reports[name] = report
        if name == "云溪县交通运输局":  # one application counted twice: 一＋二≠（七）＋四
            report.requests["granted"]["commercial"] += 1
            report.prose["overview.on_request"] = on_request(report)
        if name == "云溪县交通运输局":  # its own account of its platforms...
            report.prose["overview.platforms"] = PLATFORMS.format(name="交通运输局")
        if name == "云溪县民政局":  # two sections as last year's
            last24 = varied(base24, name, factor, _extra24)
            for key in ("overview.proactive", "closing.problems"):
                report.prose[key] = last24.prose[key]
            # ...taken over by 民政局 with its own name in it: copied from another unit.
            report.prose["overview.platforms"] = PLATFORMS.format(name="民政局")
            # 行政许可 four times last year's: a swing the office asks about.
            report.proactive["licensing"]["decisions"] *= 4
        if name == "云溪县人力资源和社会保障局":  # 现行有效 off, explained in its own file
            report.proactive["normative_documents"]["in_force"] -= 1
            report.accept(
                "in_force", "proactive.normative_documents.in_force", "1 件文件有效期届满自动失效"
            )
        if name == "云溪县卫生健康委员会":  # 现行有效 off: to be confirmed, then corrected
            report.proactive["normative_documents"]["in_force"] += 2
        if name == "云溪县水利局":
            (this / f"{short}2025.docx").write_bytes(b"PK\x03\x04 not really a Word file")
            continue
        report.prose = {k: with_table_figures(report, v) for k, v in report.prose.items()}
        for one in fmt.split("+"):
            suffix = "-定稿" if one == "md" and "+" in fmt else ""
            write(report, this / f"{short}2025{suffix}.{one}", one)
    # A report of no unit on the roster, and last year's report dropped in this year's folder.
    archive = varied(base25, "云溪县档案馆", 1, 0)
    toml_file.save(archive, this / "档案馆2025.toml")
    shutil.copy(last / "市场监督管理局2024.toml", this / "市场监督管理局2024.toml")
    roster = this / "名单.toml"
    roster.write_text("".join(roster25), encoding="utf-8")

    # The office at work: dates received, decisions, a unit correcting its report.
    for name, date in [
        ("云溪县市场监督管理局", "2026-01-20"),
        ("云溪县教育局", "2026-01-30"),
        ("云溪县住房和城乡建设局", "2026-01-22"),
        ("云溪县卫生健康委员会", "2026-01-21"),
        ("云溪县交通运输局", "2026-01-23"),
        ("云溪县水利局", "2026-01-24"),
        ("云溪县农业农村局", "2026-01-25"),
        ("云溪县民政局", "2026-01-25"),
        ("云溪县人力资源和社会保障局", "2026-01-19"),
        ("云溪县司法局", "2026-01-22"),
    ]:
        desk(roster, "received", name, date, as_of="2026-01-27")
    desk(roster, "approve", "云溪县市场监管局", "-m", "数据核对无误", as_of="2026-01-27")
    desk(roster, "approve", "云溪县司法局", as_of="2026-01-27")
    desk(
        roster,
        "return",
        "云溪县住建局",
        "-m",
        "依申请公开部分未说明办理时限情况，请补充后重新报送",
        as_of="2026-01-28",
    )
    place = "proactive.normative_documents.in_force"
    desk(
        roster,
        "confirm",
        "云溪县卫健委",
        "in_force",
        place,
        "-m",
        "请核对行政规范性文件现行有效件数",
        as_of="2026-01-28",
    )
    desk(roster, "return", "云溪县卫健委", "-m", "现行有效件数与上年不衔接", as_of="2026-01-28")
    desk(
        roster,
        "confirm",
        "云溪县交通运输局",
        "balance",
        "requests.new.commercial",
        "-m",
        "商业企业一栏多计 1 件，请改正",
        as_of="2026-01-29",
        by="王芳",
    )
    desk(
        roster,
        "dismiss",
        "云溪县民政局",
        "copied_text",
        "closing.problems",
        "-m",
        "存在问题与上年相同属实，已在整改中",
        as_of="2026-01-29",
        by="王芳",
    )
    # 卫健委 corrects its report; 司法局 edits its approved report.
    health = reports["云溪县卫生健康委员会"]
    health.proactive["normative_documents"]["in_force"] -= 2
    health.prose = {k: with_table_figures(health, v) for k, v in health.prose.items()}
    toml_file.save(health, this / "卫生健康委员会2025.toml")
    justice = reports["云溪县司法局"]
    justice.prose["closing.other_matters"] += "\n（2026年2月更正：补充本年度信息处理费收取情况。）"
    toml_file.save(justice, this / "司法局2025.toml")
    office_report(roster, base25)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as cache:
        os.environ["XDG_CACHE_HOME"] = cache  # the sample's runs leave nothing in your cache
        make(Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE / "desk")
    print("sample/desk written")
