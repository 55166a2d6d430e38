"""`python -m rasa`, with the project's training fixes installed before Rasa reads the training data.

Importing the project's components installs them too, but Rasa reads the data before it loads the pipeline."""
from __future__ import annotations

from bot.rasa_adapters import speedups


def main() -> None:
    speedups.install_for_training()
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
