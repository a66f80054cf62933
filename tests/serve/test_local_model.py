"""polypick serve over the embedded SmolLM2 model: offline, through the official client."""

from __future__ import annotations

import pytest

from polypick import Settings
from polypick.serve import ServeSettings

from .conftest import serve


@pytest.mark.local_model
def test_the_embedded_model_answers_through_the_server() -> None:
    settings = ServeSettings(
        llm="local", bon=Settings.of(n=2, selector="mbr", detect_language=False)
    )
    with serve(settings) as served, served.client(timeout=120) as client:
        assert [m.id for m in client.models.list()][:2] == ["local", "bon-2/local"]
        reply = client.chat.completions.create(
            model="bon-2-greedy/local",
            messages=[{"role": "user", "content": "What is the capital of France?"}],
            max_tokens=16,
            seed=1,
        )
    text = reply.choices[0].message.content
    assert text and text.strip()
    record = reply.model_extra["polypick"]  # type: ignore[index]
    assert record["llm"].startswith("local:") and record["candidates"] == 2
    # two requests, each billed for the prompt and at most 16 completion tokens
    assert record["usage"]["generation"]["requests"] == 2
    assert reply.usage is not None and 0 < reply.usage.completion_tokens <= 32
    assert reply.usage.prompt_tokens > 0
