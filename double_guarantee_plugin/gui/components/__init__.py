"""Reusable widgets of the plugin's docks and dialogs."""
