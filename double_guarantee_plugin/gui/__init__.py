"""Docks, map tools and dialogs: thin widgets over ``core``."""
