"""The inspector: every property of the selected element, each change one undo step.

It follows the model: any applied change (an undo, an edit on the canvas or in
another panel) shows here at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QLabel, QPushButton, QScrollArea, QSizePolicy,
                               QStackedWidget, QVBoxLayout, QWidget)

from ...bidi import isolate
from ...canvas import labels
from ...commands import ChangeCommand, MoveTouchpointsCommand, SetEmotionCommand
from ...fileformat.csvio import STEP_X
from ...model import Event
from ...model import schema as S
from ...model.metrics import touchpoint_badge
from ...model.changes import SetDocument, SetStageOrder
from ..document.document import Document
from ..language import ours
from .fields import UNSET, Form
from .inspector_picture import add_picture_row

EMPTY, MANY = "empty", "many"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # A count goes third, as in Qt's own call, so that lupdate sees the plural.
    return QCoreApplication.translate("Inspector", text, disambiguation, n)


def kind_label(kind: str) -> str:
    return {S.STAGE: tr("Stage"), S.TOUCHPOINT: tr("Touchpoint"), S.NOTE: tr("Note"),
            S.PERSONA: tr("Persona"), S.ACTION: tr("Action")}[kind]


def emotion_options(unset: str) -> list[tuple[int | None, str]]:
    return [(None, unset), (2, tr("+2  Delighted")), (1, tr("+1  Pleased")),
            (0, tr("0  Neutral")), (-1, tr("−1  Annoyed")), (-2, tr("−2  Angry"))]


class Inspector(QWidget):
    map_details_requested = Signal()

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.persona = S.GENERAL
        self.ids: list[str] = []
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.subheading = QLabel()
        self.subheading.setWordWrap(True)
        self.pages = QStackedWidget()
        self.forms: dict[str, Form] = {
            S.STAGE: self._stage_form(), S.TOUCHPOINT: self._touchpoint_form(),
            S.NOTE: self._note_form(), S.ACTION: self._action_form()}
        self.pages.addWidget(self._empty_page())
        self.many_label = QLabel()
        self.many_label.setWordWrap(True)
        self.many_label.setAlignment(Qt.AlignTop)
        self.pages.addWidget(self.many_label)
        for form in self.forms.values():
            self.pages.addWidget(form)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.heading)
        column.addWidget(self.subheading)
        column.addWidget(self.pages)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        document.journey.events.subscribe("journey_changed", self._on_journey_changed)
        self.show_ids([])

    def detach(self) -> None:
        self.document.journey.events.unsubscribe(self._on_journey_changed)

    @property
    def journey(self):
        return self.document.journey

    @property
    def element_id(self) -> str | None:
        return self.ids[0] if len(self.ids) == 1 else None

    # ---------------------------------------------------------------- forms
    def _stage_form(self) -> Form:
        form = Form(self.document)
        self.stage_title = form.add_line("title", tr("Title"))
        form.add_text("description", tr("Description"))
        return form

    def _touchpoint_form(self) -> Form:
        form = Form(self.document)
        self.touchpoint_title = form.add_line("title", tr("Title"))
        form.add_text("description", tr("Description"))
        self.stage_combo = form.add_choice(
            "stage", tr("Stage"), self._stage_options,
            read=lambda j, tp: j.stage_of(tp), command=self._move_to_stage)
        form.add_choice("channel", tr("Channel"),
                        [(c, labels.channel_label(c)) for c in S.CHANNELS])
        form.add_choice("mode", tr("Initiated by"),
                        [("direct", tr("Direct: the customer")),
                         ("indirect", tr("Indirect: ads, others"))])
        form.add_line("owner", tr("Owner"))
        # The general emotion, and below it the chosen persona's (shown only then).
        self.general_emotion = form.add_choice(
            "emotions", tr("Emotion"), emotion_options(UNSET),
            read=lambda j, e: j.get(e)["emotions"].get(S.GENERAL),
            command=lambda j, e, v: SetEmotionCommand(j, e, v, S.GENERAL))
        self.general_emotion.setToolTip(tr("How any customer feels here (a persona may "
                                           "feel otherwise: choose it in Personas)"))
        self.persona_emotion = form.add_choice(
            "emotions", tr("For persona"), emotion_options(tr("— (as any customer)")),
            read=lambda j, e: j.get(e)["emotions"].get(self.persona),
            command=lambda j, e, v: SetEmotionCommand(j, e, v, self.persona))
        form.add_optional_number("nps", tr("NPS"), tr("−100 to 100"))
        form.add_optional_number("csat", tr("CSAT %"), tr("0 to 100"))
        form.add_line("kpi", tr("KPI"))
        form.add_text("evidence", tr("Evidence"))
        self.picture_box = add_picture_row(form)
        return form

    def _note_form(self) -> Form:
        form = Form(self.document)
        self.note_title = form.add_line("title", tr("Title"))
        form.add_choice("note_kind", tr("Kind"),
                        [(k, labels.note_kind_label(k)) for k in S.NOTE_KINDS])
        form.add_text("description", tr("Description"))
        form.add_text("evidence", tr("Evidence"))
        form.add_score("impact", tr("Impact"), S.SCORE_MIN, S.SCORE_MAX)
        form.add_score("effort", tr("Effort"), S.SCORE_MIN, S.SCORE_MAX)
        form.add_score("reach", tr("Reach"), S.SCORE_MIN, S.SCORE_MAX)
        form.add_score("confidence", tr("Confidence"), S.SCORE_MIN, S.SCORE_MAX)
        form.add_count("votes", tr("Votes"), 0, S.MAX_VOTES)
        return form

    def _action_form(self) -> Form:
        form = Form(self.document)
        form.add_line("title", tr("Title"))
        form.add_text("description", tr("Description"))
        form.add_line("owner", tr("Owner"))
        form.add_optional_text("due", tr("Due"), tr("YYYY-MM-DD"))
        form.add_choice("status", tr("Status"),
                        [(s, labels.status_label(s)) for s in S.ACTION_STATUSES])
        form.add_line("kpi", tr("KPI"))
        form.add_count("review_months", tr("Review (months)"), 1, S.MAX_REVIEW_MONTHS)
        return form

    def _empty_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(tr("Select a stage, touchpoint or note on the canvas or in the "
                         "outline to see and edit its properties."))
        hint.setWordWrap(True)
        details = QPushButton(tr("Map Details…"))
        details.clicked.connect(self.map_details_requested)
        column.addWidget(hint)
        column.addWidget(details, 0, Qt.AlignLeading)
        return page

    # -------------------------------------------------------- the touchpoint
    @staticmethod
    def _stage_options(journey, tp: str) -> list[tuple[str, str]]:
        return [(stage, f"{n}. {journey.title(stage) or labels.tr('Untitled stage')}")
                for n, stage in enumerate(journey.stages(), 1)]

    def _move_to_stage(self, journey, tp: str, stage: str) -> ChangeCommand:
        # At the end of the stage's row, where a new card would go.
        others = [t for t in journey.touchpoints_in(stage) if t != tp]
        x = max((journey.get(t)["x"] for t in others), default=-STEP_X) + STEP_X
        command = MoveTouchpointsCommand(journey, [(tp, stage, x, 0.0)])
        command.setText(tr("Move to Stage"))
        return command

    # ------------------------------------------------------------- showing
    def show_ids(self, ids: list[str]) -> None:
        """Show the selection: one element's form, a count, or a hint."""
        self.ids = [i for i in ids if i in self.journey]
        self._refresh()

    def set_persona(self, persona: str) -> None:
        """The persona whose emotion the touchpoint form shows beside the general one."""
        self.persona = persona
        self._refresh()

    def commit_pending(self) -> None:
        for form in self.forms.values():
            form.flush()

    def _refresh(self) -> None:
        self.ids = [i for i in self.ids if i in self.journey]
        element = self.element_id
        if element is None:
            for form in self.forms.values():
                form.bind(None)
            if self.ids:
                self.heading.setText(tr("%n elements selected").replace(
                    "%n", str(len(self.ids))))
                self.many_label.setText(tr("Select one element to edit its properties."))
                self._show_page(self.many_label)
            else:
                title = self.journey.document["title"] or tr("Untitled map")
                self.heading.setText(title)
                self._show_page(self.pages.widget(0))
            self.subheading.setVisible(False)
            return
        kind = self.journey.kind_of(element)
        form = self.forms.get(kind)
        self.heading.setText(kind_label(kind))
        self._set_subheading(element, kind)
        if form is None:  # personas are edited in their own panel
            self._show_page(self.pages.widget(0))
            return
        for other in self.forms.values():
            if other is not form:
                other.bind(None)
        if kind == S.TOUCHPOINT:
            self._show_persona_row(form)
        form.bind(element)
        self._show_page(form)

    def _show_page(self, page: QWidget) -> None:
        # A stack is as wide as its widest page; hidden pages must not widen the panel.
        for index in range(self.pages.count()):
            other = self.pages.widget(index)
            policy = QSizePolicy.Preferred if other is page else QSizePolicy.Ignored
            other.setSizePolicy(policy, policy)
        self.pages.setCurrentWidget(page)

    def _set_subheading(self, element: str, kind: str) -> None:
        text = ""
        if kind == S.NOTE:
            target = self.journey.target_of(element)
            about = self.journey.title(target) if target else tr("the whole map")
            text = ours(tr("About: %1").replace("%1", isolate(about or tr("(untitled)"))))
            cited = len(self.journey.cited_items(element))
            if cited:  # the evidence, counted: the items the note was made from
                text += "\n" + tr("Customers who wrote about this: %n", None, cited)
        elif kind == S.TOUCHPOINT:
            count, nps = touchpoint_badge(self.journey, element)
            if count:
                text = tr("Feedback items: %n", None, count)
                if nps is not None:
                    text += " · " + tr("NPS %1").replace("%1", f"{nps:+.0f}")
        self.subheading.setText(text)
        self.subheading.setVisible(bool(text))

    def _show_persona_row(self, form: Form) -> None:
        shown = self.persona != S.GENERAL and self.persona in self.journey
        form.form_layout.setRowVisible(self.persona_emotion, shown)
        if shown:
            label = form.form_layout.labelForField(self.persona_emotion)
            name = self.journey.title(self.persona) or tr("(unnamed persona)")
            label.setToolTip(name)
            short = name if len(name) <= 14 else name[:13].rstrip(" ,") + "…"
            label.setText(ours(tr("For %1:").replace("%1", isolate(short))))

    def _on_journey_changed(self, event: Event) -> None:
        if self.persona != S.GENERAL and self.persona not in self.journey:
            self.persona = S.GENERAL
        if self._concerns_me(event.change):
            self._refresh()

    def _concerns_me(self, change) -> bool:
        """Whether an edit changes what the inspector shows: the selected elements,
        or for a touchpoint its stage list, or the map's title and direction.  O(ops):
        an edit elsewhere on a map of thousands of elements costs nothing here."""
        shown = set(self.ids)
        if self.persona != S.GENERAL:
            shown.add(self.persona)  # its name labels the persona's emotion row
        element = self.element_id
        kind = self.journey.kind_of(element) if element in self.journey else None
        touchpoint = kind == S.TOUCHPOINT
        if kind == S.NOTE:
            shown.add(self.journey.target_of(element))  # "About: <its title>"
        for op in change.ops:
            if isinstance(op, (SetDocument, SetStageOrder)):
                return True
            node = getattr(op, "id", None)
            if node is not None:
                if node in shown or (touchpoint and op.kind == S.STAGE):
                    return True
            elif op.source in shown or op.target in shown:
                return True
        return False
