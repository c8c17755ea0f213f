#!/usr/bin/env python3
"""Writes the mixed set of files the page's import is tested with (tests/e2e/collections*.mjs):
every article here was written for the tests. Run it again after changing a text; the files it
writes are committed so that the tests need no Python."""

import io
import pathlib
import zipfile

HERE = pathlib.Path(__file__).parent / "mixed"

REPORT_LINES = [
    "قمة إقليمية في أستانا تبحث أمن آسيا الوسطى",
    "الأحد 16 كانون الثاني 2022",
    "اجتمع في أستانا وزراء خارجية كازاخستان وقرغيزستان وطاجيكستان لبحث أمن الحدود بعد أحداث الشهر الماضي.",
    "وقال وزير خارجية كازاخستان إن بلاده تريد علاقات متوازنة مع روسيا والصين، وإن القوات التي دخلت البلاد غادرتها.",
    "وأشار المشاركون إلى أن منظمة معاهدة الأمن الجماعي أنهت مهمتها، وأن الحوار مع موسكو مستمر.",
]

SHARED = (
    "أعلنت الحكومة في بيشكك خطة لتطوير الطرق بين قرغيزستان وكازاخستان خلال ثلاث سنوات.\n"
    "وقال رئيس الوزراء إن الخطة تشمل جسورا جديدة ومراكز حدودية حديثة، وإن روسيا ستمول جزءا منها.\n"
    "وأضاف أن التجارة بين البلدين زادت في العام الماضي رغم الأزمة، وأن الموانئ الجافة ستفتح قريبا.\n"
    "ويرى خبراء أن المشروع يربط آسيا الوسطى بالأسواق الأوروبية عبر روسيا وبالأسواق الآسيوية عبر الصين.\n"
    "وتنتظر الحكومة موافقة البرلمان على الميزانية قبل نهاية الشهر المقبل لتبدأ الأعمال في الربيع.\n"
)


def docx(lines):
    """A minimal Word document: one paragraph per line."""
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{line}</w:t></w:r></w:p>' for line in lines)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr("word/document.xml", document)
    return out.getvalue()


def main():
    HERE.mkdir(exist_ok=True)
    (HERE / "summit.docx").write_bytes(docx(REPORT_LINES))
    roads = "طرق جديدة بين قرغيزستان وكازاخستان\n\n" + SHARED
    (HERE / "roads.txt").write_text(roads, encoding="utf-8")
    # The same article under another name: an exact duplicate.
    (HERE / "syndicated").mkdir(exist_ok=True)
    (HERE / "syndicated/roads.txt").write_text(roads, encoding="utf-8")
    # The same article with one word changed, as a syndicated copy edited: a near-duplicate.
    near = roads.replace("في الربيع", "في الصيف")
    (HERE / "syndicated/roads-edited.txt").write_text(near, encoding="utf-8")
    (HERE / "energy-utf16.txt").write_bytes(
        "\ufeffروسيا وأوروبا: الغاز في الشتاء\n\nقالت موسكو إن إمدادات الغاز إلى أوروبا ستبقى كما هي، وإن روسيا ملتزمة بالعقود.\n".encode("utf-16-le")
    )
    (HERE / "briefing.html").write_text(
        '<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>موجز</title><script>var x=1;</script></head>'
        "<body><nav>الرئيسية | أخبار</nav><article><h1>موجز الأخبار: كازاخستان تعود إلى الهدوء</h1>"
        "<p>عادت الحياة إلى شوارع ألماتي بعد رفع حظر التجول، وفتحت المصارف أبوابها.</p>"
        "<p>وقال مسؤول إن روسيا سحبت آخر جنودها من البلاد.</p></article><footer>حقوق النشر</footer></body></html>",
        encoding="utf-8",
    )
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "letters/cp1256.txt",
            "رسالة من طشقند\n\nوصل وفد أوزبكي إلى موسكو لبحث التعاون مع روسيا في الطاقة.\n".encode("cp1256"),
        )
        z.writestr("letters/utf8.txt", "رسالة من دوشنبه\n\nتستعد طاجيكستان لاستقبال وفد من كازاخستان الأسبوع المقبل.\n")
    (HERE / "letters.zip").write_bytes(archive.getvalue())
    (HERE / "broken.docx").write_bytes(b"PK\x03\x04 this is not really a Word document")


if __name__ == "__main__":
    main()
