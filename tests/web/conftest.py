import pytest

from storyline.store import ingest

HOSTILE = """Attack on the Orla valley newsroom

<script>document.title='pwned'; window.__pwned = true;</script>

The regional newsroom in Varnholm said on Tuesday that its website had been attacked by people who posted code into comments.
Editors said a link reading <a href="javascript:window.__pwned=true">click me</a> was found with an image <img src=x onerror="window.__pwned=true"> in several posts.
The newsroom said no reader data was lost and that its engineers removed the posts within an hour of the attack.
"""


@pytest.fixture(scope="session")
def store_db(tmp_path_factory, examples_dir_session):
    root = tmp_path_factory.mktemp("store")
    hostile = root / "hostile.txt"
    hostile.write_text(HOSTILE)
    db = root / "web.db"
    ingest([str(examples_dir_session), str(hostile)], db)
    return db


@pytest.fixture(scope="session")
def examples_dir_session():
    from tests.conftest import EXAMPLES

    return EXAMPLES
