"""BAES standards: the rule catalog, the engine that runs it, and the reference's validation API.

``engine.check_source`` checks one file; ``catalog.all_rules``/``get_rule`` list the rules;
``validation_rules.ValidationRuleEngine`` is the API reference's validator over the same engine.
Nothing here imports pygls, lsprotocol, argparse or any heavy library.
"""
