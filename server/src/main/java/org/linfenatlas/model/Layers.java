package org.linfenatlas.model;

import static org.linfenatlas.model.PropertySpec.array;
import static org.linfenatlas.model.PropertySpec.integer;
import static org.linfenatlas.model.PropertySpec.number;
import static org.linfenatlas.model.PropertySpec.object;
import static org.linfenatlas.model.PropertySpec.string;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The five layers of the atlas, in the order they are listed. */
public final class Layers {
    public static final String COUNTIES = "counties";
    public static final String BELTS = "belts";
    public static final String RIVERS = "rivers";
    public static final String PROJECTS = "projects";
    public static final String PLACES = "places";

    public static final LayerSpec COUNTIES_SPEC = new LayerSpec(COUNTIES,
            "Counties of Linfen", "临汾市县级行政区",
            "The 17 county-level divisions of Linfen with the plan's belt of each.",
            true,
            List.of(string("adcode", "GB/T 2260 administrative code"),
                    string("name", "Chinese name"),
                    string("name_en", "English name"),
                    string("belt", "Belt of the plan: fen, yellow or taiyue"),
                    array("seat", "County seat [lon, lat] as given by the source"),
                    number("area_km2", "Geodesic area in km², computed by the server")),
            Map.of("belt", "belt", "name", "name"),
            List.of("id", "name", "belt", "adcode"),
            false);

    public static final LayerSpec BELTS_SPEC = new LayerSpec(BELTS,
            "Belts of the plan", "三大板块",
            "The plan's three belts (沿汾, 沿黄, 沿太岳), dissolved from their counties by the server.",
            false,
            List.of(string("name", "Chinese name"),
                    string("name_en", "English name"),
                    array("counties", "Names of the belt's counties"),
                    number("area_km2", "Geodesic area in km², the sum of its counties")),
            Map.of(),
            List.of("id", "name"),
            false);

    public static final LayerSpec RIVERS_SPEC = new LayerSpec(RIVERS,
            "Rivers", "河流",
            "The Yellow and Fen rivers (GSHHG WDBII).",
            true,
            List.of(string("name", "Chinese name"),
                    string("name_en", "English name"),
                    integer("level", "WDBII river level"),
                    string("source", "Source dataset"),
                    string("note", "How the line was identified and clipped")),
            Map.of("name", "name"),
            List.of("id", "name"),
            false);

    public static final LayerSpec PROJECTS_SPEC = new LayerSpec(PROJECTS,
            "Projects of the plans", "规划项目",
            "Projects, facilities, zones and routes named by Linfen's regional plans, with how precisely each is placed.",
            true,
            List.of(string("name", "Name as the plan writes it"),
                    string("name_en", "English name"),
                    array("aliases", "Other names the plans use"),
                    string("category", "Sector of the plan that lists it"),
                    array("counties", "Counties it lies in"),
                    string("counties_basis", "Where its counties come from: name (its own name names them), text (the plan's sentence or"
                            + " column entry names them, or names none), inferred (the plan names no county; derived from a place it names"
                            + " or from outside knowledge, as place_basis says)"),
                    array("belts", "Belts derived from its counties"),
                    string("kind", "point, line or area (the geometry it has or would have), or none: not a place (a product category)"),
                    string("status", "build, upgrade, plan or existing"),
                    object("figures", "Figures the plan states (length_km, capacity_mw, investment_yi_yuan, ...)"),
                    string("source", "Document and column or section of the plan"),
                    string("summary_zh", "Summary in Chinese"),
                    string("summary_en", "Summary in English"),
                    string("precision", "How well its position is known: site, landmark, town, county, city, or none (geometry null:"
                            + " not a place, or a site the plans leave open)"),
                    string("parent", "Id of the bundle it belongs to"),
                    string("place_basis", "How the geometry was made and where a position comes from, in Chinese and English"),
                    string("stage", "How the project is going: planning, preparation, construction, completed or suspended; absent until an editor sets it"),
                    integer("start_year", "Year construction started"),
                    integer("completion_year", "Year it was or is to be completed"),
                    number("investment_planned_yi_yuan", "Planned total investment in 亿元"),
                    number("investment_completed_yi_yuan", "Investment completed so far in 亿元"),
                    integer("investment_year", "Year the investment figures were reported"),
                    string("progress_zh", "How it is going, in Chinese"),
                    string("progress_en", "How it is going, in English"),
                    string("updated_at", "When an editor last changed it (RFC 3339, UTC), set by the server"),
                    integer("updated_by", "User id of the editor who last changed it, set by the server")),
            Map.of("category", "category", "county", "counties", "belt", "belts", "status", "status",
                    "precision", "precision", "kind", "kind", "parent", "parent", "stage", "stage",
                    "counties_basis", "counties_basis"),
            List.of("id", "name", "name_en", "category", "status", "precision", "stage", "updated_at"),
            true);

    public static final LayerSpec PLACES_SPEC = new LayerSpec(PLACES,
            "Places", "地名",
            "County seats and townships (乡镇) of Linfen, a gazetteer. Positions: GeoNames cities-500, contains GeoNames data"
                    + " (https://www.geonames.org/) licensed under CC BY 4.0; names and counties checked against the division list"
                    + " of china-division. Townships GeoNames lacks have no geometry.",
            true,
            List.of(string("name", "Chinese name"),
                    string("name_en", "English name"),
                    string("pinyin", "Toneless pinyin of the name without its suffix"),
                    array("aliases", "Other names: without 乡/镇, and 某县城 for a county seat"),
                    string("county", "County it lies in"),
                    string("kind", "county_seat, town (镇), township (乡) or subdistrict (街道)"),
                    string("division_code", "Code in the division list (GB/T 2260 + 3 digits), if any"),
                    integer("geonames_id", "GeoNames id of the position, if any"),
                    string("source", "Where the name, county and position come from, in Chinese and English")),
            Map.of("county", "county", "place_kind", "kind"),
            List.of("id", "name", "county", "kind"),
            true);

    public static final List<LayerSpec> ALL = List.of(COUNTIES_SPEC, BELTS_SPEC, RIVERS_SPEC, PROJECTS_SPEC, PLACES_SPEC);

    public static final List<LayerSpec> STORED = ALL.stream().filter(LayerSpec::stored).toList();

    public static Optional<LayerSpec> byId(String id) {
        return ALL.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    private Layers() {
    }
}
