"""Orchestration: ``BestOfN``, ``select``, cost plans and budgets, the sampler and the running of
selectors. It joins the layers below it (core, providers, selectors, cache) and is the layer the
integrations, ``serve``, batch jobs, evaluation and the CLI build on (see docs/architecture.md).
"""
