"""The assistant: turns, model clients (OpenAI-compatible and the offline analyst) and the analysis loop."""
