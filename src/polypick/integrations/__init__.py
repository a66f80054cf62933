"""Framework integrations (LangChain, LlamaIndex), each behind its own optional extra."""
