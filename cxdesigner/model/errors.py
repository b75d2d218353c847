"""The one error the model raises for a refused mutation."""


class ModelError(ValueError):
    """A mutation was refused: a bad value, an unknown id, or a broken rule.

    The message names the element and the field, so a user interface can show it as is.
    """
