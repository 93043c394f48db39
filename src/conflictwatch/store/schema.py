"""Tables of the store (SQLAlchemy Core), shared by SQLite and PostgreSQL.

The schema changes only through ``migrations.py``; this module describes the current shape.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

# SQLite wants INTEGER PRIMARY KEY for a rowid alias (used by FTS5); PostgreSQL gets a BIGINT.
PrimaryKey = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

events = sa.Table(
    "events",
    metadata,
    sa.Column("pk", PrimaryKey, primary_key=True, autoincrement=True),
    sa.Column("id", sa.Text, nullable=False, unique=True),
    sa.Column("dataset", sa.Text, nullable=False),
    sa.Column("dataset_id", sa.Text),
    sa.Column("event_date", sa.Date, nullable=False),
    sa.Column("date_start", sa.Date),
    sa.Column("date_end", sa.Date),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("time_precision", sa.SmallInteger),
    sa.Column("date_prec", sa.SmallInteger),
    sa.Column("time_of_day", sa.Text),
    sa.Column("disorder_type", sa.Text),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("sub_event_type", sa.Text, nullable=False),
    sa.Column("actor1", sa.Text, nullable=False),
    sa.Column("assoc_actor_1", sa.Text),
    sa.Column("inter1", sa.SmallInteger),
    sa.Column("actor2", sa.Text),
    sa.Column("assoc_actor_2", sa.Text),
    sa.Column("inter2", sa.SmallInteger),
    sa.Column("interaction", sa.SmallInteger),
    sa.Column("civilian_targeting", sa.Boolean, nullable=False, default=False),
    sa.Column("iso", sa.Integer),
    sa.Column("region", sa.Text),
    sa.Column("country", sa.Text, nullable=False),
    sa.Column("admin1", sa.Text),
    sa.Column("admin2", sa.Text),
    sa.Column("admin3", sa.Text),
    sa.Column("location", sa.Text),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    # floor(latitude): with longitude, the key of the bounding-box index both backends share.
    sa.Column("lat_band", sa.SmallInteger),
    sa.Column("geo_precision", sa.SmallInteger),
    sa.Column("where_prec", sa.SmallInteger),
    sa.Column("fatalities", sa.Integer, nullable=False, default=0),
    sa.Column("fatalities_low", sa.Integer),
    sa.Column("fatalities_high", sa.Integer),
    sa.Column("outcome", sa.Text),
    sa.Column("tags", sa.Text),
    sa.Column("notes", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("source_scale", sa.Text),
    sa.Column("timestamp", sa.BigInteger),
    sa.Column("extra", sa.Text),  # JSON object of dataset-specific fields
    sa.Column("evidence", sa.Text),  # JSON list of per-field evidence
    sa.Column("row_hash", sa.Text, nullable=False),
    # Accent- and case-folded text for PostgreSQL full-text search (SQLite uses FTS5 instead).
    sa.Column("search_text", sa.Text),
    # Added in schema version 2: events of one coordinated operation share an id.
    sa.Column("operation_id", sa.Text),
    sa.UniqueConstraint("dataset", "dataset_id", name="uq_events_dataset_id"),
)

EVENT_INDEXES = (
    sa.Index("ix_events_date", events.c.event_date),
    sa.Index("ix_events_place", events.c.country, events.c.admin1, events.c.admin2),
    sa.Index("ix_events_type", events.c.event_type, events.c.sub_event_type),
    sa.Index("ix_events_sub_type", events.c.sub_event_type),
    sa.Index("ix_events_actor1", events.c.actor1),
    sa.Index("ix_events_actor2", events.c.actor2),
    sa.Index("ix_events_geo", events.c.lat_band, events.c.longitude),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("pk", PrimaryKey, primary_key=True, autoincrement=True),
    sa.Column("id", sa.Text, nullable=False, unique=True),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("language", sa.Text),
    sa.Column("published_at", sa.DateTime(timezone=True)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("content_hash", sa.Text, index=True),
    sa.Column("fetched_at", sa.DateTime(timezone=True)),
    sa.Column("search_text", sa.Text),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), index=True),
    sa.Column("event_id", sa.Text, sa.ForeignKey("events.id", ondelete="SET NULL"), index=True),
    sa.Column("confidence", sa.Float),
    sa.Column("data", sa.Text, nullable=False),  # JSON of the mention's fields
    # Added in schema version 2: the date used to find candidate events, and the resolver's
    # decision (score and reasons, JSON) that put the mention in its event.
    sa.Column("event_date", sa.Date),
    sa.Column("decision", sa.Text),
)

situations = sa.Table(
    "situations",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("location", sa.Text, nullable=False),
    sa.Column("country", sa.Text),
    sa.Column("actor", sa.Text),
    sa.Column("start", sa.Date, nullable=False),
    sa.Column("end", sa.Date),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("notes", sa.Text),
    sa.Column("data", sa.Text),  # JSON: event ids and evidence
)

imports = sa.Table(
    "imports",
    metadata,
    sa.Column("pk", PrimaryKey, primary_key=True, autoincrement=True),
    sa.Column("dataset", sa.Text, nullable=False),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("inserted", sa.Integer, nullable=False),
    sa.Column("updated", sa.Integer, nullable=False),
    sa.Column("unchanged", sa.Integer, nullable=False),
    sa.Column("rejected", sa.Integer, nullable=False),
    sa.Column("deleted", sa.Integer, nullable=False),
)

gazetteers = sa.Table(
    "gazetteers",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("format", sa.Text, nullable=False),
    sa.Column("path", sa.Text),
    sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("places", sa.Integer, nullable=False),
)

places = sa.Table(
    "places",
    metadata,
    sa.Column("pk", PrimaryKey, primary_key=True, autoincrement=True),
    sa.Column(
        "gazetteer",
        sa.Text,
        sa.ForeignKey("gazetteers.name", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("place_id", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("alternate_names", sa.Text),  # ';'-joined
    sa.Column("latitude", sa.Float, nullable=False),
    sa.Column("longitude", sa.Float, nullable=False),
    sa.Column("country", sa.Text),
    sa.Column("admin1", sa.Text),
    sa.Column("admin2", sa.Text),
    sa.Column("feature_class", sa.Text),
    sa.Column("feature_code", sa.Text),
    sa.Column("population", sa.BigInteger),
    sa.UniqueConstraint("gazetteer", "place_id", name="uq_places_gazetteer_id"),
)

boundaries = sa.Table(
    "boundaries",
    metadata,
    sa.Column("pk", PrimaryKey, primary_key=True, autoincrement=True),
    sa.Column("layer", sa.Text, nullable=False, index=True),
    sa.Column("level", sa.SmallInteger, nullable=False),
    sa.Column("boundary_id", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("country", sa.Text),
    sa.Column("parent", sa.Text),
    sa.Column("geometry", sa.Text, nullable=False),  # GeoJSON geometry
    sa.UniqueConstraint("layer", "boundary_id", name="uq_boundaries_layer_id"),
)


# -- added in schema version 2 -------------------------------------------------------------------

event_history = sa.Table(
    "event_history",
    metadata,
    sa.Column("pk", PrimaryKey, primary_key=True, autoincrement=True),
    # No foreign key: the history of an event outlives a merge that removes it.
    sa.Column("event_id", sa.Text, nullable=False, index=True),
    sa.Column("action", sa.Text, nullable=False),  # created, joined, merged, split, recomputed ...
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("by", sa.Text, nullable=False),  # "resolver", "import", or a person's note
    sa.Column("detail", sa.Text),  # JSON: mention ids, scores, reasons, the other event ids
)

source_state = sa.Table(
    "source_state",
    metadata,
    sa.Column("url", sa.Text, primary_key=True),
    sa.Column("kind", sa.Text, nullable=False),  # feed, page, file ...
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("checked_at", sa.DateTime(timezone=True)),
    sa.Column("next_due", sa.DateTime(timezone=True)),
    sa.Column("failures", sa.Integer, nullable=False, default=0),
    sa.Column("last_status", sa.Integer),
    sa.Column("last_error", sa.Text),
    sa.Column("data", sa.Text),  # JSON: item ids already seen, counters
)

V2_INDEXES = (
    sa.Index("ix_events_operation", events.c.operation_id),
    sa.Index("ix_mentions_event_date", mentions.c.event_date),
    sa.Index("ix_articles_url", articles.c.url),
)
