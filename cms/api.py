"""API routing: the v2 read API (pages, images, documents) and the v3 API Wagtail 8 ships.

Both serve live content to anonymous clients; v3 serves drafts and revisions only to requests
with a valid bearer token (``Authorization: Bearer …``, Wagtail's APIToken).
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

api_v2 = WagtailAPIRouter("wagtailapi")
api_v2.register_endpoint("pages", PagesAPIViewSet)
api_v2.register_endpoint("images", ImagesAPIViewSet)
api_v2.register_endpoint("documents", DocumentsAPIViewSet)
