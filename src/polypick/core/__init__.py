"""The provider-agnostic async core: types, the model protocol, sampling, retries, orchestration."""
