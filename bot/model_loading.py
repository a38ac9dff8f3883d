"""Load DIET's and TED's TensorFlow models without a training step (issue 14).

Rasa 3.6 builds a saved model by training it for one step on one example
(`RasaModel.load`: compile with an Adam optimizer, `fit` on a batch of one,
then `load_weights`), only so that every variable exists with the right
shape before the weights are read. That step leaves behind what training
needs and serving never does: the optimizer's two slot variables per weight,
the traced training graph with its gradients, and TensorFlow's memory for
them. On our model it is most of the Rasa server's resident memory above
Rasa's own starter assistant: 1,336 MB after loading, against 809 MB here.

Here the variables are built by computing the model's loss once, eagerly and
without an optimizer (the same layers the training step builds), and then
the same weights are read; the optimizer's entries in the file are left
unread (`expect_partial`). Finetuning (`rasa train --finetune`) keeps Rasa's
own way, since it trains on. The predictions are the same to the last bit:
tests/integratie/test_model_loading.py compares both loadings on the trained
model.
"""
from __future__ import annotations

from typing import Any, Callable, Optional, Text


def load_without_training_step(cls: Any, model_file_name: Text, model_data_example: Any,
                               predict_data_example: Optional[Any] = None, *args: Any, **kwargs: Any) -> Any:
    """The model `RasaModel.load` gives for serving, built without a training step."""
    from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator

    model = cls(*args, **kwargs)
    batch_in, _ = RasaBatchDataGenerator(model_data_example, batch_size=1)[0]
    model.batch_loss(batch_in)  # builds every variable the training step builds
    model.load_weights(model_file_name).expect_partial()
    if predict_data_example:
        model.run_inference(predict_data_example)  # traces the prediction graph now, as Rasa does
    return model


def _with_rasas_finetuning(rasa_load: Callable[..., Any]) -> Callable[..., Any]:
    def load(cls: Any, model_file_name: Text, model_data_example: Any, predict_data_example: Optional[Any] = None,
             finetune_mode: bool = False, *args: Any, **kwargs: Any) -> Any:
        if finetune_mode:
            return rasa_load(cls, model_file_name, model_data_example, predict_data_example, finetune_mode,
                             *args, **kwargs)
        return load_without_training_step(cls, model_file_name, model_data_example, predict_data_example,
                                          *args, **kwargs)

    load.rasa_load = rasa_load  # type: ignore[attr-defined]
    return load


def install() -> None:
    """Put the loading without a training step in the place of `RasaModel.load` in this process."""
    from rasa.utils.tensorflow.models import RasaModel

    rasa_load = RasaModel.load.__func__
    if not hasattr(rasa_load, "rasa_load"):
        RasaModel.load = classmethod(_with_rasas_finetuning(rasa_load))
