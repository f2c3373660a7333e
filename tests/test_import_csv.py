"""services.importing.csv_reader: CSV and text files read into SourceSheets, exchange folders."""

from __future__ import annotations

import pytest

from services.exchange import export_all
from services.importing import ImportFileError, Limits, plan_import, read_file
from tests.conftest import TODAY
from tests.more_databases import NewDatabases
from tests.test_import_files import rows_of


@pytest.fixture
def new_database(request, tmp_path):
    with NewDatabases(request, tmp_path) as databases:
        yield databases.open


# --- CSV ------------------------------------------------------------------------------------


def test_csv_cp1251_semicolons(tmp_path):
    path = tmp_path / "продажи.csv"
    text = (
        "Дата;Клиент;Телефон;Сумма;Комментарий\r\n"
        '13.09.2024;Игорь;+7 (999) 123-45-67;1 250,50;"позвонить; после 18:00"\r\n'
        "\r\n"
        '14.09.24;Ольга;89991234567;700;"две\r\nстроки"\r\n'
        "15.09.2024;Пётр\r\n"
        "16.09.2024;Анна;;;;лишнее\r\n"
    )
    path.write_bytes(text.encode("cp1251"))

    (sheet,) = read_file(path)

    assert sheet.name == "продажи"
    assert sheet.headers == ("Дата", "Клиент", "Телефон", "Сумма", "Комментарий")
    assert rows_of(sheet) == [
        (2, ("13.09.2024", "Игорь", "+7 (999) 123-45-67", "1 250,50", "позвонить; после 18:00")),
        (4, ("14.09.24", "Ольга", "89991234567", "700", "две\r\nстроки")),
        (5, ("15.09.2024", "Пётр", None, None, None)),
        (6, ("16.09.2024", "Анна", "", "", "")),
    ]


def test_csv_title_line_above_the_header_is_skipped(tmp_path):
    path = tmp_path / "продажи.csv"
    path.write_text(
        "Продажи за 2024;;;;\n;;;;\nДата;Клиент;Телефон;Сумма;Товар\n"
        "13.09.2024;Игорь;+79991234567;700;Чехол\n",
        encoding="utf-8",
    )
    (sheet,) = read_file(path)
    assert sheet.headers == ("Дата", "Клиент", "Телефон", "Сумма", "Товар")
    assert rows_of(sheet) == [(4, ("13.09.2024", "Игорь", "+79991234567", "700", "Чехол"))]
    assert sheet.total == 1


def test_csv_utf8_bom_commas(tmp_path):
    path = tmp_path / "clients.csv"
    path.write_bytes(
        '\ufeff Name , Phone,Amount\n"Иванов, Иван",+79991234567,"1,250.50"\n'.encode()
    )
    (sheet,) = read_file(path)
    assert sheet.headers == ("Name", "Phone", "Amount")  # BOM gone, headers stripped
    assert rows_of(sheet) == [(2, ("Иванов, Иван", "+79991234567", "1,250.50"))]


def test_csv_utf8_without_bom_and_tabs(tmp_path):
    path = tmp_path / "log.tsv"
    path.write_text("Товар\tЦена\tКомментарий\nЧехол\t1 250 ₽\tа, б; в\n", encoding="utf-8")
    (sheet,) = read_file(path)
    assert sheet.headers == ("Товар", "Цена", "Комментарий")
    assert rows_of(sheet) == [(2, ("Чехол", "1 250 ₽", "а, б; в"))]


def test_csv_delimiters_inside_quotes_do_not_decide(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('"Имя; фамилия; отчество",Телефон,Город\nИванов,1,Тверь\n', encoding="utf-8")
    (sheet,) = read_file(path)
    assert sheet.headers == ("Имя; фамилия; отчество", "Телефон", "Город")
    assert rows_of(sheet) == [(2, ("Иванов", "1", "Тверь"))]

    path = tmp_path / "q2.txt"
    path.write_text('"Name, surname";Phone\n"Ivanov, Ivan";1\n', encoding="utf-8")
    (sheet,) = read_file(path)
    assert sheet.headers == ("Name, surname", "Phone")
    assert rows_of(sheet) == [(2, ("Ivanov, Ivan", "1"))]


def test_csv_one_column_and_excel_sep_line(tmp_path):
    path = tmp_path / "phones.csv"
    path.write_text("\n\nТелефон\n+7 999 123-45-67, доб. 1\n", encoding="utf-8")
    (sheet,) = read_file(path)
    assert sheet.headers == ("Телефон",)
    assert rows_of(sheet) == [(4, ("+7 999 123-45-67, доб. 1",))]

    path = tmp_path / "sep.csv"
    path.write_text("sep=,\r\nA;B,C\r\n1;2,3\r\n", encoding="utf-8")
    (sheet,) = read_file(path)
    assert sheet.headers == ("A;B", "C")
    assert rows_of(sheet) == [(2, ("1;2", "3"))]  # rows numbered as Excel shows them


def test_csv_utf16_unicode_text(tmp_path):
    path = tmp_path / "unicode.txt"
    path.write_text("Имя\tСумма\r\nАнна\t1 250 ₽\r\n", encoding="utf-16")
    (sheet,) = read_file(path)
    assert rows_of(sheet) == [(2, ("Анна", "1 250 ₽"))]


def test_csv_refusals(tmp_path):
    path = tmp_path / "binary.csv"
    path.write_bytes(b"a,b\n\x00\x01\x02\n")
    with pytest.raises(ImportFileError, match=r"'binary.csv'.*not a text file"):
        read_file(path)

    path = tmp_path / "neither.csv"
    path.write_bytes(b"a,b\n\x98\xff\n")  # invalid UTF-8; 0x98 is undefined in cp1251
    with pytest.raises(ImportFileError, match=r"'neither.csv'.*neither UTF-8 nor Windows-1251"):
        read_file(path)

    path = tmp_path / "blank.csv"
    path.write_text(" \n;;\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"nothing to import"):
        read_file(path)


def test_a_csv_part_utf8_part_cp1251_is_refused_naming_a_row_of_each(tmp_path):
    head = "Дата;Клиент;Телефон;Товар;Цена\r\n01.02.2025;Олег;89161234567;Портмоне;900\r\n"
    tail = "02.02.2025;Анна;89031112233;Кошелёк;1200\r\n"
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        head.encode("utf-8") + b"02.02.2025;Ivan;89031112200;Slim;800\r\n" + tail.encode("cp1251")
    )
    with pytest.raises(ImportFileError, match=r"'mixed.csv'.*row 1 is UTF-8, row 4 is not"):
        read_file(path)

    path.write_bytes(head.encode("cp1251") + tail.encode("utf-8"))  # the other way round
    with pytest.raises(ImportFileError, match=r"row 3 is UTF-8, row 1 is not"):
        read_file(path)


def test_unrecognised_headers_are_named_in_the_files_own_words(db, tmp_path):
    from services.errors import ValidationError

    path = tmp_path / "log.csv"
    path.write_text(
        "Когда;Кто;Телефон;Товар;Почём\r\n01.02.2025;Олег;89161234567;Слим;900\r\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as raised:
        plan_import(db, read_file(path))
    said = str(raised.value)
    assert "Sheet 'log' has no column for Date." in said
    assert "Sheet 'log' has no column for Price." in said
    assert [p.code for p in raised.value.problems].count("import.missing_column") == 2
    assert "«Когда», «Кто», «Телефон», «Товар», «Почём»" in said
    assert "recognised: «Телефон», «Товар»" in said


def test_csv_rows_cap_and_total(tmp_path):
    path = tmp_path / "cap.csv"
    path.write_text("N\n1\n2\n3\n4\n", encoding="utf-8")
    (sheet,) = read_file(path, Limits(max_rows=4))
    assert sheet.total == 4
    assert len(rows_of(sheet)) == 4
    (sheet,) = read_file(path, Limits(max_rows=3))
    with pytest.raises(ImportFileError, match=r"'cap.csv'.*more than 3 rows"):
        rows_of(sheet)


def test_csv_apostrophe_only_undone_before_formula_characters(tmp_path):
    path = tmp_path / "n.csv"
    path.write_text("A;B;C;D;E\n'=1+2;'-5;'abc;';''@x\n", encoding="utf-8")
    # ''@x is how the export writes a text that starts with '@x: one apostrophe comes off.
    (sheet,) = read_file(path)
    assert rows_of(sheet) == [(2, ("=1+2", "-5", "'abc", "'", "'@x"))]


# --- The exchange format's CSV files ------------------------------------------------------


def test_the_exchange_csv_files_read_from_their_folder_or_any_one_of_them(
    db, shop, tmp_path, new_database
):
    folder = tmp_path / "exchange"
    export_all(db, folder, "csv", TODAY)
    (folder / "notes.txt").write_text("not read: not a .csv", encoding="utf-8")
    names = [
        *("companies", "contacts", "expenses", "orders", "payments", "products"),
        *("purchaselines", "purchases", "shipments", "stockadjustments", "tags"),
    ]

    by_folder = read_file(folder)
    by_file = read_file(folder / "orders.csv")

    assert [s.name for s in by_folder] == names
    assert [s.name for s in by_file] == names
    empty = new_database("empty")
    for sheets in (by_folder, by_file):
        plan = plan_import(empty, sheets, today=TODAY)
        assert plan.kind == "exchange" and plan.rejections == ()
        assert plan.order_count == 6

    # Limits hold for each file: the largest alone refuses the lot, naming itself.
    biggest = max(folder.glob("*.csv"), key=lambda p: p.stat().st_size)
    others = max(p.stat().st_size for p in folder.glob("*.csv") if p != biggest)
    with pytest.raises(ImportFileError, match=f"'{biggest.name}'.*larger than"):
        read_file(folder / "contacts.csv", Limits(max_bytes=max(others, 1)))


def test_an_exchange_name_alone_is_read_alone_and_a_folder_needs_csv_files(tmp_path):
    path = tmp_path / "orders.csv"  # a sales log of that name: no contacts.csv beside it
    path.write_text("Дата;Сумма\n13.09.2024;700\n", encoding="utf-8")
    (tmp_path / "shipments.csv").write_text("A;B\n1;2\n", encoding="utf-8")
    assert [s.name for s in read_file(path)] == ["orders"]

    (tmp_path / "empty").mkdir()
    with pytest.raises(ImportFileError, match=r"'empty'.*folder without CSV files"):
        read_file(tmp_path / "empty")
