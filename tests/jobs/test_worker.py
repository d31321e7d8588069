"""A real Celery worker does the search index job of a page an editor publishes.

The worker cannot see pytest-django's test database, so each test runs a small newsroom
of its own: a migrated SQLite file, `manage.py shell` to publish, a worker subprocess.
"""

import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from kombu import Connection

from tests.conftest import subprocess_env

REPO_ROOT = Path(__file__).resolve().parents[2]
BROKERS = {
    "redis": ("127.0.0.1", 6379, "redis://127.0.0.1:6379/14"),
    "rabbitmq": ("127.0.0.1", 5672, "amqp://guest:guest@127.0.0.1:5672//"),
}
WORKER = [sys.executable, "-m", "celery", "-A", "cms", "worker", "--pool=solo", "-l", "info"]
# Not --without-heartbeat: on RabbitMQ it left the solo worker idle for 10 s between jobs.
WORKER += ["--without-gossip", "--without-mingle"]
WORKER_READY_TIMEOUT = 60
INDEX_TIMEOUT = 60

PUBLISH_PAGE = """
from wagtail.rich_text import RichText
from wagtail.models import Page
from home.models import HomePage
from articles.models import ArticleIndexPage, ArticlePage
from cms.taxonomy.models import Category

home = Page.get_first_root_node().add_child(instance=HomePage(title="Home", slug="jobs-home"))
section = home.add_child(instance=ArticleIndexPage(title="News", slug="news"))
article = ArticlePage(
    title="Draft", slug="harbour", lead="A lead.", live=False,
    category=Category.objects.create(name="Economy", slug="economy"),
    body=[("paragraph", RichText("<p>Body.</p>"))],
)
section.add_child(instance=article)
article.title = "Harbour reopens: {word}"
article.save_revision().publish()
print(Page.objects.live().filter(title__contains="{word}").count())
"""

COUNT_MATCHES = """
import time
from wagtail.models import Page

deadline = time.monotonic() + {timeout}
while True:
    found = len(Page.objects.live().search("{word}"))
    if found or time.monotonic() > deadline:
        break
    time.sleep(0.5)
print(found)
"""


def reachable(host, port):
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def manage(*args, env, timeout=120):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory):
    """One migration for both brokers' tests; each test works on a copy."""
    tmp = tmp_path_factory.mktemp("jobs-migrated")
    database = tmp / "jobs.sqlite3"
    env = newsroom_env(database, tmp / "media")
    manage("migrate", "--noinput", env=env)
    # Write-ahead logging, kept in the file: the worker writes while the test's polls read.
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
    return database


def newsroom_env(database, media_root, **extra):
    # The worker and the shell write the same file: wait for its lock, don't fail.
    return subprocess_env(f"sqlite:///{database}?timeout=30", media_root, **extra)


@pytest.fixture
def newsroom(request, migrated_database, tmp_path):
    """The env of a newsroom whose jobs go to this test's broker, on a queue of its own."""
    host, port, broker_url = BROKERS[request.param]
    if not reachable(host, port):
        pytest.skip(f"{request.param} is not reachable on {host}:{port}")
    database = tmp_path / "jobs.sqlite3"
    shutil.copy(migrated_database, database)
    queue = f"newsroom-test-{uuid.uuid4().hex[:12]}"
    yield newsroom_env(
        database, tmp_path / "media", CELERY_BROKER_URL=broker_url, CELERY_QUEUE=queue
    )
    delete_queue(broker_url, queue)


def delete_queue(broker_url, queue):
    if broker_url.startswith("redis://"):
        # kombu keeps a Redis queue in several keys (messages, bindings), all named after it.
        client = redis.Redis.from_url(broker_url)
        if keys := list(client.scan_iter(f"*{queue}*")):
            client.delete(*keys)
        return
    with Connection(broker_url) as connection:
        connection.default_channel.queue_delete(queue)
        connection.default_channel.exchange_delete(queue)


@pytest.fixture
def start_worker(newsroom, tmp_path):
    workers = []

    def start():
        log_path = tmp_path / "worker.log"
        queue = newsroom["CELERY_QUEUE"]
        with log_path.open("w") as log:
            worker = subprocess.Popen(
                [*WORKER, "-Q", queue, "-n", f"{queue}@%h"],
                cwd=REPO_ROOT,
                env=newsroom,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        workers.append(worker)
        deadline = time.monotonic() + WORKER_READY_TIMEOUT
        while " ready." not in log_path.read_text():
            if worker.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the worker did not start:\n{log_path.read_text()}")
            time.sleep(0.25)
        return log_path

    yield start
    for worker in workers:
        worker.terminate()
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def search_count(word, env, timeout=0):
    script = COUNT_MATCHES.format(word=word, timeout=timeout)
    return int(manage("shell", "--no-imports", "-c", script, env=env, timeout=timeout + 60))


@pytest.mark.celery
@pytest.mark.parametrize(
    "newsroom",
    [
        pytest.param("redis", marks=pytest.mark.redis),
        pytest.param("rabbitmq", marks=pytest.mark.rabbitmq),
    ],
    indirect=True,
)
def test_worker_indexes_a_published_page(newsroom, start_worker):
    word = f"quay{uuid.uuid4().hex[:10]}"
    assert (
        manage("shell", "--no-imports", "-c", PUBLISH_PAGE.format(word=word), env=newsroom) == "1"
    )
    # With a broker configured nothing runs in-process: the job waits for a worker.
    assert search_count(word, newsroom) == 0

    worker_log = start_worker()

    assert search_count(word, newsroom, timeout=INDEX_TIMEOUT) == 1
    log = worker_log.read_text()
    assert "Running modelsearch.tasks.insert_or_update_object_task" in log
    assert "Running wagtail.tasks.update_reference_index_task" in log
    assert "cms.jobs.run_django_task" in log and "succeeded" in log


REQUEST_WIDGET_REFRESH = """
from cms.widgets.models import ExchangeRate
from cms.widgets.tasks import refresh_exchange_rates_job

for base in ("RUB", "BRL", "CNY"):
    ExchangeRate.objects.create(base_currency=base, quote_currency="USD")
refresh_exchange_rates_job.delay()
print(ExchangeRate.objects.exclude(rate=None).count())
"""

COUNT_REFRESHED_RATES = """
import time
from cms.widgets.models import ExchangeRate

deadline = time.monotonic() + {timeout}
while True:
    refreshed = ExchangeRate.objects.exclude(fetched_at=None).count()
    if refreshed == 3 or time.monotonic() > deadline:
        break
    time.sleep(0.5)
print(refreshed, ExchangeRate.objects.get(base_currency="RUB").rate)
"""


@pytest.fixture
def rates_server():
    """The providers' sample answers, served on loopback in place of the banks."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "http.server",
            str(port),
            "--bind",
            "127.0.0.1",
            "--directory",
            str(REPO_ROOT / "tests" / "data" / "widgets"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not reachable("127.0.0.1", port):
        if time.monotonic() > deadline:
            server.kill()
            pytest.fail("the sample-answer server did not start")
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


@pytest.mark.celery
@pytest.mark.parametrize(
    "newsroom",
    [
        pytest.param("redis", marks=pytest.mark.redis),
        pytest.param("rabbitmq", marks=pytest.mark.rabbitmq),
    ],
    indirect=True,
)
def test_worker_refreshes_the_exchange_rates(newsroom, start_worker, rates_server):
    newsroom |= {
        "CBR_RATES_URL": f"{rates_server}/cbr_daily.xml",
        "ECB_RATES_URL": f"{rates_server}/ecb_daily.xml",
    }
    # Queued, not run: no worker yet, so no rate has a value.
    assert manage("shell", "--no-imports", "-c", REQUEST_WIDGET_REFRESH, env=newsroom) == "0"

    worker_log = start_worker()

    script = COUNT_REFRESHED_RATES.format(timeout=INDEX_TIMEOUT)
    refreshed, rub = manage("shell", "--no-imports", "-c", script, env=newsroom).split()
    assert refreshed == "3"
    assert rub.startswith("0.01111")
    assert "widgets.refresh_exchange_rates" in worker_log.read_text()
