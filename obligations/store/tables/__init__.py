"""The mapped tables. Import from here: `from obligations.store.tables import Contract, Obligation`."""

from obligations.store.tables.agreement import Agreement, AgreementRole
from obligations.store.tables.audit import AuditEvent
from obligations.store.tables.base import Base
from obligations.store.tables.contract import Contract
from obligations.store.tables.notification import AppState, NotificationLog
from obligations.store.tables.obligation import Obligation
from obligations.store.tables.occurrence import Occurrence, TriggerEvent

__all__ = [
    "Agreement",
    "AgreementRole",
    "AppState",
    "AuditEvent",
    "Base",
    "Contract",
    "NotificationLog",
    "Obligation",
    "Occurrence",
    "TriggerEvent",
]
