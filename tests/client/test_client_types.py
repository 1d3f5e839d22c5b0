"""client/mulin passes mypy in strict mode (client/pyproject.toml's [tool.mypy]; the generated
mulin_client is checked where mulin uses it), so a call with a wrong argument fails here, not at
an official's terminal."""

import subprocess
import sys
from pathlib import Path

CLIENT = Path(__file__).resolve().parents[2] / "client"


def test_the_client_type_checks() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(CLIENT.parent / ".mypy_cache" / "client")],
                            cwd=CLIENT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"mypy found errors:\n{result.stdout}{result.stderr}"
