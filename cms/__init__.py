"""The Vetted Django project: settings, URL routing (site, admin, v2 and v3 APIs), WSGI/ASGI."""
