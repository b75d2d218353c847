"""Pictures on touchpoints, without Qt: the field's check, prepare(), the loader's
repairs and the saver's limit (model/pictures.py, fileformat/validate_pictures.py)."""

from __future__ import annotations

import base64
import io
import json

import pytest
from PIL import Image

from cxdesigner.fileformat import cxmap, validate_pictures
from cxdesigner.fileformat.errors import FileFormatError
from cxdesigner.model import JourneyMap, ModelError
from cxdesigner.model import pictures as P
from picture_helpers import (b64, jpeg_bytes, noise_jpeg, png_bomb_header, png_bytes,
                             shop_exif)


def one_touchpoint() -> tuple[JourneyMap, str]:
    journey = JourneyMap()
    stage = journey.add_stage("Purchase").id
    return journey, journey.add_touchpoint(stage, "Checkout").id


def opened(text: str) -> Image.Image:
    image = Image.open(io.BytesIO(base64.b64decode(text)))
    image.load()
    return image


# ------------------------------------------------------------------ the field
def test_a_touchpoint_has_no_picture_by_default():
    journey, tp = one_touchpoint()
    assert journey.get(tp)["picture"] == ""


def test_setting_a_picture_is_one_undoable_change():
    journey, tp = one_touchpoint()
    picture = b64(png_bytes())
    change = journey.set_fields(tp, picture=picture)
    assert journey.get(tp)["picture"] == picture
    journey.apply(change.inverse())
    assert journey.get(tp)["picture"] == ""
    journey.apply(change)
    assert journey.get(tp)["picture"] == picture


@pytest.mark.parametrize("value,words", [
    (b64(b"GIF89a" + b"\0" * 30), "PNG or JPEG"),
    ("not base64 at all!", "base64"),
    (42, "must be text"),
    ("A" * (P.MAX_PICTURE_CHARS + 1), "longer than"),
])
def test_the_model_refuses_a_picture_that_is_not_a_png_or_jpeg_within_the_limit(value, words):
    journey, tp = one_touchpoint()
    with pytest.raises(ModelError, match=words):
        journey.set_fields(tp, picture=value)
    assert journey.get(tp)["picture"] == ""


def test_the_check_reads_only_the_signature_not_the_whole_picture():
    # A JPEG signature followed by garbage passes the cheap check: verify() is the
    # thorough one, run by the loader on the few pictures present.
    value = b64(b"\xff\xd8\xff" + b"x" * 600)
    assert P.check(value) is value
    with pytest.raises(P.PictureError):
        P.verify(value)


# ------------------------------------------------------------------ prepare()
def test_prepare_keeps_a_small_png_with_transparency_as_png():
    text = prepare_ok(png_bytes(colour=(10, 20, 30, 128)))
    image = opened(text)
    assert image.format == "PNG" and image.mode == "RGBA" and image.size == (40, 30)


def prepare_ok(data: bytes) -> str:
    text = P.prepare(data)
    assert P.check(text) is text
    return text


def test_prepare_strips_the_exif_of_a_jpeg_location_included():
    data = jpeg_bytes(exif=shop_exif())
    assert b"ShopCamMaker" in data and Image.open(io.BytesIO(data)).getexif()
    raw = base64.b64decode(prepare_ok(data))
    assert b"ShopCamMaker" not in raw and b"Exif" not in raw
    image = Image.open(io.BytesIO(raw))
    assert image.format == "JPEG" and not image.getexif()


def test_prepare_turns_a_photo_upright_before_its_orientation_tag_goes():
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: the camera was held on its side
    image = opened(prepare_ok(jpeg_bytes(size=(60, 40), exif=exif)))
    assert image.size == (40, 60) and not image.getexif()


def test_prepare_downscales_a_huge_image_to_the_long_side_limit():
    image = opened(prepare_ok(jpeg_bytes(size=(6000, 3000))))
    assert image.size == (P.MAX_SIDE, P.MAX_SIDE // 2)


def test_prepare_tries_smaller_sizes_until_the_picture_fits_the_limit():
    data = noise_jpeg((2400, 1800))
    text = prepare_ok(data)
    assert P.decoded_size(text) <= P.MAX_PICTURE_BYTES
    assert max(opened(text).size) < P.MAX_SIDE  # 1,600 px of noise is over 1 MiB


def test_prepare_refuses_what_cannot_fit_naming_the_limit(monkeypatch):
    monkeypatch.setattr(P, "MAX_PICTURE_BYTES", 300)
    with pytest.raises(P.PictureError, match="may take at most") as caught:
        P.prepare(noise_jpeg((200, 200)))
    assert caught.value.reason == "too_big" and caught.value.values["limit"] == 300


@pytest.mark.parametrize("data", [b"hello, not a picture", b"GIF89a" + b"\0" * 40,
                                  b"%PDF-1.7\n", b""])
def test_prepare_refuses_what_is_not_a_png_or_jpeg(data):
    with pytest.raises(P.PictureError) as caught:
        P.prepare(data)
    assert caught.value.reason == "not_image" and "PNG or JPEG" in str(caught.value)


def test_prepare_refuses_a_truncated_jpeg_as_damaged():
    data = jpeg_bytes(size=(300, 200))
    with pytest.raises(P.PictureError) as caught:
        P.prepare(data[: len(data) // 2])
    assert caught.value.reason == "damaged" and "damaged" in str(caught.value)


def test_prepare_refuses_a_png_bomb_before_decoding_it():
    with pytest.raises(P.PictureError) as caught:
        P.prepare(png_bomb_header())
    assert caught.value.reason == "too_many_pixels" and "pixels" in str(caught.value)


# ------------------------------------------------------------------ the loader
def saved_text(journey: JourneyMap) -> dict:
    return json.loads(cxmap.dumps(journey))


def touchpoint_node(data: dict) -> dict:
    return next(n for n in data["graph"]["nodes"] if n["kind"] == "touchpoint")


def test_a_picture_survives_save_and_load(tmp_path):
    journey, tp = one_touchpoint()
    journey.set_fields(tp, picture=prepare_ok(jpeg_bytes()))
    path = tmp_path / "m.cxmap"
    cxmap.save(journey, path)
    loaded = cxmap.load(path)
    assert loaded.problems == []
    assert loaded.journey.get(tp)["picture"] == journey.get(tp)["picture"]


@pytest.mark.parametrize("picture,words", [
    (b64(jpeg_bytes(size=(300, 200)))[:2000], "damaged"),  # cut short, still base64
    (b64(b"GIF89a" + b"\0" * 30), "PNG or JPEG"),
    ("iVBORw0KGgo" + "!" * 40, "base64"),
    (b64(png_bytes())[:-3] + "@@=", "base64"),  # good signature, broken at the end
])
def test_the_loader_drops_a_bad_picture_keeps_the_touchpoint_and_says_where(picture, words):
    journey, tp = one_touchpoint()
    data = saved_text(journey)
    touchpoint_node(data)["picture"] = picture
    loaded = cxmap.loads(json.dumps(data))
    assert loaded.journey.get(tp)["picture"] == ""
    assert loaded.journey.title(tp) == "Checkout"
    [problem] = loaded.problems
    assert problem.location.endswith(".picture") and "$.graph.nodes[" in problem.location
    assert words in problem.message


def test_the_loader_drops_the_pictures_past_the_maps_limit(monkeypatch):
    journey = JourneyMap()
    stage = journey.add_stage("s").id
    picture = prepare_ok(jpeg_bytes())
    size = P.decoded_size(picture)
    tps = [journey.add_touchpoint(stage, f"t{i}").id for i in range(3)]
    for tp in tps:
        journey.set_fields(tp, picture=picture)
    text = cxmap.dumps(journey)
    monkeypatch.setattr(validate_pictures, "MAX_MAP_PICTURE_BYTES", 2 * size)  # exactly two
    loaded = cxmap.loads(text)
    kept = [loaded.journey.get(tp)["picture"] != "" for tp in tps]
    assert sorted(kept) == [False, True, True]
    [problem] = loaded.problems
    assert problem.action == "dropped" and problem.location.endswith(".picture")


def test_a_map_without_pictures_decodes_none(monkeypatch):
    def never(text):
        raise AssertionError("decoded a picture of a map without pictures")
    monkeypatch.setattr(validate_pictures, "verify", never)
    journey, _ = one_touchpoint()
    assert cxmap.loads(cxmap.dumps(journey)).problems == []


def test_a_clean_map_with_a_picture_still_loads_in_bulk():
    from cxdesigner.fileformat import bulk
    journey, _ = one_touchpoint()
    journey.set_fields(_, picture=prepare_ok(png_bytes()))
    data = saved_text(journey)
    assert bulk.nodes(data["graph"]["nodes"]) is not None


def test_bulk_loading_refuses_a_picture_the_careful_path_would_repair():
    from cxdesigner.fileformat import bulk
    journey, _ = one_touchpoint()
    data = saved_text(journey)
    touchpoint_node(data)["picture"] = b64(b"GIF89a" + b"\0" * 30)
    assert bulk.nodes(data["graph"]["nodes"]) is None


def test_a_picture_longer_than_the_limit_is_dropped_not_cut():
    journey, tp = one_touchpoint()
    data = saved_text(journey)
    touchpoint_node(data)["picture"] = b64(png_bytes()) + "A" * P.MAX_PICTURE_CHARS
    loaded = cxmap.loads(json.dumps(data))
    assert loaded.journey.get(tp)["picture"] == ""
    assert "longer than" in loaded.problems[0].message


# ------------------------------------------------------------------ the saver
def test_the_saver_refuses_a_map_past_the_pictures_limit_and_writes_nothing(
        tmp_path, monkeypatch):
    journey, tp = one_touchpoint()
    picture = prepare_ok(jpeg_bytes())
    journey.set_fields(tp, picture=picture)
    monkeypatch.setattr(cxmap, "MAX_MAP_PICTURE_BYTES", P.decoded_size(picture) - 1)
    path = tmp_path / "m.cxmap"
    with pytest.raises(FileFormatError, match="pictures") as caught:
        cxmap.save(journey, path)
    assert "Nothing was written" in caught.value.message and not path.exists()


def test_the_saver_writes_a_map_exactly_at_the_pictures_limit(tmp_path, monkeypatch):
    journey, tp = one_touchpoint()
    picture = prepare_ok(jpeg_bytes())
    journey.set_fields(tp, picture=picture)
    monkeypatch.setattr(cxmap, "MAX_MAP_PICTURE_BYTES", P.decoded_size(picture))
    cxmap.save(journey, tmp_path / "m.cxmap")
    assert (tmp_path / "m.cxmap").exists()


def test_decoded_size_is_the_exact_size_of_the_bytes():
    for n in range(0, 12):
        assert P.decoded_size(b64(b"x" * n)) == n


def test_the_check_takes_a_picture_exactly_at_the_per_image_limit():
    head = b64(b"\x89PNG\r\n\x1a\n\0")  # 12 characters: the signature and one byte
    value = head + "A" * (P.MAX_PICTURE_CHARS - len(head))
    assert len(value) == P.MAX_PICTURE_CHARS and P.check(value) is value
    with pytest.raises(ValueError, match="longer than"):
        P.check(value + "AAAA")
