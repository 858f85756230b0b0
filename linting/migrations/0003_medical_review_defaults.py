"""The "Medical reviewers" group (may accept lint findings) and the default "Medical review" workflow."""

from django.db import migrations

GROUP = "Medical reviewers"
WORKFLOW = "Medical review"
TASK = "Content lint"


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    ContentLintTask = apps.get_model("linting", "ContentLintTask")

    accepted_ct, _ = ContentType.objects.get_or_create(app_label="linting", model="acceptedfinding")
    override, _ = Permission.objects.get_or_create(
        content_type=accepted_ct, codename="override_finding",
        defaults={"name": "Can accept a lint error finding with a written reason"},
    )
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(override)
    access_admin = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin").first()
    if access_admin:
        group.permissions.add(access_admin)

    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    page_ct, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    for codename in ("add_page", "change_page", "publish_page"):
        perm = Permission.objects.filter(content_type=page_ct, codename=codename).first()
        if perm:
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)

    task_ct, _ = ContentType.objects.get_or_create(app_label="linting", model="contentlinttask")
    task = ContentLintTask.objects.filter(name=TASK).first()
    if task is None:
        task = ContentLintTask.objects.create(name=TASK, content_type=task_ct, active=True)
    task.groups.add(group)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # The default workflow for every page (replaces Wagtail's "Moderators approval" on the root).
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def backwards(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("linting", "ContentLintTask").objects.filter(name=TASK).delete()
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("linting", "0002_content_lint_task"),
        ("wagtailcore", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
