"""Password hashing with argon2id (argon2-cffi)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from app.errors import ValidationError

MIN_PASSWORD_LENGTH = 6

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


def validate_new_password(password: str, confirm: str | None = None) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"Пароль має містити щонайменше {MIN_PASSWORD_LENGTH} символів.",
            f"The password must have at least {MIN_PASSWORD_LENGTH} characters.",
        )
    if confirm is not None and confirm != password:
        raise ValidationError("Паролі не збігаються.", "The passwords do not match.")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)
