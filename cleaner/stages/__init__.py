"""The labelling stages, one module per concern, and the default order they run in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .boilerplate import Boilerplate
from .calls_to_action import CallsToAction
from .captions import Captions
from .comments import Comments
from .dedup import Dedup
from .injected import Injected
from .language import Language
from .listing import Listing
from .metadata import Metadata
from .navigation import Navigation
from .normalize import Normalize
from .related import Related

if TYPE_CHECKING:
    from ..pipeline import Context, Stage

__all__ = [
    "Boilerplate",
    "CallsToAction",
    "Captions",
    "Comments",
    "Dedup",
    "Injected",
    "Language",
    "Listing",
    "Metadata",
    "Navigation",
    "Normalize",
    "Related",
    "build_stages",
]


def build_stages(ctx: Context) -> list[Stage]:
    """Normalize and segment first; language before the stages that need it; dedup last."""
    from ..pipeline import Segment

    return [
        Normalize(ctx),
        Segment(ctx),
        Navigation(ctx),
        Comments(ctx),
        Related(ctx),
        Listing(ctx),
        Captions(ctx),
        CallsToAction(ctx),
        Language(ctx),
        Injected(ctx),
        Metadata(ctx),
        Boilerplate(ctx),
        Dedup(ctx),
    ]
