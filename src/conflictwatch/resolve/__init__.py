"""Resolution: mentions from many reports into events (blocking, scoring, constrained clustering).

Pure: mentions in, decisions and events out; the store (``store/resolution.py``) does the I/O.

>>> from conflictwatch.knowledge import load_pack
>>> actors = ActorIndex(load_pack("sahel"))              # build once, pass in
>>> clusters = cluster(mentions, actors)                 # doctest: +SKIP
"""

from .clustering import Cluster, Decision, Resolution, Resolver, cluster, cluster_labels
from .features import ActorIndex, Encoder, Features, sub_event_family
from .fields import build_event, event_id_for, fatality_range
from .metrics import PRF, bcubed, pairwise
from .operations import link_operations
from .options import ResolveOptions, Weights
from .scoring import COMPONENTS, PairScores, Reason, score_pairs

__all__ = [
    "COMPONENTS",
    "PRF",
    "ActorIndex",
    "Cluster",
    "Decision",
    "Encoder",
    "Features",
    "PairScores",
    "Reason",
    "Resolution",
    "ResolveOptions",
    "Resolver",
    "Weights",
    "bcubed",
    "build_event",
    "cluster",
    "cluster_labels",
    "event_id_for",
    "fatality_range",
    "link_operations",
    "pairwise",
    "score_pairs",
    "sub_event_family",
]
