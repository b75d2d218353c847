"""Images made in memory for the picture tests (Pillow, no files)."""

from __future__ import annotations

import base64
import io
import random
import struct
import zlib

from PIL import Image


def png_bytes(size=(40, 30), colour=(200, 30, 30, 255), mode="RGBA") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, colour if mode == "RGBA" else colour[:3]).save(out, "PNG")
    return out.getvalue()


def jpeg_bytes(size=(64, 48), colour=(20, 120, 220), exif=None) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, colour)
    if exif is None:
        image.save(out, "JPEG", quality=90)
    else:
        image.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


def noise_jpeg(size) -> bytes:
    """A photo-like image no encoder can squeeze: random pixels."""
    rng = random.Random(7)
    image = Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    return out.getvalue()


def shop_exif() -> Image.Exif:
    """EXIF as a phone writes it: the camera and where the photo was taken."""
    exif = Image.Exif()
    exif[0x010F] = "ShopCamMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (32.0, 4.0, 51.0)  # latitude
    gps[3], gps[4] = "E", (34.0, 46.0, 40.0)  # longitude
    return exif


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def png_bomb_header(width=100_000, height=100_000) -> bytes:
    """A PNG whose header claims ten billion pixels (a few bytes of data)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat)
            + _chunk(b"IEND", b""))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
