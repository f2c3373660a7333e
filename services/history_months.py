"""The compacted months of the change log: entries older than the months kept lose their row
details and are packed a month to a row (a zlib-compressed JSON list), so that a busy
seller's log stays a small part of the file (bench: history_bench size report). Nothing is
dropped: a packed entry keeps its time, name, counts and subjects and is listed like any
other; it can no longer be undone.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from collections.abc import Iterator
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.history import ChangeEntry, ChangeMonth, ChangeOpen, ChangeRow

# A packed entry: [id, at, code, params (list or None), contact_id, order_id, rows, reverts,
# reverted_by] as JSON keeps it; newest first wherever a list of them is returned.
Packed = list[Any]
_CHUNK = 500


def month_of(at: int) -> int:
    """The local month of a time in seconds, as 202612."""
    moment = dt.datetime.fromtimestamp(at)
    return moment.year * 100 + moment.month


def _unpack(blob: bytes) -> list[Packed]:
    entries: list[Packed] = json.loads(zlib.decompress(blob))
    return entries


def _pack(entries: list[Packed]) -> bytes:
    text = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode(), 9)


def pack_before(session: Session, before: int) -> int:
    """Pack every entry older than `before` (seconds) into its month, but the one being
    written; how many were packed."""
    rows = session.execute(
        select(
            ChangeEntry.id,
            ChangeEntry.at,
            ChangeEntry.code,
            ChangeEntry.params,
            ChangeEntry.contact_id,
            ChangeEntry.order_id,
            ChangeEntry.rows,
            ChangeEntry.reverts,
            ChangeEntry.reverted_by,
        )
        .where(ChangeEntry.at < before, ChangeEntry.id.not_in(select(ChangeOpen.id)))
        .order_by(ChangeEntry.id)
    ).all()
    by_month: dict[int, list[Packed]] = {}
    for entry_id, at, code, params, *rest in rows:
        packed = [entry_id, at, code, json.loads(params) if params else None, *rest]
        by_month.setdefault(month_of(at), []).append(packed)
    for month, entries in by_month.items():
        stored = session.get(ChangeMonth, month)
        if stored is not None:
            entries = _unpack(stored.entries) + entries
            session.delete(stored)
            session.flush()
        entries.sort(key=lambda packed: packed[0])
        session.add(
            ChangeMonth(
                month=month,
                first_id=entries[0][0],
                last_id=entries[-1][0],
                count=len(entries),
                entries=_pack(entries),
            )
        )
    ids = [row[0] for row in rows]
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        session.execute(delete(ChangeRow).where(ChangeRow.change_id.in_(chunk)))
        session.execute(delete(ChangeEntry).where(ChangeEntry.id.in_(chunk)))
    session.flush()
    return len(ids)


def packed_entries(
    session: Session, since: int | None = None, until: int | None = None
) -> Iterator[Packed]:
    """The packed entries with `since` ≤ at < `until` (seconds; None: no bound), newest
    first."""
    query = select(ChangeMonth).order_by(ChangeMonth.month.desc())
    if since is not None:
        query = query.where(ChangeMonth.month >= month_of(since))
    if until is not None:
        query = query.where(ChangeMonth.month <= month_of(until))
    for stored in session.scalars(query):
        for packed in reversed(_unpack(stored.entries)):
            at = packed[1]
            if (since is None or at >= since) and (until is None or at < until):
                yield packed


def find_packed(session: Session, entry_id: int) -> Packed | None:
    months = session.scalars(
        select(ChangeMonth).where(ChangeMonth.first_id <= entry_id, ChangeMonth.last_id >= entry_id)
    )
    for stored in months:  # one, unless the clock went back across a month's end
        for packed in _unpack(stored.entries):
            if packed[0] == entry_id:
                return packed
    return None
