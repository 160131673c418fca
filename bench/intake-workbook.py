#!/usr/bin/env python3
"""Writes a summary-table workbook (.xlsx, shared strings as Excel writes them) of ROWS rows for the
intake benchmark: the people of PEOPLE_CSV (name,id_number, with a heading) in turn, one base's
credit code in B2, every row valid and distinct.
   bench/intake-workbook.py PEOPLE_CSV CREDIT_CODE ROWS OUT.xlsx [BAD_EVERY [PROJECT]]
BAD_EVERY=n makes every n-th row invalid (an unknown learning form), for a mixed file (0: none);
PROJECT (default 培训项目) starts every project name, so that two files share no row."""
import csv
import datetime
import sys
import zipfile
from xml.sax.saxutils import escape

people_csv, body, rows, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
bad_every = int(sys.argv[5]) if len(sys.argv) > 5 else 0
project = sys.argv[6] if len(sys.argv) > 6 else "培训项目"
with open(people_csv, newline='', encoding='utf-8') as f:
    people = [(r[0], r[1]) for r in list(csv.reader(f))[1:]]
HEADINGS = ["姓名", "身份证件号码", "项目名称", "学习内容", "学习形式", "科目类别", "开始日期", "结束日期", "学时",
            "考试考核成绩", "继续教育成果", "折算项目"]
strings, index = [], {}


def s(text):
    if text not in index:
        index[text] = len(strings)
        strings.append(text)
    return index[text]


def col(c):
    return chr(ord('A') + c)


def cells(r, values):
    out = []
    for c, v in enumerate(values):
        if v is None or v == "":
            continue
        if isinstance(v, (int, float)):
            out.append('<c r="%s%d"><v>%s</v></c>' % (col(c), r, v))
        else:
            out.append('<c r="%s%d" t="s"><v>%d</v></c>' % (col(c), r, s(v)))
    return '<row r="%d">%s</row>' % (r, "".join(out))


sheet = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
         cells(1, ["专业技术人员继续教育情况登记汇总表"]), cells(2, ["报送单位统一社会信用代码", body]), cells(3, HEADINGS)]
for i in range(rows):
    name, id_number = people[i % len(people)]
    start = (datetime.date(2025, 1, 1) + datetime.timedelta(days=i // len(people))).isoformat()
    form = "面授培训" if not (bad_every and i % bad_every == bad_every - 1) else "隔空传功"
    sheet.append(cells(4 + i, [name, id_number, "%s %d" % (project, i), "学习内容", form,
                               "公需科目" if i % 3 == 0 else "专业科目", start, start, 8, "合格"]))
sheet.append('</sheetData></worksheet>')
shared = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
          % (len(strings), len(strings))]
shared += ['<si><t>%s</t></si>' % escape(t) for t in strings]
shared.append('</sst>')
NS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
OD = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
               '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
               '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
               '</Types>')
    z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships %s>'
               '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % (NS, OD))
    z.writestr('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="%s">'
               '<sheets><sheet name="登记汇总表" sheetId="1" r:id="rId1"/></sheets></workbook>' % OD)
    z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<Relationships %s><Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
               '<Relationship Id="rId2" Type="%s/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
               % (NS, OD, OD))
    z.writestr('xl/worksheets/sheet1.xml', "".join(sheet))
    z.writestr('xl/sharedStrings.xml', "".join(shared))
