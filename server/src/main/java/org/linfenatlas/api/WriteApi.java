package org.linfenatlas.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linfenatlas.auth.Authenticator;
import org.linfenatlas.auth.Principal;
import org.linfenatlas.edit.EditStamp;
import org.linfenatlas.edit.MergePatch;
import org.linfenatlas.edit.PlacementRecord;
import org.linfenatlas.edit.ProjectValidator;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.Author;
import org.linfenatlas.store.Change;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.HistoryEntry;
import org.linfenatlas.store.HistoryEntry.Operation;
import org.linfenatlas.store.ItemsQuery;
import org.linfenatlas.store.StoreError;
import org.linfenatlas.store.StoreError.Kind;
import org.linfenatlas.store.WriteRules;

/**
 * OGC API – Features Part 4 on the projects (create, replace, update by JSON Merge Patch, delete,
 * with optimistic locking by ETag), and each project's history with revert and restore. Every write
 * is authorised here, whatever a page shows: signed in (401), CSRF token for browser sessions (403),
 * every county of the project before and after the change in the user's scope (403). The body is
 * validated whole before anything is stored; the store commits the change with its history entry.
 */
public final class WriteApi {
    static final String ITEMS = OgcApi.PREFIX + "/collections/{collectionId}/items";
    static final String ITEM = ITEMS + "/{featureId}";
    static final String CHANGES = OgcApi.PREFIX + "/collections/{collectionId}/changes";
    /** Entries of the change feed: how many by default, and at most (more asked for are capped, as items' limit is). */
    static final int CHANGES_DEFAULT_LIMIT = 50;
    static final int CHANGES_MAX_LIMIT = 500;
    private static final List<String> BODY_TYPES = List.of("application/geo+json", "application/json");
    private static final List<String> PATCH_TYPES = List.of("application/merge-patch+json", "application/json");

    private final FeatureStore store;
    private final Authenticator auth;
    private volatile ValidatorForCounties validator;

    private record ValidatorForCounties(String countiesRevision, ProjectValidator validator) {
    }

    private final VersionTimes versionTimes;

    public WriteApi(FeatureStore store, Authenticator auth) {
        this(store, auth, new VersionTimes(java.time.Clock.systemUTC()));
    }

    /** @param versionTimes learns each version this server commits, at the commit's time (the items' timeStamp) */
    public WriteApi(FeatureStore store, Authenticator auth, VersionTimes versionTimes) {
        this.store = store;
        this.auth = auth;
        this.versionTimes = versionTimes;
    }

    public void register(JavalinConfig config) {
        config.routes.post(ITEMS, this::create);
        config.routes.put(ITEM, this::replace);
        config.routes.patch(ITEM, this::update);
        config.routes.delete(ITEM, this::delete);
        config.routes.get(ITEM + "/history", this::history);
        config.routes.head(ITEM + "/history", this::history);
        config.routes.post(ITEM + "/restore", this::restore);
        config.routes.post(ITEM + "/history/{version}/revert", this::revert);
        config.routes.get(CHANGES, this::changes);
        config.routes.head(CHANGES, this::changes);
    }

    private void create(Context ctx) {
        LayerSpec spec = writable(ctx);
        Principal user = auth.requireWriter(ctx);
        JsonNode body = body(ctx, BODY_TYPES);
        Instant now = now();
        String id = WriteRules.newFeatureId("p");
        Feature after = stamped(validator().validate(id, body), user, now);
        authorise(user, null, after);
        HistoryEntry entry = write(ctx, spec, new Change(spec.id(), Operation.CREATE, id, 0, after, author(user), now));
        ctx.header("Location", itemUrl(ctx, spec, id));
        sendFeature(ctx.status(201), spec, entry.after());
    }

    private void replace(Context ctx) {
        edit(ctx, Operation.REPLACE, BODY_TYPES, (before, body) -> body);
    }

    private void update(Context ctx) {
        edit(ctx, Operation.UPDATE, PATCH_TYPES, (before, patch) -> MergePatch.apply(MergePatch.toJson(before), patch));
    }

    /** PUT and PATCH: the stored feature (If-Match checked), the body made into the whole new feature, validated, committed. */
    private void edit(Context ctx, Operation op, List<String> types, java.util.function.BiFunction<Feature, JsonNode, JsonNode> wholeFeature) {
        LayerSpec spec = writable(ctx);
        Principal user = auth.requireWriter(ctx);
        Feature before = current(ctx, spec);
        authorise(user, before, null);
        Feature validated = validator().validate(before.id(), wholeFeature.apply(before, body(ctx, types)));
        Instant now = now();
        Feature placed = PlacementRecord.afterEdit(before, validated, user.name(), now);
        // the placement record may set precision and basis: what it changed is checked again, as a client's would be
        Feature after = stamped(placed == validated ? validated : revalidated(placed), user, now);
        authorise(user, before, after);
        HistoryEntry entry = write(ctx, spec, new Change(spec.id(), op, before.id(), before.version(), after, author(user), now));
        sendFeature(ctx.status(200), spec, entry.after());
    }

    private void delete(Context ctx) {
        LayerSpec spec = writable(ctx);
        Principal user = auth.requireWriter(ctx);
        Feature before = current(ctx, spec);
        authorise(user, before, null);
        write(ctx, spec, new Change(spec.id(), Operation.DELETE, before.id(), before.version(), null, author(user), now()));
        noStore(ctx).status(204);
    }

    /** An admin's: the deleted project back as it was when deleted, as a new version. */
    private void restore(Context ctx) {
        LayerSpec spec = writable(ctx);
        Principal user = requireAdmin(ctx);
        String id = ctx.pathParam("featureId");
        if (store.item(spec.id(), id).isPresent()) {
            throw StoreError.of(Kind.CONFLICT, "feature '" + ItemsRequestParser.clip(id) + "' is not deleted");
        }
        Feature last = store.history(spec.id(), id).stream().findFirst().filter(e -> e.after() == null)
                .map(HistoryEntry::before)
                .orElseThrow(() -> StoreError.notFound("no deleted feature '" + ItemsRequestParser.clip(id) + "' to restore"));
        Instant now = now();
        HistoryEntry entry = write(ctx, spec, new Change(spec.id(), Operation.RESTORE, id, 0, stamped(last, user, now), author(user), now));
        ctx.header("Location", itemUrl(ctx, spec, id));
        sendFeature(ctx.status(201), spec, entry.after());
    }

    /**
     * An admin's: undoes one committed change as a new change. The properties and geometry that change
     * altered go back to what they were before it, the rest stays as it is now; a create is undone by
     * deleting, a delete by restoring.
     */
    private void revert(Context ctx) {
        LayerSpec spec = writable(ctx);
        Principal user = requireAdmin(ctx);
        String id = ctx.pathParam("featureId");
        long version = parseVersion(ctx.pathParam("version"));
        HistoryEntry target = store.history(spec.id(), id).stream().filter(e -> e.version() == version).findFirst()
                .orElseThrow(() -> StoreError.notFound("feature '" + ItemsRequestParser.clip(id) + "' has no change " + version));
        Feature current = store.item(spec.id(), id).orElse(null);
        Instant now = now();
        Change change;
        if (target.after() == null) {
            if (current != null) {
                throw StoreError.of(Kind.CONFLICT, "the feature was restored since; nothing to revert");
            }
            change = new Change(spec.id(), Operation.RESTORE, id, 0, stamped(target.before(), user, now), author(user), now);
        } else if (current == null) {
            throw StoreError.of(Kind.CONFLICT, "the feature is deleted; restore it first");
        } else if (target.before() == null) {
            change = new Change(spec.id(), Operation.REVERT, id, current.version(), null, author(user), now);
        } else {
            Feature reverted = stamped(revalidated(Revert.undo(current, target.before(), target.after())), user, now);
            change = new Change(spec.id(), Operation.REVERT, id, current.version(), reverted, author(user), now);
        }
        HistoryEntry entry = write(ctx, spec, change);
        if (entry.after() == null) {
            noStore(ctx).status(204);
        } else {
            sendFeature(ctx.status(200), spec, entry.after());
        }
    }

    private void history(Context ctx) {
        LayerSpec spec = collection(ctx);
        Formats.check(ItemsRequestParser.single(ctx.queryParamMap(), List.of("f")).get("f"), Formats.JSON);
        String id = ctx.pathParam("featureId");
        List<HistoryEntry> entries = store.history(spec.id(), id);
        if (entries.isEmpty() && store.item(spec.id(), id).isEmpty()) {
            throw StoreError.notFound("no feature '" + ItemsRequestParser.clip(id) + "' in collection " + spec.id());
        }
        boolean signedIn = auth.principal(ctx).isPresent();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("collection", spec.id());
        doc.put("featureId", id);
        doc.put("deleted", store.item(spec.id(), id).isEmpty());
        doc.put("entries", entries.stream().map(e -> HistoryDocument.entry(e, signedIn)).toList());
        doc.put("links", List.of(new Link(itemUrl(ctx, spec, id), "about", Http.GEOJSON, "The feature")));
        noStore(ctx).header("Vary", "Cookie, Authorization").contentType(Http.JSON).result(OgcApi.json(doc));
    }

    /**
     * The collection's latest changes across its features, newest first, each as a feature's history
     * shows it plus the feature's id and name; with {@code deleted=true} only the features deleted now,
     * each by the change that deleted it: what an admin can restore. Authors for signed-in users only.
     */
    private void changes(Context ctx) {
        LayerSpec spec = collection(ctx);
        Map<String, String> params = ItemsRequestParser.single(ctx.queryParamMap(), List.of("deleted", "f", "limit"));
        int limit = ItemsRequestParser.limit(params, CHANGES_DEFAULT_LIMIT, CHANGES_MAX_LIMIT);
        String deleted = params.getOrDefault("deleted", "false");
        if (!deleted.equals("true") && !deleted.equals("false")) {
            throw ApiException.badParameter("'deleted' must be true or false, got '" + ItemsRequestParser.clip(deleted) + "'");
        }
        Formats.check(params.get("f"), Formats.JSON);
        boolean signedIn = auth.principal(ctx).isPresent();
        List<Map<String, Object>> entries = store.recentHistory(spec.id(), limit, deleted.equals("true")).stream()
                .map(e -> HistoryDocument.feedEntry(e, signedIn)).toList();
        Map<String, String> linkParams = new java.util.TreeMap<>(params);
        linkParams.put("limit", Integer.toString(limit));
        String collection = Http.baseUrl(ctx) + OgcApi.PREFIX + "/collections/" + spec.id();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("collection", spec.id());
        doc.put("entries", entries);
        doc.put("links", List.of(new Link(collection + "/changes" + Http.query(linkParams), "self", Http.JSON, "These changes"),
                new Link(collection, "collection", Http.JSON, spec.title())));
        noStore(ctx).header("Vary", "Cookie, Authorization").contentType(Http.JSON).result(OgcApi.json(doc));
    }

    /** Commits; a version mismatch found by the store itself (a writer in between) also names the current ETag. */
    private HistoryEntry write(Context ctx, LayerSpec spec, Change change) {
        try {
            HistoryEntry entry = store.write(change);
            versionTimes.committed(spec.id(), store.version(spec.id()).revision(), entry.time());
            return entry;
        } catch (StoreError e) {
            if (e.kind() == Kind.PRECONDITION_FAILED && e.currentVersion() != null) {
                store.item(spec.id(), change.featureId()).ifPresent(f ->
                        ctx.header("ETag", FeatureTags.etag(FeatureTags.version(store, spec, f), Crs.CRS84)));
            }
            throw e;
        }
    }

    /** A feature the server derived (placed, reverted) checked whole again, as a client's would be. */
    private Feature revalidated(Feature f) {
        return validator().validate(f.id(), MergePatch.toJson(f));
    }

    private LayerSpec collection(Context ctx) {
        String id = ctx.pathParam("collectionId");
        return store.collection(id).map(c -> c.spec())
                .orElseThrow(() -> StoreError.notFound("no collection '" + ItemsRequestParser.clip(id) + "'"));
    }

    /** Only the projects are edited over the API; counties, belts and rivers change by an admin's import. */
    private LayerSpec writable(Context ctx) {
        LayerSpec spec = collection(ctx);
        if (!AllowedMethods.writable(spec.id())) { // the 405 handler names what the path allows
            throw new ApiException(405, "MethodNotAllowed", "collection " + spec.id() + " is read-only");
        }
        return spec;
    }

    /** The feature as stored now, after checking If-Match against it: 428 without one, 412 (with the current ETag) when stale. */
    private Feature current(Context ctx, LayerSpec spec) {
        String ifMatch = ctx.header("If-Match");
        if (ifMatch == null || ifMatch.isBlank()) {
            throw StoreError.of(Kind.PRECONDITION_REQUIRED, "send If-Match with the feature's ETag (GET it first)");
        }
        String id = ctx.pathParam("featureId");
        Feature feature = store.item(spec.id(), id)
                .orElseThrow(() -> StoreError.notFound("no feature '" + ItemsRequestParser.clip(id) + "' in collection " + spec.id()));
        String version = FeatureTags.version(store, spec, feature);
        if (!FeatureTags.matches(ifMatch, version)) {
            ctx.header("ETag", FeatureTags.etag(version, Crs.CRS84));
            throw StoreError.versionMismatch("the feature changed since the ETag you sent; GET it again", feature.version());
        }
        return feature;
    }

    private static void authorise(Principal user, Feature before, Feature after) {
        if (before != null && !user.mayEdit(counties(before))) {
            throw StoreError.of(Kind.FORBIDDEN, "you may not edit projects of " + counties(before));
        }
        if (after != null && !user.mayEdit(counties(after))) {
            throw StoreError.of(Kind.FORBIDDEN, "you may not place a project in " + counties(after));
        }
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> counties(Feature f) {
        Object value = f.property("counties");
        return value instanceof Collection<?> list ? (Collection<String>) list : List.of();
    }

    private Principal requireAdmin(Context ctx) {
        Principal user = auth.requireWriter(ctx);
        if (!user.isAdmin()) {
            throw StoreError.of(Kind.FORBIDDEN, "only an admin may revert or restore");
        }
        return user;
    }

    private static JsonNode body(Context ctx, List<String> types) {
        String type = Optional.ofNullable(ctx.contentType()).map(t -> t.split(";")[0].strip().toLowerCase()).orElse("");
        if (!types.contains(type)) {
            throw new ApiException(415, "UnsupportedMediaType", "send the body as " + String.join(" or ", types));
        }
        return ProjectValidator.parseBody(ctx.bodyAsBytes());
    }

    private ProjectValidator validator() {
        String revision = store.version(Layers.COUNTIES).revision();
        ValidatorForCounties v = validator;
        if (v == null || !v.countiesRevision().equals(revision)) {
            v = new ValidatorForCounties(revision, new ProjectValidator(store.items(ItemsQuery.all(Layers.COUNTIES)).features()));
            validator = v;
        }
        return v.validator();
    }

    private static Feature stamped(Feature f, Principal user, Instant now) {
        return EditStamp.apply(f, user.userId(), now);
    }

    private static Author author(Principal user) {
        return new Author(user.userId(), user.name());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static long parseVersion(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("the version must be a number");
        }
    }

    private void sendFeature(Context ctx, LayerSpec spec, Feature feature) {
        String etag = FeatureTags.etag(FeatureTags.version(store, spec, feature), Crs.CRS84);
        byte[] body = FeatureJson.single(feature, Crs.CRS84, List.of(
                new Link(itemUrl(ctx, spec, feature.id()), "self", Http.GEOJSON, "This feature")));
        noStore(ctx).header("ETag", etag).contentType(Http.GEOJSON).result(body);
    }

    private static Context noStore(Context ctx) {
        return ctx.header("Cache-Control", "no-store");
    }

    private static String itemUrl(Context ctx, LayerSpec spec, String id) {
        return Http.baseUrl(ctx) + OgcApi.PREFIX + "/collections/" + spec.id() + "/items/" + Http.encode(id);
    }
}
