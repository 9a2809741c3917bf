"""The API reference's ``baes.utils.code_patcher``: re-exports ``baes.fixes.patcher``."""

from __future__ import annotations

from baes.fixes.patcher import CodePatcher, PatchResult

__all__ = ["CodePatcher", "PatchResult"]
