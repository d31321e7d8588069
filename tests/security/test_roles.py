"""What each role may do with the library (pictures, documents, recordings, collections),
asked through the admin's own addresses, and the set-up that gives each group exactly its
rights: Wagtail's stock groups bring more than a newsroom role should hold."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)
from wagtailmedia.models import get_media_model

from articles.models import ArticleIndexPage
from tests.security.staff import login, refused

ROLES = ["admin", "reporter", "editor", "chief", "widgets", "partners", "translator-ru"]
A, R, E, C, W, P, T = ROLES

User = get_user_model()


def upload_image(owner, title):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title,
        file=ImageFile(buffer, name="press-photo.png"),
        uploaded_by_user=owner,
        collection=Collection.get_first_root_node(),
    )


@pytest.fixture
def administrators_uploads(db):
    admin = User.objects.get(username="admin")
    document = get_document_model().objects.create(
        title="Board minutes",
        file=ContentFile(b"Minutes of the board.", name="minutes.txt"),
        uploaded_by_user=admin,
        collection=Collection.get_first_root_node(),
    )
    recording = get_media_model().objects.create(
        title="Interview raw audio",
        type="audio",
        duration=3,
        file=ContentFile(b"not really audio", name="raw.mp3"),
        uploaded_by_user=admin,
        collection=Collection.get_first_root_node(),
    )
    return {
        "image": upload_image(admin, "Photo uploaded by the administrator"),
        "document": document,
        "recording": recording,
    }


def library_urls(uploads):
    image, document, recording = uploads["image"], uploads["document"], uploads["recording"]
    return {
        "add an image": reverse("wagtailimages:add"),
        "choose the administrator's image": reverse("wagtailimages_chooser:choose"),
        "edit the administrator's image": reverse("wagtailimages:edit", args=[image.pk]),
        "delete the administrator's image": reverse("wagtailimages:delete", args=[image.pk]),
        "add a document": reverse("wagtaildocs:add"),
        "choose the administrator's document": reverse("wagtaildocs_chooser:choose"),
        "edit the administrator's document": reverse("wagtaildocs:edit", args=[document.pk]),
        "delete the administrator's document": reverse("wagtaildocs:delete", args=[document.pk]),
        "add a recording": reverse("wagtailmedia:add", args=["audio"]),
        "choose the administrator's recording": reverse("wagtailmedia:chooser"),
        "edit the administrator's recording": reverse("wagtailmedia:edit", args=[recording.pk]),
        "delete the administrator's recording": reverse(
            "wagtailmedia:delete", args=[recording.pk]
        ),
        "add a collection": reverse("wagtailadmin_collections:add"),
    }


# Who may open each: add and choose for those who write; another's upload changed or
# deleted by chief editors only; collections by administrators only.
LIBRARY_ALLOWED = {
    "add an image": {A, R, E, C, P},
    "choose the administrator's image": {A, R, E, C, P},
    "edit the administrator's image": {A, C},
    "delete the administrator's image": {A, C},
    "add a document": {A, R, E, C},
    "choose the administrator's document": {A, R, E, C},
    "edit the administrator's document": {A, C},
    "delete the administrator's document": {A, C},
    "add a recording": {A, R, E, C},
    # wagtailmedia has no "choose" right: its chooser lists what one may change.
    "choose the administrator's recording": {A, C},
    "edit the administrator's recording": {A, C},
    "delete the administrator's recording": {A, C},
    "add a collection": {A},
}


@pytest.mark.django_db
def test_the_library_table_names_every_action(administrators_uploads):
    assert set(LIBRARY_ALLOWED) == set(library_urls(administrators_uploads))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_role_may_or_may_not_open_each_library_action(role, administrators_uploads):
    client = login(role)
    for action, url in library_urls(administrators_uploads).items():
        response = client.get(url)
        if action.startswith("choose"):
            # A chooser opens for anyone, listing what the user may choose.
            kind = action.rsplit(" ", 1)[-1]
            chosen = (
                response.status_code == 200
                and administrators_uploads[kind].title in response.json()["html"]
            )
            assert chosen is (role in LIBRARY_ALLOWED[action]), f"{role}, {action}"
        elif role in LIBRARY_ALLOWED[action]:
            assert response.status_code == 200, f"{role} was refused {action}"
        else:
            assert refused(response), f"{role} may {action} ({response.status_code})"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "url_name"),
    [("document", "wagtaildocs:delete"), ("recording", "wagtailmedia:delete")],
)
def test_editor_cannot_delete_a_document_or_recording_of_an_administrator(
    kind, url_name, administrators_uploads
):
    upload = administrators_uploads[kind]

    response = login("editor").post(reverse(url_name, args=[upload.pk]))

    assert refused(response)
    assert type(upload).objects.filter(pk=upload.pk).exists()


@pytest.mark.django_db
def test_editor_cannot_delete_an_image_uploaded_by_an_administrator(administrators_uploads):
    image = administrators_uploads["image"]

    response = login("editor").post(reverse("wagtailimages:delete", args=[image.pk]))

    assert refused(response)
    assert get_image_model().objects.filter(pk=image.pk).exists()


@pytest.mark.django_db
def test_chief_editor_deletes_an_image_uploaded_by_an_administrator(administrators_uploads):
    image = administrators_uploads["image"]

    response = login("chief").post(reverse("wagtailimages:delete", args=[image.pk]))

    assert response.status_code == 302 and not refused(response)
    assert not get_image_model().objects.filter(pk=image.pk).exists()


@pytest.mark.django_db
def test_reporter_edits_and_deletes_an_image_they_uploaded():
    image = upload_image(User.objects.get(username="reporter"), "Reporter's photo")
    reporter = login("reporter")

    assert reporter.get(reverse("wagtailimages:edit", args=[image.pk])).status_code == 200
    reporter.post(reverse("wagtailimages:delete", args=[image.pk]))

    assert not get_image_model().objects.filter(pk=image.pk).exists()


@pytest.mark.django_db
def test_reporter_chooses_an_image_uploaded_by_an_administrator(administrators_uploads):
    response = login("reporter").get(reverse("wagtailimages_chooser:choose"))

    assert response.status_code == 200
    assert "Photo uploaded by the administrator" in response.json()["html"]


# The set-up command


def rights(group):
    """Everything a group holds, as comparable tuples."""
    return {
        *(("model", p.content_type.app_label, p.codename) for p in group.permissions.all()),
        *(
            ("collection", r.collection_id, r.permission.codename)
            for r in GroupCollectionPermission.objects.filter(group=group)
        ),
        *(
            ("page", r.page_id, r.permission.codename)
            for r in GroupPagePermission.objects.filter(group=group)
        ),
    }


def newsroom_groups():
    return Group.objects.filter(pk__in=User.objects.values("groups")).order_by("name")


@pytest.mark.django_db
def test_setup_gives_editors_no_right_of_wagtails_stock_editors_group():
    call_command("setup_editorial_roles", stdout=io.StringIO())
    editors = Group.objects.get(name="Editors")

    held = rights(editors)

    assert not {r for r in held if r[0] == "collection" and r[2].startswith(("change", "delete"))}
    assert not {r for r in held if r[:2] in {("model", "wagtailimages"), ("model", "wagtaildocs")}}
    assert ("collection", Collection.get_first_root_node().pk, "add_image") in held
    root = Page.get_first_root_node()
    assert not GroupPagePermission.objects.filter(group=editors, page=root).exists()


@pytest.mark.django_db
def test_rerunning_the_setup_takes_away_rights_added_by_hand():
    call_command("setup_editorial_roles", stdout=io.StringIO())
    before = {group.name: rights(group) for group in newsroom_groups()}
    editors, reporters = Group.objects.get(name="Editors"), Group.objects.get(name="Reporters")
    translators = Group.objects.get(name="Translators: Russian")
    root_collection = Collection.get_first_root_node()

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    for codename in ("change_image", "delete_image"):
        GroupCollectionPermission.objects.get_or_create(
            group=editors,
            collection=root_collection,
            permission=permission("wagtailimages", codename),
        )
    editors.permissions.add(permission("wagtailimages", "delete_image"))
    reporters.permissions.add(permission("wagtailcore", "delete_page"))
    GroupPagePermission.objects.get_or_create(
        group=reporters,
        page=ArticleIndexPage.objects.get(locale__language_code="en", slug="news"),
        permission=permission("wagtailcore", "publish_page"),
    )
    GroupPagePermission.objects.get_or_create(
        group=translators,
        page=Page.get_first_root_node(),
        permission=permission("wagtailcore", "bulk_delete_page"),
    )

    call_command("setup_editorial_roles", stdout=io.StringIO())

    assert {group.name: rights(group) for group in newsroom_groups()} == before


@pytest.mark.django_db
def test_running_the_setup_twice_changes_nothing():
    call_command("setup_editorial_roles", stdout=io.StringIO())
    first = {group.name: rights(group) for group in Group.objects.all()}

    call_command("setup_editorial_roles", stdout=io.StringIO())

    assert {group.name: rights(group) for group in Group.objects.all()} == first


@pytest.mark.django_db
def test_wagtails_moderators_group_is_removed_and_its_approval_goes_to_chief_editors():
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    GroupPagePermission.objects.get_or_create(
        group=moderators,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="publish_page"),
    )
    stock_task = GroupApprovalTask.objects.get(name="Moderators approval")
    stock_task.groups.add(moderators)

    call_command("setup_editorial_roles", stdout=io.StringIO())

    assert not Group.objects.filter(name="Moderators").exists()
    assert not GroupPagePermission.objects.filter(page=Page.get_first_root_node()).exists()
    assert list(stock_task.groups.values_list("name", flat=True)) == ["Chief editors"]
