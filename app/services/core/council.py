"""The council profile: who this database belongs to; edited in the setup dialog and Settings."""

from __future__ import annotations

import io
from dataclasses import dataclass
from urllib.parse import urlparse

from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models.core import CouncilProfile, User
from app.errors import NotFoundError, ValidationError
from app.services.core import audit
from app.services.core.auth import Actor, Permission, Role, require
from app.services.core.records import check_version

MAX_LOGO_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class CouncilProfileData:
    """What the clerk types in; validated by :func:`validate_profile`."""

    hromada_name: str
    council_name: str
    convocation: int
    composition: int
    address: str = ""
    website: str = ""
    logo: bytes | None = None


@dataclass(frozen=True)
class CouncilProfileView(CouncilProfileData):
    id: int = 0
    version: int = 0
    logo_mime: str = ""


def _image_mime(data: bytes) -> str | None:
    """MIME type from the file's magic bytes (PNG, JPEG, GIF), or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    return None


def sniff_image(data: bytes) -> str:
    """MIME type of a PNG/JPEG/GIF image, or raise: a logo must really be an image."""
    mime = _image_mime(data)
    if mime is None:
        raise ValidationError(
            "Файл логотипа не є зображенням PNG, JPEG чи GIF.", "The logo file is not a PNG, JPEG or GIF image."
        )
    try:
        from reportlab.lib.utils import ImageReader

        ImageReader(io.BytesIO(data)).getSize()
    except Exception as exc:  # reportlab/PIL raise many kinds for broken images
        raise ValidationError(
            "Файл логотипа пошкоджено: його не вдається прочитати як зображення.",
            "The logo file is damaged and cannot be read as an image.",
        ) from exc
    return mime


def validate_profile(data: CouncilProfileData) -> CouncilProfileData:
    problems: list[str] = []
    hromada = " ".join(data.hromada_name.split())
    council = " ".join(data.council_name.split())
    if not hromada:
        problems.append("Вкажіть назву громади.")
    if not council:
        problems.append("Вкажіть назву ради.")
    if not 1 <= data.convocation <= 99:
        problems.append("Номер скликання має бути від 1 до 99.")
    if not 1 <= data.composition <= 200:
        problems.append("Загальний склад ради має бути від 1 до 200 депутатів.")
    website = data.website.strip()
    if website:
        if "://" not in website:
            website = "https://" + website
        parsed = urlparse(website)
        if parsed.scheme not in ("http", "https") or "." not in parsed.netloc:
            problems.append(f"Адреса сайту «{data.website.strip()}» неправильна.")
    if data.logo is not None:
        if len(data.logo) > MAX_LOGO_BYTES:
            problems.append("Логотип завеликий (понад 2 МБ).")
        else:
            try:
                sniff_image(data.logo)
            except ValidationError as exc:
                problems.append(exc.message)
    if problems:
        raise ValidationError(" ".join(problems))
    return CouncilProfileData(
        hromada_name=hromada,
        council_name=council,
        convocation=data.convocation,
        composition=data.composition,
        address=data.address.strip(),
        website=website,
        logo=data.logo,
    )


def _view(p: CouncilProfile) -> CouncilProfileView:
    return CouncilProfileView(
        hromada_name=p.hromada_name,
        council_name=p.council_name,
        convocation=p.convocation,
        composition=p.composition,
        address=p.address,
        website=p.website,
        logo=p.logo,
        id=p.id,
        version=p.version,
        logo_mime=p.logo_mime,
    )


def get_profile(db: Database) -> CouncilProfileView | None:
    with db.read() as s:
        p = s.execute(select(CouncilProfile).order_by(CouncilProfile.id).limit(1)).scalar_one_or_none()
        return _view(p) if p else None


def require_profile(db: Database) -> CouncilProfileView:
    profile = get_profile(db)
    if profile is None:
        raise NotFoundError(
            "Профіль ради ще не заповнено: відкрийте програму і пройдіть початкове налаштування.",
            "The council profile is not set up yet: open the app and complete the first-run setup.",
        )
    return profile


def needs_setup(db: Database) -> bool:
    return get_profile(db) is None


def setup_council(
    db: Database, data: CouncilProfileData, admin_username: str = "admin", admin_full_name: str = "",
    password_hash: str | None = None,
) -> tuple[CouncilProfileView, Actor]:
    """First-run setup: the profile and the administrator account, in one transaction."""
    clean = validate_profile(data)
    username = admin_username.strip()
    if not username:
        raise ValidationError("Вкажіть ім’я користувача адміністратора.")
    with db.write() as s:
        if s.execute(select(func.count(CouncilProfile.id))).scalar_one():
            raise ValidationError("Профіль ради вже створено; змініть його в Налаштуваннях.")
        user = s.execute(select(User).where(User.username == username)).scalar_one_or_none()
        if user is None:
            user = User(username=username, full_name=admin_full_name.strip(), role=Role.ADMIN.value,
                        password_hash=password_hash)
            s.add(user)
            s.flush()
        actor = Actor(user.id, user.username, Role(user.role), user.full_name)
        audit.record_object(s, actor, audit.Action.CREATE, user, summary=f"Адміністратор «{username}»",
                            exclude=("password_hash",))
        profile = CouncilProfile(**_columns(clean))
        s.add(profile)
        s.flush()
        audit.record_object(s, actor, audit.Action.CREATE, profile, summary=clean.council_name)
        return _view(profile), actor


def _columns(data: CouncilProfileData) -> dict[str, object]:
    return {
        "hromada_name": data.hromada_name,
        "council_name": data.council_name,
        "convocation": data.convocation,
        "composition": data.composition,
        "address": data.address,
        "website": data.website,
        "logo": data.logo,
        "logo_mime": (_image_mime(data.logo) or "") if data.logo else "",  # decoded once, in validate_profile
    }


def update_profile(db: Database, actor: Actor, data: CouncilProfileData, expected_version: int) -> CouncilProfileView:
    """Save the edited profile; refused if someone saved it since ``expected_version``."""
    require(actor, Permission.MANAGE_SETTINGS)
    clean = validate_profile(data)
    with db.write() as s:
        profile = s.execute(select(CouncilProfile).order_by(CouncilProfile.id).limit(1)).scalar_one_or_none()
        if profile is None:
            raise NotFoundError("Профіль ради не знайдено.")
        check_version(profile, expected_version, "Профіль ради")
        before = audit.snapshot(profile)
        for key, value in _columns(clean).items():
            setattr(profile, key, value)
        s.flush()
        changes = audit.diff(before, audit.snapshot(profile))
        if changes:
            audit.record_object(s, actor, audit.Action.UPDATE, profile, changes=changes, summary=clean.council_name)
        return _view(profile)
