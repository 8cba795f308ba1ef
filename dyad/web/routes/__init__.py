"""The app's routes, one router per area; each page under `/` sits next to its JSON twin under `/api`."""
from __future__ import annotations

from . import actors, articles, assets, dyads, events, home, network, sources, try_it

# In this order in the OpenAPI document and the /docs page.
ROUTERS = [assets.router, home.router, articles.router, try_it.router, actors.router, dyads.router, network.router,
           events.router, sources.router]

__all__ = ["ROUTERS"]
