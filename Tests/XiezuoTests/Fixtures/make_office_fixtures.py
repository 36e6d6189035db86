#!/usr/bin/env python3
"""Makes the Office fixtures of the import tests from the seed tables kept here as TSV, the
way officials' files come: Word documents whose tables merge a unit's cells down its rows and a
section heading across the table, split at a page break with the header repeated; an Excel
workbook with merged cells, numbers as numbers and deadlines as dates.

Run once with python-docx and openpyxl (pip install python-docx openpyxl); the files it writes
are committed, so the tests need neither. Written by other programs than xiezuo's own writer on
purpose: the reader must take what Word, WPS and Excel write.
"""
import datetime
import pathlib
import re

import docx
import openpyxl
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl.styles import Font

HERE = pathlib.Path(__file__).parent


def rows_of(name):
    return [line.split("\t") for line in (HERE / name).read_text(encoding="utf-8").split("\n")]


def plain(text):
    return re.sub(r"<[^>]+>", "", text)


def task_blocks():
    """000's task list cut where the TSV has a blank line (a page break in the document),
    each block without its repeated header."""
    rows = rows_of("000-tasks.tsv")
    header, blocks, block = rows[0], [], []
    for row in rows[1:]:
        if row == header:
            continue
        if row == [""]:
            if block:
                blocks.append(block)
            block = []
            continue
        block.append(row + [""] * (len(header) - len(row)))
    if block:
        blocks.append(block)
    return header, blocks


def merge_down(table, column, first, last):
    if last > first:
        table.cell(first, column).merge(table.cell(last, column))


def word_tasks():
    header, blocks = task_blocks()
    document = docx.Document()
    document.add_heading("乳山市、枣庄市市中区2022年协作帮扶工作清单", level=1)
    document.add_paragraph("为深入推进乳山市与枣庄市市中区协作帮扶工作，制定本清单。")
    for block in blocks:
        table = document.add_table(rows=1 + len(block), cols=len(header))
        table.style = "Table Grid"
        for column, name in enumerate(header):
            table.cell(0, column).text = name
        unit_start = None
        for index, row in enumerate(block, start=1):
            for column, value in enumerate(row):
                if column in (0, 1) and value == "":
                    continue  # merged down from the unit's first row
                table.cell(index, column).text = value
            if row[1]:
                if unit_start is not None:
                    merge_down(table, 0, unit_start, index - 1)
                    merge_down(table, 1, unit_start, index - 1)
                unit_start = index
        merge_down(table, 0, unit_start, len(block))
        merge_down(table, 1, unit_start, len(block))
        document.add_paragraph("")
    document.add_paragraph("（未完）")
    document.save(HERE / "000-tasks.docx")
    return sum(len(block) for block in blocks)


def word_indicators():
    rows = rows_of("003-indicators.tsv")
    rows = [row for row in rows if row != [""]]
    document = docx.Document()
    document.add_paragraph("普陀区—万源市2021年东西部协作任务书 指标分解表")
    table = document.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    for index, row in enumerate(rows):
        row = row + [""] * (4 - len(row))
        if row[0].startswith("<b>"):
            # A section heading across the table: one cell spanning the four columns.
            merged = table.cell(index, 0).merge(table.cell(index, 3))
            merged.text = ""
            merged.paragraphs[0].add_run(plain(row[0])).bold = True
            continue
        for column, value in enumerate(row):
            table.cell(index, column).text = value
    document.save(HERE / "003-indicators.docx")


def excel_tasks():
    header, blocks = task_blocks()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "工作清单"
    sheet.append(["乳山市、枣庄市市中区2022年协作帮扶工作清单"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header) + 1)
    sheet.append(header + ["完成时限"])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    unit_start = None
    for block in blocks:
        for row in block:
            number, unit, item, text, points, requirement = row[:6]
            line = [int(number) if number else None, unit or None, int(item), text,
                    int(points) if points.isdigit() else (points or None), requirement]
            line.append(datetime.date(2022, 12, 31))
            sheet.append(line)
            current = sheet.max_row
            sheet.cell(current, 7).number_format = 'yyyy"年"m"月"d"日"'
            if unit:
                if unit_start is not None and current - 1 > unit_start:
                    sheet.merge_cells(start_row=unit_start, start_column=1, end_row=current - 1, end_column=1)
                    sheet.merge_cells(start_row=unit_start, start_column=2, end_row=current - 1, end_column=2)
                unit_start = current
    if sheet.max_row > unit_start:
        sheet.merge_cells(start_row=unit_start, start_column=1, end_row=sheet.max_row, end_column=1)
        sheet.merge_cells(start_row=unit_start, start_column=2, end_row=sheet.max_row, end_column=2)
    other = book.create_sheet("说明")
    other.append(["本表由乳山市协作办整理。"])
    book.save(HERE / "000-tasks.xlsx")


if __name__ == "__main__":
    print("000-tasks.docx: tasks in its tables:", word_tasks())
    word_indicators()
    excel_tasks()
    print("wrote 000-tasks.docx, 003-indicators.docx, 000-tasks.xlsx")
