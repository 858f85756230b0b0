"""Built-in rules, one module per concern; each registers its rules with the registry."""
