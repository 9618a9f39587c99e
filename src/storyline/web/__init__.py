"""The local web UI and JSON API over a store (FastAPI, server-rendered Jinja2 pages)."""

from storyline.web.app import create_app

__all__ = ["create_app"]
