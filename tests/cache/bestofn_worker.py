"""Run as a script by the tests: a BestOfN batch in its own process, sharing a cache file.

Usage: python bestofn_worker.py BASE_URL CACHE_PATH PROMPTS N
It starts sampling once a line arrives on stdin (so several workers start together), then prints
one JSON list per prompt: the candidate texts.
"""

from __future__ import annotations

import json
import sys

from polypick import BestOfN
from polypick.providers import OpenAIChat


def main() -> None:
    base_url, path, prompts, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    llm = OpenAIChat(model="fake-gpt", base_url=base_url, api_key="test")
    sys.stdin.readline()
    options = {"sampling": 0.8, "selector": "majority", "detect_language": False}
    with BestOfN(llm, n=n, cache=path, **options) as bon:  # type: ignore[arg-type]
        selections = bon.batch([f"Question {i}?" for i in range(prompts)], max_concurrency=2)
    for selection in selections:
        print(json.dumps([c.text for c in selection.candidates]), flush=True)


if __name__ == "__main__":
    main()
