package org.linfenatlas.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.linfenatlas.auth.Authenticator;
import org.linfenatlas.auth.Principal;
import org.linfenatlas.edit.ProjectValidator;
import org.linfenatlas.indicators.Actual;
import org.linfenatlas.indicators.ActualChange;
import org.linfenatlas.indicators.ActualHistoryEntry;
import org.linfenatlas.indicators.ActualsStore;
import org.linfenatlas.indicators.IndicatorCatalogue;
import org.linfenatlas.indicators.IndicatorCatalogue.Indicator;
import org.linfenatlas.store.Author;
import org.linfenatlas.store.StoreError;
import org.linfenatlas.store.StoreError.Kind;
import org.linfenatlas.store.StoreError.Problem;

/**
 * The plan's tables as JSON resources, beside the feature collections: {@code /api/indicators} (表2: every
 * indicator with its 2020 baseline, its 2025 target as written, and the actual values recorded since),
 * {@code /api/indicators/{id}} (one indicator with the history of its values), {@code /api/economy} (表1,
 * 2015–2020), and {@code /api/indicators/{id}/actuals/{year}}, which an admin writes: PUT {value, source}
 * with If-Match (a recorded value's ETag) or If-None-Match: * (the year's first value), DELETE with
 * If-Match. Public answers are cached and tagged like the collections' (the list by the store's revision);
 * the write path refuses as the projects' does: 401, 403 (CSRF or not an admin), 428, 412, 415, 413, 400, 422.
 */
public final class IndicatorsApi {
    static final String INDICATORS = OgcApi.PREFIX + "/indicators";
    static final String INDICATOR = INDICATORS + "/{indicatorId}";
    static final String ACTUAL = INDICATOR + "/actuals/{year}";
    static final String ECONOMY = OgcApi.PREFIX + "/economy";
    /** A value and its source note: a few hundred bytes. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    static final int MAX_SOURCE_LENGTH = 500;
    private static final Pattern ACTUAL_PATH = Pattern.compile(Pattern.quote(INDICATORS) + "/[^/]+/actuals/[^/]+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IndicatorCatalogue catalogue;
    private final ActualsStore actuals;
    private final Authenticator auth;
    private final ResponseCache cache;

    public IndicatorsApi(IndicatorCatalogue catalogue, ActualsStore actuals, Authenticator auth, ResponseCache cache) {
        this.catalogue = catalogue;
        this.actuals = actuals;
        this.auth = auth;
        this.cache = cache;
    }

    /** What a path of the actual values accepts besides GET, HEAD and OPTIONS (for 405's Allow). */
    public static boolean isActualPath(String path) {
        return ACTUAL_PATH.matcher(path).matches();
    }

    public void register(JavalinConfig config) {
        for (var route : Map.<String, io.javalin.http.Handler>of(INDICATORS, this::list, INDICATOR, this::one, ACTUAL, this::actual,
                ECONOMY, this::economy).entrySet()) {
            config.routes.get(route.getKey(), route.getValue());
            config.routes.head(route.getKey(), route.getValue());
        }
        config.routes.put(ACTUAL, this::record);
        config.routes.delete(ACTUAL, this::remove);
    }

    // ---------- reads ----------

    /** Every indicator with its recorded values (no authors: the answer is public and cached). */
    private void list(Context ctx) {
        checkFormat(ctx);
        // the revision first, then the data: never older values under a newer key
        String key = Http.cacheKey("indicators:" + actuals.revision(), ctx);
        String api = Http.baseUrl(ctx) + OgcApi.PREFIX;
        Http.send(ctx, cache.get(key, () -> EncodedResponse.lasting(OgcApi.json(listDocument(api)), Http.JSON, null)));
    }

    private Map<String, Object> listDocument(String api) {
        Map<String, List<Map<String, Object>>> byIndicator = new LinkedHashMap<>();
        for (Actual a : actuals.all()) {
            byIndicator.computeIfAbsent(a.indicator(), k -> new ArrayList<>()).add(actualDocument(a, false));
        }
        Map<String, Object> doc = toMap(catalogue.indicatorsDocument());
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (JsonNode node : catalogue.indicatorsDocument().path("indicators")) {
            Map<String, Object> indicator = toMap(node);
            String id = node.path("id").asText();
            indicator.put("actuals", byIndicator.getOrDefault(id, List.of()));
            indicator.put("links", List.of(new Link(api + "/indicators/" + Http.encode(id), "item", Http.JSON,
                    "The indicator with the history of its values")));
            indicators.add(indicator);
        }
        doc.put("indicators", indicators);
        doc.put("links", List.of(new Link(api + "/indicators", "self", Http.JSON, "The indicators"),
                new Link(api + "/economy", "related", Http.JSON, "Economy 2015–2020 (表1)")));
        return doc;
    }

    /** One indicator, its values and their history (authors for signed-in users only: never cached). */
    private void one(Context ctx) {
        checkFormat(ctx);
        Indicator indicator = indicator(ctx);
        boolean signedIn = auth.principal(ctx).isPresent();
        String api = Http.baseUrl(ctx) + OgcApi.PREFIX;
        Map<String, Object> doc = null;
        for (JsonNode node : catalogue.indicatorsDocument().path("indicators")) {
            if (node.path("id").asText().equals(indicator.id())) {
                doc = toMap(node);
            }
        }
        doc.put("actuals", actuals.all().stream().filter(a -> a.indicator().equals(indicator.id()))
                .map(a -> actualDocument(a, signedIn)).toList());
        doc.put("history", actuals.history(indicator.id()).stream().map(e -> historyDocument(e, signedIn)).toList());
        doc.put("links", List.of(new Link(api + "/indicators/" + Http.encode(indicator.id()), "self", Http.JSON, "This indicator"),
                new Link(api + "/indicators", "collection", Http.JSON, "Every indicator")));
        noStore(ctx).header("Vary", "Cookie, Authorization").contentType(Http.JSON).result(OgcApi.json(doc));
    }

    /** One recorded value with the ETag a write must send back. */
    private void actual(Context ctx) {
        checkFormat(ctx);
        Indicator indicator = indicator(ctx);
        int year = year(ctx);
        Actual a = actuals.get(indicator.id(), year).orElseThrow(() -> StoreError.notFound(
                "no value of " + indicator.id() + " is recorded for " + year));
        sendActual(ctx.status(200), a, auth.principal(ctx).isPresent());
    }

    private void economy(Context ctx) {
        checkFormat(ctx);
        String key = Http.cacheKey("economy", ctx);
        String api = Http.baseUrl(ctx) + OgcApi.PREFIX;
        Http.send(ctx, cache.get(key, () -> {
            Map<String, Object> doc = toMap(catalogue.economyDocument());
            doc.put("links", List.of(new Link(api + "/economy", "self", Http.JSON, "Economy 2015–2020 (表1)"),
                    new Link(api + "/indicators", "related", Http.JSON, "The indicators (表2)")));
            return EncodedResponse.lasting(OgcApi.json(doc), Http.JSON, null);
        }));
    }

    // ---------- writes ----------

    /** PUT {value, source}: the year's first value (If-None-Match: *, 201) or a new one for it (If-Match, 200). */
    private void record(Context ctx) {
        Indicator indicator = indicator(ctx);
        int year = year(ctx);
        Principal user = requireAdmin(ctx);
        long expected = precondition(ctx, indicator, year, true);
        JsonNode body = body(ctx);
        Map.Entry<Double, String> valid;
        try {
            valid = validate(indicator, body);
        } catch (StoreError e) {
            Errors.send(ctx, 422, "InvalidValue", e.getMessage(), e.details());
            return;
        }
        ActualHistoryEntry entry = commit(ctx, new ActualChange(indicator.id(), year, expected, valid.getKey(), valid.getValue(),
                new Author(user.userId(), user.name()), now()));
        if (entry.operation() == ActualHistoryEntry.Operation.CREATE) {
            ctx.header("Location", Http.baseUrl(ctx) + OgcApi.PREFIX + "/indicators/" + Http.encode(indicator.id()) + "/actuals/" + year);
            sendActual(ctx.status(201), entry.after(), true);
        } else {
            sendActual(ctx.status(200), entry.after(), true);
        }
    }

    /** DELETE with If-Match: the year has no value again (its history keeps what it had). */
    private void remove(Context ctx) {
        Indicator indicator = indicator(ctx);
        int year = year(ctx);
        Principal user = requireAdmin(ctx);
        long expected = precondition(ctx, indicator, year, false);
        commit(ctx, new ActualChange(indicator.id(), year, expected, null, null, new Author(user.userId(), user.name()), now()));
        noStore(ctx).status(204);
    }

    private ActualHistoryEntry commit(Context ctx, ActualChange change) {
        try {
            return actuals.commit(change);
        } catch (StoreError e) {
            if (e.kind() == Kind.PRECONDITION_FAILED) { // another writer got there first
                actuals.get(change.indicator(), change.year()).ifPresent(a -> ctx.header("ETag", etag(a)));
            }
            throw e;
        }
    }

    private Principal requireAdmin(Context ctx) {
        Principal user = auth.requireWriter(ctx);
        if (!user.isAdmin()) {
            throw StoreError.of(Kind.FORBIDDEN, "only an admin may record the indicators' actual values");
        }
        return user;
    }

    /**
     * The version the stored value must have: If-Match names a recorded value's ETag (412 with the current
     * ETag when stale, or when none is recorded); If-None-Match: * says there is none yet (412 when there is);
     * neither is 428, so that no write ever overwrites a value its author has not seen.
     */
    private long precondition(Context ctx, Indicator indicator, int year, boolean mayCreate) {
        String ifMatch = ctx.header("If-Match");
        String ifNoneMatch = ctx.header("If-None-Match");
        Optional<Actual> current = actuals.get(indicator.id(), year);
        if (ifMatch != null && !ifMatch.isBlank()) {
            Actual a = current.orElseThrow(() -> StoreError.versionMismatch("no value of " + indicator.id() + " is recorded for "
                    + year + (mayCreate ? "; send If-None-Match: * to record the first" : ""), 0));
            if (!FeatureTags.matches(ifMatch, version(a))) {
                ctx.header("ETag", etag(a));
                throw StoreError.versionMismatch("the value changed since the ETag you sent; GET it again", a.version());
            }
            return a.version();
        }
        if (mayCreate && ifNoneMatch != null && ifNoneMatch.strip().equals("*")) {
            if (current.isPresent()) {
                ctx.header("ETag", etag(current.get()));
                throw StoreError.versionMismatch("a value of " + indicator.id() + " is recorded for " + year
                        + " already; send If-Match with its ETag to change it", current.get().version());
            }
            return 0;
        }
        throw StoreError.of(Kind.PRECONDITION_REQUIRED, mayCreate
                ? "send If-Match with the value's ETag (GET it first), or If-None-Match: * to record the year's first value"
                : "send If-Match with the value's ETag (GET it first)");
    }

    private static JsonNode body(Context ctx) {
        String type = Optional.ofNullable(ctx.contentType()).map(t -> t.split(";")[0].strip().toLowerCase()).orElse("");
        if (!type.equals("application/json")) {
            throw new ApiException(415, "UnsupportedMediaType", "send the body as application/json: {\"value\": 12, \"source\": \"…\"}");
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BODY_BYTES) {
            throw StoreError.of(Kind.TOO_LARGE, "the body has " + bytes.length + " bytes; at most " + MAX_BODY_BYTES + " are accepted");
        }
        JsonNode body = ProjectValidator.parseBody(bytes);
        if (!body.isObject()) {
            throw StoreError.malformed("the body must be a JSON object {\"value\", \"source\"}",
                    List.of(new Problem("", "not a JSON object")));
        }
        return body;
    }

    /** The value and the trimmed source, or INVALID with every problem at once. */
    static Map.Entry<Double, String> validate(Indicator indicator, JsonNode body) {
        List<Problem> problems = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("value") && !name.equals("source")) {
                problems.add(new Problem(ItemsRequestParser.clip(name), "unknown property: send value and source only"));
            }
        }
        JsonNode value = body.get("value");
        Double number = null;
        if (value == null || value.isNull()) {
            problems.add(new Problem("value", "required: the indicator's actual value in " + indicator.unit()));
        } else if (!value.isNumber()) {
            problems.add(new Problem("value", "must be a number (in " + indicator.unit() + "), not " + value.getNodeType().name().toLowerCase()));
        } else {
            double v = value.doubleValue();
            if (!Double.isFinite(v)) {
                problems.add(new Problem("value", "must be a finite number"));
            } else if (v < 0) {
                problems.add(new Problem("value", "must not be negative"));
            } else if (v > indicator.max()) {
                problems.add(new Problem("value", "must be at most " + number(indicator.max()) + " " + indicator.unit()));
            } else if (indicator.integer() && v != Math.rint(v)) {
                problems.add(new Problem("value", "must be a whole number: the indicator counts " + indicator.unit()));
            } else {
                number = v;
            }
        }
        JsonNode source = body.get("source");
        String text = null;
        if (source == null || source.isNull()) {
            problems.add(new Problem("source", "required: where the value comes from (a yearbook, a department's report)"));
        } else if (!source.isTextual()) {
            problems.add(new Problem("source", "must be a string"));
        } else {
            text = source.asText().strip();
            if (text.isEmpty()) {
                problems.add(new Problem("source", "must not be empty: say where the value comes from"));
            } else if (text.codePointCount(0, text.length()) > MAX_SOURCE_LENGTH) {
                problems.add(new Problem("source", "at most " + MAX_SOURCE_LENGTH + " characters"));
            } else if (CONTROL.matcher(text).find()) {
                problems.add(new Problem("source", "must not contain control characters"));
            }
        }
        if (!problems.isEmpty()) {
            throw StoreError.invalid("the value is not valid: " + problems.size() + " problem(s), each in details", problems);
        }
        return Map.entry(number, text);
    }

    // ---------- documents ----------

    private void sendActual(Context ctx, Actual a, boolean withAuthor) {
        Map<String, Object> doc = actualDocument(a, withAuthor);
        String api = Http.baseUrl(ctx) + OgcApi.PREFIX;
        doc.put("links", List.of(
                new Link(api + "/indicators/" + Http.encode(a.indicator()) + "/actuals/" + a.year(), "self", Http.JSON, "This value"),
                new Link(api + "/indicators/" + Http.encode(a.indicator()), "collection", Http.JSON, "The indicator and its history")));
        noStore(ctx).header("ETag", etag(a)).header("Vary", "Cookie, Authorization").contentType(Http.JSON).result(OgcApi.json(doc));
    }

    private static Map<String, Object> actualDocument(Actual a, boolean withAuthor) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("indicator", a.indicator());
        doc.put("year", a.year());
        doc.put("value", number(a.value()));
        doc.put("source", a.source());
        doc.put("version", a.version());
        doc.put("updated_at", a.time().toString());
        if (withAuthor && a.author() != null) {
            doc.put("updated_by", Map.of("id", a.author().userId(), "name", a.author().name()));
        }
        return doc;
    }

    private static Map<String, Object> historyDocument(ActualHistoryEntry e, boolean withAuthor) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("year", e.year());
        doc.put("version", e.version());
        doc.put("time", e.time().toString());
        doc.put("operation", e.operation().code());
        doc.put("before", e.before() == null ? null : valueAndSource(e.before()));
        doc.put("after", e.after() == null ? null : valueAndSource(e.after()));
        if (withAuthor && e.author() != null) {
            doc.put("author", Map.of("id", e.author().userId(), "name", e.author().name()));
        }
        return doc;
    }

    private static Map<String, Object> valueAndSource(Actual a) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("value", number(a.value()));
        doc.put("source", a.source());
        return doc;
    }

    /** A whole number as an integer (12, not 12.0), anything else as it is. */
    static Number number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) v;
    }

    private String version(Actual a) {
        return actuals.epoch() + "-" + a.version();
    }

    private String etag(Actual a) {
        return "\"" + version(a) + "\"";
    }

    private Indicator indicator(Context ctx) {
        String id = ctx.pathParam("indicatorId");
        return catalogue.indicator(id).orElseThrow(() -> StoreError.notFound("no indicator '" + ItemsRequestParser.clip(id) + "'"));
    }

    private int year(Context ctx) {
        String text = ctx.pathParam("year");
        int year;
        try {
            year = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("the year must be a number, got '" + ItemsRequestParser.clip(text) + "'");
        }
        if (!catalogue.actualYears().contains(year)) {
            throw StoreError.notFound("actual values are recorded for " + catalogue.actualYears().get(0) + "–"
                    + catalogue.actualYears().get(catalogue.actualYears().size() - 1) + ", not " + year);
        }
        return year;
    }

    private static void checkFormat(Context ctx) {
        String f = ItemsRequestParser.single(ctx.queryParamMap(), List.of("f")).get("f");
        if (f != null && !f.equals("json")) {
            throw ApiException.badParameter("'f' must be json");
        }
    }

    private static Map<String, Object> toMap(JsonNode node) {
        return JSON.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private static Context noStore(Context ctx) {
        return ctx.header("Cache-Control", "no-store");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
