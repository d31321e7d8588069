"""The newsletter's posting helpers, for the security tests that attack it."""

from tests.newsletter.conftest import confirmed_subscriber, subscribe  # noqa: F401
