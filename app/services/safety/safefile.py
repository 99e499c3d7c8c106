"""Writing files that must never be left half-done, and the password-protected container.

Backups, exchange bundles and the open-data pack go to USB sticks that fill up, are
pulled out mid-write or are write-protected. :class:`AtomicFile` writes to a
``*.partial`` file beside the target, flushes it to the medium and only then renames it
into place; any failure removes the partial file and becomes a :class:`ServiceError`
that says what happened in plain words (:func:`os_error`).

The container (:func:`encrypt_stream` / :func:`decrypt_stream`) protects a backup or a
bundle with a password: AES-256-GCM from ``cryptography`` in 1 MiB chunks, the key
derived with scrypt. Each chunk's nonce carries its number and a "last chunk" flag and
the header is authenticated with every chunk, so a wrong password, an altered byte, a
reordered or a cut-off file are all refused.
"""

from __future__ import annotations

import base64
import errno
import json
import os
import secrets
import struct
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any, BinaryIO, Literal

from app.errors import ServiceError, ValidationError
from app.services.core.progress import ProgressCallback, report

Opener = Callable[[Path], BinaryIO]


def default_opener(path: Path) -> BinaryIO:
    """Create ``path`` for writing; fails if it exists (partial names are random)."""
    return open(path, "xb")  # noqa: SIM115 - closed by AtomicFile


# --------------------------------------------------------------------------- errors


def os_error(exc: BaseException, path: Path | str, what: str = "файл") -> ServiceError:
    """A clear Ukrainian refusal for an OS (or SQLite I/O) error while writing ``path``."""
    code = getattr(exc, "errno", None)
    text = str(exc).lower()
    place = str(path)
    if code is None:  # SQLite reports I/O trouble in words, not error numbers
        if "disk is full" in text or "no space" in text:
            code = errno.ENOSPC
        elif "readonly" in text or "read-only" in text:
            code = errno.EROFS
        elif "disk i/o error" in text:
            code = errno.EIO
    if code == errno.ENOSPC:
        return ServiceError(
            f"На носії для «{place}» закінчилося місце: {what} не записано. "
            "Звільніть місце або виберіть інший носій; база даних не змінилася.",
            f"The medium for «{place}» is full: the {what} was not written. The database is unchanged.",
        )
    if code == errno.EROFS:
        return ServiceError(
            f"Носій для «{place}» захищено від запису: {what} не записано. "
            "Зніміть захист (перемикач на флешці) або виберіть іншу папку; база даних не змінилася.",
            f"The medium for «{place}» is read-only: the {what} was not written. The database is unchanged.",
        )
    if code in (errno.EACCES, errno.EPERM):
        return ServiceError(
            f"Немає дозволу на запис у «{place}»: {what} не записано. Виберіть іншу папку; база даних не змінилася.",
            f"No permission to write «{place}»: the {what} was not written. The database is unchanged.",
        )
    if code in (errno.ENOENT, errno.ENOTDIR):
        return ServiceError(
            f"Папки для «{place}» не існує (або це не папка): {what} не записано. "
            "Можливо, флешку від’єднано; база даних не змінилася.",
            f"The folder for «{place}» does not exist: the {what} was not written. The database is unchanged.",
        )
    if code == errno.EIO:
        return ServiceError(
            f"Помилка введення-виведення на носії «{place}» (флешку від’єднано або вона пошкоджена): "
            f"{what} не записано; база даних не змінилася.",
            f"I/O error on «{place}»: the {what} was not written. The database is unchanged.",
        )
    detail = getattr(exc, "strerror", None) or str(exc)
    return ServiceError(
        f"Не вдалося записати «{place}»: {detail}. {what.capitalize()} не записано; база даних не змінилася.",
        f"Could not write «{place}»: {detail}. The database is unchanged.",
    )


# --------------------------------------------------------------------------- atomic writes


class AtomicFile:
    """``with AtomicFile(target) as fh: fh.write(...)`` — all of the file or none of it.

    The data goes to ``<target>.partial-XXXX``; on a clean exit it is flushed, fsynced and
    renamed over ``target``. On any exception the partial file is removed; OS errors are
    turned into :class:`ServiceError` with a plain message (``what`` names the file's role).
    """

    def __init__(self, target: Path, *, what: str = "файл", opener: Opener = default_opener) -> None:
        self.target = Path(target)
        self.what = what
        self.opener = opener
        self.partial = self.target.with_name(f"{self.target.name}.partial-{secrets.token_hex(4)}")
        self._fh: BinaryIO | None = None

    def __enter__(self) -> BinaryIO:
        try:
            self._fh = self.opener(self.partial)
        except OSError as exc:
            raise os_error(exc, self.target, self.what) from exc
        return self._fh

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> Literal[False]:
        fh = self._fh
        assert fh is not None
        if exc is None:
            try:
                fh.flush()
                os.fsync(fh.fileno())
                fh.close()
                os.replace(self.partial, self.target)
                _fsync_dir(self.target.parent)
                return False
            except OSError as err:
                self._discard(fh)
                raise os_error(err, self.target, self.what) from err
            except BaseException:
                self._discard(fh)
                raise
        self._discard(fh)
        if isinstance(exc, OSError):
            raise os_error(exc, self.target, self.what) from exc
        return False

    def _discard(self, fh: IO[bytes]) -> None:
        try:
            fh.close()
        except OSError:
            pass
        try:
            self.partial.unlink(missing_ok=True)
        except OSError:
            pass


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where directories cannot be opened."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_partials(folder: Path) -> None:
    """Delete ``*.partial-*`` files a killed process left behind."""
    try:
        for leftover in folder.glob("*.partial-*"):
            leftover.unlink(missing_ok=True)
    except OSError:
        pass


def unique_path(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem+suffix``, or ``stem-1``, ``stem-2``… when that name is taken: never overwrite a file."""
    candidate = folder / f"{stem}{suffix}"
    counter = 1
    while candidate.exists():
        candidate = folder / f"{stem}-{counter}{suffix}"
        counter += 1
    return candidate


def check_folder(folder: Path, what: str) -> Path:
    """The output folder must exist and be a folder (a USB stick may have been pulled out)."""
    folder = Path(folder).expanduser()
    if not folder.exists():
        raise ValidationError(
            f"Папки «{folder}» не існує: {what} не записано. Можливо, флешку від’єднано.",
            f"The folder «{folder}» does not exist: the {what} was not written.",
        )
    if not folder.is_dir():
        raise ValidationError(f"«{folder}» — це файл, а не папка: {what} не записано.",
                              f"«{folder}» is a file, not a folder.")
    return folder


# --------------------------------------------------------------------------- the encrypted container

ENC_MAGIC = b"HROMADA-ENC\n"
ENC_FORMAT = 1
CHUNK = 1024 * 1024
TAG = 16
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
MAX_HEADER = 64 * 1024


class PasswordRequiredError(ValidationError):
    """The file is password-protected and no password was given."""


class WrongPasswordError(ValidationError):
    """The password does not open the file (or the file was altered)."""


class DamagedFileError(ValidationError):
    """The file is truncated, altered, or not the kind of file expected."""


def is_encrypted(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(ENC_MAGIC)) == ENC_MAGIC
    except OSError:
        return False


def _derive_key(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))


def _nonce(prefix: bytes, index: int, final: bool) -> bytes:
    return prefix + struct.pack(">I", index) + (b"\x01" if final else b"\x00")


def check_password(password: str | None) -> str:
    if password is None or password == "":
        raise PasswordRequiredError("Вкажіть пароль.", "Enter the password.")
    if len(password) < 8:
        raise ValidationError(
            "Пароль для захисту копії має містити щонайменше 8 символів.",
            "The protection password must have at least 8 characters.",
        )
    return password


def encrypt_stream(
    src: BinaryIO, dst: BinaryIO, password: str, *, kind: str, total: int = 0,
    progress: ProgressCallback | None = None, meta: dict[str, Any] | None = None,
) -> None:
    """Encrypt everything readable from ``src`` into ``dst`` (see the module docstring)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt = secrets.token_bytes(16)
    prefix = secrets.token_bytes(7)
    header = {
        "format": ENC_FORMAT,
        "kind": kind,
        "cipher": "AES-256-GCM",
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
                "salt": base64.b64encode(salt).decode("ascii")},
        "nonce_prefix": base64.b64encode(prefix).decode("ascii"),
        "chunk": CHUNK,
        "meta": meta or {},
    }
    header_bytes = json.dumps(header, sort_keys=True).encode("utf-8")
    aad = ENC_MAGIC + header_bytes
    aead = AESGCM(_derive_key(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P))
    dst.write(ENC_MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes)
    index = 0
    done = 0
    chunk = src.read(CHUNK)
    while True:
        following = src.read(CHUNK) if len(chunk) == CHUNK else b""
        final = not following
        sealed = aead.encrypt(_nonce(prefix, index, final), chunk, aad)
        dst.write(struct.pack(">I", len(sealed)) + sealed)
        done += len(chunk)
        report(progress, done, total or done, "Шифрування")
        if final:
            break
        chunk = following
        index += 1


def read_enc_header(fh: BinaryIO) -> tuple[dict[str, Any], bytes]:
    """The container's header (validated) and the authenticated bytes; raises DamagedFileError."""
    damaged = DamagedFileError(
        "Файл пошкоджено або це не захищений файл Hromada Desk (заголовок не читається).",
        "The file is damaged or not a protected Hromada Desk file.",
    )
    if fh.read(len(ENC_MAGIC)) != ENC_MAGIC:
        raise damaged
    raw_len = fh.read(4)
    if len(raw_len) != 4:
        raise damaged
    (length,) = struct.unpack(">I", raw_len)
    if not 2 <= length <= MAX_HEADER:
        raise damaged
    header_bytes = fh.read(length)
    if len(header_bytes) != length:
        raise damaged
    try:
        header = json.loads(header_bytes.decode("utf-8"))
        kdf = header["kdf"]
        ok = (
            isinstance(header, dict)
            and header.get("format") == ENC_FORMAT
            and header.get("cipher") == "AES-256-GCM"
            and kdf.get("name") == "scrypt"
            and all(isinstance(kdf.get(k), int) and not isinstance(kdf.get(k), bool) for k in ("n", "r", "p"))
            and 2 <= kdf["n"] <= 2**20 and (kdf["n"] & (kdf["n"] - 1)) == 0
            and 1 <= kdf["r"] <= 32 and 1 <= kdf["p"] <= 16
            and len(base64.b64decode(kdf["salt"], validate=True)) >= 8
            and len(base64.b64decode(header["nonce_prefix"], validate=True)) == 7
            and header.get("chunk") == CHUNK
            and isinstance(header.get("kind"), str)
        )
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise damaged from None
    if not ok:
        raise damaged
    return header, ENC_MAGIC + header_bytes


def decrypt_stream(src: BinaryIO, dst: BinaryIO, password: str | None, *, kind: str,
                   progress: ProgressCallback | None = None, total: int = 0) -> dict[str, Any]:
    """Decrypt a container written by :func:`encrypt_stream`; returns its header.

    Raises :class:`PasswordRequiredError`, :class:`WrongPasswordError` or
    :class:`DamagedFileError`; ``dst`` may hold partial output then and must be discarded.
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header, aad = read_enc_header(src)
    if header["kind"] != kind:
        raise DamagedFileError(
            f"Цей захищений файл — не {'резервна копія' if kind == 'backup' else 'пакет обміну'}.",
            "This protected file is of another kind.",
        )
    if not password:
        raise PasswordRequiredError(
            "Файл захищено паролем: вкажіть пароль.", "The file is password-protected: enter the password."
        )
    kdf = header["kdf"]
    key = _derive_key(password, base64.b64decode(kdf["salt"]), kdf["n"], kdf["r"], kdf["p"])
    aead = AESGCM(key)
    prefix = base64.b64decode(header["nonce_prefix"])
    index = 0
    done = 0
    truncated = DamagedFileError(
        "Захищений файл обрізано або пошкоджено (не вистачає кінця): його не прийнято.",
        "The protected file is truncated or damaged.",
    )
    while True:
        raw_len = src.read(4)
        if len(raw_len) != 4:
            raise truncated
        (length,) = struct.unpack(">I", raw_len)
        if not TAG <= length <= CHUNK + TAG:
            raise truncated
        sealed = src.read(length)
        if len(sealed) != length:
            raise truncated
        plain = None
        final = False
        for flag in (False, True):
            try:
                plain = aead.decrypt(_nonce(prefix, index, flag), sealed, aad)
                final = flag
                break
            except InvalidTag:
                continue
        if plain is None:
            if index == 0:
                raise WrongPasswordError(
                    "Неправильний пароль (або файл змінено): файл не відкрито.",
                    "Wrong password (or the file was altered): the file was not opened.",
                )
            raise DamagedFileError(
                f"Захищений файл змінено або пошкоджено (частина №{index + 1}): його не прийнято.",
                "The protected file was altered or damaged.",
            )
        dst.write(plain)
        done += len(sealed) + 4
        report(progress, done, total or done, "Розшифрування")
        if final:
            if src.read(1):
                raise DamagedFileError(
                    "Після кінця захищеного файлу є зайві дані: файл змінено, його не прийнято.",
                    "The protected file has extra data after its end.",
                )
            return header
        index += 1
