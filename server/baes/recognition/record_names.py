"""Records that English names by what they record: "vaccination record", "service record".

"record" is a structure word ("the Patient record", "a Booking record" name a Patient and a
Booking), but after the name of an activity it is the noun the thing is called by: a vaccination
record, a service record, a training record. Those collocations are one name (VaccinationRecord),
unless the app already has an entity named by the first word alone ("add batch to the vaccination
record" of an app with Vaccination changes Vaccination).
"""

from __future__ import annotations

from collections.abc import Sequence

from baes.recognition.request_tokens import Known, Tok, joined

#: Activities whose record is called so in English ("service record", "medical record").
RECORDED_ACTIVITIES = frozenset(
    {"vaccination", "immunisation", "immunization", "service", "training", "maintenance", "medical", "dental", "health"}
    | {"criminal", "employment", "academic", "treatment"}
)
_RECORD = frozenset({"record", "records"})


def join_record_names(toks: Sequence[Tok], known: Known) -> list[Tok]:
    """``toks`` with each "<activity> record(s)" as one name token (see the module docstring)."""
    result: list[Tok] = []
    for tok in toks:
        before = result[-1] if result else None
        if (
            before is not None
            and tok.low in _RECORD
            and before.word
            and before.low in RECORDED_ACTIVITIES
            and not known.get(before.sing)
        ):
            result[-1] = joined([before, tok])
            continue
        result.append(tok)
    return result
