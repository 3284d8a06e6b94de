"""One module per algorithm; the provider discovers every ``QgsProcessingAlgorithm`` subclass here."""
