"""The loading without a training step (bot/model_loading.py) replaces Rasa's
only for serving: finetuning still goes through Rasa's own loading."""
from rasa.utils.tensorflow.models import RasaModel

from bot import model_loading


def test_finetuning_keeps_rasas_own_loading_and_serving_does_not():
    gebruikt = []

    def rasa_load(cls, *args, **kwargs):
        gebruikt.append("rasa")
        return "met trainingsstap"

    load = model_loading._with_rasas_finetuning(rasa_load)
    assert load(object, "model.tf_model", None, None, True) == "met trainingsstap"
    assert gebruikt == ["rasa"]


def test_installing_twice_keeps_rasas_loading_one_step_away(monkeypatch):
    monkeypatch.setattr(RasaModel, "load", RasaModel.load)
    # another test of this process may have started the launcher, which installs it too
    rasa_load = getattr(RasaModel.load.__func__, "rasa_load", RasaModel.load.__func__)
    model_loading.install()
    model_loading.install()
    assert RasaModel.load.__func__.rasa_load is rasa_load
