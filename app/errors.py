"""Errors that services raise for the person at the keyboard.

Every message is a complete Ukrainian sentence that the GUI shows in a dialog and the
CLI prints to stderr (exit code 2). ``message_en`` carries the English text when the
UI runs in English; where it is missing the Ukrainian text is shown.
"""

from __future__ import annotations


class ServiceError(Exception):
    """A refusal with a message meant for the user, not a programming error."""

    def __init__(self, message: str, message_en: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en

    def text(self, language: str = "uk") -> str:
        if language == "en" and self.message_en:
            return self.message_en
        return self.message


class ValidationError(ServiceError):
    """Input that breaks a rule; nothing was written."""


class NotFoundError(ServiceError):
    """The record asked for does not exist (any more)."""


class StaleRecordError(ServiceError):
    """Someone else saved the record since it was opened; this save was refused."""

    def __init__(self, what: str = "Запис") -> None:
        super().__init__(
            f"{what} змінив інший користувач після того, як ви його відкрили. "
            "Ваші зміни не збережено: відкрийте запис знову і повторіть.",
            "Someone else changed this record after you opened it. Your changes were not saved: "
            "reopen the record and try again.",
        )


class PermissionDeniedError(ServiceError):
    """The acting user's role does not allow this."""


class DatabaseOpenError(ServiceError):
    """The database cannot be opened: missing, corrupt, read-only, or too new."""


class ImportRejectedError(ValidationError):
    """An import refused whole; ``problems`` lists every rejected row with its reason."""

    def __init__(self, message: str, problems: list[str] | None = None, message_en: str | None = None) -> None:
        super().__init__(message, message_en)
        self.problems = problems or []

    def text(self, language: str = "uk") -> str:
        head = super().text(language)
        if not self.problems:
            return head
        shown = self.problems[:20]
        more = len(self.problems) - len(shown)
        tail = f"\n… і ще {more}" if more > 0 else ""
        return head + "\n" + "\n".join(shown) + tail
