"""Admin wiring for the pages app: the Person and Disclaimer snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .snippets import Disclaimer, Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    list_display = ["name", "credentials"]
    search_fields = ["name"]
    add_to_admin_menu = False


class DisclaimerViewSet(SnippetViewSet):
    model = Disclaimer
    icon = "warning"
    list_display = ["title", "kind", "is_default"]
    list_filter = ["kind", "is_default"]


register_snippet(PersonViewSet)
register_snippet(DisclaimerViewSet)
