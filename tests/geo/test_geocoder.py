import pytest
from tests.geo.conftest import SMALL, P

from conflictwatch.geo.context import Context
from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.geocoder import Geocoder
from conflictwatch.taxonomy import GeoPrecision, WherePrecision


@pytest.fixture(scope="module")
def geocoder(small: Gazetteer) -> Geocoder:
    return Geocoder(small)


@pytest.mark.parametrize(
    ("name", "context", "place_id", "geo", "where"),
    [
        ("Boni", "Attack on Boni, in the cercle de Kita", "boni-kayes", 1, 1),
        ("Boni", "JNIM blockade of Boni, between Douentza and Hombori", "boni-mopti", 1, 1),
        ("Timbuktu", "", "tombouctou", 1, 1),
        ("Aguel’hoc", "", "aguelhok", 1, 1),
        ("Aguelhoc", "", "aguelhok", 1, 1),  # phonetic
        ("Tombouctu", "", "tombouctou", 1, 1),  # fuzzy
        ("Gao", "", "gao", 1, 1),  # a bare name is the town, not the region
        ("Gao region", "", "gao-region", 3, 4),
        ("Mopti", "Violence rose across the Mopti region.", "mopti-region", 3, 4),
        ("Mopti", "Boats at the port of Mopti, in the Mopti region.", "mopti", 1, 1),
        ("Djibo", "Siege of Djibo in Burkina Faso", "djibo", 1, 1),
        ("Djibo", "", "djibo", 1, 1),
        ("Djibo", Context(countries=("NE",)), "djibo-ne", 1, 1),
    ],
)
def test_resolve(
    geocoder: Geocoder, name: str, context: object, place_id: str, geo: int, where: int
) -> None:
    result = geocoder.resolve(name, context)  # type: ignore[arg-type]
    assert result.place is not None, result.reason
    assert (result.place.id, result.geo_precision, result.where_prec) == (place_id, geo, where)


def test_a_look_alike_far_from_every_place_the_text_names_is_not_the_place_meant() -> None:
    geocoder = Geocoder(Gazetteer.from_places([
        P("tamala", "Tamala", 12.01, -7.85),  # the south, 1,000 km from Ménaka
        P("menaka", "Ménaka", 15.92, 2.40, feature_code="PPLA"),
        P("tin-hamma", "Tin Hamma", 15.80, 2.10),
    ]))  # fmt: skip
    far = geocoder.resolve("Tamalat", "Des combats à Tamalat, près de Ménaka, au Mali.")
    assert not far.resolved and "look-alike" in far.reason
    assert far.candidates and far.candidates[0].place.id == "tamala"  # still shown
    # Close to a place the text names, a look-alike spelling is the place ("Tin Hama").
    near = geocoder.resolve("Tin Hama", "Des combats à Tin Hama, près de Ménaka, au Mali.")
    assert near.place is not None and near.place.id == "tin-hamma"
    # With no other place named, the look-alike stands: nothing says it is another place.
    assert geocoder.resolve("Tamalat", "Des combats à Tamalat.").resolved


def test_ambiguity_is_shown_not_hidden(geocoder: Geocoder) -> None:
    result = geocoder.resolve("Boni")
    assert {c.place.id for c in result.candidates} == {"boni-mopti", "boni-kayes"}
    assert result.candidates[0].score >= result.candidates[1].score
    assert "candidates" in result.reason


def test_unknown_name_is_unresolved_with_a_reason(geocoder: Geocoder) -> None:
    result = geocoder.resolve("Xyzzyville")
    assert not result.resolved and result.place is None and result.candidates == ()
    assert "Xyzzyville" in result.reason


@pytest.mark.parametrize(
    ("name", "km_from_anchor", "geo", "where"),
    [
        ("30 km north of Gao", 30, GeoPrecision.NEAR_PLACE, WherePrecision.WITHIN_25KM),
        ("à 30 km au nord de Gao", 30, GeoPrecision.NEAR_PLACE, WherePrecision.WITHIN_25KM),
        ("near Gao", 0, GeoPrecision.NEAR_PLACE, WherePrecision.WITHIN_25KM),
        ("50 km from Gao", 0, GeoPrecision.NEAR_PLACE, WherePrecision.ADMIN2),
    ],
)
def test_offsets(
    geocoder: Geocoder, name: str, km_from_anchor: float, geo: int, where: int
) -> None:
    from conflictwatch.geo.gazetteer import haversine_km

    result = geocoder.resolve(name)
    assert result.latitude is not None and result.longitude is not None
    km = haversine_km(16.2717, -0.0447, result.latitude, result.longitude)
    assert km == pytest.approx(km_from_anchor, abs=0.5)
    assert (result.geo_precision, result.where_prec) == (geo, where)


def test_between_is_the_midpoint_and_a_road_is_linear(geocoder: Geocoder) -> None:
    between = geocoder.resolve("between Boni and Hombori")
    assert between.latitude == pytest.approx((15.0766 + 15.279) / 2, abs=0.01)
    assert between.where_prec is WherePrecision.LINEAR_OR_AREA  # 30 km each way: beyond 25
    road = geocoder.resolve("on the Gao-Ansongo road")
    assert road.where_prec is WherePrecision.LINEAR_OR_AREA
    assert road.latitude == pytest.approx((16.2717 + 15.6597) / 2, abs=0.05)


def test_relative_with_unknown_anchor_says_so(geocoder: Geocoder) -> None:
    result = geocoder.resolve("20 km south of Nowhereville")
    assert not result.resolved and "anchor" in result.reason


def test_admin_fields_come_from_the_gazetteer_without_boundaries(geocoder: Geocoder) -> None:
    result = geocoder.resolve("Hombori")
    assert (result.country, result.admin1, result.admin2) == ("ML", "Mopti", "Douentza")


def test_lookups_never_mutate_and_repeat_identically(geocoder: Geocoder) -> None:
    assert geocoder.resolve("Boni", "cercle de Kita") == geocoder.resolve("Boni", "cercle de Kita")


@pytest.mark.parametrize(
    ("name", "context", "seat"),
    [
        ("Gao region", "", "gao"),
        ("Mopti", "Violence rose across the Mopti region.", "mopti"),
    ],
)
def test_an_area_is_coded_at_the_town_it_is_named_after(
    geocoder: Geocoder, name: str, context: str, seat: str
) -> None:
    area = geocoder.resolve(name, context)
    placed = geocoder.at_seat(area)
    town = next(p for p in SMALL if p.id == seat)
    assert (placed.latitude, placed.longitude) == (town.latitude, town.longitude)
    assert (placed.place, placed.geo_precision, placed.where_prec) == (
        area.place, area.geo_precision, area.where_prec,
    )  # fmt: skip


def test_a_town_or_an_area_without_a_town_of_its_name_stays_where_it_is(
    geocoder: Geocoder,
) -> None:
    town = geocoder.resolve("Ansongo")
    assert geocoder.at_seat(town) == town


def test_an_offset_is_coded_at_its_reference_town_as_acled_does(geocoder: Geocoder) -> None:
    offset = geocoder.resolve("30 km north of Gao")
    coded = geocoder.at_reference(offset)
    assert (coded.latitude, coded.longitude) == (16.2717, -0.0447)
    assert coded.geo_precision is GeoPrecision.NEAR_PLACE and coded.place == offset.place
    assert "30 km" in coded.reason  # the offset point is kept in the reason


def test_a_road_is_coded_at_its_first_town(geocoder: Geocoder) -> None:
    coded = geocoder.at_reference(geocoder.resolve("on the Gao-Ansongo road"))
    assert (coded.latitude, coded.longitude) == (16.2717, -0.0447)


@pytest.mark.parametrize("name", ["between Boni and Hombori", "Hombori", "near Gao"])
def test_other_places_keep_their_point(geocoder: Geocoder, name: str) -> None:
    resolved = geocoder.resolve(name)
    assert geocoder.at_reference(resolved) == resolved


def test_a_close_spelling_abroad_is_not_taken_for_a_place_in_the_countries_of_the_text() -> None:
    # A namesake of a Malian town, abroad: only a misspelling of it points there.
    places = [P("abroad", "Tombouctou", 7.9, -6.2, "CI"), P("gao", "Gao", 16.27, -0.04, "ML")]
    geocoder = Geocoder(Gazetteer.from_places(places))
    assert geocoder.resolve("Tombouctu").place.id == "abroad"  # type: ignore[union-attr]
    abroad = geocoder.resolve("Tombouctu", Context(countries=("ML",)))
    assert not abroad.resolved and "in ML" in abroad.reason
    exact = geocoder.resolve("Tombouctou", Context(countries=("ML",)))
    assert exact.resolved  # a name written as the gazetteer has it still counts abroad


def test_a_country_named_in_a_text_about_it_is_the_country_not_a_namesake_town() -> None:
    from conflictwatch.geo.builtin import country_places

    towns = [P("mali-gn", "Mali", 12.08, -12.30, "GN", population=6293),
             P("bamako", "Bamako", 12.65, -8.0, "ML", population=1_800_000),
             P("gao-town", "Gao", 16.27, -0.04, "ML", population=86_000)]  # fmt: skip
    geocoder = Geocoder(Gazetteer.from_places([*towns, *country_places(towns)]))
    found = geocoder.resolve("Mali", "Soldiers were killed in central Mali on Sunday.")
    assert found.place is not None and found.place.country == "ML"
    assert (found.geo_precision, found.where_prec) == (GeoPrecision.REGION, WherePrecision.COUNTRY)
    # a possessive names the country too: "Niger's army", "Mali’s capital"
    for text in ("Gunmen struck two sites in Mali's capital on Tuesday.",
                 "Gunmen struck two sites in Mali’s capital on Tuesday."):  # fmt: skip
        found = geocoder.resolve("Mali", text)
        assert found.place is not None and found.place.country == "ML", text


def test_country_words_are_read_through_a_possessive() -> None:
    assert Context.from_text("Niger's army and Burkina Faso’s volunteers").countries == ("NE", "BF")


@pytest.mark.parametrize(
    "text",
    [
        "Le groupe est actif dans le delta intérieur du Niger.",
        "Boats on the Niger River near Gao were shelled.",
        "la boucle du Niger",
        "les terres de l'Office du Niger",
        "the inner Niger delta",
    ],
)
def test_the_river_niger_names_no_country(text: str) -> None:
    assert Context.from_text(text).countries == ()
    assert Context.from_text(f"{text} Au Niger, l'armée patrouille.").countries == ("NE",)


def test_an_alternate_name_abroad_is_not_taken_but_a_place_s_own_name_still_ranks() -> None:
    places = [P("tonho", "Tonho", 7.9, -6.2, "CI", alternate_names=("Tongo",)),
              P("kb-ne", "Kelbakoro", 13.9, 3.0, "NE"), P("gao", "Gao", 16.27, -0.04, "ML")]  # fmt: skip
    geocoder = Geocoder(Gazetteer.from_places(places))
    assert geocoder.resolve("Tongo").place.id == "tonho"  # type: ignore[union-attr]
    assert not geocoder.resolve("Tongo", Context(countries=("NE", "ML"))).resolved
    # a place's own name abroad stays a candidate (ranked below the text's countries)
    assert geocoder.resolve("Kelbakoro", Context(countries=("ML",))).resolved


def test_a_quarter_of_the_city_the_text_names_beats_a_village_of_its_name() -> None:
    places = [
        P("faladie-village", "Faladié", 13.14, -8.34, admin1="Koulikoro", population=3685),
        P("faladie-bamako", "Faladié", 12.605, -7.955, admin1="Bamako", feature_code="PPLX"),
        P("bamako", "Bamako", 12.65, -8.0, population=1_800_000, feature_code="PPLC"),
    ]
    geocoder = Geocoder(Gazetteer.from_places(places))
    found = geocoder.resolve(
        "Faladié", "Gunmen attacked the gendarmerie school in Faladié, Bamako."
    )
    assert found.place is not None and found.place.id == "faladie-bamako"
    assert "a quarter of Bamako" in found.reason
    # named with an area word, the quarter is still a place, not an area ("the Faladié district")
    district = geocoder.resolve(
        "the Faladié district", "Gunmen attacked the Faladié district, Bamako."
    )
    assert district.place is not None and district.place.id == "faladie-bamako"
    assert (district.geo_precision, district.where_prec) == (
        GeoPrecision.PLACE,
        WherePrecision.EXACT,
    )


def test_two_names_of_one_town_pull_a_namesake_towards_it_once() -> None:
    # Two Bourems: one 40 km from Timbuktu, the other 20 km from Gao. Named twice, as
    # "Timbuktu" and "Tombouctou", Timbuktu still counts as one place beside Gao.
    geocoder = Geocoder(Gazetteer.from_places([
        P("timbuktu", "Tombouctou", 16.77, -3.01, alternate_names=("Timbuktu",)),
        P("gao", "Gao", 16.27, -0.04),
        P("bourem-west", "Bourem", 16.77, -2.64),
        P("bourem-east", "Bourem", 16.45, -0.04),
    ]))  # fmt: skip
    text = (
        "The boat Tombouctou, bound for Timbuktu, was shelled as fighters attacked Bourem and Gao."
    )
    resolution = geocoder.resolve("Bourem", text)
    assert resolution.place is not None and resolution.place.id == "bourem-east"


def test_abbreviated_days_and_months_are_not_places_of_the_text() -> None:
    nearby = Context.from_text("• Sun 26 Jan — Mali: jihadists attacked the post at Sokolo.").nearby
    assert "Sokolo" in nearby
    assert not {"Sun", "Jan"} & set(nearby)
