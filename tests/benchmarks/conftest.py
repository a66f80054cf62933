"""Loads benchmark scripts (not a package: they run as ``python benchmarks/x.py``) by path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def load_benchmark(name: str) -> ModuleType:
    """Import ``benchmarks/<name>.py`` under the name ``polypick_bench_<name>``."""
    module_name = f"polypick_bench_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses and typing resolve names through it
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def common() -> ModuleType:
    """benchmarks/_common.py."""
    return load_benchmark("_common")


@pytest.fixture(scope="session")
def embedded() -> ModuleType:
    """benchmarks/embedded_default.py."""
    return load_benchmark("embedded_default")


@pytest.fixture(scope="session")
def confidence_bench() -> ModuleType:
    """benchmarks/confidence.py."""
    return load_benchmark("confidence")
