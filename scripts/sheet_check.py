"""The checks of scripts/sheet-check (see there)."""
import pathlib
import shutil
import subprocess
import sys
import tempfile

import openpyxl

BINARY = pathlib.Path(sys.argv[1]).resolve()
results = []


def report(name, ok, detail):
    results.append(ok)
    print(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}")


def run(*arguments, cwd):
    done = subprocess.run([str(BINARY), *arguments], cwd=cwd, capture_output=True, text=True)
    return done.returncode, done.stdout + done.stderr


with tempfile.TemporaryDirectory() as folder:
    site = pathlib.Path(folder)
    shutil.copytree("content", site / "content")
    # 正定→赞皇 2024: indicators and tasks, and a reporting day (the 1st of the next month).
    code, said = run("export", "sheets", "--plan", "zhengding-zanhuang-2024", "--month", "2024-12", "--output", "sheets", cwd=site)
    books = sorted((site / "sheets").glob("*.xlsx"))
    report("export", code == 0 and len(books) > 0, f"{len(books)} workbooks; {said.strip()}")

    # 1. Every workbook opens in a second reader, and holds what a unit needs.
    wrong = []
    for path in books:
        sheet = openpyxl.load_workbook(path).worksheets[0]
        header = [cell.value for cell in sheet[7]]
        lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
        numbers = [v for v in sheet.data_validations.dataValidation if v.type in ("whole", "decimal")]
        checks = {
            "protected": sheet.protection.sheet,
            "header": header[:3] == ["类型", "编号", "分项"] and header[7] == "累计实际数",
            "due": "请于 2025年1月1日前报送" in (sheet["A2"].value or ""),
            "A4 landscape": sheet.page_setup.paperSize == 9 and sheet.page_setup.orientation == "landscape",
            "header repeated": sheet.print_title_rows == "$7:$7",
            "states": all(v.formula1 == '"未开始,推进中,已完成"' and v.showErrorMessage and v.errorStyle in (None, "stop")
                          for v in lists),
            "numbers only": all(v.operator == "greaterThanOrEqual" and v.showErrorMessage for v in numbers),
        }
        rows = list(sheet.iter_rows(min_row=8))
        for row in rows:
            kind = row[0].value
            if kind == "任务" and (row[8].protection.locked or not row[3].protection.locked):
                checks["task cells"] = False
            if kind == "指标" and (row[7].protection.locked or not row[5].protection.locked):
                checks["indicator cells"] = False
        if any(kind == "任务" for kind in (row[0].value for row in rows)) and not lists:
            checks["states"] = False
        failed = [name for name, ok in checks.items() if not ok]
        if failed:
            wrong.append(f"{path.name}: {', '.join(failed)}")
    report("opened by openpyxl", not wrong, f"{len(books)} workbooks: locked plan fields, open unit cells, drop-down of "
           f"the 3 states, numbers only, A4 landscape, header row repeated" if not wrong else "; ".join(wrong))

    # 2. One filled in and saved by openpyxl, then read back.
    path = next(p for p in books if any(r[0].value == "任务" for r in openpyxl.load_workbook(p).worksheets[0].iter_rows(min_row=8))
                and any(r[0].value == "指标" for r in openpyxl.load_workbook(p).worksheets[0].iter_rows(min_row=8)))
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    filled = {"values": 0, "tasks": 0}
    for row in sheet.iter_rows(min_row=8):
        if row[0].value == "指标":
            last = row[6].value or 0
            row[7].value = last + 1
            filled["values"] += 1
        elif row[0].value == "任务":
            row[8].value = "推进中"
            row[9].value = "照片：现场照片"
            filled["tasks"] += 1
    book.save(path)
    for old in (site / "content/plans/zhengding-zanhuang-2024/progress").glob("2024-12-*.md"):
        old.unlink()
    code, said = run("import", "progress", str(path), cwd=site)
    written = list((site / "content/plans/zhengding-zanhuang-2024/progress").glob("2024-12-*.md"))
    check_code, check_said = run("check", cwd=site)
    text = written[0].read_text(encoding="utf-8") if written else ""
    report("filled and read back", code == 0 and len(written) == 1 and check_code == 0
           and text.count("indicator:") == filled["values"] and text.count("state: in-progress") == filled["tasks"],
           f"{path.name}: {filled['values']} values and {filled['tasks']} task states filled by openpyxl; "
           f"import: {said.strip().splitlines()[-1] if said.strip() else ''}; check: exit {check_code}")

    # 3. A state typed past the drop-down (a file saved by a program that ignores it) is refused, nothing written.
    for old in written:
        old.unlink()
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(min_row=8):
        if row[0].value == "任务":
            row[8].value = "差不多"
            break
    book.save(path)
    code, said = run("import", "progress", str(path), cwd=site)
    left = list((site / "content/plans/zhengding-zanhuang-2024/progress").glob("2024-12-*.md"))
    report("a wrong state", code != 0 and not left and "任务状态“差不多”不是" in said,
           said.strip().splitlines()[0] if said.strip() else "no message")

passed = sum(results)
print(f"{passed} passed, {len(results) - passed} failed")
sys.exit(0 if all(results) else 1)
