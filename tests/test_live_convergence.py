"""Peers editing one live map at once, syncing in random partitions, all end on the
same valid map, and no element anyone added and nobody removed is lost."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st
from pycrdt import Doc

from cxdesigner.fileformat import cxmap
from cxdesigner.live.binding import LiveBinding
from cxdesigner.live.ydoc import from_ydoc, to_ydoc
from cxdesigner.model import schema as S
from cxdesigner.model.changes import AddNode, RemoveNode
from cxdesigner.model.errors import ModelError
from cxdesigner.model.journey import JourneyMap


class Peer:
    def __init__(self, journey: JourneyMap, doc: Doc) -> None:
        self.journey, self.doc = journey, doc
        self.binding = LiveBinding(journey, doc)

    def receive_from(self, other: "Peer") -> None:
        self.binding.receive(other.doc.get_update(self.doc.get_state()))


def _peers(count: int) -> list[Peer]:
    first = JourneyMap()
    first.add_stage("Start")
    doc = Doc()
    to_ydoc(first, doc)
    peers = [Peer(first, doc)]
    for _ in range(count - 1):
        other = Doc()
        other.apply_update(doc.get_update())
        peers.append(Peer(from_ydoc(other), other))
    return peers


EDITS = ("add_stage", "move_stage", "remove_stage", "add_touchpoint", "move_touchpoint",
         "remove_touchpoint", "add_note", "attach_note", "add_action", "nest_action",
         "remove_action", "add_flow", "remove_flow", "rename", "emotion", "add_persona",
         "remove_persona", "votes")


def _edit(j: JourneyMap, what: str, pick) -> object:
    """One edit through the model's API; ``pick(seq)`` chooses an element (or None)."""
    stage, tp = pick(j.stages()), pick(j.ids(S.TOUCHPOINT))
    action, note = pick(j.ids(S.ACTION)), pick(j.ids(S.NOTE))
    persona = pick(j.ids(S.PERSONA))
    if what == "add_stage":
        return j.add_stage("New stage", pick(range(len(j.stages()) + 1)))
    if what == "move_stage" and stage:
        return j.move_stage(stage, pick(range(len(j.stages()))))
    if what == "remove_stage" and stage:
        others = [s for s in j.stages() if s != stage]
        return j.remove_stage(stage, pick(others + [None]))
    if what == "add_touchpoint" and stage:
        return j.add_touchpoint(stage, "Card", flow_from=pick(j.ids(S.TOUCHPOINT) + [None]))
    if what == "move_touchpoint" and tp and stage:
        return j.move_touchpoint(tp, float(pick(range(5))), 0.0, stage)
    if what == "remove_touchpoint" and tp:
        return j.remove_touchpoint(tp, bridge=bool(pick([True, False])))
    if what == "add_note":
        return j.add_note(pick(list(S.NOTE_KINDS)), "Note", pick([tp, stage, None]))
    if what == "attach_note" and note:
        return j.attach_note(note, pick([tp, stage, None]))
    if what == "add_action":
        return j.add_action("Do", pick([action, None]))
    if what == "nest_action" and action:
        return j.nest_action(action, pick(j.ids(S.ACTION) + [None]))
    if what == "remove_action" and action:
        return j.remove(action)
    if what == "add_flow" and tp:
        return j.add_flow(tp, pick(j.ids(S.TOUCHPOINT)))
    if what == "remove_flow" and j.flows():
        return j.remove_flow(*pick(j.flows()))
    if what == "rename":
        target = pick([stage, tp, note, action])
        return target and j.rename(target, f"Renamed {pick(range(3))}")
    if what == "emotion" and tp:
        return j.set_emotion(tp, pick([-2, 0, 2, None]), pick([S.GENERAL, persona or S.GENERAL]))
    if what == "add_persona":
        return j.add_persona("Someone")
    if what == "remove_persona" and persona:
        return j.remove(persona)
    if what == "votes" and note:
        return j.add_votes(note, 1)
    return None


def _canonical(j: JourneyMap) -> dict:
    return j.snapshot()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_peers_converge_on_one_valid_map_keeping_every_unremoved_element(data):
    peers = _peers(data.draw(st.integers(2, 5), label="peers"))
    added: set[str] = set()
    removed: set[str] = set()
    for _ in range(data.draw(st.integers(1, 25), label="steps")):
        if data.draw(st.booleans(), label="edit or sync"):
            peer = data.draw(st.sampled_from(peers), label="peer")
            what = data.draw(st.sampled_from(EDITS), label="edit")

            def pick(seq):
                seq = list(seq)
                return data.draw(st.sampled_from(seq)) if seq else None
            try:
                change = _edit(peer.journey, what, pick)
            except ModelError:
                continue
            for op in getattr(change, "ops", ()):
                if type(op) is AddNode:
                    added.add(op.id)
                elif type(op) is RemoveNode:
                    removed.add(op.id)
        else:
            a = data.draw(st.sampled_from(peers), label="from")
            b = data.draw(st.sampled_from(peers), label="to")
            if a is not b:
                b.receive_from(a)
    for _ in range(2):  # full sync: everyone hears everyone
        for a in peers:
            for b in peers:
                if a is not b:
                    b.receive_from(a)

    first = _canonical(peers[0].journey)
    for peer in peers:
        assert _canonical(peer.journey) == first
        assert _canonical(from_ydoc(peer.doc)) == first
    reloaded = cxmap.loads(cxmap.dumps(peers[0].journey))
    assert reloaded.problems == []
    assert _canonical(reloaded.journey) == first
    for peer in peers:
        assert added - removed <= set(peer.journey.graph.nodes)
