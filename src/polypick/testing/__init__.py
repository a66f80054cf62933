"""Test doubles for users' own tests: a scripted backend, and (with the ``testing`` extra) fake
OpenAI-compatible and Anthropic HTTP servers with fault injection in ``polypick.testing.servers``.
"""

from polypick.testing.scripted import Reply, ScriptedCall, ScriptedChat

__all__ = ["Reply", "ScriptedCall", "ScriptedChat"]
