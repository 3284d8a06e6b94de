# SPDX-License-Identifier: GPL-2.0-or-later
"""The Processing provider ``doubleguarantee`` and its algorithms (thin wrappers over ``core``)."""
