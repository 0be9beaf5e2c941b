"""Small, valid files made in code: the demo's attachments and images (and the tests')."""

import struct
import zlib
from functools import lru_cache


def tiny_pdf(title: str) -> bytes:
    """A one-page PDF showing `title` (ASCII) in Helvetica."""
    safe = title.encode("ascii", "replace").replace(b"\\", b"").replace(b"(", b"[")
    safe = safe.replace(b")", b"]")
    stream = b"BT /F1 20 Tf 72 760 Td (" + safe + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@lru_cache(maxsize=8)
def tiny_png(
    width: int = 240, height: int = 150, accent: tuple[int, int, int] = (29, 79, 115)
) -> bytes:
    """A small picture (sky, grass and a building in the accent colour) as a PNG."""

    def pixel(x: int, y: int) -> tuple[int, int, int]:
        if width // 3 <= x < 2 * width // 3 and height // 3 <= y < 5 * height // 6:
            return accent
        if y >= 2 * height // 3:
            return (96, 160, 72)
        return (170, 210, 240 - y // 2)

    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height)
    )

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
