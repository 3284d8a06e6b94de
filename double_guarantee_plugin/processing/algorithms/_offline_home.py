# SPDX-License-Identifier: GPL-2.0-or-later
"""What take offline and bring back share in Processing: the office database as a GeoPackage file or a
PostGIS project schema (a QGIS PostgreSQL connection name or a PostgreSQL URI, and the schema)."""
from qgis.core import QgsProcessingException, QgsProcessingParameterFile, QgsProcessingParameterString

from ...core import offline
from ...i18n import tr
from ..base import DoubleGuaranteeAlgorithm


class _OfflineAlgorithm(DoubleGuaranteeAlgorithm):
    GROUP_ID = "review"
    DATABASE, PG_CONNECTION, PG_SCHEMA = "DATABASE", "PG_CONNECTION", "PG_SCHEMA"

    def add_home_parameters(self):
        self.addParameter(QgsProcessingParameterFile(self.DATABASE, tr("Project database (GeoPackage)"),
                                                     extension="gpkg", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PG_CONNECTION, tr("or PostGIS: QGIS connection name or PostgreSQL URI"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.PG_SCHEMA, tr("PostGIS project schema"),
                                                       optional=True))

    def checkParameterValues(self, parameters, context):  # noqa: N802
        database = self.parameterAsFile(parameters, self.DATABASE, context)
        connection = self.parameterAsString(parameters, self.PG_CONNECTION, context).strip()
        schema = self.parameterAsString(parameters, self.PG_SCHEMA, context).strip()
        if bool(database) == bool(connection):
            return False, tr("Give either the GeoPackage project database or a PostGIS connection, not both")
        if connection and not schema:
            return False, tr("Give the project schema of the PostGIS database")
        return super().checkParameterValues(parameters, context)

    def home(self, parameters, context):
        """The office database: a GeoPackage path or a PgHomeSpec."""
        connection = self.parameterAsString(parameters, self.PG_CONNECTION, context).strip()
        if connection:
            return offline.PgHomeSpec(connection, self.parameterAsString(parameters, self.PG_SCHEMA, context).strip())
        database = self.parameterAsFile(parameters, self.DATABASE, context)
        if not database:
            raise QgsProcessingException(tr("Give the GeoPackage project database or a PostGIS connection"))
        return database
