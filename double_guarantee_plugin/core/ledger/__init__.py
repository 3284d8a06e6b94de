# SPDX-License-Identifier: GPL-2.0-or-later
"""The three-indicator reserve ledger (domain.md §1, §6): one API on GeoPackage and on PostGIS.

``open_ledger(target)`` takes a GeoPackage path, a PostgreSQL URI / DSN, or the name of a QGIS
PostgreSQL connection (QgsSettings ``PostgreSQL/connections/<name>/…``), or an open Ledger.
"""
import os

from .base import Ledger
from .limits import LedgerLimits, load_ledger_limits
from .messages import tr
from .model import (COMMITMENT, DEPOSIT, ENTRY_KINDS, REVERSAL, TRANSFER, WRITEOFF, Amounts, Balance,
                    DuplicateError, JournalEntry, LedgerError, LedgerInputError, LedgerIntegrityError,
                    LedgerPermissionError, LedgerStorageError, OperationResult, RuleRefused, SellerOffer,
                    ShortfallError)
from .rules import (DepositRequest, cultivation_fee, deposit_from_project, load_county_table, occupied_amounts,
                    seller_offers)
from .sqlite_backend import GeoPackageLedger, ledger_path_for

__all__ = ["Ledger", "GeoPackageLedger", "open_ledger", "ledger_path_for", "Amounts", "Balance", "JournalEntry",
           "OperationResult", "SellerOffer", "DepositRequest", "LedgerError", "LedgerInputError",
           "LedgerPermissionError", "LedgerStorageError", "LedgerIntegrityError", "RuleRefused", "ShortfallError",
           "DuplicateError", "LedgerLimits", "load_ledger_limits",
           "deposit_from_project", "occupied_amounts", "cultivation_fee", "seller_offers", "load_county_table",
           "ENTRY_KINDS", "DEPOSIT", "WRITEOFF", "TRANSFER", "COMMITMENT", "REVERSAL", "qgis_connection_params",
           "is_geopackage_target"]


def is_geopackage_target(target):
    text = str(target)
    return text.lower().endswith(".gpkg") or os.path.isfile(text)


def qgis_connection_params(name):
    """psycopg2 parameters of the QGIS PostgreSQL connection ``name`` (QgsSettings)."""
    from qgis.core import QgsSettings  # only this function needs QGIS
    settings = QgsSettings()
    base = f"PostgreSQL/connections/{name}"
    settings.beginGroup("PostgreSQL/connections")
    known = settings.childGroups()
    settings.endGroup()
    if name not in known:
        raise LedgerStorageError(tr("'{}' is neither a GeoPackage file nor a QGIS PostgreSQL connection (known "
                                    "connections: {})", name, ", ".join(known) or tr("none")))
    params = {}
    service = settings.value(f"{base}/service", "")
    if service:
        params["service"] = service
    for key, param in (("host", "host"), ("port", "port"), ("database", "dbname"), ("sslmode", None)):
        value = settings.value(f"{base}/{key}", "")
        if value not in (None, "") and param:
            params[param] = str(value)
    if settings.value(f"{base}/saveUsername", True, type=bool) or settings.value(f"{base}/username", ""):
        user = settings.value(f"{base}/username", "")
        if user:
            params["user"] = str(user)
    password = settings.value(f"{base}/password", "")
    if password:
        params["password"] = str(password)
    authcfg = settings.value(f"{base}/authcfg", "")
    if authcfg:
        from qgis.core import QgsApplication, QgsAuthMethodConfig
        config = QgsAuthMethodConfig()
        QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, True)
        if config.config("username"):
            params["user"] = config.config("username")
        if config.config("password"):
            params["password"] = config.config("password")
    return params


def open_ledger(target, create=True, county_table=None, profile=None, limits=None):
    """A Ledger for a GeoPackage path, a PostgreSQL URI/DSN or a QGIS PostgreSQL connection name."""
    if isinstance(target, Ledger):
        return target
    if target is None or str(target).strip() == "":
        raise LedgerStorageError(tr("no ledger given: a GeoPackage path or a PostgreSQL connection name is needed"))
    text = str(target).strip()
    if "\x00" in text:
        raise LedgerStorageError(tr("the ledger name {} holds a NUL character", repr(text)))
    from .postgres_backend import PostgresLedger
    if text.startswith(("postgresql://", "postgres://")) or "dbname=" in text or "service=" in text:
        return PostgresLedger(text, county_table=county_table, profile=profile, limits=limits)
    if is_geopackage_target(text):
        return GeoPackageLedger(text, create=create, county_table=county_table, profile=profile, limits=limits)
    params = qgis_connection_params(text)
    return PostgresLedger(None, county_table=county_table, profile=profile, label=text, limits=limits, **params)
