"""Shared fixtures: the site structure, people, disclaimers and article builders."""

import datetime as dt
import os
import uuid
from pathlib import Path

import pytest

REPO_DIR = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("VETTED_SHARED_DIR", "/work/shared"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"


LOCAL_NAMES = {"localhost", "127.0.0.1", "::1", "ip6-localhost"}


@pytest.fixture(autouse=True)
def no_network_beyond_loopback(monkeypatch):
    """Tests talk to 127.0.0.1 only: any other DNS lookup or connection fails loudly."""
    import ipaddress
    import socket

    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.socket.connect

    def guarded_getaddrinfo(host, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if name is not None and name not in LOCAL_NAMES:
            try:
                if not ipaddress.ip_address(name).is_loopback:
                    raise socket.gaierror(socket.EAI_NONAME, f"test network guard: {name} is not loopback")
            except ValueError:
                raise socket.gaierror(socket.EAI_NONAME, f"test network guard: no DNS for {name}") from None
        return real_getaddrinfo(host, *args, **kwargs)

    def guarded_connect(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            host = address[0]
            if host not in LOCAL_NAMES and not ipaddress.ip_address(host).is_loopback:
                raise OSError(f"test network guard: connection to {host} refused")
        return real_connect(sock, address)

    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", guarded_connect)


@pytest.fixture
def site_pages(db):
    from pages.site_setup import ensure_site

    return ensure_site()


@pytest.fixture
def article_index(site_pages):
    return site_pages[1]


@pytest.fixture
def author(db):
    from pages.snippets import Person

    return Person.objects.create(name="Dr Amara Okafor", credentials="MB BS, MRCP, rheumatologist")


@pytest.fixture
def reviewer(db):
    from pages.snippets import Person

    return Person.objects.create(name="Prof. Lena Marsh", credentials="MD, PhD, neurologist")


def footnote_tag(footnote_uuid) -> str:
    return f'<footnote id="{footnote_uuid}">[{str(footnote_uuid)[:6]}]</footnote>'


@pytest.fixture
def make_article(article_index, author, reviewer):
    """Build (and save as a draft or publish) an ArticlePage with typed sections and a footnote."""
    from wagtail_footnotes.models import Footnote

    from pages.models import ArticlePage, ArticleSource

    def make(title="Knee osteoarthritis: what helps", publish=True, body=None, with_footnote=True,
             with_sources=True, **fields):
        fn_uuid = uuid.uuid4()
        if body is None:
            cite = footnote_tag(fn_uuid) if with_footnote else ""
            body = [
                ("overview", {"heading": "Overview", "text": "<p>This guide explains treatment options.</p>"}),
                ("evidence", {"heading": "What the evidence shows",
                              "text": f"<p>Exercise therapy reduces knee pain in most trials.{cite}</p>"}),
                ("risks", {"heading": "Risks", "text": f"<p>Injections can cause short-lived swelling.{cite}</p>"}),
                ("cta", {"text": "<p>Ask your GP about a physiotherapy referral.</p>", "button_label": "Find a GP",
                         "url": "https://www.nhs.uk/service-search/", "page": None, "sponsored": False}),
            ]
        defaults = dict(
            summary="Treatment options for knee osteoarthritis and what the evidence says.",
            author=author, reviewer=reviewer, last_reviewed=dt.date.today() - dt.timedelta(days=30),
        )
        defaults.update(fields)
        page = ArticlePage(title=title, body=body, **defaults)
        page.sources = [] if not with_sources else [ArticleSource(title="Exercise for osteoarthritis of the knee", publisher="Cochrane Library",
                                      year=2015, doi="10.1002/14651858.CD004376.pub3")]
        if with_footnote:
            page.footnotes = [Footnote(uuid=fn_uuid, text="<p>Cochrane review of exercise therapy, 2015.</p>")]
        article_index.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        else:
            page.unpublish() if page.live else None
        page.refresh_from_db()
        return page

    return make
