"""The form's definition matches the official 2021 form's shape."""

from govtui import form


def test_matrix_has_the_official_shape() -> None:
    table = form.REQUESTS
    assert len(table.rows) == 25
    assert len(table.columns) == 7
    # 24 input rows × 6 input columns: everything else is computed and never typed.
    assert len(table.cells()) == 144
    assert [c.label for c in table.columns] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    assert table.row("total").label == "（七）总计"
    assert len(table.row("total").sum_of) == 21


def test_appeals_have_twelve_input_cells() -> None:
    assert len(form.APPEALS.cells()) == 12
    assert form.APPEALS.column("total").computed


def test_proactive_rows_have_their_block_columns() -> None:
    table = form.PROACTIVE
    assert [r.label for r in table.rows] == [
        "规章",
        "行政规范性文件",
        "行政许可",
        "行政处罚",
        "行政强制",
        "行政事业性收费",
    ]
    labels = {r.key: [c.label for c in table.columns_of(r)] for r in table.rows}
    assert labels["rules"] == ["本年制发件数", "本年废止件数", "现行有效件数"]
    assert labels["fees"] == ["本年收费金额（单位：万元）"]
    assert [b.label for b in table.blocks] == [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
    ]


def test_labels_use_full_width_punctuation() -> None:
    labels = [r.label for t in form.TABLES for r in t.rows] + [s.heading for s in form.SECTIONS]
    for label in labels:
        assert "(" not in label and ")" not in label and ":" not in label, label


def test_standard_title() -> None:
    assert (
        form.standard_title("牧野区工业和信息化局", 2024)
        == "牧野区工业和信息化局2024年政府信息公开工作年度报告"
    )
