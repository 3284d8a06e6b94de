# SPDX-License-Identifier: GPL-2.0-or-later
"""One module per algorithm; the provider discovers every ``QgsProcessingAlgorithm`` subclass here."""
