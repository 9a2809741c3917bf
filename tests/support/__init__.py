"""Shared test helpers: the fake OpenAI server and its pytest fixture."""
