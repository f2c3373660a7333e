"""The seller's details on documents (Settings → Business): kept as settings, with the
database, so a backup carries them; checked where a checksum exists (INN, KPP and OGRN(IP),
BIK with both accounts) and saved all at once or not at all.

The logo and the stamp-with-signature are kept as base64 text in the same settings table
(a few hundred kilobytes at most), so they too travel with a backup and a restore.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import asdict, fields, replace

from sqlalchemy.orm import Session

from services import choices
from services.bank_details import check_bank_details
from services.contacts import check_email
from services.documents.content import DocumentImages, SellerDetails
from services.errors import Problem, ValidationError
from services.messages import Label
from services.storage import Database
from services.tax_ids import check_registration_ids, check_tax_id
from services.uow import UnitOfWork
from services.values import clean_text

PREFIX = "seller."
IMAGE_KEYS = ("logo", "stamp")
IMAGE_MAX_KB = 512
TEXT_MAX = 500  # a name, an address, a bank's name
FOOTER_MAX = 2000
_LABELS = {"logo": Label("Logo"), "stamp": Label("Stamp and signature")}
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


def seller_details(session: Session) -> SellerDetails:
    """What Settings → Business keeps; blank fields for what was never entered."""
    texts: dict[str, str] = {}
    vat_rate: int | None = None
    for field in fields(SellerDetails):
        stored = choices.setting(session, PREFIX + field.name)
        if field.name == "vat_rate":
            vat_rate = int(stored) if stored and stored.isdigit() else None
        else:
            texts[field.name] = stored or ""
    return SellerDetails(vat_rate=vat_rate, **texts)


def seller_images(session: Session) -> DocumentImages:
    found: dict[str, bytes | None] = {}
    for key in IMAGE_KEYS:
        stored = choices.setting(session, PREFIX + key)
        try:
            found[key] = base64.b64decode(stored, validate=True) if stored else None
        except (binascii.Error, ValueError):
            found[key] = None  # a damaged value draws nothing rather than failing a document
    return DocumentImages(**found)


def load_seller(database: Database) -> tuple[SellerDetails, DocumentImages]:
    with database.session() as session:
        return seller_details(session), seller_images(session)


def save_seller(
    database: Database,
    details: SellerDetails,
    images: DocumentImages | None = None,
    *,
    vat_rate: str | None = None,
) -> SellerDetails:
    """Check every field, then save them (and `images`, when given: None keeps the stored
    ones, an image of None removes it) in one transaction; on any problem nothing is saved
    and every problem is said, each at its field.

    `vat_rate`, when given, is the rate as typed ("20", "20 %", "" for without VAT) and
    replaces `details.vat_rate`."""
    with database.session() as session:
        region = choices.business_settings(session).phone_region
    result, checked_images, problems = checked_seller(details, images, region, vat_rate=vat_rate)
    if problems:
        raise ValidationError(problems)
    with UnitOfWork(database) as uow:
        put_seller(uow.session, result, checked_images)
        uow.commit()
    return result


def checked_seller(
    details: SellerDetails,
    images: DocumentImages | None,
    region: str,
    *,
    vat_rate: str | None = None,
) -> tuple[SellerDetails, DocumentImages | None, list[Problem]]:
    """The details as they would be stored (trimmed, spaces out of the numbers) and every
    problem with them, checked as a business in `region` (its phone region) checks them."""
    problems: list[Problem] = []
    cleaned: dict[str, str] = {}
    for field in fields(SellerDetails):
        if field.name == "vat_rate":
            continue
        limit = FOOTER_MAX if field.name in ("footer", "payment_terms") else TEXT_MAX
        try:
            cleaned[field.name] = clean_text(getattr(details, field.name), limit, field.name) or ""
        except ValidationError as error:
            problems.extend(error.problems)
            cleaned[field.name] = ""
    _check_ids(cleaned, region, problems)
    rate = _vat_rate(vat_rate, details.vat_rate, problems)
    checked_images = _images(images, problems)
    return SellerDetails(vat_rate=rate, **cleaned), checked_images, problems


def put_seller(
    session: Session, details: SellerDetails, images: DocumentImages | None = None
) -> None:
    """Write details already checked (and images, unless None) into the session's
    transaction: blank fields are removed rather than kept empty."""
    for name, value in asdict(details).items():
        stored = None if value in ("", None) else str(value)
        choices.put_setting(session, PREFIX + name, stored)
    if images is not None:
        for key in IMAGE_KEYS:
            data = getattr(images, key)
            encoded = base64.b64encode(data).decode("ascii") if data else None
            choices.put_setting(session, PREFIX + key, encoded)


def _check_ids(cleaned: dict[str, str], region: str, problems: list[Problem]) -> None:
    try:
        cleaned["tax_id"] = check_tax_id(cleaned["tax_id"], region) or ""
    except ValidationError as error:
        problems.extend(error.problems)
    found, cleaned["kpp"], cleaned["ogrn"] = check_registration_ids(
        cleaned["kpp"], cleaned["ogrn"], region
    )
    problems.extend(found)
    found, cleaned["bik"], cleaned["account"], cleaned["correspondent_account"] = (
        check_bank_details(
            cleaned["bik"], cleaned["account"], cleaned["correspondent_account"], region
        )
    )
    problems.extend(found)
    try:
        cleaned["email"] = check_email(cleaned["email"]) or ""
    except ValidationError as error:
        problems.extend(error.problems)


def _vat_rate(typed: str | None, given: int | None, problems: list[Problem]) -> int | None:
    text = str(given if given is not None else "") if typed is None else typed
    text = text.strip().rstrip("%").strip()
    if not text:
        return None
    if not (text.isdigit() and text.isascii()) or int(text) > 99:
        problems.append(Problem.of("vat_rate", "seller.vat_rate", str(typed)))
        return None
    return int(text)


def _images(images: DocumentImages | None, problems: list[Problem]) -> DocumentImages | None:
    if images is None:
        return None
    for key in IMAGE_KEYS:
        data = getattr(images, key)
        if data is None:
            continue
        if not (data.startswith(_PNG) or data.startswith(_JPEG)):
            problems.append(Problem.of(key, "seller.image_invalid", _LABELS[key]))
        elif len(data) > IMAGE_MAX_KB * 1024:
            problems.append(Problem.of(key, "seller.image_too_large", _LABELS[key], IMAGE_MAX_KB))
    return replace(images)
