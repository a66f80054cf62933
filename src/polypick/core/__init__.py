"""The leaf layer: the data that flows through polypick, the model protocol and its optional
capabilities, sampling parameters and plans, retries, deadlines, tracing and language detection.

Nothing here imports any other polypick package except :mod:`polypick.errors`; every other layer
builds on it (see docs/architecture.md).
"""
