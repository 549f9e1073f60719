"""The advisor: answers + rules (+ the Guide) -> a personal plan. Pure Python, no Qt.

Use :func:`load_rules` (or the cached :func:`default_rules`) once, then call
:func:`plan` as often as the answers change.
"""

from desktop.advisor.plan import Plan, plan
from desktop.advisor.rules import Rules, check_rules, default_rules, load_rules

__all__ = ["Plan", "Rules", "check_rules", "default_rules", "load_rules", "plan"]
