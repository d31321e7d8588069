"""A Redis cache the site keeps serving without: when Redis is down or unreachable, reads
miss, writes are dropped and a warning is logged, instead of every page answering 500."""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
WARN_EVERY_SECONDS = 60


class ResilientRedisCacheClient(RedisCacheClient):
    last_warning = 0.0

    def failed(self, operation, error, answer):
        now = time.monotonic()
        # One line a minute per process: a page touches the cache many times.
        if now - ResilientRedisCacheClient.last_warning >= WARN_EVERY_SECONDS:
            ResilientRedisCacheClient.last_warning = now
            logger.warning(
                "Redis cache unavailable (%s failed: %s); serving without it", operation, error
            )
        return answer

    def add(self, key, value, timeout):
        try:
            return super().add(key, value, timeout)
        except RedisError as error:
            return self.failed("add", error, False)

    def get(self, key, default):
        try:
            return super().get(key, default)
        except RedisError as error:
            return self.failed("get", error, default)

    def set(self, key, value, timeout):
        try:
            return super().set(key, value, timeout)
        except RedisError as error:
            return self.failed("set", error, None)

    def touch(self, key, timeout):
        try:
            return super().touch(key, timeout)
        except RedisError as error:
            return self.failed("touch", error, False)

    def delete(self, key):
        try:
            return super().delete(key)
        except RedisError as error:
            return self.failed("delete", error, False)

    def get_many(self, keys):
        try:
            return super().get_many(keys)
        except RedisError as error:
            return self.failed("get_many", error, {})

    def has_key(self, key):
        try:
            return super().has_key(key)
        except RedisError as error:
            return self.failed("has_key", error, False)

    def incr(self, key, delta):
        try:
            return super().incr(key, delta)
        except RedisError as error:
            # As for a missing key: callers that count (the newsletter's limit) start over.
            self.failed("incr", error, None)
            raise ValueError(f"Key {key!r} not found (Redis unavailable)") from error

    def set_many(self, data, timeout):
        try:
            return super().set_many(data, timeout)
        except RedisError as error:
            return self.failed("set_many", error, None)

    def delete_many(self, keys):
        try:
            return super().delete_many(keys)
        except RedisError as error:
            return self.failed("delete_many", error, None)

    def clear(self):
        try:
            return super().clear()
        except RedisError as error:
            return self.failed("clear", error, False)


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient
