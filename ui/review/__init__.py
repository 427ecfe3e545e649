"""The review screen: extracted obligations checked against the agreement's text, confirmed, edited or rejected."""

from ui.review.page import ReviewPage

__all__ = ["ReviewPage"]
