"""Fixtures for the Qt tests. Keep each small; helpers used by one module live there."""
from __future__ import annotations

import pytest


@pytest.fixture
def article_view(qtbot):
    """A shown ArticleView (about 900x700) factory: ``article_view(brief)``."""
    from briefing.ui.article_view import ArticleView

    def make(brief=None):
        view = ArticleView()
        qtbot.addWidget(view)
        view.resize(900, 700)
        view.show()
        qtbot.waitExposed(view)
        if brief is not None:
            view.set_brief(brief)
        return view

    return make
