"""Where the project's files are, found from this package's own location."""
import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
# VAGVISAREN_DATA_DIR points a deployment or a test at another copy of the editors' data.
DATA_DIR = Path(os.environ.get("VAGVISAREN_DATA_DIR", PROJECT_ROOT / "data")).resolve()
RESOURCES_DIR = DATA_DIR / "resources"
PLACES_DIR = DATA_DIR / "places"
ROUTING_FILE = DATA_DIR / "routing.yml"
DANGER_FILE = DATA_DIR / "danger.yml"
DOMAIN_FILE = PROJECT_ROOT / "domain.yml"
MODELS_DIR = PROJECT_ROOT / "models"
CACHE_DIR = PROJECT_ROOT / ".cache"
PACKAGE_DATA_DIR = PACKAGE_DIR / "data"
# The danger and near-miss sets the danger classifier learns from (bot.danger_model).
DANGER_EXAMPLES_DIR = PACKAGE_DATA_DIR / "danger_examples"
