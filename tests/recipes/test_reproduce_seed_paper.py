"""The seed-paper recipe: against fake servers, offline with the embedded model, without keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from polypick.eval import EvalItem
from polypick.testing.servers import FakeOpenAIServer, FakeRewardServer

from .helpers import load_recipe, reply, write_rows

recipe = load_recipe("reproduce_seed_paper")
PROMPTS = [
    {"id": "1", "prompt": "Explain tides briefly.", "language": "en", "category": "hard_prompt"},
    {"id": "2", "prompt": "Erkläre kurz die Gezeiten.", "language": "de",
     "category": "hard_prompt"},
]  # fmt: skip


def test_all_three_methods_against_greedy_with_the_papers_deltas(
    tmp_path: Path, fake_openai: FakeOpenAIServer, capsys: pytest.CaptureFixture[str]
) -> None:
    data = write_rows(tmp_path / "p.jsonl", PROMPTS)
    good = lambda prompt, response: 1.0 if "GOOD" in response else 0.0  # noqa: E731
    with FakeRewardServer(reward=good) as reward:
        status = recipe.main(
            ["--data", str(data), "--llm", "openai:fake-gpt", "--reference-llm",
             "openai:fake-gpt", "--reward-url", reward.base_url + "/score", "--evidence", "1",
             "--out", str(tmp_path / "run")]
        )  # fmt: skip
    assert status == 0
    out = capsys.readouterr().out
    table = {tuple(line.split()[:2]): line for line in out.splitlines()[1:] if line[:1] != " "}
    # references are greedy "plain" answers: greedy ties (50), a GOOD answer wins both orders
    assert "50.0 [50.0, 50.0]" in table[("all", "greedy")]
    reward_row = table[("all", "hedged+reward@5")]
    assert "100.0 [100.0, 100.0]" in reward_row and "+4.5 [S]" in reward_row
    assert "50.0 [50.0, 50.0]" in reward_row.split("100.0 [100.0, 100.0]", 1)[1]  # the delta
    assert "+9.0 [S]" in table[("all", "hedged+chops@5")]
    assert "+8.3 [S]" in table[("all", "hedged+xmbr@5")]
    assert {key[0] for key in table if key[0] in ("en", "de")} == {"en", "de"}
    references = (tmp_path / "run" / "references.jsonl").read_text()
    assert references.count("plain answer") == 2


def test_without_an_api_key_it_stops_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = write_rows(tmp_path / "p.jsonl", [{**p, "reference": "r"} for p in PROMPTS])
    status = recipe.main(["--data", str(data), "--llm", "openai:gpt-4o-mini",
                          "--out", str(tmp_path / "run")])  # fmt: skip
    assert status == 2
    assert "OPENAI_API_KEY" in capsys.readouterr().err


def test_prompts_without_references_need_a_reference_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = write_rows(tmp_path / "p.jsonl", PROMPTS)
    assert recipe.main(["--data", str(data), "--llm", "local", "--out", str(tmp_path)]) == 2
    assert "--reference-llm" in capsys.readouterr().err


@pytest.mark.local_model
def test_offline_end_to_end_with_the_embedded_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # reward BoN through a fake reward server keeps the embedded model's work to the samples
    # and the win-rate judge (CHOPS and X-MBR are covered against the fake OpenAI server)
    data = write_rows(
        tmp_path / "p.jsonl",
        [{"id": "1", "prompt": "Say hi.", "reference": "Hi!", "language": "en"},
         {"id": "2", "prompt": "Di hola.", "reference": "¡Hola!", "language": "es"}],
    )  # fmt: skip
    with FakeRewardServer() as reward:  # scores by length: the longest answer wins
        status = recipe.main(
            ["--data", str(data), "--llm", "local", "--judge", "local", "-n", "2",
             "--max-tokens", "12", "--judge-max-tokens", "40", "--methods", "reward",
             "--reward-url", reward.base_url + "/score", "--out", str(tmp_path / "run")]
        )  # fmt: skip
    assert status == 0
    lines = capsys.readouterr().out.splitlines()
    rows = {tuple(line.split()[:2]): line for line in lines[1:]}
    assert {("all", "greedy"), ("en", "hedged+reward@2"), ("es", "greedy")} <= rows.keys()
    assert "+4.5 [S]" in rows[("all", "hedged+reward@2")]
    assert (tmp_path / "run" / "summary.json").is_file()


def test_xmbr_uses_the_datasets_parallel_english_prompt_instead_of_translating(
    tmp_path: Path,
    fake_openai: FakeOpenAIServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # m-ArenaHard's configurations are aligned by question id: the English one is the pivot
    questions = {
        "de": "Erkläre kurz die Gezeiten.",
        "en": "Explain tides briefly.",
    }

    def load_hf(name: str, task: str, *, config: str, **options: object) -> list[EvalItem]:
        item = EvalItem(id="q1", prompt=questions[config], language=config, reference="r")
        return [item]

    seen: list[str] = []

    def respond(body: dict[str, Any], index: int) -> str:
        seen.extend(str(m["content"]) for m in body["messages"])
        return reply(body, index)  # the recipes' fake model: answers, judges

    monkeypatch.setattr(recipe, "load_hf", load_hf)
    fake_openai.set_responder(respond)
    status = recipe.main(
        ["--languages", "de", "--llm", "openai:fake-gpt", "--methods", "xmbr", "-n", "2",
         "--evidence", "1", "--out", str(tmp_path / "run")]
    )  # fmt: skip
    assert status == 0, capsys.readouterr().err
    assert not any("professional translator" in text for text in seen)  # no translation call
    assert questions["en"] in seen  # the evidence was asked the dataset's English question
    assert recipe.parallel_prompts(
        {"de": [load_hf("", "", config="de")[0]], "en": [load_hf("", "", config="en")[0]]}
    ) == {questions["de"]: questions["en"]}
