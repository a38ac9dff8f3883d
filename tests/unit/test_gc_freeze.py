"""The Rasa server freezes what it loaded, so full collections stay short."""
import asyncio
import gc

from bot import gc_freeze


def test_what_is_alive_after_the_model_is_loaded_is_frozen_and_the_agent_returned():
    async def load(model):
        return {"agent voor": model}

    gc.unfreeze()
    try:
        agent = asyncio.run(gc_freeze.after(load)("models/nl.tar.gz"))
        assert agent == {"agent voor": "models/nl.tar.gz"}
        assert gc.get_freeze_count() > 1000
    finally:
        gc.unfreeze()


def test_install_wraps_the_servers_start_up_loader(monkeypatch):
    import rasa.core.run

    monkeypatch.setattr(rasa.core.run, "load_agent_on_start", rasa.core.run.load_agent_on_start)
    voor = rasa.core.run.load_agent_on_start
    gc_freeze.install()
    assert rasa.core.run.load_agent_on_start is not voor
    assert rasa.core.run.load_agent_on_start.__name__ == "load_then_freeze"
