"""Writes small, valid PDF leaflets for the demo content (text only, standard fonts)."""


def _escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(title, paragraphs):
    """A one-page A4 PDF with a title and wrapped paragraphs, using the built-in Helvetica."""
    lines = [("F2", 20, title), ("F1", 12, "")]
    for paragraph in paragraphs:
        words, current = paragraph.split(), ""
        for word in words:
            if len(current) + len(word) + 1 > 80:
                lines.append(("F1", 12, current))
                current = word
            else:
                current = f"{current} {word}".strip()
        lines.append(("F1", 12, current))
        lines.append(("F1", 12, ""))
    ops, y = ["BT"], 790
    for font, size, text in lines:
        ops.append(f"/{font} {size} Tf 1 0 0 1 56 {y} Tm ({_escape(text)}) Tj")
        y -= size + 6
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)
