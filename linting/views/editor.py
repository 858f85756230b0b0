"""The ArticlePage editor with the "Content quality" side panel.

Wagtail 8 has no hook that adds side panels: the page create and edit views build their list in
``get_side_panels()``. It does, however, route every page admin view through a per-page-type
:class:`~wagtail.admin.viewsets.pages.PageViewSet` (``page_viewset_registry``), registered with
the ``register_admin_viewset`` hook. So the supported way is a PageViewSet for ArticlePage whose
create and edit view classes extend Wagtail's and append one panel. Other page types, URLs and
every other view stay Wagtail's own; the explorer listing is left alone (no ``parent_models``).
"""

from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet

from linting.panels import ContentQualitySidePanel


class ContentQualityPanelMixin:
    """Append the Content quality panel to the side panels of a page form view."""

    def get_side_panels(self):
        side_panels = super().get_side_panels()
        panel = ContentQualitySidePanel(self.page, self.request)
        # MediaContainer is a list; keep Wagtail's ordering by ``order``.
        side_panels.append(panel)
        side_panels.sort(key=lambda p: getattr(p, "order", 0))
        return side_panels


class ArticleEditView(ContentQualityPanelMixin, EditView):
    pass


class ArticleCreateView(ContentQualityPanelMixin, CreateView):
    pass


class ArticlePageViewSet(PageViewSet):
    edit_view_class = ArticleEditView
    add_view_class = ArticleCreateView

    @property
    def parent_models(self):
        # Keep Wagtail's default explorer listing for the article index.
        return []


def article_page_viewset():
    from pages.models import ArticlePage

    return ArticlePageViewSet("vetted_article_pages", model=ArticlePage)
