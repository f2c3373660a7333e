"""Tags on contacts: the checks (each naming its field), one tag per name whatever its case
or ё, counts, a contact's tags, and the filters of Contacts and Orders."""

from __future__ import annotations

import pytest
from sqlalchemy import event, func, select

from models import Contact, ContactTag, Order, Tag
from services import order_list
from services.errors import NotFound, ValidationError
from services.order_list import OrderFilter, OrderQuery, list_orders, order_groups
from services.segments import contact_list
from services.tags import (
    PALETTE,
    TagEntry,
    check_colour,
    contact_tags,
    create_tag,
    delete_tag,
    find_or_create_tags,
    list_tags,
    order_tag_condition,
    save_tags,
    set_contact_tags,
    tag_condition,
    tagged_share,
    update_tag,
)
from services.uow import UnitOfWork
from tests.conftest import TODAY, customer


def tag_contacts(db, contact_id: int, *tag_ids: int) -> None:
    with UnitOfWork(db) as uow:
        set_contact_tags(uow.session, contact_id, tag_ids)
        uow.commit()


def codes(error: ValidationError) -> list[tuple[str, str | None, tuple]]:
    return [(p.field, p.code, p.params) for p in error.problems]


# --- checks ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["", "   ", "\u00a0\t"])
def test_a_tag_without_a_name_is_refused_naming_the_field(db, name):
    with pytest.raises(ValidationError) as refused:
        create_tag(db, name)
    assert codes(refused.value) == [("name", "name.required", ("Tag",))]
    assert str(refused.value) == "Tag is required."
    assert list_tags(db) == []


def test_a_name_too_long_and_a_wrong_colour_are_said_together(db):
    with pytest.raises(ValidationError) as refused:
        create_tag(db, "x" * 61, "red")
    assert codes(refused.value) == [
        ("name", "name.too_long", ("Tag", "60", "61")),
        ("colour", "tag.colour_invalid", ("red",)),
    ]
    assert list_tags(db) == []


@pytest.mark.parametrize("typed", ["#12345", "#1234567", "123456", "#12345g", "#fff"])
def test_a_colour_must_be_six_hex_digits(typed):
    with pytest.raises(ValidationError) as refused:
        check_colour(typed)
    assert codes(refused.value) == [("colour", "tag.colour_invalid", (typed,))]


def test_a_colour_in_capitals_is_kept_in_lower_case(db):
    tag = create_tag(db, "VIP", " #2E7D32 ")
    assert tag.colour == "#2e7d32"
    assert list_tags(db)[0].colour == "#2e7d32"


@pytest.mark.parametrize("again", ["vip", "  VIP ", "Vip"])
def test_a_name_is_taken_whatever_its_case(db, again):
    create_tag(db, "VIP")
    with pytest.raises(ValidationError) as refused:
        create_tag(db, again)
    assert codes(refused.value) == [("name", "tag.taken", ("VIP",))]
    assert str(refused.value) == "Tag 'VIP' already exists."
    assert [t.name for t in list_tags(db)] == ["VIP"]


def test_a_name_is_taken_whatever_its_yo(db):
    create_tag(db, "Ёлки")
    with pytest.raises(ValidationError) as refused:
        create_tag(db, "елки")
    assert codes(refused.value) == [("name", "tag.taken", ("Ёлки",))]


def test_a_tag_renamed_to_another_tags_name_is_refused_and_kept(db):
    opt, vip = create_tag(db, "опт"), create_tag(db, "VIP")
    with pytest.raises(ValidationError) as refused:
        update_tag(db, vip.id, "ОПТ", None)
    assert codes(refused.value) == [("name", "tag.taken", ("опт",))]
    assert [t.name for t in list_tags(db)] == ["VIP", "опт"]
    # a tag may change its own case
    assert update_tag(db, opt.id, "Опт", "#000000").name == "Опт"


def test_new_tags_take_the_palettes_colours_in_turn(db):
    made = [create_tag(db, f"tag {n:02d}").colour for n in range(12)]
    assert made[:10] == list(PALETTE)
    assert len(set(PALETTE)) == 10
    assert made[10:] == [PALETTE[0], PALETTE[1]]  # rotates by how many tags exist


def test_a_new_tag_keeps_clear_of_the_colours_tags_have(db):
    create_tag(db, "свой синий", "#1565c0")  # close to the palette's blue
    create_tag(db, "зелёный", PALETTE[1])
    assert create_tag(db, "третий").colour == PALETTE[2]
    assert create_tag(db, "четвёртый").colour == PALETTE[3]
    create_tag(db, "ещё", PALETTE[5])
    # the rotation stands at the sixth (five tags), which is taken: the next free one
    assert create_tag(db, "шестой").colour == PALETTE[6]
    with UnitOfWork(db) as uow:
        made = find_or_create_tags(uow.session, ["седьмой", "восьмой", "девятый", "десятый"])
        uow.commit()
    # … and round the palette past the blue (a close colour has it) to the one left, purple
    assert [t.colour for t in made] == [PALETTE[7], PALETTE[8], PALETTE[9], PALETTE[4]]


def test_updating_a_tag_that_is_gone_says_so(db):
    with pytest.raises(NotFound) as missing:
        update_tag(db, 99, "VIP", None)
    assert missing.value.code == "tag.not_found"
    with pytest.raises(NotFound):
        delete_tag(db, 99)


# --- counts, a contact's tags, deleting -------------------------------------------------------
def test_counts_are_in_name_order_and_delete_takes_the_tag_off_its_contacts(db):
    igor, anna, oleg = (customer(db, name) for name in ("Игорь", "Анна", "Олег"))
    vip, opt, tver = (create_tag(db, name).id for name in ("VIP", "опт", "Тверь"))
    tag_contacts(db, igor, vip, opt)
    tag_contacts(db, anna, opt)
    assert [(t.name, t.contact_count) for t in list_tags(db)] == [
        ("VIP", 1),
        ("опт", 2),
        ("Тверь", 0),
    ]
    delete_tag(db, opt)
    assert [(t.name, t.contact_count) for t in list_tags(db)] == [("VIP", 1), ("Тверь", 0)]
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(ContactTag)) == 1
        found = contact_tags(session, [igor, anna, oleg])
    assert {cid: [t.name for t in tags] for cid, tags in found.items()} == {
        igor: ["VIP"],
        anna: [],
        oleg: [],
    }
    assert tver


def test_set_contact_tags_replaces_them_and_refuses_an_unknown_tag(db):
    igor = customer(db, "Игорь")
    vip, opt, tver = (create_tag(db, name).id for name in ("VIP", "опт", "Тверь"))
    tag_contacts(db, igor, tver, vip, vip)
    tag_contacts(db, igor, opt, tver)
    with db.session() as session:
        assert [t.name for t in contact_tags(session, [igor])[igor]] == ["опт", "Тверь"]
    with pytest.raises(ValidationError) as refused:
        tag_contacts(db, igor, vip, 404)
    assert codes(refused.value) == [("tags", "tag.not_found", ("404",))]
    with db.session() as session:  # nothing changed
        assert [t.name for t in contact_tags(session, [igor])[igor]] == ["опт", "Тверь"]
    tag_contacts(db, igor)
    with db.session() as session:
        assert contact_tags(session, [igor]) == {igor: []}
    with pytest.raises(NotFound), UnitOfWork(db) as uow:
        set_contact_tags(uow.session, 999, [vip])


def test_contact_tags_reads_many_contacts_in_one_query(db):
    ids = [customer(db, f"Клиент {n}") for n in range(5)]
    vip = create_tag(db, "VIP").id
    for contact_id in ids[::2]:
        tag_contacts(db, contact_id, vip)
    statements = []

    def count(_conn, _cursor, statement, *_args):
        if not statement.strip().upper().startswith("BEGIN"):  # the engine's own bracket
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        with db.session() as session:
            found = contact_tags(session, ids)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(statements) == 1
    assert {cid: [t.name for t in tags] for cid, tags in found.items()} == {
        ids[0]: ["VIP"],
        ids[1]: [],
        ids[2]: ["VIP"],
        ids[3]: [],
        ids[4]: ["VIP"],
    }


def test_find_or_create_tags_reuses_a_tag_whatever_its_case_and_makes_the_new_ones(db):
    create_tag(db, "Ёлки")
    with UnitOfWork(db) as uow:
        found = find_or_create_tags(uow.session, ["елки", " опт ", "ОПТ", "Новый"])
        uow.commit()
    assert [t.name for t in found] == ["Ёлки", "опт", "Новый"]
    assert [t.colour for t in found[1:]] == [PALETTE[1], PALETTE[2]]
    assert sorted(t.name for t in list_tags(db)) == ["Ёлки", "Новый", "опт"]
    with pytest.raises(ValidationError) as refused, UnitOfWork(db) as uow:
        find_or_create_tags(uow.session, ["ok", "  "])
    assert codes(refused.value) == [("tags", "name.required", ("Tag",))]


# --- Settings → Tags in one go ----------------------------------------------------------------
def test_save_tags_renames_swaps_adds_and_deletes_in_one_transaction(db):
    igor = customer(db, "Игорь")
    a, b, c = (create_tag(db, name) for name in ("A", "B", "C"))
    tag_contacts(db, igor, a.id, c.id)
    save_tags(
        db,
        [TagEntry(a.id, "B", "#FFFFFF"), TagEntry(b.id, "A"), TagEntry(None, " D ")],
        deleted=[c.id],
    )
    tags = {t.name: t for t in list_tags(db)}
    assert sorted(tags) == ["A", "B", "D"]
    assert tags["B"].id == a.id and tags["B"].colour == "#ffffff"
    assert tags["A"].id == b.id and tags["A"].colour == b.colour
    assert tags["D"].colour == PALETTE[2]  # two tags were left when it was added
    assert tags["B"].contact_count == 1  # igor keeps the renamed tag, loses the deleted one


def test_save_tags_says_every_problem_with_its_row_and_writes_nothing(db):
    a = create_tag(db, "A")
    create_tag(db, "Made on a card")  # not on the page
    with pytest.raises(ValidationError) as refused:
        save_tags(
            db,
            [
                TagEntry(a.id, ""),
                TagEntry(None, "x", "blue"),
                TagEntry(None, "X"),
                TagEntry(None, "made on a CARD"),
                TagEntry(77, "Z"),
            ],
            deleted=[],
        )
    assert [(p.line, p.field, p.code) for p in refused.value.problems] == [
        (1, "name", "name.required"),
        (2, "colour", "tag.colour_invalid"),
        (3, "name", "tag.taken"),
        (4, "name", "tag.taken"),
        (5, "id", "tag.not_found"),
    ]
    assert [t.name for t in list_tags(db)] == ["A", "Made on a card"]


# --- filters --------------------------------------------------------------------------------
@pytest.fixture
def tagged(db, shop):
    """VIP: Igor1; опт: Igor2 and Anna; Тверь: nobody."""
    vip, opt, tver = (create_tag(db, name).id for name in ("VIP", "опт", "Тверь"))
    tag_contacts(db, shop.igor1, vip)
    tag_contacts(db, shop.igor2, opt)
    tag_contacts(db, shop.anna, opt)
    return {"vip": vip, "opt": opt, "tver": tver}


def test_tag_condition_keeps_exactly_the_contacts_with_any_of_the_tags(db, shop, tagged):
    lone = customer(db, "Без меток")
    with db.session() as session:

        def having(*tag_ids):
            query = select(Contact.id).where(tag_condition(tag_ids))
            return set(session.scalars(query))

        assert having(tagged["vip"]) == {shop.igor1}
        assert having(tagged["opt"]) == {shop.igor2, shop.anna}
        assert having(tagged["vip"], tagged["opt"]) == {shop.igor1, shop.igor2, shop.anna}
        assert having(tagged["tver"]) == set()
        assert having() == set()
    assert lone


def test_the_contacts_list_filters_by_tag(db, shop, tagged):
    customer(db, "Анна без меток")
    listed = contact_list(db, TODAY, tag_ids=(tagged["opt"],))
    assert sorted(c.contact_id for c in listed) == sorted([shop.igor2, shop.anna])
    listed = contact_list(db, TODAY, text="анна", tag_ids=[tagged["opt"], tagged["vip"]])
    assert [c.contact_id for c in listed] == [shop.anna]
    assert contact_list(db, TODAY, tag_ids=[tagged["tver"]]) == []
    assert len(contact_list(db, TODAY)) == 4  # no tags chosen: everyone


def test_order_tag_condition_keeps_the_orders_of_tagged_customers(db, shop, tagged):
    with db.session() as session:
        query = select(Order.id).where(order_tag_condition([tagged["opt"]]))
        assert set(session.scalars(query)) == {shop.o2, shop.o3, shop.o4, shop.o5, shop.o6}


def test_the_order_grid_filters_by_tag_and_shows_the_customers_tags(db, shop, tagged):
    page = list_orders(db, OrderQuery(OrderFilter(tag_ids=(tagged["vip"],)), today=TODAY))
    assert [row.id for row in page.rows] == [shop.o1]
    assert page.total == 1
    assert [t.name for t in page.rows[0].tags] == ["VIP"]
    page = list_orders(db, OrderQuery(OrderFilter(tag_ids=(tagged["opt"],)), today=TODAY))
    assert sorted(row.id for row in page.rows) == sorted(
        [shop.o2, shop.o3, shop.o4, shop.o5, shop.o6]
    )
    assert all([t.name for t in row.tags] == ["опт"] for row in page.rows)
    everyone = list_orders(db, OrderQuery(today=TODAY))
    assert everyone.total == 6
    # groups by contact of the опт customers: Igor2 (O2 0 + O3 2400) and Anna (O5 2000 + O6
    # 500; O4 cancelled is counted apart)
    groups = order_groups(db, "contact", OrderFilter(tag_ids=(tagged["opt"],)))
    assert {(g.key, g.orders, g.cancelled, str(g.figures.amount)) for g in groups} == {
        (str(shop.igor2), 2, 0, "7400.00"),
        (str(shop.anna), 2, 1, "2500.00"),
    }


def test_tags_removed_with_their_contact(db):
    igor = customer(db, "Игорь")
    vip = create_tag(db, "VIP").id
    tag_contacts(db, igor, vip)
    with UnitOfWork(db) as uow:
        uow.session.delete(uow.session.get(Contact, igor))
        uow.commit()
    assert list_tags(db)[0].contact_count == 0
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Tag)) == 1


@pytest.mark.parametrize("sort", ["number", "date", "amount", "profit", "margin", "contact"])
def test_a_common_tag_gives_the_same_page_walked_by_the_sorts_index(
    db, shop, tagged, sort, monkeypatch
):
    """The grid reads a common tag's orders by walking the sort's index (order_list's
    COMMON_TAGS): the same orders, in the same order, as read off the customers' index."""

    def page(share: float):
        monkeypatch.setattr(order_list, "COMMON_TAGS", share)
        query = OrderQuery(OrderFilter(tag_ids=(tagged["opt"],)), sort=sort, limit=3, today=TODAY)
        found = list_orders(db, query)
        return [row.id for row in found.rows], found.total

    walked, indexed = page(0.0), page(2.0)
    assert walked == indexed
    assert walked[1] == 5 and len(walked[0]) == 3


def test_tagged_share_is_the_part_of_the_contacts_carrying_any_of_the_tags(db, shop, tagged):
    with db.session() as session:
        assert tagged_share(session, [tagged["opt"]]) == pytest.approx(2 / 3)
        assert tagged_share(session, [tagged["opt"], tagged["vip"]]) == pytest.approx(1)
        assert tagged_share(session, [tagged["tver"]]) == 0
        assert tagged_share(session, []) == 0
