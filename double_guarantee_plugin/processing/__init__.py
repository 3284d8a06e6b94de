"""The Processing provider ``doubleguarantee`` and its algorithms (thin wrappers over ``core``)."""
