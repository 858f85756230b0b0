"""Admin wiring for the pages app: the Person and Disclaimer snippets (the latter lint-gated,
``linting.disclaimer_changes``)."""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from linting.disclaimer_changes import DisclaimerForm

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
    # Saving a disclaimer changes every live article showing it: the form re-lints them first.
    edit_handler = ObjectList([*Disclaimer.panels, FieldPanel("override_reason")], base_form_class=DisclaimerForm)


register_snippet(PersonViewSet)
register_snippet(DisclaimerViewSet)


@hooks.register("before_delete_snippet")
def refuse_deleting_shown_disclaimers(request, instances):
    """The delete view and the bulk delete action: bulk delete removes rows with a queryset
    delete, which skips ``Disclaimer.delete``, so its refusal is repeated here for both."""
    refusals = [r for r in (i.deletion_refused() for i in instances if isinstance(i, Disclaimer)) if r]
    if not refusals:
        return None
    for refusal in refusals:
        messages.error(request, refusal)
    return redirect(Disclaimer.snippet_viewset.get_url_name("list"))
