"""What the canvas draws.  Items hold an id and read the model through their scene;
they never change it (gestures end in commands, and the model's events move items)."""

from __future__ import annotations

import functools

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen,
                           QPixmap, QTextLayout, QTextOption)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyle, QStyleOptionGraphicsItem

from ..model import layout as L
from ..bidi import isolate
from . import labels
from ..model.metrics import touchpoint_badge
from .pictures import thumbnail

# Kinds of item, so the scene can tell them apart (QGraphicsItem.type()).
BAND_TYPE, CARD_TYPE, CHIP_TYPE, FLOW_TYPE, LANE_TYPE = (QGraphicsItem.UserType + n
                                                         for n in range(1, 6))


def pixel_font(size: int, bold: bool = False) -> QFont:
    # Pixels, not points: the canvas is in scene units, whatever the screen's DPI.
    font = QFont("DejaVu Sans")
    font.setPixelSize(size)
    font.setBold(bold)
    return font


def text_option(rtl: bool, align_end: bool = False, wrap: bool = True) -> QTextOption:
    """Paragraph direction set from the map, alignment absolute so RTL does not flip it."""
    option = QTextOption()
    option.setTextDirection(Qt.RightToLeft if rtl else Qt.LeftToRight)
    start = Qt.AlignRight if rtl else Qt.AlignLeft
    end = Qt.AlignLeft if rtl else Qt.AlignRight
    option.setAlignment((end if align_end else start) | Qt.AlignAbsolute | Qt.AlignTop)
    option.setWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere if wrap
                       else QTextOption.NoWrap)
    return option


# ---------------------------------------------------------------- text, laid out once
# Laying text out is most of a card's paint: drawText(rect, text, QTextOption) shapes,
# wraps and aligns on every call (~45 µs a title, plus ~18 µs to build the option and
# 2 µs a font), where a QTextLayout laid out once draws in ~10 µs.  Laying out by hand
# also aligns wrapped right-to-left lines flush: drawText left the width of the
# trailing space as a gap at the right of every wrapped RTL line.

@functools.lru_cache(maxsize=None)
def _font(size: int, bold: bool = False) -> QFont:
    return pixel_font(size, bold)  # shared by every paint: never modify the result


@functools.lru_cache(maxsize=None)
def _option(rtl: bool, align_end: bool = False, wrap: bool = True,
            own_direction: bool = False) -> QTextOption:
    """``text_option``, shared: never modify the result.  ``own_direction`` is for text
    that may be in another language than the map's direction (a title, a persona's
    name): placed as the map reads, but read in its own direction (its first strong
    letter), or an English title in a Hebrew map comes out as "...Reviews / word of
    mout", its ellipsis at the wrong end."""
    option = text_option(rtl, align_end, wrap)
    if own_direction:
        option.setTextDirection(Qt.LayoutDirectionAuto)
    return option


def text_block(text: str, font: QFont, option: QTextOption, width: float,
               max_height: float | None = None) -> QTextLayout:
    """``text`` laid out from (0, 0) in lines ``width`` wide, to draw with
    ``layout.draw(painter, top_left)``.  A single line (no wrap) too long, or lines
    beyond ``max_height``, end in an ellipsis instead of being cut."""
    metrics = QFontMetricsF(font)
    if option.wrapMode() == QTextOption.NoWrap:
        # Line and segment breaks (a spreadsheet's vertical tab too) become spaces: in
        # one line they would only split the bidi runs, and an isolate with them.
        text = metrics.elidedText(text.translate(_ONE_LINE), Qt.ElideRight, width)
    else:
        text = text.replace("\n", "\u2028")  # QTextLayout breaks lines at U+2028 only
    layout = _lay_out(text, font, option, width)
    if max_height is not None and layout.lineCount() > 1:
        fit = 1
        while fit < layout.lineCount() and layout.lineAt(fit).rect().bottom() <= max_height:
            fit += 1
        if fit < layout.lineCount():
            # Keep the lines that fit and squeeze the rest of the text into the last one.
            # textStart() counts UTF-16 units, which Python strings do not.
            units = text.encode("utf-16-le")
            start = layout.lineAt(fit - 1).textStart() * 2
            head, tail = units[:start].decode("utf-16-le"), units[start:].decode("utf-16-le")
            tail = metrics.elidedText(tail.replace("\u2028", " "), Qt.ElideRight, width)
            layout = _lay_out(head + tail, font, option, width)
    return layout


_ONE_LINE = str.maketrans(dict.fromkeys("\n\r\t\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029", " "))


def _lay_out(text: str, font: QFont, option: QTextOption, width: float) -> QTextLayout:
    layout = QTextLayout(text, font)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)  # keep the shaped glyphs: it is drawn again and again
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout


@functools.lru_cache(maxsize=512)
def _line(text: str, size: int, bold: bool, rtl: bool, width: float,
          own_direction: bool = False) -> QTextLayout:
    """A one-line label (channel, stage title, lane title), elided to ``width``."""
    return text_block(text, _font(size, bold),
                      _option(rtl, wrap=False, own_direction=own_direction), width)


_emotion_colour = functools.lru_cache(maxsize=None)(labels.emotion_colour)  # a dict a call


@functools.lru_cache(maxsize=256)
def _short(text: str, size: int, bold: bool) -> tuple[QTextLayout, float, float]:
    """A few characters to centre (an emotion value, a chip's letter)."""
    layout = _lay_out(text, _font(size, bold), _option(False, wrap=False), 1000.0)
    line = layout.lineAt(0)
    return layout, line.naturalTextWidth(), line.height()


def draw_centred(painter: QPainter, rect: QRectF, text: str, size: int,
                 bold: bool = True) -> None:
    layout, w, h = _short(text, size, bold)
    layout.draw(painter, QPointF(rect.center().x() - w / 2, rect.center().y() - h / 2))


_THUMB_SIZE = (54, 54)  # a touchpoint's picture on its card, beside the title
_BADGE_GOOD, _BADGE_BAD, _BADGE_NEUTRAL = QColor("#2e7d32"), QColor("#c62828"), QColor("#607d8b")


def _badge_text(count: int, nps: float | None, rtl: bool) -> str:
    """A card's feedback badge: "12" items, or "12 · +35" with their NPS; "" for none.
    Laid out left to right, so a right-to-left map puts the count on the right, where
    its reader starts."""
    if not count:
        return ""
    if nps is None:
        return f"{count}"
    return f"{nps:+.0f} · {count}" if rtl else f"{count} · {nps:+.0f}"
_CARD_BOUNDS = QRectF(-10, -3, L.CARD_W + 20, L.CARD_H + 6)  # with the handle
# Flags set in one call from constants: PySide's enum look-ups cost more than the call.
# The chips lie inside the card (ItemContainsChildrenInShape): Qt then keeps them out
# of the scene's BSP index and finds them through their card (20,000 fewer index
# entries at 5,000 touchpoints: ~1.5 ms off every fitted frame).
_CARD_FLAGS = (QGraphicsItem.ItemIsSelectable | QGraphicsItem.ItemIsFocusable
               | QGraphicsItem.ItemContainsChildrenInShape)
_CHIP_FLAGS = QGraphicsItem.ItemIsSelectable | QGraphicsItem.ItemHasNoContents
_CARD_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache


@functools.lru_cache(maxsize=2)
def _chip_offsets(rtl: bool) -> tuple[tuple[float, float], ...]:
    """Where a card's chips sit in it, in reading order (mirrored when RTL)."""
    slots = L.chip_rects(L.Rect(0, 0, L.CARD_W, L.CARD_H), L.CHIPS_PER_CARD)
    return tuple((L.CARD_W - s.right if rtl else s.x, s.y) for s in slots)


class ModelItem:
    """An item that stands for one element of the map: mixed into a Qt item class
    (``ModelItem, QGraphicsItem`` for most; a card is Qt's rectangle item, see
    ``TouchpointCardItem``)."""

    def __init__(self, element_id: str):
        super().__init__()  # the Qt item's
        self.element_id = element_id

    @property
    def journey(self):
        return self.scene().journey

    @property
    def rtl(self) -> bool:
        return self.scene().layout.rtl


class StageBandItem(ModelItem, QGraphicsItem):
    def __init__(self, stage: str):
        super().__init__(stage)
        self._rect = QRectF(0, 0, L.MIN_BAND_W, L.MIN_BAND_H)
        self.setFlag(QGraphicsItem.ItemIsSelectable)
        self.setZValue(-10)

    def type(self) -> int:  # Qt's name
        return BAND_TYPE

    def set_rect(self, rect: L.Rect) -> None:
        if (self.pos().x(), self.pos().y(), self._rect.width(), self._rect.height()) != (
                rect.x, rect.y, rect.w, rect.h):
            self.prepareGeometryChange()
            self._rect = QRectF(0, 0, rect.w, rect.h)
            self.setPos(rect.x, rect.y)

    def header_rect(self) -> QRectF:
        return QRectF(0, 0, self._rect.width(), L.BAND_HEADER)

    def shape(self) -> QPainterPath:  # Qt's name
        # Only the header picks the stage: the band's body is open canvas, where a
        # press starts a rubber band and a rubber band does not take the stage along.
        path = QPainterPath()
        path.addRect(self.header_rect())
        return path

    def boundingRect(self) -> QRectF:  # Qt's name
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        palette = self.scene().palette()
        index = self.journey.stage_position(self.element_id)
        base = palette.alternateBase().color() if index % 2 else palette.base().color()
        painter.setPen(Qt.NoPen)
        painter.setBrush(base.darker(103))
        painter.drawRoundedRect(self._rect, 10, 10)
        painter.setBrush(palette.button().color())
        painter.drawRoundedRect(self.header_rect(), 10, 10)
        if self.isSelected():
            painter.setPen(QPen(palette.highlight().color(), 3))
            painter.setBrush(Qt.NoBrush)
            painter.drawRoundedRect(self._rect, 10, 10)
        painter.setPen(palette.buttonText().color())
        journey = self.journey
        title = journey.title(self.element_id) or labels.map_words(journey)("untitled_stage")
        # Logical order in both directions: "1." at the reading start, as the map reads.
        # The title is isolated (FSI...PDI) so it reads in its own direction and cannot
        # carry the number along: unisolated, a Latin title in a Hebrew map came out
        # as "Z .1", and one ending in digits joined them to the number.
        text = f"{index + 1}. {isolate(title)}"
        room = self.header_rect().adjusted(16, 14, -16, -8)
        _line(text, 22, True, self.rtl, room.width()).draw(painter, room.topLeft())


class TouchpointCardItem(ModelItem, QGraphicsRectItem):
    """A touchpoint's card.  Qt's rectangle item, with no pen, so that its bounds are
    Qt's own (its rectangle): a stage added before thousands of cards moves their
    layers, and Qt measures every moved card several times (~1 µs a call into Python
    each, 7,000 calls for a stage added in the middle of 5,000 cards)."""

    def __init__(self, touchpoint: str):
        # Few Qt calls, each from a constant: 5,000 cards open a map.  The rectangle
        # is wide enough for the connection handle, which sticks out of either side;
        # Qt's default pen only widens the bounds by half a unit (paint is ours).  No
        # z value: the card's layer has the cards' (layers.py).
        QGraphicsRectItem.__init__(self, _CARD_BOUNDS)
        self.element_id = touchpoint
        self.setFlags(_CARD_FLAGS)
        # Kept as pixels per view: a card moved with its stage, or under another that
        # changed, repaints as a copy instead of a Python paint() (~100 µs each, and a
        # stage added in view moves dozens).  Whatever the card draws calls update()
        # when it changes, which renders it again (the scene sees to the palette).
        self.setCacheMode(_CARD_CACHE)
        self.setAcceptHoverEvents(True)
        # The note chips as items (for clicks, hovering and selection), made when first
        # needed: the card is seen (``JourneyView`` asks before it paints), hovered, or
        # a chip is asked for (``JourneyScene.item_for``).  Until then the card draws
        # its chips from the model: a map of 5,000 cards opens without 20,000 chip
        # items, and a band that moves moves no chips of cards never seen.
        self._chips: list[NoteChipItem] | None = None
        # Laid out at the first paint (never for a card that is not painted).
        self._title: tuple[tuple[str, bool], QTextLayout] | None = None
        self._top: tuple[tuple[str, str, bool], QTextLayout] | None = None  # likewise
        # The feedback badge (item count, NPS), worked out at the first paint after
        # the scene says it changed (``badge_changed``): panning never recounts.
        self._badge: tuple[int, float | None] | None = None

    def type(self) -> int:  # Qt's name
        return CARD_TYPE

    def shape(self) -> QPainterPath:  # Qt's name: the card and its handle, no margin
        path = QPainterPath()
        path.addRect(QRectF(0, 0, L.CARD_W, L.CARD_H))
        path.addEllipse(self.handle_rect())
        return path

    def handle_rect(self) -> QRectF:
        """The connection handle on the card's outgoing side (end of reading order)."""
        x = -8 if self.rtl else L.CARD_W - 8
        return QRectF(x, L.CARD_H / 2 - 8, 16, 16)

    @property
    def chips(self) -> list[NoteChipItem]:
        """The chip items, made now if they were not yet."""
        if self._chips is None:
            self.make_chips()
        return self._chips

    @property
    def made_chips(self) -> list[NoteChipItem]:
        """The chip items made so far (none, until the card is seen or asked for)."""
        return self._chips or []

    def make_chips(self, scene=None) -> None:
        """Make the chip items now (see ``__init__``)."""
        if self._chips is None:
            self._chips = []
            self.refresh_chips(scene)

    def hoverEnterEvent(self, event) -> None:  # Qt's name
        self.make_chips()  # a chip under the mouse shows its note and takes clicks
        super().hoverEnterEvent(event)

    def refresh_chips(self, scene=None) -> None:
        """Rebuild the note chips from the model (after a note came, went or changed),
        if they were made: else the card draws them from the model anyway.
        ``scene``: the scene the card is about to join, when it is not in one yet."""
        if self._chips is None:
            return
        scene = scene if scene is not None else self.scene()
        for chip in self._chips:
            scene.forget_chip(chip)
            chip.setParentItem(None)
            scene.removeItem(chip)
        notes = scene.journey.notes_on(self.element_id)
        offsets = _chip_offsets(scene.layout.rtl)
        shown = min(len(notes), len(offsets))
        self._chips = []
        for i in range(shown):
            # The last chip counts the notes beyond the card's room.
            chip = NoteChipItem(notes[i], len(notes) - shown if i == shown - 1 else 0)
            chip.setPos(*offsets[i])  # before it joins the card: 10 times cheaper
            chip.setParentItem(self)  # explicitly: a constructor parent may be collected
            self._chips.append(chip)
            scene.remember_chip(chip)

    def _draw_chips_from_model(self, painter: QPainter, words) -> None:
        """The chips of a card whose chip items are not made yet: as they would draw."""
        journey = self.journey
        notes = journey.notes_on(self.element_id)
        offsets = _chip_offsets(self.rtl)
        shown = min(len(notes), len(offsets))
        for i in range(shown):
            kind = journey.get(notes[i])["note_kind"]
            extra = len(notes) - shown if i == shown - 1 else 0
            draw_chip(painter, QRectF(QPointF(*offsets[i]), _CHIP_SIZE), kind,
                      f"+{extra + 1}" if extra else words.note_letter(kind), None)

    def badge(self) -> str:
        """What its feedback badge says ("" when no feedback is about it)."""
        if self._badge is None:
            self._badge = touchpoint_badge(self.journey, self.element_id)
        return _badge_text(*self._badge, self.rtl)

    def badge_changed(self) -> None:
        """Its feedback changed: count it again at the next paint."""
        self._badge = None
        self.update()

    def _draw_badge(self, painter: QPainter, text: str, width: float, rtl: bool) -> None:
        # Beside the emotion dot, towards the middle: the count of what customers wrote
        # about this touchpoint and their NPS, coloured as NPS reads (red below 0).
        nps = self._badge[1]
        box = QRectF(36 if rtl else L.CARD_W - 36 - width, 9, width, 18)
        painter.setPen(Qt.NoPen)
        painter.setBrush(_BADGE_NEUTRAL if nps is None else
                         _BADGE_GOOD if nps > 0 else _BADGE_BAD if nps < 0 else _BADGE_NEUTRAL)
        painter.drawRoundedRect(box, 9, 9)
        painter.setPen(_WHITE)
        draw_centred(painter, box, text, 11)

    @staticmethod
    def _draw_picture(painter: QPainter, picture: QPixmap, rtl: bool) -> None:
        w, h = _THUMB_SIZE
        size = picture.deviceIndependentSize()
        x = 10 if rtl else L.CARD_W - 10 - w
        # Centred in its box, keeping its proportions (the pixmap is already to scale).
        painter.drawPixmap(QPointF(x + (w - size.width()) / 2, 32 + (h - size.height()) / 2),
                           picture)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        palette = self.scene().palette()
        attrs = self.journey.get(self.element_id)
        rect = QRectF(0, 0, L.CARD_W, L.CARD_H)
        pen = QPen(palette.highlight().color() if self.isSelected() else palette.mid().color(),
                   3 if self.isSelected() else 1.5)
        if attrs["mode"] == "indirect":
            pen.setStyle(Qt.DashLine)
        painter.setPen(pen)
        painter.setBrush(palette.base())
        painter.drawRoundedRect(rect, 8, 8)
        rtl = self.rtl
        # Channel and direct/indirect on top, the emotion dot in the far corner (the
        # label starts after the dot in a right-to-left map, where the dot is on the left).
        painter.setPen(palette.placeholderText().color())
        words = labels.map_words(self.journey)  # the map's language, not the interface's
        badge = self.badge()
        badge_w = _short(badge, 11, True)[1] + 10 if badge else 0.0
        key = (attrs["channel"], attrs["mode"], rtl, words.lang, badge_w)
        if self._top is None or self._top[0] != key:  # laid out again only on a change
            top = f"{words.channel(key[0])} · {words.mode(key[1])}"
            room = L.CARD_W - 46 - (badge_w + 4 if badge_w else 0)
            self._top = (key, _line(top, 12, False, rtl, room, own_direction=True))
        self._top[1].draw(painter, QPointF(36 + (badge_w + 4 if badge_w else 0) if rtl
                                           else 10, 6))
        if badge:
            self._draw_badge(painter, badge, badge_w, rtl)
        emotion = self.journey.emotion(self.element_id, self.scene().persona)
        dot = QRectF(8 if rtl else L.CARD_W - 32, 6, 24, 24)
        painter.setPen(Qt.NoPen)
        painter.setBrush(_emotion_colour(emotion))
        painter.drawEllipse(dot)
        if emotion is not None:
            painter.setPen(_WHITE)
            draw_centred(painter, dot, f"{emotion:+d}" if emotion else "0", 12)
        painter.setPen(palette.text().color())
        title = attrs["title"] or words("untitled_touchpoint")
        # A picture sits at the title's far end (cached: decoded at the first paint only).
        picture = thumbnail(self.element_id, attrs.get("picture", ""), *_THUMB_SIZE)
        room = 0.0 if picture.isNull() else _THUMB_SIZE[0] + 6
        if self._title is None or self._title[0] != (title, rtl, room):
            # Up to three lines, the last elided: laid out again only when it changes.
            # Placed as the map reads, read in the title's own direction: a Latin title
            # in a Hebrew map keeps its full stop at its end.
            self._title = ((title, rtl, room), text_block(
                title, _font(16, True), _option(rtl, own_direction=True),
                L.CARD_W - 20 - room, max_height=58))
        self._title[1].draw(painter, QPointF(10 + room if rtl else 10, 30))
        if room:
            self._draw_picture(painter, picture, rtl)
        if self._chips is None:
            self._draw_chips_from_model(painter, words)
        for chip in self.made_chips:  # they do not paint themselves (see NoteChipItem)
            chip.draw(painter, palette)
        if self.isSelected() or option.state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(QPen(palette.highlight().color(), 2))
            painter.setBrush(palette.base())
            painter.drawEllipse(self.handle_rect())


class NoteChipItem(ModelItem, QGraphicsItem):
    def __init__(self, note: str, extra: int = 0):
        super().__init__(note)
        self.extra = extra  # notes beyond the card's room, counted on the last chip
        # Language, kind and text, read at the first draw.
        self._face: tuple[str, str, str] | None = None
        # Its card paints it (draw() below): one Python paint() per card rather than one
        # per card and chip, and one item fewer to switch at low zoom (overview.py).  It
        # is still an item, for hit-testing and selection; the scene repaints the card
        # when the chip's selection changes.  No z value: a child stacks above its card
        # anyway, and a card's chips never overlap (20,000 calls fewer at opening).
        self.setFlags(_CHIP_FLAGS)

    def type(self) -> int:  # Qt's name
        return CHIP_TYPE

    def boundingRect(self) -> QRectF:  # Qt's name
        return QRectF(-2, -2, L.CHIP_W + 4, L.CHIP_H + 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        # Qt does not call this (ItemHasNoContents), but a caller rendering the chip
        # on its own may.
        painter.translate(-self.pos())
        self.draw(painter, self.scene().palette())
        painter.translate(self.pos())

    def draw(self, painter: QPainter, palette) -> None:
        """Paint the chip in its card's coordinates."""
        words = labels.map_words(self.journey)
        if self._face is None or self._face[0] != words.lang:
            # A chip lives as long as its note is unchanged (the card rebuilds its chips
            # on any note change), so its kind and letter are read once, and again only
            # when the map's language changes.
            kind = self.journey.get(self.element_id)["note_kind"]
            self._face = (words.lang, kind, f"+{self.extra + 1}" if self.extra
                          else words.note_letter(kind))
        _, kind, text = self._face
        draw_chip(painter, QRectF(self.pos(), _CHIP_SIZE), kind, text,
                  palette.highlight().color() if self.isSelected() else None)


_CHIP_SIZE = QSizeF(L.CHIP_W, L.CHIP_H)


def draw_chip(painter: QPainter, rect: QRectF, kind: str, text: str,
              selected: QColor | None) -> None:
    """A note chip: its kind's colour, its letter, a ring in ``selected`` if it is."""
    painter.setPen(QPen(selected, 3) if selected is not None else Qt.NoPen)
    painter.setBrush(labels.NOTE_COLOURS[kind])
    painter.drawRoundedRect(rect, 5, 5)
    painter.setPen(_WHITE)
    draw_centred(painter, rect, text, 12)


_WHITE = QColor("white")
