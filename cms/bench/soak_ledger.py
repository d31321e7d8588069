"""Every subscribe post of a soak, by wrk thread and number, against the rows it left."""

import re
from dataclasses import dataclass, field

RATE_LIMITED = 429
EMAIL_DOMAIN = "bench.example"


def email_prefix(run):
    return f"soak-{run}-"


def post_of(run, email):
    """(thread, number) of a soak's address, or None for any other address."""
    found = re.fullmatch(rf"soak-{re.escape(run)}-(\d+)-(\d+)@{re.escape(EMAIL_DOMAIN)}", email)
    return (int(found[1]), int(found[2])) if found else None


@dataclass
class PostLedger:
    """Posts numbered 1..sent per thread; those answered other than accepted; those unanswered.

    Unanswered: in flight when the load stopped, on a connection the server dropped, or
    the one request wrk builds to check the script and never sends.
    """

    sent: dict = field(default_factory=dict)  # thread: posts it built
    refused: dict = field(default_factory=dict)  # (thread, number): status
    unanswered: set = field(default_factory=set)  # {(thread, number)}

    def all_posts(self):
        return {
            (thread, number)
            for thread, count in self.sent.items()
            for number in range(1, count + 1)
        }

    def accepted(self):
        return self.all_posts() - set(self.refused) - self.unanswered

    def reconcile(self, stored):
        """What became of the posts, given the (thread, number) of every row the run left."""
        accepted = self.accepted()
        refused = set(self.refused)
        return {
            "posts_answered": len(self.all_posts() - self.unanswered),
            "accepted": len(accepted),
            "rate_limited": sum(status == RATE_LIMITED for status in self.refused.values()),
            "refused_otherwise": sum(status != RATE_LIMITED for status in self.refused.values()),
            "rows": len(stored),
            "rows_of_answered_posts": len(stored - self.unanswered),
            "lost": len(accepted - stored),
            "rows_though_refused": len(stored & refused),
            "unanswered": len(self.unanswered),
            "unanswered_with_row": len(stored & self.unanswered),
        }
