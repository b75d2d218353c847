"""Hypothesis strategies that build valid journey documents through the model API."""

from __future__ import annotations

from hypothesis import strategies as st

from cxdesigner.model import JourneyMap
from cxdesigner.model import schema as S

LONG = "ל" * 5_000 + "x" * 5_000  # 10,000 characters, Hebrew then Latin

texts = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.sampled_from(["מסע לקוח", "שלום world 123", "🥐🎂 emoji", "a\u0301\u0327", "", LONG,
                     "=SUM(A1)", "line\nbreak", "\u202eRTL override"]),
)
scores = st.none() | st.integers(S.SCORE_MIN, S.SCORE_MAX)
emotions = st.integers(S.EMOTION_MIN, S.EMOTION_MAX)


@st.composite
def journeys(draw, max_stages: int = 4, max_touchpoints: int = 8) -> JourneyMap:
    j = JourneyMap()
    j.set_document(title=draw(texts), client=draw(texts), goal=draw(texts),
                   language=draw(st.sampled_from(S.LANGUAGES)),
                   direction=draw(st.sampled_from(S.DIRECTIONS)),
                   scoring_method=draw(st.sampled_from(S.SCORING_METHODS)))
    personas = [j.add_persona(draw(texts), draw(st.sampled_from(S.PERSONA_KINDS)),
                              description=draw(texts)).id
                for _ in range(draw(st.integers(0, 3)))]
    stages = [j.add_stage(draw(texts), description=draw(texts)).id
              for _ in range(draw(st.integers(1, max_stages)))]
    tps: list[str] = []
    for _ in range(draw(st.integers(0, max_touchpoints))):
        table = {p: draw(emotions) for p in personas if draw(st.booleans())}
        if draw(st.booleans()):
            table[S.GENERAL] = draw(emotions)
        tp = j.add_touchpoint(
            draw(st.sampled_from(stages)), draw(texts),
            flow_from=tps[-1] if tps and draw(st.booleans()) else None,
            channel=draw(st.sampled_from(S.CHANNELS)), mode=draw(st.sampled_from(S.MODES)),
            x=draw(st.floats(-1e4, 1e4, allow_nan=False)), y=draw(st.integers(-500, 500)),
            emotions=table, nps=draw(st.none() | st.integers(-100, 100)),
            csat=draw(st.none() | st.floats(0, 100)), kpi=draw(texts), evidence=draw(texts)).id
        tps.append(tp)
    notes = []
    for _ in range(draw(st.integers(0, 6))):
        on = draw(st.sampled_from([None, *stages, *tps]))
        notes.append(j.add_note(draw(st.sampled_from(S.NOTE_KINDS)), draw(texts), on,
                                evidence=draw(texts), impact=draw(scores), effort=draw(scores),
                                reach=draw(scores), confidence=draw(scores),
                                votes=draw(st.integers(0, 50))).id)
    actions: list[str] = []
    for _ in range(draw(st.integers(0, 5))):
        parent = draw(st.sampled_from([None, *actions]))
        addresses = draw(st.lists(st.sampled_from(notes), max_size=2)) if notes else []
        actions.append(j.add_action(
            draw(texts), parent, addresses=addresses, owner=draw(texts),
            due=draw(st.none() | st.dates().map(lambda d: d.isoformat())),
            status=draw(st.sampled_from(S.ACTION_STATUSES)),
            review_months=draw(st.integers(1, 12))).id)
    if personas and tps and draw(st.booleans()):
        j.assign_persona(draw(st.sampled_from(tps)), draw(st.sampled_from(personas)))
    return j
