# SPDX-License-Identifier: GPL-2.0-or-later
"""Docks, map tools and dialogs: thin widgets over ``core``."""
