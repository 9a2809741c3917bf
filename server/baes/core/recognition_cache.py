"""The API reference's ``baes.core.recognition_cache``: re-exports ``baes.recognition.cache``."""

from __future__ import annotations

from baes.recognition.cache import CachedRecognition, CacheStats, RecognitionCache, default_cache

__all__ = ["CacheStats", "CachedRecognition", "RecognitionCache", "default_cache"]
