"""The import tests' helpers (fixture_texts, measure) sit beside them."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
