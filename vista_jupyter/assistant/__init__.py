"""The assistant: model clients (OpenAI-compatible and the offline analyst), prompts and the
analysis loop that turns a conversation into code runs and an answer.

It knows models and the kernel it runs code in, not the server's bookkeeping: the turn service
(`vista_jupyter.turns`) stores questions and answers, numbers events, cancels and recovers turns,
and runs this loop for each turn.
"""
