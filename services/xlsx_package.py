"""The fixed parts of an XLSX package (content types, relationships, properties, styles), and
the rules our writer and our reader share: how a text longer than a cell continues in more
cells."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

# Style ids: indexes into <cellXfs> of styles().
HEADER, MONEY, PERCENT, DATE, DATETIME, QUOTED = 1, 2, 3, 4, 5, 6

# A cell holds at most 32,767 characters, counted as Excel counts them: in UTF-16 code units
# (an emoji is two). A longer text goes on in continuation columns headed "<header> (2)",
# "<header> (3)"... at the right of the sheet; every part but the last is full (FULL_PART or
# more units: one less when a character of two units does not fit), and a reader joins a
# part to the previous one only when that one is full, so a column a person named
# "Notes (2)" next to short notes is never glued to them.
MAX_TEXT = 32_767
FULL_PART = MAX_TEXT - 1
SURELY_FITS = MAX_TEXT // 2  # code points: at most two units each, so this many always fit

XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_TYPE = "application/vnd.openxmlformats-officedocument"

ROOT_RELS = (
    f'{XML}<Relationships xmlns="{PKG_RELS}">'
    f'<Relationship Id="rId1" Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>'
    f'<Relationship Id="rId2" Type="{PKG_RELS}/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{DOC_RELS}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
APP_PROPERTIES = (
    f"{XML}<Properties "
    'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>Lavka</Application><DocSecurity>0</DocSecurity></Properties>"
)


def content_types(sheets: int) -> str:
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        f'ContentType="{OFFICE_TYPE}.spreadsheetml.worksheet+xml"/>'
        for i in range(1, sheets + 1)
    )
    return (
        f'{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        f'ContentType="{OFFICE_TYPE}.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        f'ContentType="{OFFICE_TYPE}.spreadsheetml.styles+xml"/>'
        f"{overrides}"
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" '
        f'ContentType="{OFFICE_TYPE}.extended-properties+xml"/>'
        "</Types>"
    )


def core_properties() -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f"{XML}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:creator>Lavka</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def workbook(names: Sequence[str], lasts: Sequence[tuple[str, int]]) -> str:
    sheets = "".join(
        f'<sheet name={quoteattr(name)} sheetId="{i}" r:id="rId{i}"/>'
        for i, name in enumerate(names, start=1)
    )
    # Excel keeps an autofilter's range in this hidden name as well as in the sheet.
    filters = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
        + escape("'" + name.replace("'", "''") + f"'!$A$1:${letter}${row}")
        + "</definedName>"
        for i, (name, (letter, row)) in enumerate(zip(names, lasts, strict=True))
    )
    return (
        f'{XML}<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}">'
        '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>'
        f"<sheets>{sheets}</sheets>"
        + (f"<definedNames>{filters}</definedNames>" if filters else "")
        + "</workbook>"
    )


def workbook_rels(sheets: int) -> str:
    links = "".join(
        f'<Relationship Id="rId{i}" Type="{DOC_RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, sheets + 1)
    )
    return (
        f'{XML}<Relationships xmlns="{PKG_RELS}">{links}'
        f'<Relationship Id="rId{sheets + 1}" Type="{DOC_RELS}/styles" Target="styles.xml"/>'
        "</Relationships>"
    )


def styles(currency: str) -> str:
    # A '"' cannot appear inside a quoted literal of a number format: close, escape, reopen.
    literal = ' "' + currency.replace('"', '"\\""') + '"' if currency else ""
    money = quoteattr("#,##0.00" + literal)
    font = '<sz val="11"/><name val="Calibri"/><family val="2"/>'
    xf = 'fontId="0" fillId="0" borderId="0" xfId="0"'
    return (
        f'{XML}<styleSheet xmlns="{MAIN}">'
        f'<numFmts count="2"><numFmt numFmtId="164" formatCode={money}/>'
        '<numFmt numFmtId="165" formatCode="0.0%"/></numFmts>'
        f'<fonts count="2"><font>{font}</font><font><b/>{font}</font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        '</cellStyleXfs><cellXfs count="7">'
        f'<xf numFmtId="0" {xf}/>'  # 0: default
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'  # header
        f'<xf numFmtId="164" {xf} applyNumberFormat="1"/>'  # money
        f'<xf numFmtId="165" {xf} applyNumberFormat="1"/>'  # percent
        f'<xf numFmtId="14" {xf} applyNumberFormat="1"/>'  # date, in the reader's locale
        f'<xf numFmtId="22" {xf} applyNumberFormat="1"/>'  # date and time, likewise
        f'<xf numFmtId="0" {xf} quotePrefix="1"/>'  # text that looks like a formula
        "</cellXfs>"
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
    )


def continued_header(header: str, part: int) -> str:
    """The header of the continuation column holding part `part` (2, 3...) of `header`'s texts."""
    return f"{header} ({part})"


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def text_parts(text: str) -> list[str]:
    """`text` cut into the fewest parts a cell each holds (one part when it fits)."""
    if len(text) <= SURELY_FITS or _units(text) <= MAX_TEXT:
        return [text]
    parts, start = [], 0
    while start < len(text):
        end = min(len(text), start + MAX_TEXT)
        units = _units(text[start:end])
        while units > MAX_TEXT:  # characters of two units: step back by half the excess
            end -= (units - MAX_TEXT + 1) // 2
            units = _units(text[start:end])
        parts.append(text[start:end])
        start = end
    return parts


def full_part(text: str) -> bool:
    """Whether `text` is a part text_parts made and another may follow: it fills its cell."""
    return len(text) >= FULL_PART // 2 and _units(text) >= FULL_PART
