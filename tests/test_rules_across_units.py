"""The desk's rules across units: ``copied_from_unit`` and ``parent_sum``, firing and silent."""

from __future__ import annotations

import random
from decimal import Decimal

from tests.conftest import SAMPLES

from govtui import form
from govtui.io import toml_file
from govtui.model import Report
from govtui.rules import engine
from govtui.rules.copy_index import CopyIndex
from govtui.rules.finding import Finding
from govtui.rules.registry import RULES, UnitSum

# What every unit of a county writes because the office's notice says so: template wording.
TEMPLATE = (
    "按照《中华人民共和国政府信息公开条例》和县政务公开领导小组办公室的部署要求，"
    "现将本单位2024年度政府信息公开工作情况报告如下。"
    "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。"
)

# Each unit's own work, in its own words (as different units really write).
OWN = {
    "云溪县统计局": (
        "我局围绕第五次全国经济普查数据发布，在县政府门户网站统计信息专栏发布统计公报3期、"
        "统计月报12期，并对普查主要数据开展图文解读，回应企业关于联网直报的咨询46次。"
    ),
    "云溪县民政局": (
        "县民政局把最低生活保障、特困人员供养和临时救助的审批结果按月在乡镇公示栏和门户网站"
        "同步公开，全年公开救助对象名单2100余户次，养老机构备案信息及时更新。"
    ),
    "云溪县交通运输局": (
        "交通运输局重点公开农村公路建设养护计划、客运班线调整和道路施工封闭信息，"
        "通过微信公众号推送出行提示58条，公路超限检测站执法结果每季度集中发布一次。"
    ),
    "云溪县水利局": (
        "水利局公开了河湖长制巡河情况、小型水库安全度汛责任人名单和取水许可审批结果，"
        "汛期通过短信平台向沿河群众发送预警信息共计9600余条。"
    ),
    "云溪县林业局": (
        "林业局围绕森林防火和松材线虫病防治，公开防火期禁火令、林木采伐许可办理结果，"
        "在重点林区设置公开栏十五处，及时发布古树名木保护名录。"
    ),
    "云溪县退役军人事务局": (
        "退役军人事务局公开了优抚对象抚恤补助标准调整、退役士兵安置去向和光荣牌悬挂情况，"
        "在服务站张贴政策明白纸，为三百一十名退役军人建立了联系档案。"
    ),
    "云溪县医疗保障局": (
        "医保局按季度公开定点医药机构名单、门诊慢特病认定结果和医保基金监督检查处理情况，"
        "通过短视频解读异地就医备案办法，播放量累计两万余次。"
    ),
    "云溪县教育局": (
        "教育局公开义务教育招生入学政策、学区划分方案和学生资助名单，"
        "开学前集中解读招生政策并在各学校门口张贴，家长咨询热线全年接听一千二百余次。"
    ),
}


def unit_prose(own: str) -> dict[str, str]:
    blank = Report.blank("x", 2024).prose
    return blank | {"overview.lead": TEMPLATE, "overview.proactive": own}


class Collection:
    """The units' prose and the desk's index of it."""

    def __init__(self, prose: dict[str, dict[str, str]]) -> None:
        self.prose = prose
        self.index = CopyIndex()
        for unit, fields in prose.items():
            self.index.add(unit, fields)

    def findings(self, unit: str, **settings: float) -> list[Finding]:
        report = Report.blank(unit, 2024)
        report.prose = dict(self.prose[unit])
        found = engine.check(report, collection=self.index, unit=unit, settings=settings)
        return [f for f in found if f.rule == "copied_from_unit"]


def test_template_wording_every_unit_shares_is_not_copying() -> None:
    units = Collection({unit: unit_prose(own) for unit, own in OWN.items()})
    for unit in OWN:
        assert units.findings(unit) == []


def test_a_paragraph_copied_from_another_unit_with_its_numbers_updated_is_found() -> None:
    prose = {unit: unit_prose(own) for unit, own in OWN.items()}
    copied = OWN["云溪县水利局"].replace("水利局", "农业农村局").replace("9600", "7300")
    prose["云溪县农业农村局"] = unit_prose(copied)
    units = Collection(prose)
    (finding,) = units.findings("云溪县农业农村局")
    assert finding.severity == "warning"
    assert finding.field == "overview.proactive"
    assert "云溪县水利局" in finding.message
    assert finding.actual is not None and int(str(finding.actual).rstrip("%")) > 50
    # The unit copied from is told too: the text stands in both reports.
    (other,) = units.findings("云溪县水利局")
    assert "云溪县农业农村局" in other.message
    # Units that wrote their own text are not named.
    assert units.findings("云溪县林业局") == []


def test_a_shared_sentence_below_half_of_the_field_is_not_copying() -> None:
    prose = {unit: unit_prose(own) for unit, own in OWN.items()}
    borrowed = "汛期通过短信平台向沿河群众发送预警信息共计9600余条。"
    prose["云溪县农业农村局"] = unit_prose(
        "农业农村局公开了高标准农田建设项目、农机购置补贴资金发放和耕地地力保护补贴名单，"
        "组织农技人员下乡解读惠农政策二十余场，受理群众来电咨询三百余次。" + borrowed
    )
    units = Collection(prose)
    assert units.findings("云溪县农业农村局") == []


def test_a_paragraph_more_than_a_quarter_of_the_units_share_is_template_wording() -> None:
    # Seven units and a copy: a paragraph in two of eight reports is copying; in three of
    # nine it stands in more than a quarter of them, which the spec calls template wording.
    prose = {unit: unit_prose(own) for unit, own in OWN.items()}
    prose["云溪县调查队"] = unit_prose(OWN["云溪县统计局"].replace("我局", "我队"))
    prose["云溪县农业农村局"] = unit_prose(OWN["云溪县水利局"].replace("水利局", "农业农村局"))
    units = Collection(prose)
    assert units.findings("云溪县调查队")
    prose["云溪县普查中心"] = unit_prose(OWN["云溪县统计局"].replace("我局", "我中心"))
    units = Collection(prose)
    assert units.findings("云溪县调查队") == []


def test_the_threshold_comes_from_the_settings_as_for_copied_text() -> None:
    prose = {unit: unit_prose(own) for unit, own in OWN.items()}
    half = (
        OWN["云溪县水利局"][:24]
        + "另外，我局还公开了渔业资源增殖放流和水产品质量抽检的结果，接受社会监督。"
    )
    prose["云溪县农业农村局"] = unit_prose(half)
    units = Collection(prose)
    assert units.findings("云溪县农业农村局", copied_text_threshold=0.2)
    assert units.findings("云溪县农业农村局") == []


def test_copied_from_unit_runs_only_when_the_desk_gives_the_collection() -> None:
    report = toml_file.load(SAMPLES / "yunxi-scjg-2024.toml")
    assert not any(f.rule == "copied_from_unit" for f in engine.check(report))
    rule = next(r for r in RULES if r.id == "copied_from_unit")
    assert (rule.severity, rule.needs) == ("warning", "collection")


def test_the_index_finds_copies_among_many_units_without_comparing_every_pair() -> None:
    # 300 units, each writing its own sentences from a vocabulary; one copies another.
    rng = random.Random(7)
    words = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    prose = {}
    for i in range(300):
        own = "。".join("".join(rng.choices(words, k=30)) for _ in range(4)) + "。"
        prose[f"单位{i:03d}"] = unit_prose(own)
    prose["单位999"] = unit_prose(prose["单位123"]["overview.proactive"])
    units = Collection(prose)
    (finding,) = units.findings("单位999")
    assert "单位123" in finding.message
    partners = units.index._partners  # the candidates measured exactly: only the copying pair
    assert sum(len(p) for p in partners.values()) == 2


# --------------------------------------------------------------------------- parent_sum


def test_the_office_report_equal_to_the_sum_of_its_units_is_silent() -> None:
    a = toml_file.load(SAMPLES / "yunxi-scjg-2024.toml")
    b = toml_file.load(SAMPLES / "muye-gongxin-2024.toml")
    total = sum_of(a, b)
    office = total.model_copy(deep=True)
    findings = engine.check(office, unit_sum=UnitSum(total, ("甲", "乙")))
    assert not any(f.rule == "parent_sum" for f in findings)


def test_a_cell_of_the_office_report_off_the_sum_is_named_with_both_numbers() -> None:
    a = toml_file.load(SAMPLES / "yunxi-scjg-2024.toml")
    b = toml_file.load(SAMPLES / "muye-gongxin-2024.toml")
    total = sum_of(a, b)
    office = total.model_copy(deep=True)
    office.requests["new"]["natural_person"] += 1
    office.fees += Decimal("0.5")
    findings = [
        f
        for f in engine.check(office, unit_sum=UnitSum(total, ("甲", "乙")))
        if f.rule == "parent_sum"
    ]
    fee, cell = findings  # in the order of the report: 二 before 三
    assert cell.place == "requests.new.natural_person"
    assert (cell.expected, cell.actual) == (
        total.requests["new"]["natural_person"],
        total.requests["new"]["natural_person"] + 1,
    )
    assert "2 个单位" in cell.message and "+1" in cell.message
    assert fee.place == "proactive.fees.amount"
    assert fee.severity == "warning"


def sum_of(*reports: Report) -> Report:
    total = Report.blank("汇总", reports[0].year)
    for table in form.TABLES:
        for row, column in table.cells():
            if row.kind == "count":
                value = sum(r.value(table.key, row.key, column.key) for r in reports)
                total.set_count(table.key, row.key, column.key, value)
    total.fees = sum((r.fees for r in reports), Decimal(0))
    return total
